"""The table left of the bars (ID, indented name, duration, percent complete when the plan is
tracked, start, finish) and the row bands:
the columns' widths and the names as shown (shortened to fit), then the drawing; on a PNG the
labels are glyph outlines gathered into one path collection per style (see :class:`RowLabels`)."""
from __future__ import annotations

from dataclasses import dataclass

from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from ..table import number_text, part_day_text
from .style import COLORS
from .words import short_date


@dataclass
class Table:
    """The table's columns in inches from its left edge (``col_x``: the right edge of the
    right-aligned ID and duration, the left edge of the others) and its cells, row by row."""

    indent: float                      # per outline level, before a name
    col_x: dict
    width: float
    cells: list                        # (id, name as shown, duration, start, finish)
    names: list                        # the names as shown
    truncated: list                    # whether each name was shortened


def table_columns(sched, opts, m, fs: float, page_w: float, progress=None) -> Table:
    """The columns at font size ``fs``: as wide as their widest cell (bold on summary rows);
    names are shortened to ``max_name_chars`` and to fit 36 % of the page's width.  A tracked
    schedule (``progress``: :func:`~.tracking.progress_rows`) gets a percent-complete column
    after the duration; its start and finish columns hold the actual dates where known."""
    s, w, lang = sched, opts.words, opts.lang
    tasks = s.plan.tasks
    n = len(tasks)
    indent = 0.13
    ids = [t.id for t in tasks]
    mpd = s.plan.minutes_per_day if s.scale != 1 else None
    durs = [part_day_text(d, mpd, lang) if mpd and d * 4 != int(d * 4)
            else f"{number_text(d, lang)} {w['d']}" for d in s.duration]
    starts = [short_date(s.date(s.start[i]), lang) for i in range(n)]
    finishes = [short_date(s.date(s.finish[i]), lang) for i in range(n)]
    pad = 0.1

    def col_w(values, head, bold_rows=()):
        wid = max((m.width(v, fs) for v in values), default=0.0)
        if bold_rows:
            wid = max([wid] + [m.width(values[i], fs, "bold") for i in bold_rows])
        return max(wid, m.width(head, fs, "bold"))

    bold = [i for i, t in enumerate(tasks) if t.summary]
    id_w = col_w(ids, w["id"], bold)
    dur_w = col_w(durs, w["dur"], bold)
    pcs = [percent_text(p.percent, lang) for p in progress] if progress is not None else None
    pc_w = col_w(pcs, w["pc"], bold) if pcs is not None else 0.0
    start_w = col_w(starts, w["start"], bold)
    fin_w = col_w(finishes, w["finish"], bold)
    cap = 0.36 * page_w
    names, truncated, name_w = [], [], m.width(w["name"], fs, "bold")
    for t in tasks:
        weight = "bold" if t.summary else "normal"
        room = cap - indent * (t.outline_level - 1)
        name = t.name
        short = name
        if opts.max_name_chars and len(name) > opts.max_name_chars:
            short = name[: max(opts.max_name_chars - 1, 1)].rstrip() + "…"
        short = m.fit(short, fs, room, weight)
        names.append(short)
        truncated.append(short != name)
        name_w = max(name_w, indent * (t.outline_level - 1) + m.width(short, fs, weight))
    x = 0.0
    col_x = {}
    col_x["id"] = x + id_w                       # right-aligned
    x += id_w + pad
    col_x["name"] = x
    x += name_w + pad
    col_x["dur"] = x + dur_w                     # right-aligned
    x += dur_w + pad
    if pcs is not None:
        col_x["pc"] = x + pc_w                   # right-aligned
        x += pc_w + pad
    col_x["start"] = x
    x += start_w + pad
    col_x["finish"] = x
    x += fin_w
    cells = list(zip(ids, names, durs, starts, finishes))
    if pcs is not None:
        cells = [c + (p,) for c, p in zip(cells, pcs)]
    return Table(indent, col_x, x, cells, names, truncated)


def percent_text(pc: int, lang: str) -> str:
    """``30 %`` / ``30%``."""
    return f"{pc} %" if lang == "nb" else f"{pc}%"


