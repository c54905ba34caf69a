"""What the lessons screens say about languages: the notice above a list or a lesson, and the
languages each lesson in the list can be shown in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.i18n import NATIVE_NAMES, _

if TYPE_CHECKING:
    from kiosk.services.lessons.languages import CourseLanguages


def language_names(known: CourseLanguages | None, lesson_id: str) -> str:
    """The languages a lesson is complete in, by their own names: "Languages: Български"."""
    langs = known.of(lesson_id) if known is not None else ()
    # TRANSLATORS: under a lesson in the list: the languages it can be shown in.
    return _("Languages: {languages}").format(
        languages=", ".join(NATIVE_NAMES.get(lang, lang) for lang in langs)
    )


def language_notice(known: CourseLanguages | None, ui: str, lesson_id: str | None) -> str:
    """The notice for an open lesson (`lesson_id`) or for the list, when Bulgarian stands in."""
    if known is None:
        return ""
    if lesson_id is not None:
        if known.has(lesson_id, ui):
            return ""
        # TRANSLATORS: a lesson with no complete translation into the interface language.
        return _("This lesson is in Bulgarian for now. The buttons are in your language.")
    if known.all_in(ui):
        return ""
    if not known.any_in(ui):
        # TRANSLATORS: shown when the lessons have no translation into the interface language.
        return _("These lessons are in Bulgarian for now. The buttons are in your language.")
    # TRANSLATORS: the lessons list when only some lessons are translated.
    return _("Some lessons are in Bulgarian for now. Each lesson says its languages.")
