"""The time axis: its range, how much the header can show without crowding (years, month
names, ISO weeks, grid lines), the shaded holiday seasons and public holidays, and the labels
above the rows (season names, project finish, status date, baseline finish), packed into lanes
so that none overlap.  Computed as a :class:`TimeAxis` first, then drawn."""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.patches import Rectangle

from .layout import deadline_x, key_x
from .style import COLORS
from .words import month_label, short_date


@dataclass
class TimeAxis:
    """The time axis as numbers: x in day ordinals, widths and heights in inches."""

    xlo: float
    xhi: float
    day_in: float                      # inches a day
    width: float                       # the chart's width
    status_x: float | None             # the end of the status day, or None
    shading: list                      # (x0, x1, name, kind, whole), see shaded_spans()
    events: list                       # (text, x0_in, x1_in, lane, color, weight)
    lanes: int                         # label lanes above the header rows
    lane_h: float
    week_stride: int | None            # ISO week numbers every this many weeks (None: none)
    week_grid: bool
    month_mode: str | None             # month names "full", "abbr", "letter" (None: none)
    month_grid: bool
    head_rows: list                    # the header rows from the top: year, month, week
    head_row_h: float

    @property
    def header_rows_h(self) -> float:
        return len(self.head_rows) * self.head_row_h

    @property
    def header_h(self) -> float:
        return self.header_rows_h + self.lanes * self.lane_h


def status_line_x(status_date: dt.date | None) -> float | None:
    """x of the status-date line: the end of the status day."""
    return None if status_date is None else float(status_date.toordinal() + 1)


def x_range(sched, baseline, status_x: float | None) -> tuple[float, float]:
    """From the Monday before the first bar (3 days to spare) to 10 days after the last late
    finish, deadline, baseline finish or status date."""
    s = sched
    xs = [key_x(s, s.project_start_key), key_x(s, s.project_finish_key)]
    tasks = s.plan.tasks
    for i in range(len(tasks)):
        xs.append(key_x(s, s.start[i]))
        xs.append(key_x(s, max(s.finish[i], s.lf[i])))
        if tasks[i].deadline is not None:
            xs.append(deadline_x(tasks[i]))
    if baseline is not None:                               # a tracking.BaselineBars
        xs.append(baseline.start_x)
        xs.append(baseline.finish_x)
    if status_x is not None:
        xs.append(status_x)
    lo, hi = min(xs), max(xs)
    first = dt.date.fromordinal(int(lo) - 3)
    first -= dt.timedelta(days=first.weekday())            # a Monday
    last = dt.date.fromordinal(int(math.ceil(hi)) + 10)
    return float(first.toordinal()), float(last.toordinal())


def lay_out_axis(sched, opts, m, fs: float, xlo: float, xhi: float, width: float,
                 status_x: float | None, cache: dict) -> TimeAxis:
    """The axis at font size ``fs`` over ``width`` inches (``cache``: see shaded_spans)."""
    day_in = width / (xhi - xlo)
    shading = shaded_spans(sched.calendar, xlo, xhi, cache, opts.lang)
    events = event_labels(sched, opts, m, fs, shading, xlo, day_in, width, status_x)
    lanes = max(1, 1 + max((e[3] for e in events), default=0))
    return TimeAxis(xlo, xhi, day_in, width, status_x, shading, events, lanes, fs * 1.6 / 72,
                    **time_scale(m, fs, day_in, opts.lang))


def time_scale(m, fs: float, day: float, lang: str) -> dict:
    """What the time axis can show without crowding at ``day`` inches a day: ISO week numbers
    every ``week_stride`` weeks, month names as wide as fit, and whether the weekly and
    monthly grid lines are far enough apart to draw."""
    label_w = m.width("52", fs * 0.9) + 0.05
    stride = 1
    while stride * 7 * day < label_w:
        stride *= 2
    week_stride = stride if stride <= 4 else None
    month_mode = None
    for option in ("full", "abbr", "letter"):
        if all(m.width(month_label(lang, k, option), fs) + 0.08 <= 28 * day
               for k in range(1, 13)):
            month_mode = option
            break
    head_rows = ["year"] + (["month"] if month_mode else []) + (
        ["week"] if week_stride else [])
    return dict(week_stride=week_stride, week_grid=7 * day >= 0.05, month_mode=month_mode,
                month_grid=28 * day >= 0.04, head_rows=head_rows, head_row_h=fs * 1.75 / 72)


def shaded_spans(cal, xlo: float, xhi: float, cache: dict, lang: str = "nb") -> list:
    """Non-working days from the calendar as x spans ``(x0, x1, name, kind, whole)``, clipped
    to the axis; ``whole`` is False for a season mostly outside it.  A season swallows the
    weekends next to it, so that "July" shades all of July.  ``cache`` keeps the spans of
    the last range (the page layout asks for the same range at every font size it tries)."""
    lo, hi = int(xlo), int(xhi)
    if (lo, hi) in cache:
        return cache[(lo, hi)]
    first = dt.date.fromordinal(lo - 40)
    last = dt.date.fromordinal(hi + 40)
    workweek = set(cal.cal.workweek)
    out = []
    for a, b, name, kind in cal.nonworking_periods(first, last, lang):
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
    cache.clear()
    cache[(lo, hi)] = out
    return out


