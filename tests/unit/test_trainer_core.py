"""Trainer mode's pure parts: learner codes, their expiry, statistics suppression and CSV."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import learners, stats
from kiosk.core.learners import Progress
from kiosk.core.stats import Cell


def test_codes_use_only_unambiguous_characters() -> None:
    for _ in range(200):
        code = learners.new_code()
        assert len(code) == learners.CODE_LENGTH
        assert not set(code) & set("0O1IL")


def test_typed_code_is_forgiving_about_case_spaces_dashes_and_cyrillic() -> None:
    assert learners.normalise("km pр-3qxd") == "KMPP3QXD"  # Latin k, m, p, Cyrillic р
    assert learners.normalise("КМРН 3QXD") == "KMPH3QXD"  # all Cyrillic look-alikes
    assert learners.normalise("KMPP3QX") is None  # too short
    assert learners.normalise("KMPP3QX0") is None  # 0 is not in the alphabet


@given(st.text(alphabet=learners.ALPHABET, min_size=8, max_size=8))
def test_shown_code_reads_back(code: str) -> None:
    assert learners.normalise(learners.show(code)) == code


def test_hash_hides_the_code_and_is_stable() -> None:
    digest = learners.code_hash("KMPP3QXD")
    assert digest == learners.code_hash("KMPP3QXD") != learners.code_hash("KMPP3QXE")
    assert "KMPP3QXD" not in digest and len(digest) == 64


def test_expiry_counts_days_of_inactivity() -> None:
    day = learners.SECONDS_PER_DAY
    assert not learners.expired(0.0, 365 * day, 365)
    assert learners.expired(0.0, 365 * day + 1, 365)


def test_a_finished_lesson_stays_finished() -> None:
    progress = Progress(0.0, {"L01": learners.COMPLETED})
    assert progress.merge("L01", learners.STARTED) == learners.COMPLETED
    assert progress.merge("L02", learners.STARTED) == learners.STARTED
    assert Progress(
        0.0, {"L02": "done_in_class", "L01": "completed", "L03": "started"}
    ).completed() == [
        "L01",
        "L02",
    ]


def test_session_length_buckets() -> None:
    assert stats.length_bucket(30) == "0-2 min"
    assert stats.length_bucket(10 * 60) == "5-15 min"
    assert stats.length_bucket(4 * 3600) == "60+ min"


def _rows(text: str) -> dict[tuple[str, str, str], str]:
    return {
        (r["date"], r["metric"], r["value"]): r["count"] for r in csv.DictReader(io.StringIO(text))
    }


def test_small_counts_are_hidden_and_a_second_cell_protects_the_total() -> None:
    cells = [
        Cell("2026-11-02", stats.SESSIONS, "", 31),
        Cell("2026-11-02", stats.LANGUAGE, "bg", 27),
        Cell("2026-11-02", stats.LANGUAGE, "uk", 3),  # hidden: below 5
        Cell("2026-11-02", stats.LANGUAGE, "en", 1),  # hidden: below 5
        Cell("2026-11-03", stats.SESSIONS, "", 12),
        Cell("2026-11-03", stats.LANGUAGE, "bg", 10),
        Cell("2026-11-03", stats.LANGUAGE, "tr", 2),  # alone: bg must go too, or 12 - 10 = 2
        Cell("2026-11-04", stats.SESSIONS, "", 4),  # a day's total below 5 is hidden as well
    ]
    rows = _rows(stats.to_csv(cells, 5))
    assert rows[("2026-11-02", "sessions", "")] == "31"
    assert rows[("2026-11-02", "language", "bg")] == "27"
    assert rows[("2026-11-02", "language", "uk")] == "<5"
    assert rows[("2026-11-02", "language", "en")] == "<5"
    assert rows[("2026-11-03", "language", "tr")] == "<5"
    # hidden too, or 12 - 10 = 2; its own mark, since 10 is not below 5
    assert rows[("2026-11-03", "language", "bg")] == ">=5"
    assert rows[("2026-11-04", "sessions", "")] == "<5"


def test_the_file_explains_both_marks_on_the_rows_that_carry_them() -> None:
    cells = [
        Cell("2026-11-03", stats.SESSIONS, "", 7),
        Cell("2026-11-03", stats.LANGUAGE, "bg", 6),
        Cell("2026-11-03", stats.LANGUAGE, "en", 1),
    ]
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(stats.to_csv(cells, 5)))}
    assert (rows["en"]["count"], rows["bg"]["count"], rows[""]["count"]) == ("<5", ">=5", "7")
    assert rows["en"]["note"].startswith("Between 1 and 4")
    assert rows["bg"]["note"].startswith("5 or more")
    assert rows[""]["note"] == ""


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=6))
def test_no_count_below_the_threshold_is_ever_published(counts: list[int]) -> None:
    cells = [Cell("2026-11-02", stats.SERVICE_USED, f"s{i}", n) for i, n in enumerate(counts)]
    published = stats.publish(cells, 5)
    for p in published:
        # every statement is true of the real count
        if p.mark == "<5":
            assert 1 <= p.cell.count < 5
        elif p.mark == ">=5":
            assert p.cell.count >= 5
        else:
            assert p.count == p.cell.count and (p.count == 0 or p.count >= 5)
    hidden = [p for p in published if p.mark]
    assert len(hidden) != 1 or len(counts) == 1 or all(n == 0 or n < 5 for n in counts)


def test_values_are_cleaned_of_anything_but_plain_names() -> None:
    assert stats.safe_value("bg") == "bg"
    assert stats.safe_value("a,b\nc;d") == "abcd"
    assert stats.safe_value("") == "other"


def test_settings_file_keeps_comments_and_other_keys() -> None:
    from kiosk.services.trainer.settings_file import update_text

    text = '# installer\n[session]\nidle_seconds = 150  # slow\n\n[kiosk]\nvenue_name = "A"\n'
    new = update_text(
        text,
        {"session.idle_seconds": 200, "session.tap_filter_ms": 300, "speech.auto_read": False},
    )
    assert new.splitlines() == [
        "# installer",
        "[session]",
        "idle_seconds = 200",
        "tap_filter_ms = 300",
        "",
        "[kiosk]",
        'venue_name = "A"',
        "",
        "[speech]",
        "auto_read = false",
    ]
    assert 'venue_name = "Chitalishte \\"Nadezhda\\""' in update_text(
        "", {"kiosk.venue_name": 'Chitalishte "Nadezhda"'}
    )
