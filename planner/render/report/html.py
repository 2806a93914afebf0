"""The report as one self-contained HTML file: inline CSS (screen and A4 print), inline SVG
charts, no script, no link to anything outside the file, so it opens from a USB stick or an
e-mail attachment with no network.  The same report gives the same bytes."""
from __future__ import annotations

from html import escape

from .css import CSS
from .doc import (Cell, Chart, Facts, Heading, Missing, Para, Rag, Report, Section, Table,
                  class_of, text_of)
from .svg import inline_svg
from .words import WORDS


def render_html(rep: Report) -> str:
    """The whole page."""
    w = WORDS[rep.lang]
    out = ["<!DOCTYPE html>", f'<html lang="{rep.lang}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(rep.title)}: {_e(rep.subtitle)}</title>",
           f"<style>\n{CSS}</style>", "</head>", "<body>", '<header class="masthead">',
           f'<p class="kicker">{_e(w["for_board"])}</p>', f"<h1>{_e(rep.title)}</h1>",
           f'<p class="subtitle">{_e(rep.subtitle)}</p>', _nav(rep), "</header>", "<main>"]
    for sec in rep.sections:
        out.append(_section(sec))
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _nav(rep: Report) -> str:
    items = "".join(f'<li><a href="#{s.key}">{_e(s.title)}</a></li>' for s in rep.sections
                    if s.key != "footer")
    return f'<nav class="toc"><ol>{items}</ol></nav>'


def _section(sec: Section) -> str:
    tag = "footer" if sec.key == "footer" else "section"
    parts = [f'<{tag} id="{sec.key}" class="sec sec-{sec.key}">', f"<h2>{_e(sec.title)}</h2>"]
    parts += [_block(b) for b in sec.blocks]
    parts.append(f"</{tag}>")
    return "\n".join(parts)


def _block(b) -> str:
    if isinstance(b, Para):
        cls = f' class="{b.cls}"' if b.cls else ""
        return f"<p{cls}>{_e(b.text)}</p>"
    if isinstance(b, Heading):
        return f"<h3>{_e(b.text)}</h3>"
    if isinstance(b, Missing):
        return f'<p class="missing">{_e(b.text)}</p>'
    if isinstance(b, Rag):
        return (f'<div class="rag rag-{b.level}"><span class="rag-subject">{_e(b.subject)}'
                f'</span> <span class="rag-label">{_e(b.label)}</span></div>\n'
                f'<p class="rule">{_e(b.rule)}</p>')
    if isinstance(b, Facts):
        rows = "\n".join(f"<dt>{_e(k)}</dt><dd{_cls(v)}>{_lines(text_of(v))}</dd>"
                          for k, v in b.rows)
        return f'<dl class="facts">\n{rows}\n</dl>'
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, Chart):
        return _chart(b)
    raise TypeError(f"no HTML for {type(b).__name__}")


def _chart(b: Chart) -> str:
    cls = "figure wide" if b.wide else "figure"
    cap = f"<figcaption>{_e(b.caption)}</figcaption>" if b.caption else ""
    svg = inline_svg(b.svg, b.name, b.alt)
    if not b.pages:
        return f'<figure class="{cls}">\n{svg}{cap}</figure>'
    views = "\n".join(_view(b, k, bands) for k, bands in enumerate(b.pages))
    return (f'<figure class="{cls} paged">\n<div class="whole">\n{svg}</div>\n'
            f'<div class="pages">\n{views}\n</div>\n{cap}</figure>')


def _view(b: Chart, k: int, bands: list) -> str:
    """Printed page ``k`` of a chart: the bands of the chart one under the other, each a
    window on the one drawing (``<use>``), so nothing is drawn twice."""
    w = b.size[0]
    parts, y = [], 0.0
    for y0, y1 in bands:
        h = y1 - y0
        parts.append(f'<svg x="0" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" '
                     f'viewBox="0 {y0:.2f} {w:.2f} {h:.2f}"><use href="#{b.name}-figure_1"/>'
                     f"</svg>")
        y += h
    label = f"{b.alt} ({k + 1}/{len(b.pages)})"
    return (f'<div class="page"><svg class="chart view" viewBox="0 0 {w:.2f} {y:.2f}" '
            f'style="max-width:{w:.2f}pt" role="img" aria-label="{_e(label)}">'
            + "".join(parts) + "</svg></div>")


def _table(t: Table) -> str:
    head = "".join(f'<th{" class=num" if k in t.num else ""}>{_e(h)}</th>'
                   for k, h in enumerate(t.head))
    body = []
    for row in t.rows:
        cells = "".join(f"<td{_cls(c)}>{_lines(text_of(c))}</td>" for c in row)
        body.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{_e(t.caption)}</caption>" if t.caption else ""
    return (f"<table>{cap}\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body)
            + "\n</tbody>\n</table>")


def _cls(value) -> str:
    cls = class_of(value) if isinstance(value, Cell) else ""
    return f' class="{cls}"' if cls else ""


def _lines(text: str) -> str:
    """Text, or a short list when it has more than one line."""
    if "\n" not in text:
        return _e(text)
    return '<ul class="items">' + "".join(f"<li>{_e(x)}</li>" for x in text.split("\n")) \
        + "</ul>"


def _e(text: str) -> str:
    return escape(text, quote=True)
