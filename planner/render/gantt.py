"""Gantt charts of a schedule with matplotlib: PNG, SVG or PDF for the transition board.

:func:`render_gantt` writes a chart; :func:`build_gantt` returns the matplotlib figure and a
:class:`GanttLayout` (every bar's position in day numbers, the page size, the title) so that
callers and tests can check what was drawn without reading pixels.

The chart is MS Project's Gantt view on one page: a table (ID, indented name, duration, start,
finish) on the left and one bar per task on a time axis on the right.  Phases (summary tasks) get
black summary bars with end caps and a tinted row band; critical tasks are red, others blue;
milestones are diamonds; deadlines are arrows above the bar (red when missed); total float is a
thin grey tail from a bar's finish to its late finish;
holiday seasons and public holidays are shaded; a weekly grid runs under year, month and ISO week
headings in Norwegian or English (no system locale is used).  An optional *baseline* schedule is
drawn as grey ghost bars under the current bars and the finish-date change goes in the title.

Coordinates: x is the proleptic ordinal of a date (``date.toordinal()``) as a float, so a bar
from the 08:00 start of day ``s`` to the 16:00 finish of day ``f`` spans ``[s, f + 1)``; y is the
row number (task ``i`` of the plan is row ``i``).  A time key (see :mod:`planner.calendar`) maps
to x by :func:`key_x`: an even key is the start of its day, an odd key the end of its day.

matplotlib is imported by this module only; ``planner.cli`` imports it inside ``planner gantt``.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np
from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from .. import __version__
from ..errors import PlanError
from ..scenario import working_days_between
from ..schedule import Schedule

FORMATS = ("png", "svg", "pdf")

#: landscape paper sizes in inches (ISO 216)
PAPER = {"A4": (11.69, 8.27), "A3": (16.54, 11.69), "A2": (23.39, 16.54),
         "A1": (33.11, 23.39), "A0": (46.81, 33.11)}

#: a PNG larger than this many pixels is drawn at a lower resolution (see ``GanttLayout.dpi``)
MAX_PIXELS = 40_000_000
MAX_PNG_SIDE = 32_000     # Agg refuses images of 2**16 pixels or more on a side
MIN_PNG_DPI = 30

FONT = "DejaVu Sans"      # shipped with matplotlib: the same glyphs (and bytes) on every machine

COLORS = {
    "critical": "#d62728", "normal": "#3a75c4", "summary": "#1a1a1a",
    "float": "#7f7f7f", "baseline": "#c4c4c4", "baseline_edge": "#8a8a8a",
    "season": "#ffe2b8", "holiday": "#dcdcdc", "finish": "#1a1a1a", "status": "#2ca02c",
    "link": "#6b6b6b", "zebra": "#f4f4f4", "phase": "#e3ebf6", "grid": "#e0e0e0",
    "month": "#b0b0b0", "header": "#eeeeee", "text": "#1a1a1a", "muted": "#555555",
    "later": "#b00000", "earlier": "#1a7f1a", "deadline": "#2ca02c", "deadline_missed": "#d62728",
    "delay": "#9467bd",
}

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WORDS = {
    "nb": {"id": "ID", "name": "Aktivitet", "dur": "Varighet", "start": "Start",
           "finish": "Slutt", "week": "uke", "d": "d",
           "finish_title": "Slutt", "start_title": "start", "cp": "kritisk linje",
           "wd": ("arbeidsdag", "arbeidsdager"), "cd": ("kalenderdag", "kalenderdager"),
           "baseline": "Grunnplan", "change": "endring", "same": "ingen endring",
           "scenario": "Scenario",
           "critical": "Kritisk aktivitet", "task": "Aktivitet", "summary": "Fase / sammendrag",
           "milestone": "Milepæl", "float": "Total slakk", "season": "Ferieperiode",
           "holiday": "Offentlig fridag", "finish_line": "Prosjektslutt",
           "status": "Statusdato", "link": "Avhengighet", "truncated": "Forkortede navn",
           "ghost": "Grunnplan (før endring)", "deadline": "Frist",
           "delay": "Utjevningsforsinkelse"},
    "en": {"id": "ID", "name": "Task", "dur": "Duration", "start": "Start",
           "finish": "Finish", "week": "week", "d": "d",
           "finish_title": "Finish", "start_title": "start", "cp": "critical path",
           "wd": ("working day", "working days"), "cd": ("calendar day", "calendar days"),
           "baseline": "Baseline", "change": "change", "same": "no change",
           "scenario": "Scenario",
           "critical": "Critical task", "task": "Task", "summary": "Phase / summary",
           "milestone": "Milestone", "float": "Total float", "season": "Holiday season",
           "holiday": "Public holiday", "finish_line": "Project finish",
           "status": "Status date", "link": "Dependency", "truncated": "Shortened names",
           "ghost": "Baseline (before the change)", "deadline": "Deadline",
           "delay": "Levelling delay"},
}


# -- small helpers ----------------------------------------------------------------------------
def key_x(sched: Schedule, k: int) -> float:
    """x of time key ``k``: the start of its day when even (08:00), the end when odd (16:00)."""
    return float(sched.date(k).toordinal() + (k & 1))


def deadline_x(task) -> float | None:
    """x of a task's deadline: the end of the deadline day (as a finish is drawn)."""
    return None if task.deadline is None else float(task.deadline.toordinal() + 1)


def long_date(d: dt.date, lang: str) -> str:
    """``fredag 28. juni 2024`` / ``Friday 28 June 2024``, without the system locale."""
    wd, month = WEEKDAYS[lang][d.weekday()], MONTHS[lang][d.month - 1]
    if lang == "nb":
        return f"{wd} {d.day}. {month} {d.year}"
    return f"{wd} {d.day} {month} {d.year}"


def short_date(d: dt.date, lang: str) -> str:
    return f"{d:%d.%m.%y}" if lang == "nb" else d.isoformat()


def count_text(n: int, words: tuple, signed: bool = False) -> str:
    word = words[0] if abs(n) == 1 else words[1]
    return f"{n:+d} {word}" if signed else f"{n} {word}"


def month_label(lang: str, month: int, width: str) -> str:
    name = MONTHS[lang][month - 1]
    if width == "full":
        return name
    if width == "abbr":
        return name[:3]
    return name[0]


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


def pack_lanes(spans: list[tuple[float, float]], gap: float) -> list[int]:
    """Greedy interval packing: the lowest lane in which each span (x0, x1) overlaps nothing."""
    ends: list[float] = []
    out = [0] * len(spans)
    for k in sorted(range(len(spans)), key=lambda j: spans[j]):
        x0, x1 = spans[k]
        for lane, end in enumerate(ends):
            if x0 >= end + gap:
                ends[lane] = x1
                out[k] = lane
                break
        else:
            ends.append(x1)
            out[k] = len(ends) - 1
    return out


