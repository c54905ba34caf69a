"""Portal domain models: the POST form, Call Sofia's states, errors for people, HTTP mapping."""

from __future__ import annotations

import pytest

from kiosk.core import errors
from kiosk.core.portal import (
    CALL_SOFIA_STATES,
    DESCRIPTION_MAX,
    NewRequest,
    PostResult,
    distance_m,
    from_open311,
    to_open311,
)
from kiosk.services.portals.http import Reply, check_content_type, raise_for_status


def test_form_fields_follow_the_spec() -> None:
    request = NewRequest(
        "28", lat=42.6936, long=23.3229, attributes={"LAMPS": "2", "WHAT": ("off", "blink")},
        description="  Лампата мига  ", first_name="Иван", phone=" ",
    )  # fmt: skip
    pairs = request.form_fields(api_key="k", jurisdiction_id="  ")
    assert pairs == [
        ("api_key", "k"),
        ("service_code", "28"),
        ("lat", "42.693600"),
        ("long", "23.322900"),
        ("attribute[LAMPS]", "2"),
        ("attribute[WHAT][]", "off"),
        ("attribute[WHAT][]", "blink"),
        ("first_name", "Иван"),
        ("description", "Лампата мига"),
    ]  # fmt: skip  (no empty jurisdiction, no blank phone, no email)


def test_form_fields_need_a_location_and_cap_the_description() -> None:
    with pytest.raises(ValueError):
        NewRequest("1").form_fields()
    with pytest.raises(ValueError):
        NewRequest("1", lat=42.0).form_fields()
    pairs = dict(NewRequest("1", address_id="A-7", description="x" * 5000).form_fields(
        jurisdiction_id="sofia.bg"))  # fmt: skip
    assert pairs["jurisdiction_id"] == "sofia.bg" and "api_key" not in pairs
    assert len(pairs["description"]) == DESCRIPTION_MAX


def test_pending_means_neither_id_nor_token() -> None:
    assert PostResult().pending
    assert not PostResult(token="t").pending and not PostResult(service_request_id="1").pending


@pytest.mark.parametrize(
    ("code", "status", "extended"),
    [(0, "open", ""), (1, "open", "OPEN"), (2, "open", "IN_PROGRESS"),
     (3, "open", "ACTION_SCHEDULED"), (4, "open", "INTERNAL_REFERRAL"), (5, "closed", "CLOSED"),
     (6, "closed", "NOT_COUNCILS_RESPONSIBILITY"), (99, "open", "")],
)  # fmt: skip
def test_call_sofia_states_to_open311(code: int, status: str, extended: str) -> None:
    assert to_open311(code) == (status, extended)


def test_open311_back_to_call_sofia() -> None:
    for state in CALL_SOFIA_STATES:
        for extended in state.extended:
            assert from_open311(state.status, extended.lower()) == state
    assert from_open311("closed", "DUPLICATE").code == 6
    assert from_open311("closed").code == 5 and from_open311(" OPEN ").code == 1
    assert from_open311("").code == 0 and from_open311("weird", "WEIRD").code == 0


def test_distance() -> None:
    assert distance_m(42.6936, 23.3229, 42.6936, 23.3229) == 0
    # one thousandth of a degree of latitude is about 111 m
    assert distance_m(42.6936, 23.3229, 42.6946, 23.3229) == pytest.approx(111.2, abs=0.5)


def test_every_error_has_a_short_human_message() -> None:
    kinds = [errors.PortalError, errors.PortalUnavailable, errors.PortalTimeout,
             errors.PortalRejected, errors.AccessDenied, errors.NotFound,
             errors.PortalReplyInvalid, errors.ReplyTooLarge]  # fmt: skip
    for kind in kinds:
        error = kind("HTTP 500 from http://x/services.json", status=500)
        assert error.human().endswith(".") and len(error.human()) < 100
        assert error.detail.startswith("HTTP 500") and "Traceback" not in error.human()


@pytest.mark.parametrize(
    ("status", "kind"),
    [(500, errors.PortalUnavailable), (502, errors.PortalUnavailable),
     (429, errors.PortalUnavailable), (400, errors.PortalRejected), (401, errors.AccessDenied),
     (403, errors.AccessDenied), (404, errors.NotFound), (410, errors.NotFound),
     (422, errors.PortalRejected), (304, errors.PortalReplyInvalid)],
)  # fmt: skip
def test_status_first_classification(status: int, kind: type[errors.PortalError]) -> None:
    with pytest.raises(kind) as caught:
        raise_for_status(Reply(status, "text/html", b"", "http://x"), "server words")
    assert type(caught.value) is kind and "server words" in caught.value.detail
    raise_for_status(Reply(201, "", b"", "http://x"))  # success raises nothing


@pytest.mark.parametrize(
    ("ctype", "expected", "ok"),
    [("application/json", "json", True), ("text/plain", "json", True), ("", "xml", True),
     ("application/vnd.x+json", "json", True), ("text/xml", "xml", True),
     ("application/atom+xml", "xml", True), ("text/html", "json", False),
     ("application/json", "xml", False), ("text/xml", "json", False),
     ("image/png", "json", False)],
)  # fmt: skip
def test_content_types(ctype: str, expected: str, ok: bool) -> None:
    reply = Reply(200, ctype, b"", "http://x")
    if ok:
        check_content_type(reply, expected)
    else:
        with pytest.raises(errors.PortalReplyInvalid):
            check_content_type(reply, expected)
