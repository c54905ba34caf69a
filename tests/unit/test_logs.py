"""The log file: HTTP libraries never write request URLs or bodies into it (a Track number is in
a URL), whatever level the kiosk logs at."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kiosk.services.storage.logs import setup_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_no_url_or_body_reaches_the_log_even_at_debug(
    tmp_path: Path, restore_logging: None
) -> None:
    log_file = setup_logging(tmp_path, "DEBUG", console=False)
    assert log_file is not None

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"status": "open", "phone": "0888123456"})

    async def ask() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(reply)) as client:
            await client.get("https://city.example/open311/v2/requests/2026-987654.json")
            await client.post("https://city.example/x", data={"email": "ivan@example.bg"})

    asyncio.run(ask())
    logging.getLogger("kiosk.test").info("a line of the kiosk's own")
    text = log_file.read_text(encoding="utf-8")
    assert "a line of the kiosk's own" in text
    for secret in ("2026-987654", "city.example", "0888123456", "ivan@example.bg"):
        assert secret not in text
