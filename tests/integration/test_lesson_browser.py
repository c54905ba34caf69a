"""L04 by touch: the practice browser shows the search, the results with their addresses (the
paid one marked "Advert"), opens a page with its address on top, and goes back to the results;
only the official address passes."""

from __future__ import annotations

from typing import Any

from tests.integration.conftest import find
from tests.integration.lesson_helpers import (
    open_step_screen,
    press,
    reveal,
    shoot,
    step_number,
    visible,
)

LESSON = "l04-web-search"


def bar_text(kiosk: Any) -> str:
    texts = []
    from tests.integration.conftest import walk

    for item in walk(find(kiosk.window, "browserBar")):
        text = item.property("text")
        if isinstance(text, str) and text and item.isVisible():
            texts.append(text)
    return " ".join(texts)


def test_results_open_as_pages_and_only_the_official_address_passes(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, LESSON)
    lessons = open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, "official-try"))
    params = lessons._player.step.widget.params
    assert params["query"] in bar_text(kiosk)
    for page in params["pages"]:
        assert visible(kiosk, f"pick-{page['id']}")
        assert visible(kiosk, f"advert-{page['id']}") == bool(page.get("sponsored"))
    reveal(kiosk, "browserScreen")
    shoot(kiosk, "l04-results")
    ad = next(p for p in params["pages"] if p.get("sponsored"))
    press(kiosk, f"pick-{ad['id']}")
    assert visible(kiosk, "browserPage") and ad["address"] in bar_text(kiosk)
    assert not lessons.feedbackRight and not lessons.stepDone
    press(kiosk, "browserBack")
    assert not visible(kiosk, "browserPage") and visible(kiosk, f"pick-{ad['id']}")
    official = next(p for p in params["pages"] if p.get("official"))
    press(kiosk, f"pick-{official['id']}")
    assert lessons.stepDone and official["address"] in bar_text(kiosk)
