"""The lessons screen and the step player in the real kiosk: tiles, a full walk of every lesson
in Bulgarian by taps, wrong tries and hints, leaving and resuming, and the language fallback."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.config import Settings
from kiosk.i18n import _
from kiosk.services.lessons.files import load_course
from kiosk.services.lessons.languages import read_languages
from tests.integration.conftest import find, settle, tap, walk
from tests.integration.lesson_helpers import hold, open_step_screen, press, viewport, visible
from tests.unit.lesson_solutions import right_moves, wrong_move

COURSE = load_course(lang="bg")


def do_widget(kiosk: Any, lessons: Any) -> None:
    """Complete the step's practice: real taps where the widget has buttons, else its events."""
    window = kiosk.window
    player = lessons._player
    widget = player.step.widget
    for kind, value in right_moves(widget):
        if widget.type == "touch_target":
            press(kiosk, f"target-{value}")
        elif widget.type == "double_tap":
            item = find(window, f"target-{value}")
            item.forceActiveFocus()
            settle(10, 2)
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
            QTest.mouseDClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                              centre)  # fmt: skip
            settle()
        elif widget.type == "press_hold":  # a real press, held past hold_seconds
            item = find(window, f"target-{value}")
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
            button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
            QTest.mousePress(window, button, none, centre)
            settle(int(float(widget.params["hold_seconds"]) * 1000) + 200, 1)
            QTest.mouseRelease(window, button, none, centre)
            settle()
        elif widget.type == "inbox_sim":
            press(kiosk, "judgeScam" if value.endswith(":scam") else "judgeSafe")
            if visible(kiosk, "inboxNext"):  # the flags are shown; the next waits for a touch
                press(kiosk, "inboxNext")
        elif widget.type == "video_call_sim":
            if value == "connected":  # the other side answers after a few rings
                for _wait in range(100):
                    if visible(kiosk, "callMute"):
                        break
                    settle(50, 1)
                continue
            press(kiosk, {"answer": "callAnswer", "start": "callStart", "restore": "callPip",
                          "red": "callEnd"}[value])  # fmt: skip
        elif widget.type in ("browser_sim", "map_list_sim", "transit_sim", "validator_sim"):
            press(kiosk, f"pick-{value}")
        elif widget.type in ("scenario_branch", "call_sim"):
            if visible(kiosk, "callAnswer"):  # a pretend call rings first
                press(kiosk, "callAnswer")
            press(kiosk, f"choice-{value.split(':')[1]}")
        elif widget.type == "chat_sim":
            line_id, _sep, photo = value.partition(":")
            line = next(m for m in widget.params["script"] if m["id"] == line_id)
            if kind == "photo":
                press(kiosk, "chatPhoto")
                press(kiosk, f"gallery-{photo}")
            elif line.get("kind") == "voice":
                hold(kiosk, "chatVoice")
            else:
                if line.get("kind", "text") == "text":  # typed (the keyboard has its own test)
                    find(window, "chatField").setProperty("text", "Добре")
                press(kiosk, "chatSend")
        elif widget.type == "sign_request_sim":
            request_id, _sep, choice = value.partition(":")
            press(kiosk, f"{choice}-{request_id}")
        elif widget.type == "recovery_sim":
            press(kiosk, f"action-{value}")
        elif widget.type == "sequence_order":
            for item_id in value.split("|"):
                press(kiosk, f"order-{item_id}")
            press(kiosk, "orderCheck")
        elif widget.type == "form_sim":
            for field in widget.params["fields"]:
                if field["kind"] == "choice":
                    press(kiosk, f"form-{field['id']}-0")
                elif field["kind"] in ("place", "text"):
                    find(window, f"form-{field['id']}").setProperty("text", "ул. Пример 12")
            settle()
            press(kiosk, "formReviewButton")
            press(kiosk, "formSend")
            for _wait in range(300):
                if player.done:
                    break
                settle(10, 1)
        else:
            lessons.act(kind, value)
            settle(10, 1)
    assert player.done, (player.step.id, lessons.feedback)


@pytest.mark.slow
@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in COURSE.lessons])
def test_every_lesson_can_be_played_to_the_end_in_bulgarian(
    make_kiosk: Any, lesson_id: str
) -> None:
    kiosk = make_kiosk(Settings({"session.tap_filter_ms": 0}), backend=True)
    lessons = open_step_screen(kiosk, lesson_id)
    for number in range(1, lessons.stepCount + 1):
        assert lessons.stepNumber == number
        player = lessons._player
        if player.step.widget is not None:
            do_widget(kiosk, lessons)
        if player.step.question is not None:
            q = player.step.question
            for option in q.correct or (q.options[0].id,):
                press(kiosk, f"option-{option}")  # one answer: touching it answers
            if q.type not in ("single_choice", "true_false", "self_rating"):
                press(kiosk, "checkAnswer")
            assert lessons.feedbackRight, lessons.feedback
        press(kiosk, "stepNext")
    assert kiosk.bridges.nav.screen == "lessons"
    assert _("Well done! You have finished this lesson.") in kiosk.bridges.speech.service.texts
    done = {entry["id"]: entry["done"] for m in lessons.modules for entry in m["lessons"]}
    assert done[lesson_id]


