"""The report as Markdown (``-o report.md``): the same sections and words as the HTML page,
tables as pipe tables, charts as SVG images in data URIs so the file stands alone."""
from __future__ import annotations

from .doc import Chart, Facts, Heading, Missing, Para, Rag, Report, Table, text_of
from .svg import data_uri


def render_md(rep: Report) -> str:
    out = [f"# {rep.title}", "", f"*{rep.subtitle}*", ""]
    for sec in rep.sections:
        out += [f"## {sec.title}", ""]
        for b in sec.blocks:
            out += _block(b) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _block(b) -> list[str]:
    if isinstance(b, Para):
        return [f"**{_esc(b.text)}**" if b.cls == "lead" else _esc(b.text)]
    if isinstance(b, Heading):
        return [f"### {_esc(b.text)}"]
    if isinstance(b, Missing):
        return [f"> {_esc(b.text)}"]
    if isinstance(b, Rag):
        return [f"**{_esc(b.subject)}: {_esc(b.label)}**", "", f"*{_esc(b.rule)}*"]
    if isinstance(b, Facts):
        return _pipe(["", ""], [[k, text_of(v)] for k, v in b.rows], ())
    if isinstance(b, Table):
        return _pipe(b.head, [[text_of(c) for c in row] for row in b.rows], b.num)
    if isinstance(b, Chart):
        lines = [f"![{_esc(b.alt)}]({data_uri(b.svg, 'image/svg+xml')})"]
        return lines + ([f"*{_esc(b.caption)}*"] if b.caption else [])
    raise TypeError(f"no Markdown for {type(b).__name__}")


def _pipe(head: list, rows: list, num: tuple) -> list[str]:
    def line(cells):
        return "| " + " | ".join(_cell(c) for c in cells) + " |"

    rule = "|" + "|".join("---:" if k in num else "---" for k in range(len(head))) + "|"
    return [line(head), rule] + [line(r) for r in rows]


def _cell(text: str) -> str:
    return _esc(text).replace("|", "\\|").replace("\n", "; ")


def _esc(text: str) -> str:
    """Markdown's active characters at the start of text and inline (``*``, ``_``, ``<``)."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_") \
        .replace("<", "&lt;")
