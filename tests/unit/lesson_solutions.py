"""The right actions for each practice widget, and a wrong one: what a careful learner would do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.core.lessons import Widget


def _ids(items: Any) -> list[str]:
    return [str(i["id"]) for i in items or [] if isinstance(i, Mapping)]


def right_moves(widget: Widget) -> list[tuple[str, str]]:
    """Events that pass the widget, in order."""
    p, t = widget.params, widget.type
    if t in ("touch_target", "double_tap", "press_hold"):
        kind = {"touch_target": "tap", "double_tap": "double_tap", "press_hold": "hold"}[t]
        return [(kind, i) for i in _ids(p["targets"])]
    if t in ("scroll_find", "swipe_pages"):
        return [("tap", str(p["target"]))]
    if t in ("drag_drop", "card_sort"):
        return [("drop", f"{i['id']}:{i['bin']}") for i in p["items"]]
    if t == "keyboard_entry":
        return [("text", "  " + str(p["expected"]).upper() + " ")]  # case and spaces forgiven
    if t == "password_builder":
        return [("words", "|".join(list(p["words"])[: int(p["min_words"])]))]
    if t == "inbox_sim":
        return [("judge", f"{m['id']}:{m['verdict']}") for m in p["messages"]]
    if t == "browser_sim":
        return [("pick", next(x["id"] for x in p["pages"] if x.get("official")))]
    if t == "validator_sim":
        return [("pick", next(x["id"] for x in p["cards"] if x.get("valid")))]
    if t in ("map_list_sim", "transit_sim"):
        return [("pick", str(p["target"]))]
    if t == "settings_sim":
        return [("set", f"{s['id']}:{s['target']}") for s in p["settings"]]
    if t in ("scenario_branch", "call_sim"):
        return _good_path(widget)
    if t == "pinch_zoom":
        return [("zoom", str(p["factor"]))]
    if t == "video_call_sim":
        first = {"outgoing": ["start", "connected"], "minimised": ["restore"]}
        return [("call", v) for v in [*first.get(p.get("start", ""), ["answer"]), "red"]]
    if t == "form_sim":
        return [("submitted", "PRACTICE-1")]
    if t == "sequence_order":
        return [("order", "|".join(_ids(p["items"])))]
    if t == "recovery_sim":
        return [("recover", i) for i in _ids(p["steps"])]
    if t == "sign_request_sim":
        return [
            ("decide", f"{r['id']}:{'approve' if r.get('self_started') else 'refuse'}")
            for r in p["requests"]
        ]
    if t == "chat_sim":
        moves = []
        for m in p["script"]:
            if m["sender"] == "me" and m.get("kind") == "photo":
                moves.append(("photo", f"{m['id']}:{m['photo']}"))
            if m["sender"] == "me":
                moves.append(("send", str(m["id"])))
        return moves
    return [("done", "")]


def wrong_move(widget: Widget) -> tuple[str, str] | None:
    """One event that is friendly-wrong for the widget (None when it has no wrong move)."""
    p, t = widget.params, widget.type
    if t == "touch_target":
        return None  # every touch on a target is right
    if t in ("double_tap", "press_hold"):
        return ("tap", _ids(p["targets"])[0])
    if t in ("scroll_find", "swipe_pages"):
        items = p.get("items") or p.get("pages")
        return ("tap", next(i for i in _ids(items) if i != p["target"]))
    if t in ("drag_drop", "card_sort"):
        item = p["items"][0]
        others = [b for b in _ids(p["bins"]) if b != item["bin"]]
        return ("drop", f"{item['id']}:{others[0] if others else 'nowhere'}")
    if t == "keyboard_entry":
        return ("text", "xyz")
    if t == "password_builder":
        return ("words", str(p["words"][0]))
    if t == "inbox_sim":
        m = p["messages"][0]
        return ("judge", f"{m['id']}:{'safe' if m['verdict'] == 'scam' else 'scam'}")
    if t == "browser_sim":
        return ("pick", next(x["id"] for x in p["pages"] if not x.get("official")))
    if t == "video_call_sim":
        return ("call", "back") if p.get("injected_mistake") == "back" else ("call", "decline")
    if t in ("map_list_sim", "transit_sim"):
        items = p["places"] if t == "map_list_sim" else p["stops"]
        return ("pick", next(i for i in _ids(items) if i != p["target"]))
    if t == "validator_sim":
        return ("pick", next(x["id"] for x in p["cards"] if not x.get("valid")))
    if t == "sequence_order":
        return ("order", "|".join(reversed(_ids(p["items"]))))
    if t == "recovery_sim":
        return ("recover", _ids(p["wrong"])[0])
    if t == "sign_request_sim":
        return (
            "decide",
            f"{next(r['id'] for r in p['requests'] if not r.get('self_started'))}:approve",
        )
    if t == "chat_sim":
        for m in p["script"]:
            if m["sender"] == "me" and m.get("kind") == "voice":
                return ("voice", f"{m['id']}:short")
        return None
    if t in ("scenario_branch", "call_sim"):
        bad = _path(widget, good=False)
        return bad[-1] if bad else None
    return None


def _good_path(widget: Widget) -> list[tuple[str, str]]:
    return _path(widget, good=True)


def _path(widget: Widget, good: bool) -> list[tuple[str, str]]:
    """Choices from the start to an ending that is safe (or not), by a depth-first search."""
    p = widget.params
    key, flag = ("scenes", "good") if widget.type == "scenario_branch" else ("nodes", "safe")
    nodes = {str(n["id"]): n for n in p[key]}

    def walk(node_id: str, seen: set[str]) -> list[tuple[str, str]] | None:
        for c in nodes[node_id].get("choices") or []:
            move = ("choose", f"{node_id}:{c['id']}")
            ends = c["next"] == "end" or not nodes.get(c["next"], {}).get("choices")
            if c.get(flag) or ends:
                if bool(c.get(flag)) == good:
                    return [move]
            elif c["next"] not in seen:
                rest = walk(str(c["next"]), seen | {str(c["next"])})
                if rest is not None:
                    return [move, *rest]
        return None

    return walk(str(p["start"]), {str(p["start"])}) or []