def event_labels(sched, opts, m, fs, shading, xlo, day_in, width, status_x, first_only=False):
    """[(text, x0_in, x1_in, lane, color, weight)] above the rows, packed so that none overlap:
    the seasons' names (each name once when they need more than two lanes), the project
    finish, the status date and the baseline's finish."""
    size, w, lang = fs * 0.95, opts.words, opts.lang
    items = []
    named = set()
    for x0, x1, name, kind, whole in shading:
        if kind == "season" and whole and not (first_only and name in named):
            named.add(name)
            name = re.sub(r"\s*\(.*\)\s*$", "", name) or name   # "Fellesferie (juli)"
            items.append((name, (x0 + x1) / 2, "center", COLORS["text"], "normal"))
    s = sched
    fx = key_x(s, s.project_finish_key)
    items.append((f"{w['finish_line']} {short_date(s.project_finish, lang)}", fx,
                  "right", COLORS["finish"], "bold"))
    if status_x is not None:
        items.append((f"{w['status']} {short_date(opts.status_date, lang)}",
                      status_x, "left", COLORS["status"], "bold"))
    if opts.bars is not None:
        b = opts.bars
        bx = b.finish_x
        items.append((f"{w['baseline']} {short_date(b.project_finish, lang)}", bx,
                      "right" if bx <= fx else "left", COLORS["muted"], "bold"))
    spans = []
    for text, x, align, _c, weight in items:
        wide = m.width(text, size, weight)
        xin = (x - xlo) * day_in
        x0 = {"center": xin - wide / 2, "right": xin - wide - 0.03,
              "left": xin + 0.03}[align]
        x0 = min(max(x0, 0.0), width - wide)
        spans.append((x0, x0 + wide))
    lanes = pack_lanes(spans, 0.08)
    if max(lanes, default=0) > 1 and not first_only:
        return event_labels(sched, opts, m, fs, shading, xlo, day_in, width, status_x,
                            first_only=True)
    return [(t[0], sp[0], sp[1], lane, t[3], t[4]) for t, sp, lane in zip(items, spans, lanes)]


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


# -- drawing ----------------------------------------------------------------------------------
def draw_time_grid(ax, head, tab_head, t: TimeAxis, n: int, fs: float, m, lang: str,
                   words: dict, table_w: float) -> None:
    """The header's grey rows (over the chart and the table's heading row), the weekly grid
    and ISO week numbers, month lines and names, year lines and numbers."""
    lo, hi = int(t.xlo), int(t.xhi)
    row = t.head_row_h
    # header rows from the bottom: weeks, months, years (as many as are shown)
    ys = {name: k * row for k, name in enumerate(reversed(t.head_rows))}
    top = len(t.head_rows) * row
    above_weeks = row if t.week_stride else 0.0    # month/year lines stop above them
    head.add_patch(Rectangle((t.xlo, 0), t.xhi - t.xlo, top,
                             facecolor=COLORS["header"], edgecolor="none", zorder=0))
    tab_head.add_patch(Rectangle((0, 0), table_w, row, facecolor=COLORS["header"],
                                 edgecolor="none", zorder=0))
    # weeks: grid lines on Mondays, ISO week numbers
    if t.week_grid or t.week_stride:
        mondays = [o for o in range(lo, hi + 1) if dt.date.fromordinal(o).weekday() == 0]
    if t.week_grid:
        ax.add_collection(LineCollection([((o, -0.5), (o, n - 0.5)) for o in mondays],
                                         colors=COLORS["grid"], linewidths=0.5, zorder=0.5))
    if t.week_stride:
        stride, first = t.week_stride, True
        for o in mondays:
            week = dt.date.fromordinal(o).isocalendar()[1]
            if (week - 1) % stride or o + 7 > hi:
                continue
            x, text, ha = o + 3.5, str(week), "center"
            if first:   # the first label says what the numbers are
                first = False
                wide = m.width(words["week"], fs * 0.9)
                if wide + 0.05 <= stride * 7 * t.day_in:
                    x = max(x - wide / 2 / t.day_in, lo + 0.02 / t.day_in)
                    text, ha = words["week"], "left"
            head.text(x, ys["week"] + row / 2, text, fontsize=fs * 0.9, ha=ha,
                      va="center", color=COLORS["muted"])
    # months: darker lines, names as wide as fit
    firsts = []
    d = dt.date.fromordinal(lo).replace(day=1)
    while d.toordinal() <= hi:
        firsts.append(d)
        d = (d + dt.timedelta(days=32)).replace(day=1)
    if t.month_grid:
        xs = [f.toordinal() for f in firsts if f.toordinal() > lo]
        ax.add_collection(LineCollection([((x, -0.5), (x, n - 0.5)) for x in xs],
                                         colors=COLORS["month"], linewidths=0.7, zorder=0.6))
        head.add_collection(LineCollection([((x, above_weeks), (x, top)) for x in xs],
                                           colors=COLORS["month"], linewidths=0.7))
    if t.month_mode:
        for f in firsts:
            a = max(f.toordinal(), lo)
            b = min((f + dt.timedelta(days=32)).replace(day=1).toordinal(), hi)
            text = month_label(lang, f.month, t.month_mode)
            if m.width(text, fs) + 0.04 <= (b - a) * t.day_in:
                head.text((a + b) / 2, ys["month"] + row / 2, text, fontsize=fs,
                          ha="center", va="center", color=COLORS["text"])
    # years: a dark line at each new year, the number when it fits
    for y in range(dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year + 1):
        a = max(dt.date(y, 1, 1).toordinal(), lo)
        b = min(dt.date(y + 1, 1, 1).toordinal(), hi)
        if a > lo:
            head.plot([a, a], [above_weeks, top], color=COLORS["muted"], lw=0.9)
            ax.plot([a, a], [-0.5, n - 0.5], color=COLORS["muted"], lw=0.9, zorder=0.7)
        if m.width(str(y), fs, "bold") + 0.04 <= (b - a) * t.day_in:
            head.text((a + b) / 2, ys["year"] + row / 2, str(y), fontsize=fs, ha="center",
                      va="center", fontweight="bold", color=COLORS["text"])


