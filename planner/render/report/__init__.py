"""The board's monthly report: one self-contained HTML page (or Markdown) in Norwegian or
English, from a plan, its status, the status history, a baseline and a risk analysis.

Three steps, each its own idea:

- ``inputs``: :func:`gather` reads the files and computes the forecast, the baseline variance,
  the previous status, the history, the risk analysis and the loads into a :class:`ReportData`;
  ``tracked`` and ``risked`` hold the parts that need a status or estimates;
- the sections, each a function from :class:`ReportData` to a :class:`~.doc.Section` of plain
  blocks (:mod:`.doc`): ``summary`` (RAG), ``dates``, ``figures`` (trend, Gantt), ``period``
  (this/next period, critical path), ``risks``, ``resources`` (and the footer); ``build``
  puts them in order;
- the writers: :mod:`.html` (with :mod:`.css` and :mod:`.svg`) and :mod:`.md`.

Words and dates are in :mod:`.words`.  The same inputs give the same bytes: no timestamp
unless one is asked for (``stamp``).  matplotlib is imported only when a chart is drawn.
"""
from __future__ import annotations

from ...errors import PlanError
from .build import SECTIONS, build_report
from .html import render_html
from .inputs import DEFAULT_AMBER_DAYS, ReportData, gather
from .md import render_md

FORMATS = ("html", "md")


def format_of(path: str) -> str:
    """``html`` or ``md`` from a file name; a PlanError for any other ending."""
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    ext = {"htm": "html", "markdown": "md"}.get(ext, ext)
    if ext not in FORMATS:
        raise PlanError(f"cannot tell the report format from {path!r}: the file name must end "
                        f"in .html or .md")
    return ext


def report_text(data: ReportData, fmt: str = "html") -> str:
    """The report of ``data`` as HTML or Markdown text."""
    rep = build_report(data)
    return render_html(rep) if fmt == "html" else render_md(rep)


__all__ = ["DEFAULT_AMBER_DAYS", "FORMATS", "SECTIONS", "ReportData", "build_report",
           "format_of", "gather", "render_html", "render_md", "report_text"]