# -- the layout returned to callers -------------------------------------------------------------
@dataclass
class RowLayout:
    """One task row: where its bar was drawn, in day-ordinal x (see the module docstring)."""

    row: int
    task_id: str
    kind: str                          # "task", "summary" or "milestone"
    start: dt.date
    finish: dt.date
    x0: float                          # bar start (milestone: its point)
    x1: float                          # bar end (milestone: == x0)
    critical: bool
    total_float: int
    float_x1: float | None             # end of the total-float tail, or None
    baseline: tuple | None             # (x0, x1) of the ghost bar, or None
    label: str                         # the name as shown (maybe shortened)
    truncated: bool
    deadline_x: float | None = None    # the end of the task's deadline day, or None
    delay_x0: float | None = None      # where a levelling delay line starts (it ends at x0)


@dataclass
class GanttLayout:
    fmt: str
    width_in: float
    height_in: float
    dpi: float                         # resolution used for a PNG (may be below the one asked)
    dpi_reduced: bool
    row_height_in: float
    font_size: float
    x_range: tuple                     # (first, last) day ordinal on the time axis
    rows: list = field(default_factory=list)
    title: list = field(default_factory=list)
    phases: list = field(default_factory=list)        # task ids of the phase summaries
    shading: list = field(default_factory=list)       # (x0, x1, name, kind)
    event_labels: list = field(default_factory=list)  # (text, x0_in, x1_in, lane)
    finish_x: float = 0.0
    status_x: float | None = None
    links: int = 0
    finish_change: tuple | None = None                # (working days, calendar days) vs baseline

    @property
    def pixels(self) -> tuple:
        return (int(self.width_in * self.dpi), int(self.height_in * self.dpi))


# -- the chart ------------------------------------------------------------------------------------
def phase_ids(sched: Schedule) -> list[str]:
    """The summaries the board calls phases: the children of a single top-level summary (the
    project summary task, as in the seed plan) or else the top-level summaries."""
    tasks = sched.plan.tasks
    top = [t for t in tasks if t.parent is None]
    if len(top) == 1 and top[0].summary:
        return [t.id for t in tasks if t.parent == top[0].id and t.summary]
    return [t.id for t in top if t.summary]


