"""Cut text into sentences and phrases, and give every word a start time from an engine's events."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from kiosk.services.speech.port import Word

# A sentence ends at . ! ? … (plus closing quotes or brackets) followed by a space and a capital,
# a digit or an opening quote; or at a line break. "ул. раковски" stays one sentence because the
# next word is lower case.
_SENTENCE_END = re.compile(r"""[.!?…]+["'»”)\]]*\s+(?=["'«„“(]?[\dA-ZА-ЯЁЇІЄҐÇĞİÖŞÜ])|\n\s*""")
# A phrase ends at a comma, semicolon, colon or dash followed by a space.
_PHRASE_END = re.compile(r"(?:[,;:]|\s[—–-])\s+")
_WORD = re.compile(r"\w(?:[\w'’-]*\w)?")


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`; together they cover it."""
    return _spans(text, _SENTENCE_END)


def phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the phrases of one sentence (split at , ; : and dashes)."""
    return _spans(text, _PHRASE_END)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, length) of each word of `text`."""
    return [(m.start(), m.end() - m.start()) for m in _WORD.finditer(text)]


def cover_words(text: str, events: Iterable[tuple[int, int]], end_ms: int) -> tuple[Word, ...]:
    """One Word per word of `text`, timed from the engine's (char position, ms) word events.

    Engines skip some words (espeak-ng joins a Bulgarian one-letter preposition with the next
    word and reports one event), so words without an event get a time interpolated between
    their neighbours by character position. Times strictly increase.
    """
    spans = word_spans(text)
    if not spans:
        return ()
    known: dict[int, int] = {}
    index = 0
    for position, ms in sorted(e for e in events if e[0] >= 0):
        # The event belongs to the word that contains its position (or the next word).
        while index < len(spans) and spans[index][0] + spans[index][1] <= position:
            index += 1
        if index == len(spans):
            break
        known.setdefault(index, ms)
    known.setdefault(0, 0)
    anchors = sorted(known.items())
    anchors.append((len(spans), max(end_ms, anchors[-1][1] + 1)))
    times: list[float] = [0.0] * len(spans)
    for (i0, t0), (i1, t1) in itertools.pairwise(anchors):
        c0 = spans[i0][0]
        c1 = spans[i1][0] if i1 < len(spans) else len(text)
        for i in range(i0, i1):
            share = (spans[i][0] - c0) / (c1 - c0) if c1 > c0 else 0.0
            times[i] = t0 + (t1 - t0) * share
    words: list[Word] = []
    previous = -1
    for (start, length), when in zip(spans, times, strict=True):
        offset = max(int(when), previous + 1)
        words.append(Word(start, length, offset))
        previous = offset
    return tuple(words)


def shift(words: Iterable[Word], chars: int, ms: int) -> tuple[Word, ...]:
    """The same words, `chars` further into the text and `ms` later in the audio."""
    return tuple(Word(w.start + chars, w.length, w.offset_ms + ms) for w in words)
