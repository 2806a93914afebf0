"""matplotlib SVG made fit to sit inline in one HTML page beside other charts: no XML
declaration, DOCTYPE or metadata (whose namespace URLs look like links), every id prefixed so
that two charts never share one, a viewBox that scales to the page width, and the same bytes
for the same figure (the ids are salted with a constant, as the Gantt chart's are)."""
from __future__ import annotations

import base64
import io
import re

_HEAD = re.compile(r"\A.*?(?=<svg\b)", re.S)
_META = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_SIZE = re.compile(r'(<svg\b[^>]*?)\s+width="([\d.]+)pt"\s+height="([\d.]+)pt"')
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(?:xlink:)?href="#([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")


def inline_svg(data: bytes | str, prefix: str, label: str = "") -> str:
    """The markup of an SVG file for an HTML page: ids prefixed with ``prefix-``, the size as
    a viewBox plus a ``max-width`` in points (so it never prints wider than drawn and shrinks
    to fit), an ``aria-label`` instead of the metadata."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    text = _HEAD.sub("", text, count=1)
    text = _META.sub("", text, count=1)
    text = _XMLNS.sub("", text)
    text = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f'href="#{prefix}-{m.group(1)}"', text)
    text = _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", text)
    aria = f' role="img" aria-label="{_attr(label)}"' if label else ""
    m = _SIZE.search(text)
    if m:
        w = float(m.group(2))
        text = text[:m.start()] + f'{m.group(1)} class="chart" style="max-width:{w:g}pt"' \
            + aria + text[m.end():]
    return text.strip() + "\n"


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def figure_svg(fig, title: str = "") -> bytes:
    """A matplotlib figure as SVG bytes with no date and fixed ids (call it under the chart's
    rc settings, :func:`planner.render.gantt.style.rc`)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    return buf.getvalue()


def data_uri(data: bytes, mime: str) -> str:
    """``data:image/png;base64,...``: an image that travels inside the page."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
