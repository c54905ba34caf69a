"""Read the lesson-level parts of a lesson file: card, bridge, trainer notes, freshness."""

from __future__ import annotations

from kiosk.core import lessons as m
from kiosk.services.lessons.yaml_lines import LineDict, Reader


def read_card(r: Reader, tree: LineDict, p: str, what: str) -> m.TakeHomeCard | None:
    node = r.mapping(tree, "take_home_card", what)
    if node is None:
        return None
    r.keys(node, ("title", "steps", "qr", "qr_label"), "the take-home card")
    return m.TakeHomeCard(
        r.text(node, "title", f"{p}.card", "the take-home card"),
        r.strings(node, "steps", "the take-home card", path=f"{p}.card", required=True),
        r.string(node, "qr", "the take-home card", required=False) or None,
        r.text(node, "qr_label", f"{p}.card", "the take-home card", required=False),
        r.loc(r.line_of(tree, "take_home_card")),
    )


def read_bridge(r: Reader, tree: LineDict, p: str, what: str) -> m.Bridge:
    node = r.mapping(tree, "bridge", what)
    if node is None:
        return m.Bridge()
    r.keys(node, ("urls", "hotlines", "offices"), "the bridge")
    urls = tuple(
        m.Link(
            r.text(u, "label", f"{p}.bridge.url[{i + 1}]", "a bridge link"),
            r.string(u, "url", "a bridge link"),
        )
        for i, u in enumerate(r.mappings(node, "urls", "the bridge", False))
    )
    hotlines = tuple(
        m.Hotline(
            r.text(h, "label", f"{p}.bridge.hotline[{i + 1}]", "a hotline"),
            str(h.get("number", "")),
        )
        for i, h in enumerate(r.mappings(node, "hotlines", "the bridge", False))
    )
    return m.Bridge(urls, hotlines, r.strings(node, "offices", "the bridge", path=f"{p}.bridge"))


def read_prerequisite(r: Reader, node: LineDict) -> m.Prerequisite:
    kind = r.string(node, "kind", "a prerequisite", required=False, default="hard")
    if kind not in m.PREREQUISITE_KINDS:
        r.error(r.line_of(node, "kind"), f"prerequisite kind {kind!r} must be hard or soft")
    return m.Prerequisite(r.string(node, "lesson", "a prerequisite"), kind, r.loc(node.line))


def read_completion(r: Reader, tree: LineDict, what: str) -> m.CompletionRule:
    node = r.mapping(tree, "completion_rule", what, required=False)
    if node is None:
        return m.CompletionRule()
    r.keys(node, ("all_steps", "practice", "quiz_min_correct"), "the completion rule")
    return m.CompletionRule(
        r.flag(node, "all_steps", what, True),
        r.flag(node, "practice", what, True),
        r.integer(node, "quiz_min_correct", what, required=False, default=3),
    )


def read_trainer(r: Reader, tree: LineDict, p: str, what: str) -> m.Trainer:
    node = r.mapping(tree, "trainer", what, required=False)
    if node is None:
        return m.Trainer()
    w = "the trainer notes"
    r.keys(node, ("notes", "timing_plan", "prompts", "common_questions"), w)
    t = f"{p}.trainer"
    return m.Trainer(
        r.text(node, "notes", t, w, required=False),
        r.strings(node, "timing_plan", w, path=t),
        r.strings(node, "prompts", w, path=t),
        r.strings(node, "common_questions", w, path=t),
    )


def read_freshness(r: Reader, tree: LineDict, what: str) -> m.Freshness | None:
    node = r.mapping(tree, "freshness", what, required=False)
    if node is None:
        return None
    w = "freshness"
    r.keys(node, ("last_verified", "review_by", "sources"), w)
    last, review = r.day(node, "last_verified", w), r.day(node, "review_by", w)
    listed = r.mappings(node, "sources", w, False)
    for s in listed:  # a comma in an unquoted title splits it into a stray key: say so
        r.keys(s, ("title", "url", "checked"), "a source")
    sources = tuple(
        m.Source(
            r.string(s, "title", "a source"),
            r.string(s, "url", "a source"),
            r.day(s, "checked", "a source", False),
        )
        for s in listed
    )
    if last is None or review is None:
        return None
    if review < last:
        r.error(r.line_of(node, "review_by"), "review_by comes before last_verified")
    return m.Freshness(last, review, sources, r.loc(r.line_of(tree, "freshness")))