def draw_shading(ax, head, t: TimeAxis, n: int) -> None:
    """Seasons and public holidays shaded over every row; seasons up through the header."""
    for kind in ("season", "holiday"):
        spans = [(x0, x1) for x0, x1, _n, k, _w in t.shading if k == kind]
        if not spans:
            continue
        alpha = 0.85 if kind == "season" else 0.9
        ax.add_collection(PolyCollection(
            [((x0, -0.5), (x1, -0.5), (x1, n - 0.5), (x0, n - 0.5))
             for x0, x1 in spans], facecolors=COLORS[kind], edgecolors="none", zorder=0.8,
            alpha=alpha, gid=f"shading-{kind}"))
        if kind == "season":          # up through the header to the season's name
            head.add_collection(PolyCollection(
                [((x0, 0), (x1, 0), (x1, t.header_h), (x0, t.header_h))
                 for x0, x1 in spans], facecolors=COLORS[kind], edgecolors="none",
                zorder=0.5, alpha=0.6))


def draw_events(ax, head, t: TimeAxis, sched, baseline, n: int, fs: float) -> None:
    """The labels above the rows, and the finish, baseline-finish and status lines that run
    from the label lanes down through every row."""
    fs = fs * 0.95
    for text, x0, _x1, lane, color, weight in t.events:
        x = t.xlo + x0 / t.day_in
        y = t.header_rows_h + (lane + 0.5) * t.lane_h
        head.text(x, y, text, fontsize=fs, ha="left", va="center", color=color,
                  fontweight=weight, parse_math=False)
    s = sched
    fx = key_x(s, s.project_finish_key)
    # the lines' own labels are the last events: finish, status, baseline finish (in order)
    lanes = [e[3] for e in t.events[len(t.events) - 1 - (t.status_x is not None)
                                    - (baseline is not None):]]
    head.plot([fx, fx], [0, _line_top(t, fx, lanes[0])], color=COLORS["finish"], lw=1.3)
    ax.plot([fx, fx], [-0.5, n - 0.5], color=COLORS["finish"], lw=1.3, zorder=3.5,
            gid="finish-line")
    if baseline is not None:                               # a tracking.BaselineBars
        bx = baseline.finish_x
        head.plot([bx, bx], [0, _line_top(t, bx, lanes[-1])], color=COLORS["muted"], lw=1.1,
                  ls=(0, (4, 2)))
        ax.plot([bx, bx], [-0.5, n - 0.5], color=COLORS["muted"], lw=1.1,
                ls=(0, (4, 2)), zorder=3.4, gid="baseline-finish-line")
    if t.status_x is not None:
        head.plot([t.status_x] * 2, [0, _line_top(t, t.status_x, lanes[1])],
                  color=COLORS["status"], lw=1.3, ls="--")
        ax.plot([t.status_x] * 2, [-0.5, n - 0.5], color=COLORS["status"], lw=1.3,
                ls="--", zorder=3.6, gid="status-line")


def _line_top(t: TimeAxis, x: float, lane: int) -> float:
    """Where a line up the header stops: at the top of the header, or at the top of its own
    label's lane when a label in a lane above it stands across ``x`` (the line would strike
    it through)."""
    xin = (x - t.xlo) * t.day_in
    for _text, x0, x1, other, *_ in t.events:
        if other > lane and x0 - 0.02 <= xin <= x1 + 0.02:
            return t.header_rows_h + (lane + 1) * t.lane_h
    return t.header_h
