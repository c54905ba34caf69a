"""The Open311 client against recorded replies (httpx.MockTransport): what it sends, and how it
reads the replies real servers give."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

import httpx
import pytest

from kiosk.core.errors import NotFound, PortalRejected, PortalReplyInvalid
from kiosk.core.portal import NewRequest
from kiosk.services.portals.http import HttpLimits, build_client
from kiosk.services.portals.open311 import Open311Client

pytestmark = pytest.mark.anyio
BASE = "https://311.example.org/v2"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def client(
    handler: Callable[[httpx.Request], httpx.Response], **kw: str
) -> tuple[httpx.AsyncClient, Open311Client]:
    http = build_client(HttpLimits(), httpx.MockTransport(handler))
    return http, Open311Client(http, BASE + "/", **kw)


def json_reply(body: str, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=body.encode(), headers={"content-type": "text/plain"})


async def test_post_is_form_encoded_as_the_spec_says() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_reply('[{"service_request_id": 42}]', 201)

    http, o311 = client(handler, api_key="secret", locale="bg")
    async with http:
        new = NewRequest("28", lat=42.6936, long=23.3229, description="Лампа",
                         attributes={"WHAT": ("off", "blink"), "N": "2"})  # fmt: skip
        assert (await o311.submit(new)).service_request_id == "42"
    (request,) = seen
    assert request.method == "POST" and str(request.url) == BASE + "/requests.json"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    pairs = parse_qsl(request.content.decode())
    assert ("attribute[WHAT][]", "off") in pairs and ("attribute[WHAT][]", "blink") in pairs
    assert ("attribute[N]", "2") in pairs and ("api_key", "secret") in pairs
    assert ("description", "Лампа") in pairs and ("locale", "bg") in pairs
    assert not any(k in ("jurisdiction_id", "email", "phone") for k, _ in pairs)


async def test_gets_carry_jurisdiction_and_filters_but_never_the_key() -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return json_reply("[]")

    http, o311 = client(handler, api_key="secret", jurisdiction_id="sofia.bg")
    async with http:
        await o311.services()
        await o311.requests(service_codes=["1", "28"], status="open")
        await o311.requests(ids=["007", "A-1"], service_codes=["ignored"])
    services, listing, by_id = seen
    assert services.params["jurisdiction_id"] == "sofia.bg" and "api_key" not in services.params
    assert listing.params["service_code"] == "1,28" and listing.params["status"] == "open"
    assert by_id.params["service_request_id"] == "007,A-1"
    assert "service_code" not in by_id.params  # ids override every other filter


async def test_one_request_not_found_or_renumbered() -> None:
    replies = iter(["[]", '[{"service_request_id": "0042", "status": "open"}]'])
    http, o311 = client(lambda r: json_reply(next(replies)))
    async with http:
        with pytest.raises(NotFound):
            await o311.request("42")
        assert (await o311.request("42")).service_request_id == "0042"


async def test_post_results_that_are_and_are_not_acceptable() -> None:
    replies = iter([
        ('[{"token": "abc"}]', 200), ("", 202), ('[{"service_notice": "thanks"}]', 200),
        ('[{"code": 400, "description": "lat out of range"}]', 200),
    ])  # fmt: skip

    def handler(request: httpx.Request) -> httpx.Response:
        return json_reply(*next(replies))

    http, o311 = client(handler)
    where = NewRequest("1", address_string="пл. „Славейков“")
    async with http:
        assert (await o311.submit(where, service_type="batch")).token == "abc"
        assert (await o311.submit(where)).pending  # 202: queued by the server
        with pytest.raises(PortalReplyInvalid):
            await o311.submit(where)  # 200, neither id nor token
        with pytest.raises(PortalRejected, match="lat out of range"):
            await o311.submit(where)  # an error list served with 200
