"""The practice-widget catalogue (CURRICULUM.md §6): each widget's params and pass rule as a schema.

One table drives the loader (which params are translatable), the validator (types, limits,
references) and the authoring docs. A `Param` of kind "text" is lesson text for translators;
"str" is a fixed value (an address, a fixture); "ref" must name an `id` in another list param.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.i18n import _

KINDS = ("text", "str", "int", "float", "bool", "image", "list", "map", "ref", "choice")
# Colours a lesson may name (a circle "in red", a step's `shows: colours`): each is a Theme
# token (Theme.lessonRed...) and always comes with a word (ACCESSIBILITY: never by colour only).
COLOURS = ("red", "green", "blue", "yellow", "orange", "purple")


@dataclass(frozen=True)
class Param:
    kind: str
    required: bool = True
    item: Param | None = None  # list: the schema of each item
    fields: Mapping[str, Param] = field(default_factory=dict)  # map: its keys
    choices: tuple[str, ...] = ()  # choice: allowed values
    minimum: float | None = None
    maximum: float | None = None
    ref: str = ""  # ref: the params key of the list whose ids are allowed
    doc: str = ""


@dataclass(frozen=True)
class WidgetSpec:
    type: str
    doc: str
    params: Mapping[str, Param]
    pass_rule: Mapping[str, Param]
    # Checks the schema cannot express; each returns messages about the params.
    check: Callable[[Mapping[str, Any]], list[str]] | None = None
    # Named parts of the drawn widget that a step's `shows: elements` may ask for: fixed parts
    # ("callEnd") and prefixes joined to an item id ("target-" + "red").
    parts: tuple[str, ...] = ()
    id_parts: tuple[str, ...] = ()

    def has_part(self, name: str, ids: set[str]) -> bool:
        """Whether `name` is a part of this widget, given the ids of its params' items."""
        if name in self.parts:
            return True
        return any(name.startswith(p) and name[len(p) :] in ids for p in self.id_parts)


def text(doc: str = "", required: bool = True) -> Param:
    return Param("text", required, doc=doc)


def string(doc: str = "", required: bool = True) -> Param:
    return Param("str", required, doc=doc)


def integer(minimum: float | None = None, maximum: float | None = None, doc: str = "") -> Param:
    return Param("int", minimum=minimum, maximum=maximum, doc=doc)


def flag(doc: str = "", required: bool = True) -> Param:
    return Param("bool", required, doc=doc)


def choice(*choices: str, doc: str = "", required: bool = True) -> Param:
    return Param("choice", required, choices=choices, doc=doc)


def ref(to: str, doc: str = "") -> Param:
    return Param("ref", ref=to, doc=doc)


def items(doc: str = "", required: bool = True, **fields: Param) -> Param:
    """A list of mappings, each with a unique `id` plus the given fields."""
    return Param("list", required, item=Param("map", fields={"id": string(), **fields}), doc=doc)


def texts(doc: str = "", required: bool = True) -> Param:
    return Param("list", required, item=text(), doc=doc)


def _settings_check(params: Mapping[str, Any]) -> list[str]:
    problems = []
    for setting in params.get("settings") or []:
        values = [v.get("id") for v in setting.get("values") or [] if isinstance(v, Mapping)]
        for key in ("start", "target"):
            if setting.get(key) not in values:
                problems.append(
                    _("setting {id}: {key} {value} is not one of its values ({values})").format(
                        id=repr(setting.get("id")),
                        key=key,
                        value=repr(setting.get(key)),
                        values=", ".join(map(str, values)),
                    )
                )
    return problems


def _chat_check(params: Mapping[str, Any]) -> list[str]:
    problems = []
    for line in params.get("script") or []:
        kind = line.get("kind", "text")
        if kind == "photo" and line.get("sender") == "me" and not line.get("photo"):
            problems.append(
                _("the line {id} sends a photo: say which ('photo')").format(
                    id=repr(line.get("id"))
                )
            )
        if kind == "voice" and not line.get("seconds"):
            problems.append(
                _("the line {id} is a voice message: give its 'seconds'").format(
                    id=repr(line.get("id"))
                )
            )
    return problems


