"""The figure: the options checked, the page laid out (:mod:`.page`), then four axes (table,
chart, and a header over each) and the artists drawn from the layout in a fixed order, so that
the same input gives the same file."""
from __future__ import annotations

import datetime as dt

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ...errors import PlanError
from ...schedule import Schedule
from .axis import draw_events, draw_shading, draw_time_grid
from .drawable import drawable, drawable_schedule
from .glyphs import draw_bars
from .layout import GanttLayout, Options
from .legend import draw_legend, draw_notes, draw_title
from .links import draw_links
from .measure import TextMeasure
from .page import Page, gantt_layout, lay_out
from .style import FORMATS, PAPER, rc
from .table import RowLabels, draw_bands, draw_headings, draw_table
from .tracking import baseline_bars
from .words import WORDS


def build_gantt(sched: Schedule, *, baseline=None, links: bool = False,
                lang: str = "nb", status_date: dt.date | None = None, paper: str = "A3",
                dpi: float = 150, max_name_chars: int | None = None, fmt: str = "png",
                title: str | None = None, scenario_label: str | None = None
                ) -> tuple[Figure, GanttLayout]:
    """Lay out and draw the chart; returns ``(figure, GanttLayout)`` without writing a file.
    ``baseline``: another :class:`~planner.schedule.Schedule` of the plan, or a saved
    :class:`~planner.tracking.Baseline` (see :func:`~.output.render_gantt`)."""
    if lang not in WORDS:
        raise PlanError(f"unknown language {lang!r}; use one of: {', '.join(WORDS)}")
    if paper not in PAPER:
        raise PlanError(f"unknown paper size {paper!r}; use one of: {', '.join(PAPER)}")
    if fmt not in FORMATS:
        raise PlanError(f"unknown chart format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if not dpi or dpi <= 0:
        raise PlanError(f"dpi must be a positive number, not {dpi!r}")
    with rc():
        m = TextMeasure()
        sched = drawable_schedule(sched, m.has_glyph)      # names the font can draw
        title, scenario_label = (None if s is None else drawable(s, m.has_glyph)
                                 for s in (title, scenario_label))
        opts = Options(baseline, links, lang, status_date, paper, float(dpi), max_name_chars,
                       fmt, title, scenario_label, baseline_bars(sched, baseline))
        page = lay_out(sched, opts, m)
        layout = gantt_layout(sched, opts, page)
        fig = Figure(figsize=(page.width, page.height), dpi=page.dpi)
        FigureCanvasAgg(fig)
        layout.links = draw(fig, sched, opts, page, m)
        return fig, layout


def draw(fig: Figure, sched: Schedule, opts: Options, page: Page, m: TextMeasure) -> int:
    """Every artist of the chart, in this order; returns the number of links drawn."""
    tasks = sched.plan.tasks
    n, t, tw = len(tasks), page.axis, page.table.width
    draw_title(fig, page)
    rows_h = n * page.row_h
    ax = _axes(fig, page, page.chart_left, page.rows_bottom, page.chart_w, rows_h)
    tab = _axes(fig, page, page.margin, page.rows_bottom, tw, rows_h)
    head = _axes(fig, page, page.chart_left, page.rows_top, page.chart_w, t.header_h)
    tab_head = _axes(fig, page, page.margin, page.rows_top, tw, t.header_h)
    ax.set_xlim(t.xlo, t.xhi)
    head.set_xlim(t.xlo, t.xhi)
    head.set_ylim(0, t.header_h)
    tab.set_xlim(0, tw)
    tab_head.set_xlim(0, tw)
    tab_head.set_ylim(0, t.header_h)
    for a in (ax, tab):
        a.set_ylim(n - 0.5, -0.5)
    draw_bands(ax, tab, tasks, page.phases, t.xlo, t.xhi, tw)
    draw_time_grid(ax, head, tab_head, t, n, page.fs, m, opts.lang, opts.words, tw)
    draw_headings(tab_head, page.table, opts.words, page.fs, t.head_row_h)
    draw_shading(ax, head, t, n)
    draw_events(ax, head, t, sched, opts.bars, n, page.fs)
    draw_table(tab, page.table, tasks, RowLabels(fig, m, page.fs, outlines=opts.fmt == "png"))
    draw_bars(ax, page, tasks, m, opts.baseline is not None)
    count = draw_links(ax, sched, page.rows, t.day_in, page.fs) if opts.links else 0
    draw_legend(fig, page, page.rows_bottom - 0.12)
    if page.notes:
        draw_notes(fig, page, tasks, opts.words, m, page.rows_bottom - 0.12 - page.legend_h)
    return count


def _axes(fig, page, x, y, w, h):
    ax = fig.add_axes((x / page.width, y / page.height, w / page.width, h / page.height))
    ax.set_axis_off()
    ax.set_autoscale_on(False)
    return ax


def label_boxes(fig) -> list[tuple[str, tuple]]:
    """Every visible label of a chart from :func:`build_gantt` with its box in pixels
    ``(x0, y0, x1, y1)``: Text artists and the glyph-outline labels alike.  Used to check that
    no two labels overlap."""
    from matplotlib.text import Text

    out = []
    with rc():
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for t in fig.findobj(Text):
            if t.get_visible() and t.get_text().strip():
                b = t.get_window_extent(renderer)
                out.append((t.get_text(), (b.x0, b.y0, b.x1, b.y1)))
    for ax in fig.axes:
        for coll in ax.collections:
            texts = getattr(coll, "planner_labels", None)
            if texts is None:
                continue
            tr = coll.get_transform()
            offsets = coll.get_offset_transform().transform(coll.get_offsets())
            for text, path, (ox, oy) in zip(texts, coll.get_paths(), offsets):
                v = tr.transform(path.vertices)    # control points bound the outline
                (x0, y0), (x1, y1) = v.min(axis=0), v.max(axis=0)
                out.append((text, (x0 + ox, y0 + oy, x1 + ox, y1 + oy)))
    return out