def build_gantt(sched: Schedule, *, baseline: Schedule | None = None, links: bool = False,
                lang: str = "nb", status_date: dt.date | None = None, paper: str = "A3",
                dpi: float = 150, max_name_chars: int | None = None, fmt: str = "png",
                title: str | None = None, scenario_label: str | None = None):
    """Lay out and draw the chart; returns ``(figure, GanttLayout)`` without writing a file."""
    if lang not in WORDS:
        raise PlanError(f"unknown language {lang!r}; use one of: {', '.join(WORDS)}")
    if paper not in PAPER:
        raise PlanError(f"unknown paper size {paper!r}; use one of: {', '.join(PAPER)}")
    if fmt not in FORMATS:
        raise PlanError(f"unknown chart format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if not dpi or dpi <= 0:
        raise PlanError(f"dpi must be a positive number, not {dpi!r}")
    with _rc():
        return _Builder(sched, baseline, links, lang, status_date, paper, float(dpi),
                        max_name_chars, fmt, title, scenario_label).build()


class _Builder:
    def __init__(self, sched, baseline, links, lang, status_date, paper, dpi, max_name_chars,
                 fmt, title, scenario_label):
        self.s = sched
        self.base = baseline
        self.links = links
        self.lang = lang
        self.w = WORDS[lang]
        self.status_date = status_date
        self.paper = paper
        self.dpi = dpi
        self.max_name_chars = max_name_chars
        self.fmt = fmt
        self.title = title
        self.scenario_label = scenario_label
        self.m = TextMeasure()
        self.tasks = sched.plan.tasks
        self.n = len(self.tasks)
        self.phase_set = set(phase_ids(sched))
        # PNG: the table's labels as glyph outlines (matplotlib 3.11 spends ~0.1 ms a glyph
        # drawing Text; outlines cost a tenth of that).  SVG and PDF keep real text: it is
        # searchable, carries the SVG tooltips and makes files a fraction of the size.
        self.outlines = fmt == "png"
        self._pending: dict = {}

    # -- geometry ---------------------------------------------------------------------------
    def build(self):
        s, n = self.s, self.n
        page_w, page_h = PAPER[self.paper]
        self.margin = 0.3
        self.base_rows = self._baseline_rows()
        # The largest font (9 pt down) whose rows fit the page at 0.16-0.26 in each; below
        # 0.16 in the page grows taller instead.
        def row_height(fs):
            fixed = self._geometry(fs, page_w)
            row_h = max(0.16, min(0.26, (page_h - fixed) / max(n, 1)))
            return fixed, row_h, row_h * 72 * 0.62 >= fs - 1e-9

        lo, hi = 60, 90                      # tenths of a point
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if row_height(mid / 10)[2]:
                lo = mid
            else:
                hi = mid - 1
        fs = lo / 10
        fixed, row_h, _ok = row_height(fs)
        self.row_h, self.fs = row_h, fs
        rows_h = n * row_h
        page_h = max(page_h, fixed + rows_h)
        title_lines, events, lanes = self.title_lines, self.events, self.lanes
        legend_items, legend_cols, notes = self.legend_items, self.legend_cols, self.notes
        dpi, reduced = self._png_dpi(page_w, page_h)
        self.W, self.H = page_w, page_h
        layout = GanttLayout(self.fmt, page_w, page_h, dpi, reduced, row_h, fs,
                             (self.xlo, self.xhi), rows=self.rows,
                             title=["".join(p[0] for p in parts) for _s, parts in title_lines],
                             phases=phase_ids(s),
                             shading=self.shading, event_labels=events,
                             finish_x=key_x(s, s.project_finish_key), status_x=self.status_x,
                             finish_change=self.finish_change)
        fig = Figure(figsize=(page_w, page_h), dpi=dpi)
        FigureCanvasAgg(fig)
        self.fig = fig
        top = page_h - self.margin
        self._draw_title(title_lines, top)
        head_top = top - self.title_h
        rows_top = head_top - self.header_h
        rows_bottom = rows_top - rows_h
        self.rows_bottom = rows_bottom
        self.ax = self._axes(self.chart_left, rows_bottom, self.chart_w, rows_h)
        self.tab = self._axes(self.margin, rows_bottom, self.table_w, rows_h)
        self.head = self._axes(self.chart_left, rows_top, self.chart_w, self.header_h)
        self.tab_head = self._axes(self.margin, rows_top, self.table_w, self.header_h)
        self.ax.set_xlim(self.xlo, self.xhi)
        self.head.set_xlim(self.xlo, self.xhi)
        self.head.set_ylim(0, self.header_h)
        self.tab.set_xlim(0, self.table_w)
        self.tab_head.set_xlim(0, self.table_w)
        self.tab_head.set_ylim(0, self.header_h)
        for a in (self.ax, self.tab):
            a.set_ylim(n - 0.5, -0.5)
        self._draw_bands()
        self._draw_time_grid()
        self._draw_shading()
        self._draw_events(events, lanes)
        self._draw_table()
        self._draw_bars()
        if self.links:
            layout.links = self._draw_links()
        self._draw_legend(legend_items, legend_cols, rows_bottom - 0.12)
        if notes:
            self._draw_notes(notes, rows_bottom - 0.12 - self.legend_h)
        return fig, layout

    def _geometry(self, fs, page_w) -> float:
        """Lay out everything but the rows at font size ``fs``; returns the height it takes."""
        self.fs = fs
        self.title_lines = self._title_lines()
        self.title_h = 0.12 + sum(size * 1.45 / 72 for size, _parts in self.title_lines)
        self.xlo, self.xhi = self._x_range()
        # the table on the left: ID, indented name, duration, start, finish
        self._table_columns(page_w)
        self.chart_left = self.margin + self.table_w + 0.15
        self.chart_w = page_w - self.chart_left - self.margin
        self._room_for_phase_labels()
        self.day_in = self.chart_w / (self.xhi - self.xlo)
        # header rows, label lanes, legend and footnotes
        self.shading = self._shading()
        self.events = self._event_labels()
        self.lanes = max(1, 1 + max((e[3] for e in self.events), default=0))
        self.lane_h = fs * 1.6 / 72
        self._time_scale()
        self.header_rows_h = len(self.head_rows) * self.head_row_h
        self.header_h = self.header_rows_h + self.lanes * self.lane_h
        self.legend_items = self._legend_items()
        legend_rows, self.legend_cols = self._legend_shape(self.legend_items,
                                                           page_w - 2 * self.margin)
        self.legend_h = legend_rows * fs * 2.0 / 72 + 0.1
        self.notes = [r for r in self.rows if r.truncated]
        self.notes_h = (len(self.notes) + 1) * fs * 1.45 / 72 + 0.08 if self.notes else 0.0
        return (2 * self.margin + self.title_h + self.header_h + 0.12 + self.legend_h
                + self.notes_h)

    def _room_for_phase_labels(self):
        """Widen the time axis (by up to a tenth) so that each phase's name fits beside its
        bar on one side or the other (see :meth:`_phase_label`)."""
        C = self.chart_w
        hi = self.xhi
        for r in self.rows:
            if r.kind != "summary" or r.task_id not in self.phase_set:
                continue
            L = self.m.width(self.tasks[r.row].name, self.fs, "bold") + 0.16
            if L >= C:
                continue
            if max(r.x0 - self.xlo, hi - r.x1) * C / (hi - self.xlo) >= L:
                continue
            hi = max(hi, (r.x1 * C - L * self.xlo) / (C - L))
        hi = min(math.ceil(hi), self.xhi + 0.1 * (self.xhi - self.xlo))
        self.xhi = float(max(hi, self.xhi))

    def _axes(self, x, y, w, h):
        ax = self.fig.add_axes((x / self.W, y / self.H, w / self.W, h / self.H))
        ax.set_axis_off()
        ax.set_autoscale_on(False)
        return ax

    def _png_dpi(self, w, h):
        if self.fmt != "png":
            return self.dpi, False
        dpi = self.dpi
        limit = min(math.sqrt(MAX_PIXELS / (w * h)), MAX_PNG_SIDE / max(w, h))
        if dpi <= limit:
            return dpi, False
        dpi = math.floor(limit)
        if dpi < MIN_PNG_DPI:
            raise PlanError(f"the chart ({self.n} rows, {h:.0f} inches tall) is too large for a "
                            f"readable PNG; write .svg or .pdf instead")
        return float(dpi), True

    def _x_range(self):
        s = self.s
        xs = [key_x(s, s.project_start_key), key_x(s, s.project_finish_key)]
        for i in range(self.n):
            xs.append(key_x(s, s.start[i]))
            xs.append(key_x(s, max(s.finish[i], s.lf[i])))
            if self.tasks[i].deadline is not None:
                xs.append(deadline_x(self.tasks[i]))
        if self.base is not None:
            b = self.base
            xs.append(key_x(b, b.project_start_key))
            xs.append(key_x(b, b.project_finish_key))
        status = self.status_date
        self.status_x = None
        if status is not None:
            self.status_x = float(status.toordinal() + 1)     # the end of the status day
            xs.append(self.status_x)
        lo, hi = min(xs), max(xs)
        first = dt.date.fromordinal(int(lo) - 3)
        first -= dt.timedelta(days=first.weekday())            # a Monday
        last = dt.date.fromordinal(int(math.ceil(hi)) + 10)
        return float(first.toordinal()), float(last.toordinal())

    def _baseline_rows(self):
        b = self.base
        self.finish_change = None
        if b is None:
            return {}
        s = self.s
        out = {}
        idx = b.net.index
        for i, t in enumerate(self.tasks):
            j = idx.get(t.id)
            if j is not None:
                bt = b.plan.tasks[j]
                x0, x1 = key_x(b, b.start[j]), key_x(b, b.finish[j])
                out[i] = (x0, x1, bt.milestone)
        old, new = b.project_finish, s.project_finish
        self.finish_change = (working_days_between(s.calendar, old, new), (new - old).days)
        return out

    def _table_columns(self, page_w):
        s, m, fs, w, lang = self.s, self.m, self.fs, self.w, self.lang
        self.indent = 0.13
        ids = [t.id for t in self.tasks]
        durs = [f"{s.duration[i]} {w['d']}" for i in range(self.n)]
        starts = [short_date(s.date(s.start[i]), lang) for i in range(self.n)]
        finishes = [short_date(s.date(s.finish[i]), lang) for i in range(self.n)]
        pad = 0.1

        def col_w(values, head, bold_rows=()):
            wid = max((m.width(v, fs) for v in values), default=0.0)
            if bold_rows:
                wid = max([wid] + [m.width(values[i], fs, "bold") for i in bold_rows])
            return max(wid, m.width(head, fs, "bold"))

        bold = [i for i, t in enumerate(self.tasks) if t.summary]
        id_w = col_w(ids, w["id"], bold)
        dur_w = col_w(durs, w["dur"], bold)
        start_w = col_w(starts, w["start"], bold)
        fin_w = col_w(finishes, w["finish"], bold)
        cap = 0.36 * page_w
        names, truncated, name_w = [], [], m.width(w["name"], fs, "bold")
        for i, t in enumerate(self.tasks):
            weight = "bold" if t.summary else "normal"
            room = cap - self.indent * (t.outline_level - 1)
            name = t.name
            short = name
            if self.max_name_chars and len(name) > self.max_name_chars:
                short = name[: max(self.max_name_chars - 1, 1)].rstrip() + "…"
            short = m.fit(short, fs, room, weight)
            names.append(short)
            truncated.append(short != name)
            name_w = max(name_w, self.indent * (t.outline_level - 1) + m.width(short, fs, weight))
        x = 0.0
        self.col_x = {}
        self.col_x["id"] = x + id_w                       # right-aligned
        x += id_w + pad
        self.col_x["name"] = x
        x += name_w + pad
        self.col_x["dur"] = x + dur_w                     # right-aligned
        x += dur_w + pad
        self.col_x["start"] = x
        x += start_w + pad
        self.col_x["finish"] = x
        x += fin_w
        self.table_w = x
        self.cells = list(zip(ids, names, durs, starts, finishes))
        self.rows = []
        for i, t in enumerate(self.tasks):
            kind = "summary" if t.summary else ("milestone" if t.milestone else "task")
            x0, x1 = key_x(s, s.start[i]), key_x(s, s.finish[i])
            tail = None
            if s.total_float[i] > 0 and s.lf[i] > s.finish[i]:
                tail = key_x(s, s.lf[i])
            b = self.base_rows.get(i)
            delay = 0 if t.summary else s.net.delay[i]
            # the levelling delay: that many working days before the bar (keys: 2 a day)
            delay_x0 = key_x(s, s.start[i] - 2 * delay) if delay else None
            self.rows.append(RowLayout(i, t.id, kind, s.date(s.start[i]), s.date(s.finish[i]),
                                       x0, x1, bool(s.critical[i]), s.total_float[i], tail,
                                       (b[0], b[1]) if b else None, names[i], truncated[i],
                                       deadline_x(t), delay_x0))

    # -- title ------------------------------------------------------------------------------
    def _title_lines(self):
        """[(size, [(text, color, weight), ...])]: the plan's name; the finish date, critical
        path length and start; with a baseline, its finish and the change."""
        s, w, lang = self.s, self.w, self.lang
        page_w = PAPER[self.paper][0] - 2 * self.margin
        text, bold = COLORS["text"], "bold"
        name = self.title or s.plan.name
        if self.scenario_label:
            name = f"{name} - {w['scenario']}: {self.scenario_label}"
        lines = [(14, [(self.m.fit(name, 14, page_w, bold), text, bold)])]
        lines.append((11, [
            (f"{w['finish_title']} {long_date(s.project_finish, lang)}", text, bold),
            (f"  ·  {w['cp']} {count_text(s.project_duration, w['wd'])}  ·  "
             f"{w['start_title']} {long_date(s.project_start, lang)}", text, "normal")]))
        if self.base is not None:
            b = self.base
            wd, cd = self.finish_change
            if wd == 0 and cd == 0:
                change, color = w["same"], COLORS["muted"]
            else:
                change = (f"{w['change']} {count_text(wd, w['wd'], True)} "
                          f"({count_text(cd, w['cd'], True)})")
                color = COLORS["later"] if cd > 0 else COLORS["earlier"]
            lines.append((11, [
                (f"{w['baseline']}: {w['finish_title'].lower()} "
                 f"{long_date(b.project_finish, lang)}  ·  ", text, "normal"),
                (change, color, bold),
                (f"  ·  {w['cp']} {b.project_duration} → "
                 f"{count_text(s.project_duration, w['wd'])}", text, "normal")]))
        return lines

    def _draw_title(self, lines, top):
        """Each line's parts follow one another: every part after the first is anchored to
        the right end of the one before it when drawn, so their widths are matplotlib's own."""
        from matplotlib.text import Annotation

        y = top
        for size, parts in lines:
            y -= size * 1.2 / 72
            prev = None
            for text, color, weight in parts:
                kw = dict(fontsize=size, color=color, fontweight=weight, parse_math=False)
                if prev is None:
                    prev = self.fig.text(self.margin / self.W, y / self.H, text, va="baseline",
                                         ha="left", **kw)
                else:
                    prev = self.fig.add_artist(Annotation(text, xy=(1, 0), xycoords=prev,
                                                          va="bottom", ha="left", **kw))
            y -= size * 0.25 / 72

    # -- background -------------------------------------------------------------------------
    def _draw_bands(self):
        """Zebra rows, and a tinted band on every phase (summary) row across table and chart."""
        n = self.n
        zebra = [i for i in range(1, n, 2) if not self.tasks[i].summary]
        summ = [i for i, t in enumerate(self.tasks) if t.summary]
        for ax, x0, x1 in ((self.ax, self.xlo, self.xhi), (self.tab, 0, self.table_w)):
            for rows, color in ((zebra, COLORS["zebra"]), (summ, COLORS["phase"])):
                if rows:
                    polys = [((x0, i - 0.5), (x1, i - 0.5), (x1, i + 0.5), (x0, i + 0.5))
                             for i in rows]
                    ax.add_collection(PolyCollection(polys, facecolors=color, edgecolors="none",
                                                     zorder=0))
        # a rule above each phase, so the phases read as blocks
        phases = set(phase_ids(self.s))
        ys = [i - 0.5 for i, t in enumerate(self.tasks) if t.id in phases]
        if ys:
            for ax, x0, x1 in ((self.ax, self.xlo, self.xhi), (self.tab, 0, self.table_w)):
                ax.add_collection(LineCollection([((x0, y), (x1, y)) for y in ys],
                                                 colors=COLORS["muted"], linewidths=0.8,
                                                 zorder=1.5))

    def _time_scale(self):
        """What the time axis can show without crowding: ISO week numbers every ``stride``
        weeks (None: none), month names ``full``/``abbr``/``letter`` (None: none), and
        whether the weekly and monthly grid lines are far enough apart to draw."""
        fs, m, day = self.fs, self.m, self.day_in
        label_w = m.width("52", fs * 0.9) + 0.05
        stride = 1
        while stride * 7 * day < label_w:
            stride *= 2
        self.week_stride = stride if stride <= 4 else None
        self.week_grid = 7 * day >= 0.05
        self.month_mode = None
        for option in ("full", "abbr", "letter"):
            if all(m.width(month_label(self.lang, k, option), fs) + 0.08 <= 28 * day
                   for k in range(1, 13)):
                self.month_mode = option
                break
        self.month_grid = 28 * day >= 0.04
        self.head_rows = ["year"] + (["month"] if self.month_mode else []) + (
            ["week"] if self.week_stride else [])
        self.head_row_h = fs * 1.75 / 72

    def _draw_time_grid(self):
        ax, head, fs, lang, m = self.ax, self.head, self.fs, self.lang, self.m
        lo, hi = int(self.xlo), int(self.xhi)
        row, n = self.head_row_h, self.n
        # header rows from the bottom: weeks, months, years (as many as are shown)
        ys = {name: k * row for k, name in enumerate(reversed(self.head_rows))}
        top = len(self.head_rows) * row
        above_weeks = row if self.week_stride else 0.0    # month/year lines stop above them
        head.add_patch(Rectangle((self.xlo, 0), self.xhi - self.xlo, top,
                                 facecolor=COLORS["header"], edgecolor="none", zorder=0))
        self.tab_head.add_patch(Rectangle((0, 0), self.table_w, row, facecolor=COLORS["header"],
                                          edgecolor="none", zorder=0))
        # weeks: grid lines on Mondays, ISO week numbers
        if self.week_grid or self.week_stride:
            mondays = [o for o in range(lo, hi + 1) if dt.date.fromordinal(o).weekday() == 0]
        if self.week_grid:
            ax.add_collection(LineCollection([((o, -0.5), (o, n - 0.5)) for o in mondays],
                                             colors=COLORS["grid"], linewidths=0.5, zorder=0.5))
        if self.week_stride:
            stride, first = self.week_stride, True
            for o in mondays:
                week = dt.date.fromordinal(o).isocalendar()[1]
                if (week - 1) % stride or o + 7 > hi:
                    continue
                x, text, ha = o + 3.5, str(week), "center"
                if first:   # the first label says what the numbers are
                    first = False
                    wide = m.width(self.w["week"], fs * 0.9)
                    if wide + 0.05 <= stride * 7 * self.day_in:
                        x = max(x - wide / 2 / self.day_in, lo + 0.02 / self.day_in)
                        text, ha = self.w["week"], "left"
                head.text(x, ys["week"] + row / 2, text, fontsize=fs * 0.9, ha=ha,
                          va="center", color=COLORS["muted"])
        # months: darker lines, names as wide as fit
        firsts = []
        d = dt.date.fromordinal(lo).replace(day=1)
        while d.toordinal() <= hi:
            firsts.append(d)
            d = (d + dt.timedelta(days=32)).replace(day=1)
        if self.month_grid:
            xs = [f.toordinal() for f in firsts if f.toordinal() > lo]
            ax.add_collection(LineCollection([((x, -0.5), (x, n - 0.5)) for x in xs],
                                             colors=COLORS["month"], linewidths=0.7, zorder=0.6))
            head.add_collection(LineCollection([((x, above_weeks), (x, top)) for x in xs],
                                               colors=COLORS["month"], linewidths=0.7))
        if self.month_mode:
            for f in firsts:
                a = max(f.toordinal(), lo)
                b = min((f + dt.timedelta(days=32)).replace(day=1).toordinal(), hi)
                text = month_label(lang, f.month, self.month_mode)
                if m.width(text, fs) + 0.04 <= (b - a) * self.day_in:
                    head.text((a + b) / 2, ys["month"] + row / 2, text, fontsize=fs,
                              ha="center", va="center", color=COLORS["text"])
        # years: a dark line at each new year, the number when it fits
        for y in range(dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year + 1):
            a = max(dt.date(y, 1, 1).toordinal(), lo)
            b = min(dt.date(y + 1, 1, 1).toordinal(), hi)
            if a > lo:
                head.plot([a, a], [above_weeks, top], color=COLORS["muted"], lw=0.9)
                ax.plot([a, a], [-0.5, n - 0.5], color=COLORS["muted"], lw=0.9, zorder=0.7)
            if m.width(str(y), fs, "bold") + 0.04 <= (b - a) * self.day_in:
                head.text((a + b) / 2, ys["year"] + row / 2, str(y), fontsize=fs, ha="center",
                          va="center", fontweight="bold", color=COLORS["text"])
        # table column headings sit on the lowest header row, next to the first task
        th, w = self.tab_head, self.w
        y = row / 2
        kw = dict(fontsize=fs, va="center", fontweight="bold", color=COLORS["text"])
        th.text(self.col_x["id"], y, w["id"], ha="right", **kw)
        th.text(self.col_x["name"], y, w["name"], ha="left", **kw)
        th.text(self.col_x["dur"], y, w["dur"], ha="right", **kw)
        th.text(self.col_x["start"], y, w["start"], ha="left", **kw)
        th.text(self.col_x["finish"], y, w["finish"], ha="left", **kw)

    def _shading(self):
        """Non-working days from the calendar as x spans ``(x0, x1, name, kind, whole)``, clipped
        to the axis; ``whole`` is False for a season mostly outside it.  A season swallows the
        weekends next to it, so that "July" shades all of July."""
        cal = self.s.calendar
        lo, hi = int(self.xlo), int(self.xhi)
        if getattr(self, "_shading_for", None) == (lo, hi):
            return self._shading_cache
        first = dt.date.fromordinal(lo - 40)
        last = dt.date.fromordinal(hi + 40)
        workweek = set(cal.cal.workweek)
        out = []
        for a, b, name, kind in cal.nonworking_periods(first, last):
            if kind == "working":
                continue
            x0, x1 = a.toordinal(), b.toordinal() + 1
            if kind != "holiday":
                kind = "season"
                while dt.date.fromordinal(x0 - 1).weekday() not in workweek:
                    x0 -= 1
                while dt.date.fromordinal(x1).weekday() not in workweek:
                    x1 += 1
            c0, c1 = max(x0, lo), min(x1, hi)
            if c1 <= c0:
                continue
            out.append((float(c0), float(c1), name, kind, (c1 - c0) * 2 >= x1 - x0))
        self._shading_for, self._shading_cache = (lo, hi), out
        return out

    def _draw_shading(self):
        for kind in ("season", "holiday"):
            spans = [(x0, x1) for x0, x1, _n, k, _w in self.shading if k == kind]
            if not spans:
                continue
            alpha = 0.85 if kind == "season" else 0.9
            self.ax.add_collection(PolyCollection(
                [((x0, -0.5), (x1, -0.5), (x1, self.n - 0.5), (x0, self.n - 0.5))
                 for x0, x1 in spans], facecolors=COLORS[kind], edgecolors="none", zorder=0.8,
                alpha=alpha, gid=f"shading-{kind}"))
            if kind == "season":          # up through the header to the season's name
                self.head.add_collection(PolyCollection(
                    [((x0, 0), (x1, 0), (x1, self.header_h), (x0, self.header_h))
                     for x0, x1 in spans], facecolors=COLORS[kind], edgecolors="none",
                    zorder=0.5, alpha=0.6))

    # -- labels above the rows: seasons, finish, status date --------------------------------
    def _event_labels(self, first_only=False):
        """[(text, x0_in, x1_in, lane, color, weight)], packed so that none overlap."""
        fs, w = self.fs * 0.95, self.w
        items = []
        named = set()
        for x0, x1, name, kind, whole in self.shading:
            if kind == "season" and whole and not (first_only and name in named):
                named.add(name)
                name = re.sub(r"\s*\(.*\)\s*$", "", name) or name   # "Fellesferie (juli)"
                items.append((name, (x0 + x1) / 2, "center", COLORS["text"], "normal"))
        s = self.s
        fx = key_x(s, s.project_finish_key)
        items.append((f"{w['finish_line']} {short_date(s.project_finish, self.lang)}", fx,
                      "right", COLORS["finish"], "bold"))
        if self.status_x is not None:
            items.append((f"{w['status']} {short_date(self.status_date, self.lang)}",
                          self.status_x, "left", COLORS["status"], "bold"))
        if self.base is not None:
            b = self.base
            bx = key_x(b, b.project_finish_key)
            items.append((f"{w['baseline']} {short_date(b.project_finish, self.lang)}", bx,
                          "right" if bx <= fx else "left", COLORS["muted"], "bold"))
        spans = []
        for text, x, align, _c, weight in items:
            width = self.m.width(text, fs, weight)
            xin = (x - self.xlo) * self.day_in
            x0 = {"center": xin - width / 2, "right": xin - width - 0.03,
                  "left": xin + 0.03}[align]
            x0 = min(max(x0, 0.0), self.chart_w - width)
            spans.append((x0, x0 + width))
        lanes = pack_lanes(spans, 0.08)
        if max(lanes, default=0) > 1 and not first_only:
            return self._event_labels(first_only=True)
        return [(t[0], sp[0], sp[1], lane, t[3], t[4]) for t, sp, lane in zip(items, spans, lanes)]

    def _draw_events(self, events, lanes):
        head, fs = self.head, self.fs * 0.95
        for text, x0, _x1, lane, color, weight in events:
            x = self.xlo + x0 / self.day_in
            y = self.header_rows_h + (lane + 0.5) * self.lane_h
            head.text(x, y, text, fontsize=fs, ha="left", va="center", color=color,
                      fontweight=weight, parse_math=False)
        # the finish and status lines run from the label lanes down through every row
        s, ax = self.s, self.ax
        fx = key_x(s, s.project_finish_key)
        top = self.header_h
        head.plot([fx, fx], [0, top], color=COLORS["finish"], lw=1.3)
        ax.plot([fx, fx], [-0.5, self.n - 0.5], color=COLORS["finish"], lw=1.3, zorder=3.5,
                gid="finish-line")
        if self.base is not None:
            bx = key_x(self.base, self.base.project_finish_key)
            head.plot([bx, bx], [0, top], color=COLORS["muted"], lw=1.1, ls=(0, (4, 2)))
            ax.plot([bx, bx], [-0.5, self.n - 0.5], color=COLORS["muted"], lw=1.1,
                    ls=(0, (4, 2)), zorder=3.4, gid="baseline-finish-line")
        if self.status_x is not None:
            head.plot([self.status_x] * 2, [0, top], color=COLORS["status"], lw=1.3, ls="--")
            ax.plot([self.status_x] * 2, [-0.5, self.n - 0.5], color=COLORS["status"], lw=1.3,
                    ls="--", zorder=3.6, gid="status-line")

    # -- the table --------------------------------------------------------------------------
    def _draw_table(self):
        tab, cx = self.tab, self.col_x
        for i, t in enumerate(self.tasks):
            tid, name, dur, start, fin = self.cells[i]
            weight = "bold" if t.summary else "normal"
            self._row_text(tab, cx["id"], i, tid, "right", weight)
            self._row_text(tab, cx["name"] + self.indent * (t.outline_level - 1), i, name, "left",
                           weight, gid=f"row{i}-name")
            self._row_text(tab, cx["dur"], i, dur, "right", weight)
            self._row_text(tab, cx["start"], i, start, "left", weight)
            self._row_text(tab, cx["finish"], i, fin, "left", weight)
        self._flush_row_texts()

    def _row_text(self, ax, x, y, text, ha, weight="normal", color=COLORS["text"], gid=None):
        """A label centred on row ``y``: a Text artist, or (PNG) glyph outlines gathered into
        one path collection per style."""
        if not self.outlines:
            ax.text(x, y, text, ha=ha, va="center_baseline", fontsize=self.fs,
                    fontweight=weight, color=color, parse_math=False, gid=gid)
            return
        self._pending.setdefault((ax, weight, color), []).append((x, y, text, ha))

    def _flush_row_texts(self):
        fs = self.fs
        for (ax, weight, color), items in self._pending.items():
            paths, offsets, texts = [], [], []
            for x, y, text, ha in items:
                verts, codes = self.m.outline(text, weight)
                if not len(verts):
                    continue
                texts.append(text)
                dx = -self.m.width(text, 1.0, weight) * 72 / 1.02 if ha == "right" else 0.0
                # the baseline sits 0.36 em below the row's centre, like va="center_baseline"
                paths.append(Path(verts + (dx, -0.36), codes))
                offsets.append((x, y))
            if not paths:
                continue
            # paths are in points at 1 pt: scale to the font size, then inches -> display
            tr = Affine2D().scale(fs / 72) + self.fig.dpi_scale_trans
            coll = PathCollection(paths, offsets=offsets, offset_transform=ax.transData,
                                  facecolors=color, edgecolors="none", zorder=4)
            coll.set_transform(tr)
            coll.set_clip_on(False)
            coll.set_gid(f"labels-{weight}")
            coll.planner_labels = texts            # for label_boxes()
            ax.add_collection(coll)
        self._pending = {}

    # -- bars -------------------------------------------------------------------------------
    def _draw_bars(self):
        ax, s = self.ax, self.s
        has_base = self.base is not None
        # bar band within a row: the upper part when a baseline is drawn below it
        top, h = (-0.36, 0.44) if has_base else (-0.27, 0.54)
        phases = set(phase_ids(s))
        for r in self.rows:
            i = r.row
            color = COLORS["critical"] if r.critical else COLORS["normal"]
            if r.baseline is not None:
                bx0, bx1 = r.baseline
                if r.kind == "milestone" or self.base_rows[i][2]:
                    ax.plot([bx0], [i + 0.22], marker="D", ms=self.fs * 0.8,
                            mfc=COLORS["baseline"], mec=COLORS["baseline_edge"], mew=0.6,
                            zorder=2, gid=f"baseline-{i}")
                else:
                    ax.add_artist(Rectangle((bx0, i + 0.12), bx1 - bx0, 0.26,
                                           facecolor=COLORS["baseline"],
                                           edgecolor=COLORS["baseline_edge"], lw=0.5, zorder=2,
                                           gid=f"baseline-{i}"))
            if r.float_x1 is not None:
                end = r.x1
                ax.add_artist(Rectangle((end, i - 0.04 + (top + h / 2)), r.float_x1 - end, 0.08,
                                       facecolor=COLORS["float"], edgecolor="none", zorder=2.5,
                                       gid=f"float-{i}"))
            if r.delay_x0 is not None:
                ax.add_artist(Rectangle((r.delay_x0, i - 0.03 + (top + h / 2)),
                                       r.x0 - r.delay_x0, 0.06, facecolor=COLORS["delay"],
                                       edgecolor="none", zorder=2.5, gid=f"delay-{i}"))
            if r.kind == "summary":
                self._summary_bar(i, r, top)
                if r.task_id in phases:
                    self._phase_label(i, r)
            elif r.kind == "milestone":
                ax.plot([r.x0], [i + top + h / 2], marker="D", ms=self.fs * 1.05, mfc=color,
                        mec=COLORS["summary"], mew=0.6, zorder=3, gid=f"milestone-{i}")
            else:
                ax.add_artist(Rectangle((r.x0, i + top), r.x1 - r.x0, h, facecolor=color,
                                       edgecolor="none", zorder=3, gid=f"bar-{i}"))
            if r.deadline_x is not None:
                # MS Project's deadline arrow above the bar: green, red when the task finishes
                # after it (the finish is the end of a day, as the deadline is)
                late = r.x1 > r.deadline_x
                ax.plot([r.deadline_x], [i + top], marker="v", ms=self.fs * 0.95,
                        mfc=COLORS["deadline_missed" if late else "deadline"],
                        mec=COLORS["summary"], mew=0.5, zorder=4, gid=f"deadline-{i}")

    def _summary_bar(self, i, r, top):
        """MS Project's summary bar: a thin black bar with a downward point at each end."""
        cap = min(0.35 * self.row_h / self.day_in, (r.x1 - r.x0) / 2)   # in days, ~square
        y0, y1, y2 = i + top, i + top + 0.24, i + top + 0.5
        pts = [(r.x0, y0), (r.x1, y0), (r.x1, y2), (r.x1 - cap, y1), (r.x0 + cap, y1),
               (r.x0, y2)]
        self.ax.add_artist(Polygon(pts, closed=True, facecolor=COLORS["summary"],
                                  edgecolor="none", zorder=3, gid=f"summary-{i}"))

    def _phase_label(self, i, r):
        """The phase's name beside its bar, on the side with more room (shortened to fit)."""
        fs, gap = self.fs, 0.08
        right = (self.xhi - r.x1) * self.day_in - 2 * gap
        left = (r.x0 - self.xlo) * self.day_in - 2 * gap
        room = max(left, right)
        name = self.tasks[i].name
        text = self.m.fit(name, fs, room, "bold")
        if text != name and len(text) < 12:      # too little of it would be left
            return
        kw = dict(fontsize=fs, fontweight="bold", va="center_baseline", color=COLORS["text"],
                  parse_math=False, zorder=4, gid=f"phase-{i}")
        if self.m.width(name, fs, "bold") <= right or right >= left:
            # on the right like MS Project's bar text, unless only the left has room
            self.ax.text(r.x1 + gap / self.day_in, i, text, ha="left", **kw)
        else:
            self.ax.text(r.x0 - gap / self.day_in, i, text, ha="right", **kw)

    # -- dependency arrows ------------------------------------------------------------------
    def _draw_links(self) -> int:
        """MS Project-style elbow connectors for every link, arrowheads at the successor."""
        s, ax = self.s, self.ax
        net = s.net
        rows = self.rows
        stub = 0.06 / self.day_in                     # 0.06 in, in days
        segs = {True: [], False: []}
        heads = {(k, c): [] for k in ("down", "right", "left") for c in (True, False)}
        count = 0
        for si, preds in enumerate(net.links):
            for p, typ, _lag, _el in preds:
                a, b = rows[p], rows[si]
                crit = a.critical and b.critical
                from_end = typ in (0, 2)              # FS, FF leave the predecessor's finish
                to_start = typ in (0, 1)              # FS, SS enter the successor's start
                xa = a.x1 if from_end else a.x0
                xb = b.x0 if to_start else b.x1
                ya, yb = float(p), float(si)
                below = 1 if yb > ya else -1
                edge = yb - below * 0.3               # the bar's near edge
                if to_start and xb >= xa + (stub if from_end else -stub):
                    # along the predecessor's row, then down onto the start of the successor
                    x = xb + min(stub, (b.x1 - b.x0) / 2 if b.x1 > b.x0 else stub)
                    pts = [(xa, ya), (x, ya), (x, edge)]
                    heads[("down", crit)].append((x, edge))
                else:
                    out = xa + stub if from_end else xa - stub
                    into = xb - stub if to_start else xb + stub
                    mid = ya + below * 0.5
                    pts = [(xa, ya), (out, ya), (out, mid), (into, mid), (into, yb), (xb, yb)]
                    heads[("right" if to_start else "left", crit)].append((xb, yb))
                segs[crit].append(pts)
                count += 1
        for crit in (False, True):
            color = COLORS["critical"] if crit else COLORS["link"]
            if segs[crit]:
                ax.add_collection(LineCollection(segs[crit], colors=color, linewidths=0.6,
                                                 zorder=2.8, gid=f"links-{int(crit)}"))
            for k, marker in (("down", "v"), ("right", ">"), ("left", "<")):
                pts = heads[(k, crit)]
                if pts:
                    ax.plot([x for x, _ in pts], [y for _, y in pts], ls="none", marker=marker,
                            ms=self.fs * 0.45, color=color, zorder=2.9)
        return count

    # -- legend and notes -------------------------------------------------------------------
    def _legend_items(self):
        w, fs = self.w, self.fs
        items = [
            (Patch(facecolor=COLORS["critical"]), w["critical"]),
            (Patch(facecolor=COLORS["normal"]), w["task"]),
            (Patch(facecolor=COLORS["summary"]), w["summary"]),
        ]
        if any(t.milestone for t in self.tasks):
            items.append((Line2D([], [], ls="none", marker="D", mfc=COLORS["normal"],
                                 mec=COLORS["summary"], ms=fs), w["milestone"]))
        if any(t.deadline is not None for t in self.tasks):
            items.append((Line2D([], [], ls="none", marker="v", mfc=COLORS["deadline"],
                                 mec=COLORS["summary"], mew=0.5, ms=fs), w["deadline"]))
        if any(r.delay_x0 is not None for r in self.rows):
            items.append((Line2D([], [], color=COLORS["delay"], lw=2), w["delay"]))
        items += [
            (Line2D([], [], color=COLORS["float"], lw=2.5), w["float"]),
            (Patch(facecolor=COLORS["season"]), w["season"]),
            (Patch(facecolor=COLORS["holiday"]), w["holiday"]),
            (Line2D([], [], color=COLORS["finish"], lw=1.3), w["finish_line"]),
        ]
        if self.status_date is not None:
            items.append((Line2D([], [], color=COLORS["status"], lw=1.3, ls="--"), w["status"]))
        if self.base is not None:
            items.append((Patch(facecolor=COLORS["baseline"], edgecolor=COLORS["baseline_edge"]),
                          w["ghost"]))
        if self.links:
            items.append((Line2D([], [], color=COLORS["link"], lw=0.8), w["link"]))
        return items

    def _legend_shape(self, items, width):
        per = [self.m.width(label, self.fs) + 0.55 for _h, label in items]
        for rows in range(1, len(items) + 1):
            cols = math.ceil(len(items) / rows)
            col_w = [max(per[r * cols + c] for r in range(rows) if r * cols + c < len(per))
                     for c in range(cols)]
            if sum(col_w) <= width:
                return rows, cols
        return len(items), 1

    def _draw_legend(self, items, cols, top):
        self.fig.legend([h for h, _ in items], [t for _, t in items], loc="upper left",
                        bbox_to_anchor=(self.margin / self.W, top / self.H), ncol=cols,
                        frameon=False, fontsize=self.fs, handlelength=1.6, handleheight=0.8,
                        columnspacing=1.4, borderaxespad=0.0, borderpad=0.0)

    def _draw_notes(self, notes, top):
        fs = self.fs
        line = fs * 1.45 / 72
        y = top - line
        self.fig.text(self.margin / self.W, y / self.H, self.w["truncated"] + ":", fontsize=fs,
                      fontweight="bold", va="baseline")
        room = self.W - 2 * self.margin - 0.2
        for r in notes:
            y -= line
            text = self.m.fit(f"{r.task_id}: {self.tasks[r.row].name}", fs, room)
            self.fig.text((self.margin + 0.2) / self.W, y / self.H, text, fontsize=fs,
                          va="baseline", parse_math=False)


def label_boxes(fig) -> list[tuple[str, tuple]]:
    """Every visible label of a chart from :func:`build_gantt` with its box in pixels
    ``(x0, y0, x1, y1)``: Text artists and the glyph-outline labels alike.  Used to check that
    no two labels overlap."""
    from matplotlib.text import Text

    out = []
    with _rc():
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


# -- output ---------------------------------------------------------------------------------------
def _rc():
    return rc_context({"font.family": FONT, "svg.hashsalt": "planner-gantt",
                       "svg.fonttype": "path", "pdf.fonttype": 42, "path.simplify": True,
                       "text.parse_math": False, "text.hinting": "no_hinting"})


def gantt_bytes(sched: Schedule, fmt: str = "png", **options) -> tuple[bytes, GanttLayout]:
    """The chart as the bytes of a PNG, SVG or PDF file, and its layout.  Same input, same
    bytes: no file dates, and SVG ids salted with a constant."""
    creator = f"planner {__version__}"
    name = options.get("title") or sched.plan.name
    buf = io.BytesIO()
    with _rc():
        fig, layout = build_gantt(sched, fmt=fmt, **options)
        if fmt == "png":
            _write_png(fig, buf, layout.dpi, {"Software": creator, "Title": name})
        elif fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Creator": creator, "Date": None,
                                                     "Title": name})
        else:
            fig.savefig(buf, format="pdf", metadata={"Creator": creator, "Producer": creator,
                                                     "CreationDate": None, "ModDate": None,
                                                     "Title": name})
    data = buf.getvalue()
    if fmt == "svg":
        data = _svg_tooltips(data, sched, layout)
    return data, layout