def test_the_home_tile_opens_the_lessons_and_a_tile_opens_a_lesson(kiosk: Any) -> None:
    kiosk.bridges.session.begin()
    kiosk.bridges.nav.go("home")
    settle()
    tap(kiosk.window, find(kiosk.window, "tileLessons"))
    assert kiosk.bridges.nav.screen == "lessons"
    first = COURSE.lessons[0]
    tap(kiosk.window, find(kiosk.window, f"lesson-{first.id}"))
    assert kiosk.bridges.nav.screen == "lesson-step"
    assert kiosk.bridges.lessons.stepNumber == 1
    assert kiosk.bridges.lessons.stepTitle == first.steps[0].title
    # the narration is spoken (the recording voice heard it)
    settle(200, 3)
    assert first.steps[0].narration.text in kiosk.bridges.speech.service.texts
    # leaving goes back to the list, not forward to another copy of it: Back then goes home
    press(kiosk, "leaveLesson")
    assert kiosk.bridges.nav._stack == ["home", "lessons"]


def test_a_wrong_try_explains_and_a_hint_is_one_touch_away(kiosk: Any) -> None:
    lesson = next(le for le in COURSE.lessons if any(s.widget and s.widget.type == "inbox_sim"
                                                   for s in le.steps))  # fmt: skip
    lessons = open_step_screen(kiosk, lesson.id)
    step = next(s for s in lesson.steps if s.widget and s.widget.type == "inbox_sim")
    kiosk.bridges.lessons.show_step(
        lesson.id, [s.id for s in lessons._player.steps].index(step.id) + 1
    )
    settle()
    _kind, value = wrong_move(step.widget)
    tap(kiosk.window, find(kiosk.window, "judgeSafe" if value.endswith(":safe") else "judgeScam"))
    assert not lessons.feedbackRight and lessons.feedback
    assert visible(kiosk, "feedback")
    assert lessons.hint == step.hints[0].text and visible(kiosk, "hintText")
    # the feedback and the hint push the practice past the screen's foot: they come into view
    settle(100, 2)
    note = find(kiosk.window, "feedback")
    top, bottom = viewport(note)
    assert top - 1 <= note.mapToScene(QPointF(0, 0)).y()
    assert note.mapToScene(QPointF(0, note.height())).y() <= bottom + 1
    tap(kiosk.window, find(kiosk.window, "hintButton"))
    assert lessons.hint == step.hints[1].text
    press(kiosk, "resetWidget")
    assert lessons.feedback == ""
    press(kiosk, "skipWidget")
    assert lessons.stepDone


def test_a_feedback_without_room_opens_whole_in_a_dialog(make_kiosk: Any) -> None:
    """A 1366 × 768 panel at the largest size: the chosen answer, its feedback and the step's
    controls are taller than the room. The question's text gives way, the feedback opens whole
    in a dialog (with a hint, when one is asked for), the screen then needs no Down, and More…
    shows the feedback again."""
    kiosk = make_kiosk(
        Settings({"session.tap_filter_ms": 0}), size=(1366, 768), panel_mm=1366 * 476 / 1920
    )
    lesson = next(le for le in COURSE.lessons if le.id == "l01-touch")
    number = next(n for n, s in enumerate(lesson.steps, 1) if s.question is not None)
    lessons = open_step_screen(kiosk, lesson.id, step=number)
    kiosk.bridges.session.setTextStep(2)
    settle()
    option = next(i.objectName() for i in walk(kiosk.window.contentItem())
                  if i.objectName().startswith("option-") and i.isVisible())  # fmt: skip
    press(kiosk, option)
    settle()
    assert lessons.feedback
    dialog = find(kiosk.window, "feedbackDialog")
    assert dialog.property("message") == lessons.feedback
    assert dialog.property("speakOnOpen") is False  # the lesson says its feedback itself
    assert not visible(kiosk, "feedback") and not visible(kiosk, "stepBody")
    tap(kiosk.window, find(kiosk.window, "feedbackClose"))
    settle()
    assert not visible(kiosk, "feedbackDialog")
    assert not find(kiosk.window, "screenHeader").parentItem().property("scrollable")
    tap(kiosk.window, find(kiosk.window, "stepMore"))
    assert lessons.feedback in str(find(kiosk.window, "stepMoreDialog").property("message"))
    tap(kiosk.window, find(kiosk.window, "moreClose"))
    press(kiosk, option)  # the same answer again: its feedback opens again
    settle()
    assert find(kiosk.window, "feedbackDialog").property("message") == lessons.feedback
    tap(kiosk.window, find(kiosk.window, "feedbackClose"))
    tap(kiosk.window, find(kiosk.window, "hintButton"))  # a hint: with the feedback, whole
    settle()
    message = str(find(kiosk.window, "feedbackDialog").property("message"))
    assert lessons.hint and lessons.hint in message and lessons.feedback in message
    assert not visible(kiosk, "hintText")


