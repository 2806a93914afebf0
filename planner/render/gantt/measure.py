"""Text measured before it is drawn: the width of a label in inches, the longest prefix that
fits a width, and (for PNG) a label's glyph outlines, all from the font's own advances."""
from __future__ import annotations

import numpy as np
from matplotlib import font_manager

from .style import FONT


class TextMeasure:
    """Widths of single-line strings in inches from the font's advance widths, cached per
    character (FreeType's full layout costs ~20 us a character; this is a dict lookup)."""

    def __init__(self, family: str = FONT):
        from matplotlib.ft2font import LoadFlags

        self._flags = LoadFlags.NO_HINTING
        self._fonts, self._props = {}, {}
        for weight in ("normal", "bold"):
            prop = font_manager.FontProperties(family=family, weight=weight)
            self._props[weight] = prop
            self._fonts[weight] = font_manager.findfont(prop)
        self._adv: dict = {"normal": {}, "bold": {}}
        self._glyphs: dict = {}
        self._outlines: dict = {}
        self._has: dict = {}

    def has_glyph(self, c: str) -> bool:
        """Whether both weights of the font draw character ``c`` (not as the missing glyph)."""
        ok = self._has.get(c)
        if ok is None:
            ok = all(font_manager.get_font(f).get_char_index(ord(c)) != 0
                     for f in self._fonts.values())
            self._has[c] = ok
        return ok

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        adv = self._adv[weight]
        total = 0.0
        for c in text:
            a = adv.get(c)
            if a is None:
                font = font_manager.get_font(self._fonts[weight])
                font.set_size(100, 72)
                a = font.load_char(ord(c), flags=self._flags).linearHoriAdvance / 65536 / 100
                adv[c] = a
            total += a
        return total * size / 72 * 1.02       # points to inches, and 2 % to spare

    def outline(self, text: str, weight: str = "normal"):
        """The glyph outlines of ``text`` at 1 pt, baseline at y = 0, as (vertices, codes);
        characters placed by the same advances that :meth:`width` adds up."""
        key = (text, weight)
        found = self._outlines.get(key)
        if found is not None:
            return found
        from matplotlib.textpath import text_to_path

        prop = self._props[weight]
        adv = self._adv[weight]
        verts, codes, x = [], [], 0.0
        for c in text:
            g = self._glyphs.get((c, weight))
            if g is None:
                v, k = text_to_path.get_text_path(prop, c)
                g = (np.asarray(v, dtype=float).reshape(-1, 2) / text_to_path.FONT_SCALE,
                     np.asarray(k, dtype=np.uint8))
                self._glyphs[(c, weight)] = g
            if len(g[0]):
                verts.append(g[0] + (x, 0.0))
                codes.append(g[1])
            if c not in adv:
                self.width(c, 1.0, weight)
            x += adv[c]
        if verts:
            found = (np.concatenate(verts), np.concatenate(codes))
        else:
            found = (np.zeros((0, 2)), np.zeros(0, dtype=np.uint8))
        self._outlines[key] = found
        return found

    def fit(self, text: str, size: float, width: float, weight: str = "normal") -> str:
        """``text``, or its longest prefix that fits ``width`` inches followed by an ellipsis."""
        if self.width(text, size, weight) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + "…", size, weight) <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"