def _write_png(fig, out, dpi, meta):
    """RGB (the page is opaque: a quarter less data than matplotlib's RGBA) at zlib level 3,
    which is faster than the default and, for charts, no larger."""
    from PIL import Image, PngImagePlugin

    canvas = fig.canvas
    canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    info = PngImagePlugin.PngInfo()
    for key, value in meta.items():
        info.add_itxt(key, value)
    image.convert("RGB").save(out, "png", compress_level=3, pnginfo=info, dpi=(dpi, dpi))


def _svg_tooltips(data: bytes, sched: Schedule, layout: GanttLayout) -> bytes:
    """Give every task name in an SVG a ``<title>`` (a tooltip): the full name and dates."""
    tips = {}
    for r in layout.rows:
        t = sched.plan.tasks[r.row]
        tips[f"row{r.row}-name"] = (f"{t.id} {t.name} ({r.start.isoformat()} - "
                                    f"{r.finish.isoformat()}, {sched.duration[r.row]} d)")

    def add(m):
        tip = tips.get(m.group(1))
        if tip is None:
            return m.group(0)
        return f'{m.group(0)}\n   <title>{escape(tip)}</title>'

    text = data.decode("utf-8")
    return re.sub(r'<g id="(row\d+-name)">', add, text).encode("utf-8")