def test_leaving_mid_lesson_resumes_there_until_the_session_ends(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    press(kiosk, "stepNext")
    press(kiosk, "stepNext")
    assert lessons.stepNumber == 3
    press(kiosk, "leaveLesson")
    assert kiosk.bridges.nav.screen == "lessons"
    tap(kiosk.window, find(kiosk.window, "lesson-l01-touch"))
    assert lessons.stepNumber == 3
    tap(kiosk.window, find(kiosk.window, "stepBack"))
    assert lessons.stepNumber == 2
    kiosk.bridges.session.wipe()
    settle()
    lessons.start("l01-touch")
    assert lessons.stepNumber == 1


@pytest.mark.parametrize("lang", ["uk", "tr"])
def test_lessons_without_a_translation_are_shown_in_bulgarian_and_say_so(
    kiosk: Any, lang: str
) -> None:
    # A lesson the language's catalog does not translate whole (translators work lesson by lesson).
    missing = [i for i, ls in read_languages().languages.items() if lang not in ls]
    if not missing:
        pytest.skip(f"every lesson is translated into {lang}")
    lessons = open_step_screen(kiosk, missing[-1], lang)
    assert lessons.stepTitle == COURSE.lesson(missing[-1]).steps[0].title
    assert lessons.languageNotice and visible(kiosk, "stepNotice")


def test_lessons_follow_the_language_when_it_has_lessons(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch", "en")
    english = load_course(lang="en").lessons[0].steps[0].title
    assert lessons.stepTitle == english and lessons.languageNotice == ""
    kiosk.bridges.session.setLanguage("bg")
    settle()
    assert lessons.stepTitle == COURSE.lessons[0].steps[0].title


def test_a_pause_offers_the_first_hint_and_takes_nothing_away(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    lessons.show_step("l01-touch", 3)  # the touch practice
    settle()
    step = lessons._player.step
    lessons.paused()  # what the screen's pause timer calls
    assert lessons.hint == step.hints[0].text and not lessons.stepDone
    lessons.paused()  # a second pause does not climb further
    assert lessons.hint == step.hints[0].text


def test_one_touch_on_a_double_touch_target_says_how(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    number = next(
        n
        for n, s in enumerate(lessons._player.steps, 1)
        if s.widget and s.widget.type == "double_tap"
    )
    lessons.show_step("l01-touch", number)
    settle()
    target = lessons._player.step.widget.params["targets"][0]["id"]
    press(kiosk, f"target-{target}")
    settle(300, 3)  # the widget waits to tell one touch from two
    assert not lessons.feedbackRight
    assert lessons.feedback == _("That was one touch. Touch twice, quickly, in one place.")
    assert not lessons.stepDone


def test_quick_next_through_every_step_leaves_no_qml_errors(
    kiosk: Any, caplog: pytest.LogCaptureFixture
) -> None:
    lessons = open_step_screen(kiosk, COURSE.lessons[0].id)
    for lesson in COURSE.lessons:
        lessons.start(lesson.id)
        while not lessons.isLast:
            lessons.next()
            settle(0, 1)
    settle()
    assert not [r for r in caplog.records if r.message.startswith("QML")]


def test_listing_the_lessons_does_not_open_them(qapp: Any) -> None:
    """The progress store hears "resume_point" only when a lesson really opens (a learner-card
    store counts that as the lesson started)."""
    from kiosk.bridge.lessons import LessonsBridge
    from kiosk.core.lesson_progress import SessionProgress

    class Recording(SessionProgress):
        def __init__(self) -> None:
            super().__init__()
            self.asked: list[str] = []

        def resume_point(self, lesson_id: str) -> Any:
            self.asked.append(lesson_id)
            return super().resume_point(lesson_id)

    store = Recording()
    bridge = LessonsBridge(lambda: "bg", lambda _text: None, progress=store)
    bridge.openCourse()
    assert len(bridge.modules) == len(COURSE.modules) and store.asked == []
    bridge.start("l01-touch")
    assert store.asked == ["l01-touch"]


def test_a_question_is_read_with_its_options(qapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.bridge.lessons import LessonsBridge

    said: list[str] = []
    bridge = LessonsBridge(lambda: "bg", said.append)
    lesson = next(les for les in COURSE.lessons if any(s.question for s in les.steps))
    number, step = next((i, s) for i, s in enumerate(lesson.steps, 1) if s.question is not None)
    assert step.question is not None
    bridge.show_step(lesson.id, number)
    bridge.narrate()
    spoken = said[-1]
    assert spoken.startswith(step.narration.text.strip())
    for option in step.question.options:
        assert option.text.strip().rstrip(".!;,") in spoken
    assert spoken.index(step.question.options[0].text.strip().rstrip(".!;,")) > len(
        step.narration.text.strip()
    )
