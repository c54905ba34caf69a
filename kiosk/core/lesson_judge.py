"""Judge what a learner did in a practice widget: right or not yet, a kind word, and done or not.

Widgets report plain events (`kind`, `value`): "tap"/"double_tap"/"hold" with a target id,
"drop" with "item:bin", "text" with what was typed, "words" with "|"-joined tiles, "judge" with
"message:verdict", "pick" with an id, "set" with "setting:value", "choose" with a choice id,
"zoom" with a factor, "call" with answer/back/red, "submitted" with a report number, "done".
Every judgement is friendly: a wrong try explains and invites another (CURRICULUM.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.lessons import Widget
from kiosk.i18n import _


@dataclass(frozen=True)
class Verdict:
    right: bool
    feedback: str
    passed: bool = False


def _by_id(items: Any) -> dict[str, Mapping[str, Any]]:
    return {str(i.get("id")): i for i in items or [] if isinstance(i, Mapping)}


def _label(items: Any, item_id: str) -> str:
    return str(_by_id(items).get(item_id, {}).get("label", item_id))


def normalise(text: str) -> str:
    """Case and spaces are forgiven when typing (CURRICULUM.md §6, keyboard_entry)."""
    return " ".join(text.split()).casefold()


def judge(widget: Widget, state: dict[str, Any], kind: str, value: str) -> Verdict:
    """Judge one event; `state` is this attempt's memory (emptied by Reset)."""
    p, rule, t = widget.params, widget.pass_rule, widget.type
    if kind == "done":  # the "do it for me" hint, or a widget with no finer events
        return Verdict(True, _("Well done. That is how it works."), True)
    if t in ("touch_target", "double_tap", "press_hold"):
        return _touch(p, rule, state, kind, value, t)
    if t in ("scroll_find", "swipe_pages"):
        if value == p.get("target"):
            return Verdict(True, _("Yes, you found it."), True)
        return Verdict(
            False,
            _("That is “{0}”. Keep looking.").format(
                _label(p.get("items") or p.get("pages"), value)
            ),
        )
    if t in ("drag_drop", "card_sort"):
        return _sort(p, state, value)
    if t == "keyboard_entry":
        expected = str(p.get("expected", ""))
        accept = str(p.get("accept") or "")
        ok = normalise(value) == normalise(expected) or bool(
            accept and re.fullmatch(accept, value.strip(), re.IGNORECASE)
        )
        if ok:
            return Verdict(True, _("Well typed. The text is right."), True)
        return Verdict(False, _("Not quite yet. Compare it with the example and try again."))
    if t == "password_builder":
        words = [w for w in value.split("|") if w]
        need = int(rule.get("min_words", p.get("min_words", 3)))
        if len(words) >= need:
            return Verdict(
                True, _("A strong passphrase: long, and easy for you to remember."), True
            )
        return Verdict(False, _("Add more words. {0} or more make it strong.").format(need))
    if t == "inbox_sim":
        return _inbox(p, state, value)
    if t in ("browser_sim", "map_list_sim", "transit_sim", "validator_sim"):
        return _pick(widget, value)
    if t == "settings_sim":
        return _settings(p, state, value)
    if t in ("scenario_branch", "call_sim"):
        return _branch(widget, value)
    if t == "pinch_zoom":
        if float(value or 0) >= float(p.get("factor", 2)):
            return Verdict(True, _("The picture is bigger now. Well done."), True)
        return Verdict(True, _("It is growing. Keep going."))
    if t == "video_call_sim":
        return _video_call(p, state, value)
    if t == "form_sim" and kind == "submitted":
        return Verdict(
            True, _("Your practice report was sent. Its number is {0}.").format(value), True
        )
    if t == "sequence_order":
        wanted = [str(i.get("id")) for i in p.get("items") or []]
        if value.split("|") == wanted:
            return Verdict(True, _("That is the right order."), True)
        return Verdict(False, _("Not this order yet. Look at the first step again."))
    if t == "sign_request_sim":
        return _sign(p, state, value)
    if t == "recovery_sim":
        return _recovery(p, state, value)
    if t == "chat_sim":
        return _chat(p, state, kind, value)
    return Verdict(True, _("Well done."), True)


