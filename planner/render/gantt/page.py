"""The page, measured before anything is drawn: the largest font (9 pt down) whose rows fit the
paper at 0.16-0.26 in each (below that the page grows taller), and at that font where every
part goes: title, table, time axis, legend, footnotes, rows.  A :class:`Page` is plain
numbers; the drawing functions take it."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ...errors import PlanError
from ...schedule.resource_path import is_levelled
from .axis import TimeAxis, lay_out_axis, status_line_x, x_range
from .glyphs import room_for_phase_labels
from .layout import GanttLayout, baseline_rows, key_x, phase_ids, row_layouts
from .legend import (legend_entries, legend_height, legend_shape, notes_height, title_height,
                     title_lines)
from .style import PAPER
from .table import Table, table_columns
from .tracking import progress_rows

#: a PNG larger than this many pixels is drawn at a lower resolution (see ``GanttLayout.dpi``)
MAX_PIXELS = 40_000_000
MAX_PNG_SIDE = 32_000     # Agg refuses images of 2**16 pixels or more on a side
MIN_PNG_DPI = 30

MARGIN = 0.3              # inches round the page


@dataclass
class Page:
    """Where everything goes, in inches (x on the time axis in day ordinals)."""

    width: float
    margin: float
    fs: float                          # the font size of the table, axis and legend
    title: list                        # see legend.title_lines
    title_h: float
    table: Table
    rows: list                         # RowLayout per task
    chart_left: float
    chart_w: float
    axis: TimeAxis
    legend: list                       # (key, label), see legend.legend_entries
    legend_cols: int
    legend_h: float
    notes: list                        # the rows whose names were shortened
    notes_h: float
    phases: list                       # task ids of the phase summaries
    base_rows: dict                    # see layout.baseline_rows
    finish_change: tuple | None
    # known once the font size is chosen
    height: float = 0.0
    row_h: float = 0.0
    dpi: float = 0.0
    dpi_reduced: bool = False

    @property
    def fixed_h(self) -> float:
        """The height of everything but the rows."""
        return (2 * self.margin + self.title_h + self.axis.header_h + 0.12 + self.legend_h
                + self.notes_h)

    @property
    def rows_top(self) -> float:
        return self.height - self.margin - self.title_h - self.axis.header_h

    @property
    def rows_bottom(self) -> float:
        return self.rows_top - len(self.rows) * self.row_h


def lay_out(sched, opts, m) -> Page:
    """The page of ``sched``'s chart (``m``: a TextMeasure)."""
    n = len(sched.plan.tasks)
    page_w, page_h = PAPER[opts.paper]
    base_rows, finish_change = baseline_rows(sched, opts.bars)
    status_x = status_line_x(opts.status_date)
    xlo, xhi = x_range(sched, opts.bars, status_x)
    progress = progress_rows(sched, None if opts.bars is None or opts.bars.name is None
                             else opts.baseline)
    title = title_lines(sched, opts, m, PAPER[opts.paper][0] - 2 * MARGIN, finish_change)
    phases = phase_ids(sched)
    cache: dict = {}

    def row_height(fs):
        page = measure(sched, opts, m, fs, page_w, title, (xlo, xhi, status_x), phases,
                       base_rows, finish_change, cache, progress)
        row_h = max(0.16, min(0.26, (page_h - page.fixed_h) / max(n, 1)))
        return page, row_h, row_h * 72 * 0.62 >= fs - 1e-9

    lo, hi = 60, 90                      # tenths of a point
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if row_height(mid / 10)[2]:
            lo = mid
        else:
            hi = mid - 1
    page, row_h, _ok = row_height(lo / 10)
    page_h = max(page_h, page.fixed_h + n * row_h)
    dpi, reduced = png_dpi(opts.fmt, opts.dpi, n, page_w, page_h)
    return dataclasses.replace(page, height=page_h, row_h=row_h, dpi=dpi, dpi_reduced=reduced)


def measure(sched, opts, m, fs, page_w, title, x_span, phases, base_rows, finish_change,
            cache, progress=None) -> Page:
    """Everything but the rows' height at font size ``fs``."""
    tasks = sched.plan.tasks
    xlo, xhi, status_x = x_span
    margin = MARGIN
    table = table_columns(sched, opts, m, fs, page_w, progress)
    rows = row_layouts(sched, table.names, table.truncated, base_rows, progress)
    chart_left = margin + table.width + 0.15
    chart_w = page_w - chart_left - margin
    xhi = room_for_phase_labels(rows, tasks, set(phases), m, fs, chart_w, xlo, xhi)
    axis = lay_out_axis(sched, opts, m, fs, xlo, xhi, chart_w, status_x, cache)
    legend = legend_entries(opts, tasks, rows, is_levelled(sched))
    legend_rows, legend_cols = legend_shape(legend, m, fs, page_w - 2 * margin)
    notes = [r for r in rows if r.truncated]
    return Page(page_w, margin, fs, title, title_height(title), table, rows, chart_left,
                chart_w, axis, legend, legend_cols, legend_height(legend_rows, fs), notes,
                notes_height(notes, fs), phases, base_rows, finish_change)


def png_dpi(fmt: str, dpi: float, n: int, w: float, h: float) -> tuple[float, bool]:
    """The PNG's resolution: the one asked for, or lower (and True) to stay under
    MAX_PIXELS and MAX_PNG_SIDE; SVG and PDF keep it."""
    if fmt != "png":
        return dpi, False
    limit = min(math.sqrt(MAX_PIXELS / (w * h)), MAX_PNG_SIDE / max(w, h))
    if dpi <= limit:
        return dpi, False
    dpi = math.floor(limit)
    if dpi < MIN_PNG_DPI:
        raise PlanError(f"the chart ({n} rows, {h:.0f} inches tall) is too large for a "
                        f"readable PNG; write .svg or .pdf instead")
    return float(dpi), True


def gantt_layout(sched, opts, page: Page) -> GanttLayout:
    """What callers and tests see of the page."""
    t = page.axis
    return GanttLayout(opts.fmt, page.width, page.height, page.dpi, page.dpi_reduced,
                       page.row_h, page.fs, (t.xlo, t.xhi), rows=page.rows,
                       title=["".join(p[0] for p in parts) for _s, parts in page.title],
                       phases=list(page.phases), shading=t.shading, event_labels=t.events,
                       finish_x=key_x(sched, sched.project_finish_key), status_x=t.status_x,
                       finish_change=page.finish_change,
                       rows_top_in=page.height - page.rows_top)
