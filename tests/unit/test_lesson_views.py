"""What the practice widgets draw, worked out in core: the inbox's red flags on the words."""

from __future__ import annotations

import pytest

from kiosk.core.lesson_views import inbox_message, prepare, segments
from kiosk.services.lessons.files import load_course


def test_a_flagged_phrase_is_one_piece_and_the_rest_are_words() -> None:
    pieces = segments("Платете 1,50 евро до 24 часа: kurier.info", [("hurry", "до 24 часа", 1)])
    # the colon right after the phrase stays with it, not alone on the line
    assert [p["text"] for p in pieces] == ["Платете", "1,50", "евро", "до 24 часа:", "kurier.info"]
    flagged = [p for p in pieces if p["flag"]]
    assert flagged == [{"text": "до 24 часа:", "flag": "hurry", "number": 1}]


def test_case_is_forgiven_and_missing_or_overlapping_phrases_are_left_out() -> None:
    pieces = segments(
        "Картата ви е блокирана. Влезте тук",
        [("a", "картата ви", 1), ("b", "ви е", 2), ("c", "няма го", 3)],
    )
    assert [(p["text"], p["flag"]) for p in pieces if p["flag"]] == [("Картата ви", "a")]
    assert " ".join(p["text"] for p in pieces) == "Картата ви е блокирана. Влезте тук"


def test_a_message_places_each_flag_once_in_sender_text_or_link() -> None:
    message = {
        "id": "m",
        "sender": "vrashtane@dannak-bg.com",
        "text": "Въведете картата. Пишете на vrashtane@dannak-bg.com",
        "link": "dannak-bg.com/x",
        "red_flags": [
            {"id": "sender", "text": "Адресът.", "words": "vrashtane@dannak-bg.com"},
            {"id": "card", "text": "Карта.", "words": "Въведете картата"},
            {"id": "gone", "text": "Няма го.", "words": "не е тук"},
        ],
    }
    view = inbox_message(message)
    assert [p["flag"] for p in view["sender_pieces"]] == ["sender"]
    assert "sender" not in {p["flag"] for p in view["text_pieces"]}  # once only
    assert [f["placed"] for f in view["red_flags"]] == [True, True, False]
    assert [f["number"] for f in view["red_flags"]] == [1, 2, 3]


@pytest.mark.parametrize("lang", ["bg", "en"])
def test_every_red_flag_of_the_course_is_on_its_message(lang: str) -> None:
    """The words of each flag are in the message in every complete language, so the learner
    sees them highlighted (a translator keeps the flag's words as in the message)."""
    for lesson in load_course(lang=lang).lessons:
        for step in lesson.steps:
            if step.widget is None or step.widget.type != "inbox_sim":
                continue
            view = prepare("inbox_sim", step.widget.params)
            for message in view["messages"]:
                missing = [f["id"] for f in message["red_flags"] if not f["placed"]]
                assert not missing, (lang, lesson.id, message["id"], missing)
