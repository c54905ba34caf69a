"""Read the lesson-level parts of a lesson file: card, bridge, trainer notes, freshness."""

from __future__ import annotations

from datetime import date

from kiosk.core import lessons as m
from kiosk.i18n import _
from kiosk.services.lessons.yaml_lines import LineDict, Reader, quoted


def read_card(r: Reader, tree: LineDict, p: str, what: str) -> m.TakeHomeCard | None:
    node = r.mapping(tree, "take_home_card", what)
    if node is None:
        return None
    w = _("the take-home card")
    r.keys(node, ("title", "steps", "qr", "qr_label"), w, ("title", "steps"))
    return m.TakeHomeCard(
        r.text(node, "title", f"{p}.card", w),
        r.strings(node, "steps", w, path=f"{p}.card", required=True),
        r.string(node, "qr", w, required=False) or None,
        r.text(node, "qr_label", f"{p}.card", w, required=False),
        r.loc(r.line_of(tree, "take_home_card")),
    )


def read_bridge(r: Reader, tree: LineDict, p: str, what: str) -> m.Bridge:
    node = r.mapping(tree, "bridge", what)
    if node is None:
        return m.Bridge()
    w = _("the bridge")
    r.keys(node, ("urls", "hotlines", "offices"), w)
    urls = []
    for i, u in enumerate(r.mappings(node, "urls", w, False)):
        link = _("a bridge link")
        r.keys(u, ("label", "url"), link, ("label", "url"))
        urls.append(
            m.Link(r.text(u, "label", f"{p}.bridge.url[{i + 1}]", link), r.string(u, "url", link))
        )
    hotlines = []
    for i, h in enumerate(r.mappings(node, "hotlines", w, False)):
        line = _("a hotline")
        r.keys(h, ("label", "number"), line, ("label", "number"))
        number = r.get(h, "number", (str, int), line, True)
        hotlines.append(
            m.Hotline(
                r.text(h, "label", f"{p}.bridge.hotline[{i + 1}]", line),
                "" if number is None else str(number),
            )
        )
    return m.Bridge(tuple(urls), tuple(hotlines), r.strings(node, "offices", w, path=f"{p}.bridge"))


def read_prerequisite(r: Reader, node: LineDict) -> m.Prerequisite:
    what = _("a prerequisite")
    r.keys(node, ("lesson", "kind"), what, ("lesson",))
    kind = r.string(node, "kind", what, required=False, default="hard")
    if kind not in m.PREREQUISITE_KINDS:
        r.error(
            r.line_of(node, "kind"),
            _("the prerequisite kind {value} must be hard or soft").format(value=quoted(kind)),
        )
    return m.Prerequisite(r.string(node, "lesson", what), kind, r.loc(node.line))


def read_completion(r: Reader, tree: LineDict, what: str) -> m.CompletionRule:
    node = r.mapping(tree, "completion_rule", what, required=False)
    if node is None:
        return m.CompletionRule()
    w = _("the completion rule")
    r.keys(node, ("all_steps", "practice", "quiz_min_correct"), w)
    return m.CompletionRule(
        r.flag(node, "all_steps", w, True),
        r.flag(node, "practice", w, True),
        r.integer(node, "quiz_min_correct", w, required=False, default=3),
    )


def read_trainer(r: Reader, tree: LineDict, p: str, what: str) -> m.Trainer:
    node = r.mapping(tree, "trainer", what, required=False)
    if node is None:
        return m.Trainer()
    w = _("the trainer notes")
    r.keys(node, ("notes", "timing_plan", "prompts", "common_questions"), w)
    t = f"{p}.trainer"
    return m.Trainer(
        r.text(node, "notes", t, w, required=False),
        r.strings(node, "timing_plan", w, path=t),
        r.strings(node, "prompts", w, path=t),
        r.strings(node, "common_questions", w, path=t),
    )


def read_freshness(r: Reader, tree: LineDict, what: str) -> m.Freshness | None:
    """The review dates and sources; when a date cannot be read (the reader said why), a
    stand-in that no rule complains about, so "needs 'freshness'" does not follow."""
    node = r.mapping(tree, "freshness", what, required=False)
    if node is None:
        return None
    w = "freshness"
    r.keys(node, ("last_verified", "review_by", "sources"), w, ("last_verified", "review_by"))
    last, review = r.day(node, "last_verified", w), r.day(node, "review_by", w)
    listed = r.mappings(node, "sources", w, False)
    sources = []
    for s in listed:  # a comma in an unquoted title splits it into a stray key: say so
        source = _("a source")
        r.keys(s, ("title", "url", "checked"), source, ("title", "url"))
        sources.append(
            m.Source(
                r.string(s, "title", source),
                r.string(s, "url", source),
                r.day(s, "checked", source, False),
            )
        )
    if last is not None and review is not None and review < last:
        r.error(
            r.line_of(node, "review_by"),
            _("review_by ({review}) comes before last_verified ({last})").format(
                review=review.isoformat(), last=last.isoformat()
            ),
        )
    return m.Freshness(
        last or date.min,
        review or date.max,
        tuple(sources),
        r.loc(r.line_of(tree, "freshness")),
    )