def _graph_check(nodes_key: str) -> Callable[[Mapping[str, Any]], list[str]]:
    def check(params: Mapping[str, Any]) -> list[str]:
        nodes = params.get(nodes_key) or []
        ids = {n.get("id") for n in nodes if isinstance(n, Mapping)}
        problems = []
        if params.get("start") not in ids:
            problems.append(
                _("start {value} is not the id of one of the {list}").format(
                    value=repr(params.get("start")), list=repr(nodes_key)
                )
            )
        for node in nodes:
            for c in node.get("choices") or []:
                if c.get("next") not in ids and c.get("next") != "end":
                    problems.append(
                        _(
                            "the choice {id} leads to {next}, which is not the id of one of the "
                            "{list} (or 'end')"
                        ).format(
                            id=repr(c.get("id")), next=repr(c.get("next")), list=repr(nodes_key)
                        )
                    )
        return problems

    return check


_TARGETS = items(
    "things to touch",
    label=text("its name, shown under it and read aloud"),
    size_mm=integer(15, 60, "touch size in mm"),
    colour=choice(*COLOURS, doc="a coloured circle (with its name under it)", required=False),
    image=Param("image", required=False, doc="a picture to touch (the label is its alt text)"),
)
_CORRECT = {"correct": integer(1, 20, "how many right touches pass")}
_SORT = {
    "prompt": text(),
    "bins": items("where items go", label=text()),
    "items": items("things to sort", label=text(), bin=ref("bins"), why=text()),
}

