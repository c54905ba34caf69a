"""The outbox's pure rules: back-off bounds and jitter, state transitions, retention."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import outbox as rules
from kiosk.core.outbox import (
    Contact,
    Delivered,
    Entry,
    Location,
    Rejected,
    Report,
    RetryLater,
    RetryPolicy,
    State,
)

POLICY = RetryPolicy(base_seconds=10, max_seconds=600)


def make_entry(**changes: object) -> Entry:
    report = Report(
        service_code="28",
        location=Location(42.6977, 23.3219),
        description="The lamp is out",
        contact=Contact(first_name="Ivan", phone="0888"),
        consent=True,
    )
    entry = Entry(local_id=1, report=report, service_code="28", state=State.QUEUED)
    return replace(entry, **changes)  # type: ignore[arg-type]


def test_backoff_doubles_up_to_the_maximum() -> None:
    assert [POLICY.ceiling(n) for n in range(1, 9)] == [10, 20, 40, 80, 160, 320, 600, 600]
    assert POLICY.ceiling(10_000) == 600  # no overflow after days offline


@given(st.integers(min_value=1, max_value=200), st.floats(min_value=0, max_value=0.999999))
def test_full_jitter_stays_within_zero_and_the_ceiling(attempts: int, r: float) -> None:
    delay = POLICY.delay(attempts, lambda: r)
    assert 0 <= delay <= POLICY.ceiling(attempts)


def test_jitter_spreads_kiosks_that_failed_together() -> None:
    rng = random.Random(4)
    delays = {round(POLICY.delay(5, rng.random), 3) for _ in range(50)}
    assert len(delays) > 40
    assert max(delays) > 0.8 * POLICY.ceiling(5) and min(delays) < 0.2 * POLICY.ceiling(5)


def test_delivery_keeps_only_the_portal_references() -> None:
    sending = rules.start_sending(make_entry(), now=100)
    assert sending.state is State.SENDING and sending.attempts == 1
    done = rules.record(sending, Delivered(service_request_id="A-17"), 105, POLICY, random.random)
    assert done.state is State.DELIVERED
    assert done.report is None and done.service_request_id == "A-17"
    assert done.finished_at == 105 and done.service_code == "28"


def test_permanent_refusal_keeps_the_reason_and_drops_contact() -> None:
    sending = rules.start_sending(make_entry(), now=100)
    done = rules.record(sending, Rejected("Unknown category"), 101, POLICY, random.random)
    assert done.state is State.REJECTED and done.last_error == "Unknown category"
    assert done.report is not None and done.report.contact is None


def test_transient_failure_queues_again_with_backoff() -> None:
    entry = make_entry()
    for attempt in range(1, 5):
        entry = rules.start_sending(entry, now=entry.next_attempt_at)
        entry = rules.record(entry, RetryLater("offline"), entry.next_attempt_at, POLICY, lambda: 1)
        assert entry.state is State.QUEUED and entry.attempts == attempt
        assert entry.report is not None and entry.report.contact is not None
    assert entry.last_error == "offline"


def test_a_report_not_yet_due_cannot_be_sent() -> None:
    with pytest.raises(rules.TransitionError):
        rules.start_sending(make_entry(next_attempt_at=50), now=49)
    with pytest.raises(rules.TransitionError):
        rules.record(make_entry(), Delivered(token="t"), 1, POLICY, random.random)


def test_recover_requeues_only_sending() -> None:
    assert rules.recover(make_entry(state=State.SENDING, next_attempt_at=9)).state is State.QUEUED
    delivered = make_entry(state=State.DELIVERED)
    assert rules.recover(delivered) is delivered


def test_retention_purges_only_finished_entries_after_the_period() -> None:
    day = 86400.0
    done = make_entry(state=State.DELIVERED, finished_at=0.0)
    assert not rules.should_purge(done, 30 * day - 1, 30)
    assert rules.should_purge(done, 30 * day, 30)
    assert not rules.should_purge(make_entry(created_at=0.0), 400 * day, 30)


def test_contact_needs_consent_and_reference_round_trips() -> None:
    with pytest.raises(ValueError):
        Report("1", Location(address_string="ul. Shipka 6"), contact=Contact(email="a@b"))
    with pytest.raises(ValueError):
        Location(lat=42.0)
    report = Report("1", Location(address_string="ul. Shipka 6"), description="Hole")
    sent = report.description_with_reference()
    assert sent.startswith("Hole\n\n") and rules.reference_in(sent) == report.client_id
    assert rules.reference_in("no marker here") is None
