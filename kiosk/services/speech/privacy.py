"""What the loudspeaker may say instead of personal data (ACCESSIBILITY 29-30)."""

from __future__ import annotations

from kiosk.i18n import _, ngettext


def digits_entered(count: int) -> str:
    """The neutral sentence for a number typed into a personal field, e.g. "10 digits entered"."""
    # TRANSLATORS: said on the loudspeaker instead of a PIN, phone or ID number.
    return ngettext("{count} digit entered.", "{count} digits entered.", count).format(count=count)


def characters_entered(count: int) -> str:
    """The neutral sentence for text typed into a personal field (name, address, e-mail)."""
    return ngettext("{count} character entered.", "{count} characters entered.", count).format(
        count=count
    )


def masked_character() -> str:
    """What the loudspeaker says for each character typed into a masked field."""
    # TRANSLATORS: said for each key pressed in a hidden field such as a PIN ("звездичка").
    return _("star")


def neutral_for(value: str) -> str:
    """The neutral sentence for `value`: digits counted as digits, anything else as characters."""
    compact = value.replace(" ", "")
    if compact.isdigit():
        return digits_entered(len(compact))
    return characters_entered(len(compact))