SPECS: dict[str, WidgetSpec] = {
    s.type: s
    for s in (
        WidgetSpec(
            "touch_target",
            "Tap big targets.",
            {"prompt": text(), "targets": _TARGETS},
            _CORRECT,
            id_parts=("target-", "done-"),
        ),
        WidgetSpec(
            "double_tap",
            "Two quick taps on one target.",
            {"prompt": text(), "targets": _TARGETS},
            _CORRECT,
            id_parts=("target-", "done-", "image-"),
        ),
        WidgetSpec(
            "press_hold",
            "Touch and hold until the target reacts.",
            {
                "prompt": text(),
                "targets": _TARGETS,
                "hold_seconds": Param("float", minimum=0.5, maximum=3),
            },
            _CORRECT,
            parts=("holdMenu",),
            id_parts=("target-", "done-"),
        ),
        WidgetSpec(
            "swipe_pages",
            "Swipe sideways through pages to find one.",
            {"prompt": text(), "pages": items(label=text()), "target": ref("pages")},
            {"reached": ref("pages")},
        ),
        WidgetSpec(
            "scroll_find",
            "Scroll a long list and tap the target.",
            {"prompt": text(), "items": items(label=text()), "target": ref("items")},
            {"tapped": ref("items")},
            parts=("scrollList",),
            id_parts=("item-",),
        ),
        WidgetSpec(
            "drag_drop",
            "Drag items into bins.",
            _SORT,
            {"all_sorted": flag()},
            id_parts=("sortItem-", "bin-"),
        ),
        WidgetSpec(
            "card_sort",
            "Sort cards into columns by tapping.",
            _SORT,
            {"all_sorted": flag()},
            id_parts=("sortItem-", "bin-"),
        ),
        WidgetSpec(
            "pinch_zoom",
            "Spread two fingers to enlarge an image.",
            {
                "prompt": text(),
                "image": Param("image"),
                "alt": text(),
                "factor": Param("float", minimum=1.5, maximum=5),
            },
            {"reached": flag()},
            parts=("zoomImage", "zoomBigger"),
        ),
        WidgetSpec(
            "keyboard_entry",
            "Type with the on-screen keyboard; case and spaces are forgiven.",
            {
                "prompt": text(),
                "label": text("the field's label"),
                "example": text("a format example under the field", required=False),
                "layout": choice("bg_phonetic", "jcuken", "qwerty", "alphabetical"),
                "start": string("text already in the field, e.g. a typo to fix", required=False),
                "expected": string("fictional text to type, never personal data"),
                "accept": string("a regular expression also accepted", required=False),
            },
            {"match": flag()},
            parts=("typeField", "typeCheck"),
        ),
        WidgetSpec(
            "settings_sim",
            "A pretend settings screen; reach the target values.",
            {
                "platform": choice("kiosk", "android", "ios"),
                "prompt": text(),
                "preview": text("sample text that changes as settings change"),
                "settings": items(
                    label=text(), values=items(label=text()), start=string(), target=string()
                ),
            },
            {"reached": flag()},
            _settings_check,
            parts=("settingsScreen", "settingsBar", "settingsPreview"),
        ),
        WidgetSpec(
            "browser_sim",
            "A pretend browser with results; find the official page.",
            {
                "prompt": text(),
                "query": text("what is typed in the search box"),
                "pages": items(
                    address=string(),
                    title=text(),
                    body=text(),
                    sponsored=flag(required=False),
                    official=flag(required=False),
                    why=text("shown after the page is chosen"),
                ),
            },
            {"page": ref("pages")},
            parts=("browserScreen", "browserBar", "browserPage", "browserBack"),
            id_parts=("pick-", "advert-"),
        ),
        WidgetSpec(
            "password_builder",
            "Build a passphrase from word tiles.",
            {"prompt": text(), "words": texts("word tiles"), "min_words": integer(3, 6)},
            {"min_words": integer(3, 6)},
            parts=("passphrase", "passphraseCheck"),
        ),
        WidgetSpec(
            "inbox_sim",
            "Messages to judge scam or safe, with red-flag hotspots.",
            {
                "prompt": text(),
                "messages": items(
                    channel=choice("sms", "email", "viber"),
                    sender=text("a fictional sender: a name, a number or an address"),
                    text=text(),
                    link=string(required=False),
                    verdict=choice("scam", "safe"),
                    why=text(),
                    red_flags=items(
                        text=text("what gives it away, listed under the message"),
                        words=text("the words of the sender, text or link that show it"),
                        required=False,
                    ),
                ),
            },
            {"all_judged": flag()},
            parts=(
                "inboxMessage",
                "judgeScam",
                "judgeSafe",
                "inboxNext",
                "inboxFlags",
                "inboxSafe",
            ),
            id_parts=("flag-", "flagNote-", "message-"),
        ),
        WidgetSpec(
            "call_sim",
            "A branching pretend phone call: the caller's lines are heard in a second voice, "
            "the learner's answers are the choices.",
            {
                "caller": text(),
                "start": string(),
                "nodes": items(
                    says=text(),
                    speaker=choice(
                        "caller",
                        "narrator",
                        doc="who says it: the caller (the other voice, default) or the narrator",
                        required=False,
                    ),
                    audio=string(required=False),
                    choices=items(
                        text=text(), next=string(), safe=flag(required=False), required=False
                    ),
                ),
            },
            {"safe_ending": flag()},
            _graph_check("nodes"),
            parts=("callScreen", "callState", "callAnswer", "callLine", "callHear"),
            id_parts=("choice-",),
        ),
        WidgetSpec(
            "chat_sim",
            "A pretend messenger chat with scripted replies: the learner types a reply on the "
            "on-screen keyboard, sends a photo from the gallery and a voice message.",
            {
                "contact": text(),
                "script": items(
                    sender=choice("them", "me"),
                    text=text("the message; for a reply typed by the learner, an example"),
                    kind=choice(
                        "text",
                        "photo",
                        "voice",
                        doc="what the message is (default text); photo: `photo` from the gallery",
                        required=False,
                    ),
                    photo=Param(
                        "ref", False, ref="gallery", doc="the photo to send, from the gallery"
                    ),
                    seconds=Param(
                        "int", False, minimum=1, maximum=60, doc="how long a voice message is"
                    ),
                ),
                "gallery": items(
                    "the pretend phone's photos to choose from",
                    image=Param("image"),
                    label=text("what the photo shows (its alt text)"),
                    required=False,
                ),
            },
            {"sent": flag()},
            _chat_check,
            parts=("chatField", "chatSend", "chatPhoto", "chatVoice", "chatGallery"),
            id_parts=("bubble-", "gallery-"),
        ),
        WidgetSpec(
            "video_call_sim",
            "A pretend video call, drawn full screen as messengers do; answer it or start it, "
            "mute, end with the red button (Back only shrinks it to a small window).",
            {
                "caller": text(),
                "injected_mistake": choice("back", "none", doc="back: the call has a Back arrow"),
                "start": choice(
                    "incoming",
                    "outgoing",
                    "minimised",
                    doc="it rings; the learner calls from the chat; or Back was just touched",
                    required=False,
                ),
                "picture": Param("image", required=False, doc="the caller on video"),
                "self_picture": Param("image", required=False, doc="the learner's own picture"),
            },
            {"ended_with_red": flag()},
            parts=(
                "callScreen",
                "callState",
                "callAnswer",
                "callDecline",
                "callStart",
                "callMute",
                "callCamera",
                "callEnd",
                "callBack",
                "callPip",
                "callPicture",
                "callSelf",
            ),
        ),
        WidgetSpec(
            "form_sim",
            "A practice e-service form sent to the practice portal.",
            {
                "service": text(),
                "service_code": string(
                    "the practice portal's Open311 service_code", required=False
                ),
                "fields": items(
                    label=text(),
                    kind=choice("choice", "place", "photo", "text"),
                    options=texts(required=False),
                    example=text(required=False),
                    image=Param("image", required=False, doc="photo: the practice photo to attach"),
                    alt=text("photo: what the practice photo shows", required=False),
                ),
                "checklist": texts(),
            },
            {"submitted": flag()},
            parts=("formReview", "formReviewButton", "formSend"),
            id_parts=("form-", "formPhoto-"),
        ),
        WidgetSpec(
            "map_list_sim",
            "Fictional places in a list and on a map; pick the right one.",
            {
                "prompt": text(),
                "places": items(
                    name=text(), address=text(), open_now=flag(), note=text(required=False)
                ),
                "target": ref("places"),
            },
            {"chosen": ref("places")},
            id_parts=("pick-",),
        ),
        WidgetSpec(
            "transit_sim",
            "Fictional stops and arrivals; pick the right stop.",
            {
                "prompt": text(),
                "stops": items(
                    code=string(),
                    name=text(),
                    arrivals=items(
                        "the stop's board: which lines come in how many minutes",
                        line=string("the line's number"),
                        kind=choice("bus", "tram", "trolleybus", "metro"),
                        towards=text("its last stop"),
                        minutes=integer(0, 90, "minutes until it comes (0: now)"),
                        required=False,
                    ),
                ),
                "target": ref("stops"),
            },
            {"chosen": ref("stops")},
            parts=("transitBoard",),
            id_parts=("pick-", "arrival-"),
        ),
        WidgetSpec(
            "validator_sim",
            "Tap a card on a pretend validator and read the result.",
            {"prompt": text(), "cards": items(label=text(), valid=flag())},
            {"paid": flag()},
            parts=("validatorScreen",),
            id_parts=("pick-",),
        ),
        WidgetSpec(
            "sign_request_sim",
            "Signing requests; approve only the one you started.",
            {"prompt": text(), "requests": items(origin=text(), text=text(), self_started=flag())},
            {"approved_only_own": flag()},
            id_parts=("approve-", "refuse-"),
        ),
        WidgetSpec(
            "recovery_sim",
            "The common mistake has happened: do what puts it right, in order (tempting wrong "
            "moves explain themselves).",
            {
                "prompt": text(),
                "situation": text("what the screen or the moment looks like after the mistake"),
                "image": Param("image", required=False, doc="a picture of that moment"),
                "alt": text("the picture's alt text", required=False),
                "steps": items("what puts it right, in order", label=text(), why=text()),
                "wrong": items("tempting moves that do not help", label=text(), why=text()),
            },
            {"recovered": flag()},
            parts=("recoverySituation", "recoveryDone"),
            id_parts=("action-", "done-"),
        ),
        WidgetSpec(
            "sequence_order",
            "Put steps in order (written here in the right order; shown shuffled).",
            {"prompt": text(), "items": items(label=text())},
            {"ordered": flag()},
            parts=("orderCheck",),
            id_parts=("order-",),
        ),
        WidgetSpec(
            "scenario_branch",
            "Scenes with choices leading to a good or bad outcome.",
            {
                "start": string(),
                "scenes": items(
                    text=text(),
                    choices=items(
                        text=text(), next=string(), good=flag(required=False), required=False
                    ),
                ),
            },
            {"good_outcome": flag()},
            _graph_check("scenes"),
            parts=("branchText",),
            id_parts=("choice-",),
        ),
    )
}
