"""Names as the chart can draw them: real people's text, whatever it holds.

A task name may hold emoji, control characters, newlines, scripts the font lacks, format
characters or lone surrogates.  The chart draws every name on one line in DejaVu Sans (the font
shipped with matplotlib, so that the same plan gives the same bytes on every machine), so for
drawing only:

* control characters (tab, newline, carriage return, the C0 and C1 ranges) and the line and
  paragraph separators become spaces, and the name is stripped;
* the name is composed (NFC: ``e`` + combining acute is ``é``), format characters (zero-width
  joiners and spaces, variation selectors, direction marks: matplotlib does no text shaping)
  are dropped, and a character the font has no glyph for becomes U+FFFD, a run of them one
  U+FFFD (an emoji sequence is one mark);
* a name is cut at ``MAX_DRAWN`` characters (no page is that wide).

The plan itself is not changed: SVG tooltips carry the full name (without the characters XML
cannot hold), and every other output keeps the text as it is.
"""
from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata

MAX_DRAWN = 500
REPLACEMENT = "\ufffd"
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]")
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """``text`` on one line, with only characters XML 1.0 can hold: control characters and
    line breaks as spaces, lone surrogates and U+FFFE/U+FFFF as U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, _LINE_BREAKING.sub(" ", text)).strip()


def drawable(text: str, has_glyph) -> str:
    """``text`` as the font can draw it (see the module notes); ``has_glyph(c)`` tells whether
    the font has a glyph for character ``c``."""
    text = one_line(text[: MAX_DRAWN * 2])
    if text.isascii() and text.isprintable():
        return text[:MAX_DRAWN]
    out = []
    for c in unicodedata.normalize("NFC", text):
        if unicodedata.category(c) == "Cf":
            continue
        if has_glyph(c):
            out.append(c)
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return "".join(out)[:MAX_DRAWN].strip()


def drawable_schedule(sched, has_glyph):
    """A shallow copy of ``sched`` whose plan has drawable task and project names."""
    plan = sched.plan
    tasks = [t if _plain(t.name) else dataclasses.replace(t, name=drawable(t.name, has_glyph))
             for t in plan.tasks]
    name = plan.name if _plain(plan.name) else drawable(plan.name, has_glyph)
    out = copy.copy(sched)
    out.plan = dataclasses.replace(plan, name=name, tasks=tasks)
    return out


def _plain(text: str) -> bool:
    return len(text) <= MAX_DRAWN and text.isascii() and text.isprintable() and \
        text == text.strip()