def _touch(p: Any, rule: Any, state: dict[str, Any], kind: str, value: str, t: str) -> Verdict:
    wanted = {"touch_target": "tap", "double_tap": "double_tap", "press_hold": "hold"}[t]
    if kind != wanted:
        if t == "double_tap":
            return Verdict(False, _("That was one touch. Touch twice, quickly, in one place."))
        return Verdict(False, _("You lifted your finger early. Keep it there and count to two."))
    done: set[str] = state.setdefault("touched", set())
    done.add(value)
    need = int(rule.get("correct", 1))
    if len(done) >= need:
        return Verdict(True, _("Well done. You did it."), True)
    return Verdict(True, _("Good. {0} done, {1} to go.").format(len(done), need - len(done)))


def _recovery(p: Any, state: dict[str, Any], value: str) -> Verdict:
    """`value` is the id of the move touched: the next step puts it right; a later step is
    "not yet"; a wrong move says why it does not help."""
    steps = [s for s in p.get("steps") or [] if isinstance(s, Mapping)]
    done: list[str] = state.setdefault("done", [])
    wrong = _by_id(p.get("wrong")).get(value)
    if wrong is not None:
        return Verdict(False, str(wrong.get("why", "")))
    if value in done:
        return Verdict(True, _("Already done. What comes next?"))
    following = steps[len(done)] if len(done) < len(steps) else {}
    if value != following.get("id"):
        return Verdict(False, _("That comes later. First: {0}").format(following.get("label", "")))
    done.append(value)
    if len(done) == len(steps):
        return Verdict(
            True, (str(following.get("why", "")) + " " + _("You put it right.")).strip(), True
        )
    return Verdict(True, str(following.get("why", "")))


def _chat(p: Any, state: dict[str, Any], kind: str, value: str) -> Verdict:
    """ "send" with a line id (typed, a photo chosen, a voice message held); "photo" with
    "line:photo" when a photo is picked in the gallery; "voice" with "line:short" for a touch
    on the microphone that was not held."""
    line_id, _sep, detail = value.partition(":")
    line = _by_id(p.get("script")).get(line_id, {})
    if kind == "photo":
        if detail == line.get("photo"):
            return Verdict(True, _("That is the one. Now touch Send."))
        return Verdict(
            False,
            _("That is “{0}”. Look for “{1}”.").format(
                _label(p.get("gallery"), detail), _label(p.get("gallery"), str(line.get("photo")))
            ),
        )
    if kind == "voice":
        return Verdict(False, _("Hold the microphone button while you speak, and let go to send."))
    mine = {str(m.get("id")) for m in p.get("script") or [] if m.get("sender") == "me"}
    sent: set[str] = state.setdefault("sent", set())
    sent.add(line_id)
    if sent >= mine:
        return Verdict(True, _("Sent. Your message is on the right."), True)
    return Verdict(True, _("Sent. Now wait for the answer."))


def _video_call(p: Any, state: dict[str, Any], value: str) -> Verdict:
    """`value` is what was touched in the call: answer, decline, start (a call placed),
    connected (the other side answered), mute/unmute, camera-off/camera-on, back (the call
    shrinks to a small window), restore (back into it), red (the red button)."""
    in_call = state.setdefault("in_call", p.get("start") == "minimised")
    if value in ("answer", "connected", "restore"):
        state["in_call"] = True
    if value == "answer":
        return Verdict(True, _("You answered. Now end the call with the red button."))
    if value == "connected":
        return Verdict(
            True, _("{0} answered. End the call with the red button.").format(p.get("caller", ""))
        )
    if value == "restore":
        return Verdict(True, _("You are back in the call. Now touch the red button to end it."))
    if value == "start":
        return Verdict(True, _("It is ringing. Wait for the answer."))
    if value == "decline":
        return Verdict(False, _("You declined the call. This time answer with the green button."))
    if value in ("mute", "unmute"):
        on = value == "unmute"
        return Verdict(True, _("The microphone is on.") if on else _("The microphone is off."))
    if value in ("camera-off", "camera-on"):
        on = value == "camera-on"
        return Verdict(
            True, _("The camera is on: they see you.") if on else _("The camera is off.")
        )
    if value == "red" and in_call:
        state["in_call"] = False
        return Verdict(True, _("The call has ended. The red button always ends it."), True)
    if value == "red":
        return Verdict(True, _("You ended the call before it was answered. Call again."))
    return Verdict(
        False,
        _(
            "Back only made the call small. It goes on, and they still hear you. Touch the "
            "small window to go back, then the red button."
        ),
    )