def format_of(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if ext not in FORMATS:
        raise PlanError(f"cannot tell the chart format from {path!r}: the file name must end in "
                        f".png, .svg or .pdf")
    return ext


def render_gantt(sched: Schedule, path: str, *, baseline: Schedule | None = None,
                 links: bool = False, lang: str = "nb", status_date: dt.date | None = None,
                 paper: str = "A3", dpi: float = 150, max_name_chars: int | None = None,
                 title: str | None = None, scenario_label: str | None = None) -> GanttLayout:
    """Write the Gantt chart of ``sched`` to ``path`` (.png, .svg or .pdf, whole or not at all).

    ``baseline``: another schedule of the same plan (e.g. before a scenario was applied), drawn
    as grey ghost bars under the current bars, matched by task id; the title then gives the
    finish-date change in working days (in ``sched``'s calendar) and calendar days.
    ``links``: draw dependency arrows.  ``lang``: "nb" or "en" for every word and date.
    ``status_date``: a dashed line at the end of that day (default: the plan's status date).
    ``paper``: landscape page A4-A0; the page grows taller when the rows need it.
    ``dpi``: PNG resolution (lowered, and ``layout.dpi_reduced`` set, beyond 40 megapixels).
    ``max_name_chars``: shorten longer names with an ellipsis (they are listed under the legend).
    """
    from ..io.documents import write_atomic

    fmt = format_of(path)
    if status_date is None:
        status_date = sched.plan.status_date
    data, layout = gantt_bytes(sched, fmt, baseline=baseline, links=links, lang=lang,
                               status_date=status_date, paper=paper, dpi=dpi,
                               max_name_chars=max_name_chars, title=title,
                               scenario_label=scenario_label)
    write_atomic(path, data)
    return layout