def draw_bands(ax, tab, tasks, phases, xlo: float, xhi: float, table_w: float) -> None:
    """Zebra rows, and a tinted band on every phase (summary) row across table and chart."""
    n = len(tasks)
    zebra = [i for i in range(1, n, 2) if not tasks[i].summary]
    summ = [i for i, t in enumerate(tasks) if t.summary]
    for a, x0, x1 in ((ax, xlo, xhi), (tab, 0, table_w)):
        for rows, color in ((zebra, COLORS["zebra"]), (summ, COLORS["phase"])):
            if rows:
                polys = [((x0, i - 0.5), (x1, i - 0.5), (x1, i + 0.5), (x0, i + 0.5))
                         for i in rows]
                a.add_collection(PolyCollection(polys, facecolors=color, edgecolors="none",
                                                zorder=0))
    # a rule above each phase, so the phases read as blocks
    phases = set(phases)
    ys = [i - 0.5 for i, t in enumerate(tasks) if t.id in phases]
    if ys:
        for a, x0, x1 in ((ax, xlo, xhi), (tab, 0, table_w)):
            a.add_collection(LineCollection([((x0, y), (x1, y)) for y in ys],
                                            colors=COLORS["muted"], linewidths=0.8,
                                            zorder=1.5))


def draw_headings(th, table: Table, words: dict, fs: float, row: float) -> None:
    """The column headings, on the lowest header row (``row`` inches high)."""
    y = row / 2
    kw = dict(fontsize=fs, va="center", fontweight="bold", color=COLORS["text"])
    th.text(table.col_x["id"], y, words["id"], ha="right", **kw)
    th.text(table.col_x["name"], y, words["name"], ha="left", **kw)
    th.text(table.col_x["dur"], y, words["dur"], ha="right", **kw)
    if "pc" in table.col_x:
        th.text(table.col_x["pc"], y, words["pc"], ha="right", **kw)
    th.text(table.col_x["start"], y, words["start"], ha="left", **kw)
    th.text(table.col_x["finish"], y, words["finish"], ha="left", **kw)


def draw_table(tab, table: Table, tasks, labels: RowLabels) -> None:
    """Every row's cells, bold on summaries, the name indented by its outline level."""
    cx = table.col_x
    for i, t in enumerate(tasks):
        tid, name, dur, start, fin = table.cells[i][:5]
        weight = "bold" if t.summary else "normal"
        if "pc" in cx:
            labels.add(tab, cx["pc"], i, table.cells[i][5], "right", weight)
        labels.add(tab, cx["id"], i, tid, "right", weight)
        labels.add(tab, cx["name"] + table.indent * (t.outline_level - 1), i, name, "left",
                   weight, gid=f"row{i}-name")
        labels.add(tab, cx["dur"], i, dur, "right", weight)
        labels.add(tab, cx["start"], i, start, "left", weight)
        labels.add(tab, cx["finish"], i, fin, "left", weight)
    labels.flush()


class RowLabels:
    """Labels centred on rows: Text artists, or (``outlines``, for PNG) glyph outlines gathered
    into one path collection per axes and style (matplotlib 3.11 spends ~0.1 ms a glyph drawing
    Text; outlines cost a tenth of that).  SVG and PDF keep real text: it is searchable,
    carries the SVG tooltips and makes files a fraction of the size."""

    def __init__(self, fig, m, fs: float, outlines: bool):
        self.fig, self.m, self.fs, self.outlines = fig, m, fs, outlines
        self._pending: dict = {}

    def add(self, ax, x, y, text, ha, weight="normal", color=COLORS["text"], gid=None):
        if not self.outlines:
            ax.text(x, y, text, ha=ha, va="center_baseline", fontsize=self.fs,
                    fontweight=weight, color=color, parse_math=False, gid=gid)
            return
        self._pending.setdefault((ax, weight, color), []).append((x, y, text, ha))

    def flush(self) -> None:
        fs, m = self.fs, self.m
        for (ax, weight, color), items in self._pending.items():
            paths, offsets, texts = [], [], []
            for x, y, text, ha in items:
                verts, codes = m.outline(text, weight)
                if not len(verts):
                    continue
                texts.append(text)
                dx = -m.width(text, 1.0, weight) * 72 / 1.02 if ha == "right" else 0.0
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