def _sort(p: Any, state: dict[str, Any], value: str) -> Verdict:
    item_id, _sep, bin_id = value.partition(":")
    item = _by_id(p.get("items")).get(item_id, {})
    if item.get("bin") != bin_id:
        return Verdict(False, _("Not there. {0}").format(item.get("why", "")).strip())
    sorted_: set[str] = state.setdefault("sorted", set())
    sorted_.add(item_id)
    everything = set(_by_id(p.get("items")))
    return Verdict(True, str(item.get("why", "")), sorted_ >= everything)


def _sign(p: Any, state: dict[str, Any], value: str) -> Verdict:
    """`value` is "request:approve" or "request:refuse"; pass when every one is decided right."""
    request_id, _sep, decision = value.partition(":")
    request = _by_id(p.get("requests")).get(request_id, {})
    if (decision == "approve") != bool(request.get("self_started")):
        if decision == "approve":
            return Verdict(False, _("Stop and think: did you start this yourself? If not, refuse."))
        return Verdict(False, _("You started this one yourself, so it is safe to approve."))
    decided: set[str] = state.setdefault("decided", set())
    decided.add(request_id)
    done = decided >= set(_by_id(p.get("requests")))
    return Verdict(True, _("Right. Approve only what you started yourself."), done)


def _inbox(p: Any, state: dict[str, Any], value: str) -> Verdict:
    msg_id, _sep, verdict = value.partition(":")
    message = _by_id(p.get("messages")).get(msg_id, {})
    why = str(message.get("why", ""))
    if message.get("verdict") != verdict:
        return Verdict(False, _("Look again. {0}").format(why).strip())
    judged: set[str] = state.setdefault("judged", set())
    judged.add(msg_id)
    return Verdict(
        True, _("Right. {0}").format(why).strip(), judged >= set(_by_id(p.get("messages")))
    )


def _pick(widget: Widget, value: str) -> Verdict:
    p, t = widget.params, widget.type
    if t == "browser_sim":
        page = _by_id(p.get("pages")).get(value, {})
        return Verdict(
            bool(page.get("official")), str(page.get("why", "")), bool(page.get("official"))
        )
    if t == "validator_sim":
        card = _by_id(p.get("cards")).get(value, {})
        if card.get("valid"):
            return Verdict(True, _("The validator beeps: the trip is paid."), True)
        return Verdict(False, _("The validator says no. Try the other card."))
    items = p.get("places") if t == "map_list_sim" else p.get("stops")
    entry = _by_id(items).get(value, {})
    note = str(entry.get("note", "")) if t == "map_list_sim" else ""
    if value == p.get("target"):
        return Verdict(True, (_("Yes, that is the right one.") + " " + note).strip(), True)
    return Verdict(False, (_("Not this one. Read the names again.") + " " + note).strip())


def _settings(p: Any, state: dict[str, Any], value: str) -> Verdict:
    setting_id, _sep, chosen = value.partition(":")
    current: dict[str, str] = state.setdefault(
        "values", {str(s.get("id")): str(s.get("start")) for s in p.get("settings") or []}
    )
    current[setting_id] = chosen
    targets = {str(s.get("id")): str(s.get("target")) for s in p.get("settings") or []}
    if current == targets:
        return Verdict(True, _("That is it. The screen is set up the way you wanted."), True)
    return Verdict(True, _("Changed. Look at the example text."))


def _branch(widget: Widget, value: str) -> Verdict:
    """`value` is "node:choice". A choice flagged good (safe) is the good outcome; one that
    ends the story ("end", or a scene with no choices) without the flag is a bad ending."""
    p = widget.params
    nodes_key, flag = ("scenes", "good") if widget.type == "scenario_branch" else ("nodes", "safe")
    nodes = _by_id(p.get(nodes_key))
    node_id, _sep, choice_id = value.partition(":")
    chosen = _by_id(nodes.get(node_id, {}).get("choices")).get(choice_id, {})
    if chosen.get(flag):
        return Verdict(True, _("A safe ending. That is exactly what to do."), True)
    following = nodes.get(str(chosen.get("next")), {})
    if chosen.get("next") == "end" or not following.get("choices"):
        return Verdict(False, _("That ending is not safe. Try again and choose differently."))
    return Verdict(True, "")
