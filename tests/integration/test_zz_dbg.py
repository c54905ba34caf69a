from typing import Any
from tests.integration.lesson_helpers import open_step_screen, press, step_number, visible
from tests.integration.conftest import walk, shown, settle, find

def test_dbg(kiosk: Any) -> None:
    L="l07-phone-scams"
    lessons = open_step_screen(kiosk, L)
    lessons = open_step_screen(kiosk, L, step=step_number(lessons, L, "call-try"))
    scr = find(kiosk.window, "widgetLoader")
    def dump():
        for i in walk(kiosk.window.contentItem()):
            n = i.objectName()
            if n in ("callAnswer","widgetLoader","stepBody","scrollDown","callLine","stepNext"):
                p = i.mapToScene(i.boundingRect().center())
                print(n, i.isVisible(), shown(i), int(p.x()), int(p.y()), i.width(), i.height())
    dump()
    print([ (t.text[:40], t.voice) for t in kiosk.bridges.speech.service.said][-4:] if hasattr(kiosk.bridges.speech.service,'said') else kiosk.bridges.speech.service.texts[-4:])
    press(kiosk, "callAnswer")
    dump()
    print(kiosk.bridges.speech.service.texts[-4:])
    assert False
