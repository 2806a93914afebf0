"""What each task row shows on the time axis, one function per glyph, drawn from the row's
:class:`~planner.render.gantt.layout.RowLayout` in this order: the baseline's ghost, the
total-float tail, the levelling delay, the bar itself (task bar, or the two parts of a task
split at the status date with a thin line across the gap; summary bar with the phase's name
beside it; or milestone diamond), the work done inside it (darker), the deadline arrow, and
the outline of a late task.  A new glyph is a function here, called from :func:`draw_bars`,
its x in the row's layout."""
from __future__ import annotations

import math

from matplotlib.patches import Polygon, Rectangle

from .style import COLORS


def bar_band(has_baseline: bool) -> tuple[float, float]:
    """(top, height) of a bar within its row: the upper part when a ghost is drawn below."""
    return (-0.36, 0.44) if has_baseline else (-0.27, 0.54)


def draw_bars(ax, page, tasks, m, has_baseline: bool) -> None:
    """Every row's glyphs (see the module docstring)."""
    top, h = bar_band(has_baseline)
    fs, axis = page.fs, page.axis
    phases = set(page.phases)
    for r in page.rows:
        i = r.row
        color = COLORS["critical"] if r.critical else COLORS["normal"]
        p = r.progress
        if r.baseline is not None:
            ghost(ax, r, r.kind == "milestone" or page.base_rows[i][2], fs)
        if r.float_x1 is not None:
            float_tail(ax, r, top, h)
        if r.delay_x0 is not None:
            delay_line(ax, r, top, h)
        if r.kind == "summary":
            summary_bar(ax, r, top, min(0.35 * page.row_h / axis.day_in, (r.x1 - r.x0) / 2))
            if r.task_id in phases:
                phase_label(ax, r, tasks[i].name, m, fs, axis)
        elif r.kind == "milestone":
            done = p is not None and p.state == "done"
            milestone(ax, r, COLORS["normal_done"] if done else color, top, h, fs)
        elif p is not None and p.gap is not None:
            split_bar(ax, r, color, top, h)
        else:
            task_bar(ax, r, color, top, h)
        if p is not None and p.done_x1 is not None and r.kind == "task":
            done_part(ax, r, COLORS["critical_done" if r.critical else "normal_done"], top, h)
        if r.deadline_x is not None:
            deadline(ax, r, top, fs)
        if p is not None and p.late and r.kind != "summary":
            late_outline(ax, r, top, h, fs)


def ghost(ax, r, milestone: bool, fs: float) -> None:
    """The baseline's bar (or diamond) in grey, in the lower part of the row."""
    i = r.row
    bx0, bx1 = r.baseline
    if milestone:
        ax.plot([bx0], [i + 0.22], marker="D", ms=fs * 0.8,
                mfc=COLORS["baseline"], mec=COLORS["baseline_edge"], mew=0.6,
                zorder=2, gid=f"baseline-{i}")
    else:
        ax.add_artist(Rectangle((bx0, i + 0.12), bx1 - bx0, 0.26,
                                facecolor=COLORS["baseline"],
                                edgecolor=COLORS["baseline_edge"], lw=0.5, zorder=2,
                                gid=f"baseline-{i}"))


def float_tail(ax, r, top: float, h: float) -> None:
    """Total float: a thin grey line from the bar's finish to its late finish."""
    i = r.row
    end = r.x1
    ax.add_artist(Rectangle((end, i - 0.04 + (top + h / 2)), r.float_x1 - end, 0.08,
                            facecolor=COLORS["float"], edgecolor="none", zorder=2.5,
                            gid=f"float-{i}"))


def delay_line(ax, r, top: float, h: float) -> None:
    """A levelling delay: a thin purple line from where the task could start to its bar."""
    i = r.row
    ax.add_artist(Rectangle((r.delay_x0, i - 0.03 + (top + h / 2)),
                            r.x0 - r.delay_x0, 0.06, facecolor=COLORS["delay"],
                            edgecolor="none", zorder=2.5, gid=f"delay-{i}"))


def task_bar(ax, r, color: str, top: float, h: float) -> None:
    ax.add_artist(Rectangle((r.x0, r.row + top), r.x1 - r.x0, h, facecolor=color,
                            edgecolor="none", zorder=3, gid=f"bar-{r.row}"))


def split_bar(ax, r, color: str, top: float, h: float) -> None:
    """A task split at the status date: the part before the gap, a thin line across the gap,
    and the remaining work after it (MS Project's split task)."""
    i = r.row
    g0, g1 = r.progress.gap
    for k, (a, b) in enumerate(((r.x0, g0), (g1, r.x1))):
        if b > a:
            ax.add_artist(Rectangle((a, i + top), b - a, h, facecolor=color, edgecolor="none",
                                    zorder=3, gid=f"bar-{i}" if k == 0 else f"bar-{i}-rest"))
    ax.add_artist(Rectangle((g0, i + top + h / 2 - 0.03), g1 - g0, 0.06, facecolor=color,
                            edgecolor="none", zorder=3, gid=f"split-{i}"))


def done_part(ax, r, color: str, top: float, h: float) -> None:
    """The work done, darker, over the bar from its actual start to the end of the work done
    (the whole bar of a finished task)."""
    i = r.row
    ax.add_artist(Rectangle((r.x0, i + top), r.progress.done_x1 - r.x0, h, facecolor=color,
                            edgecolor="none", zorder=3.2, gid=f"done-{i}"))


def late_outline(ax, r, top: float, h: float, fs: float) -> None:
    """A late task (docs/tracking.md): an orange outline round its bar or diamond."""
    i = r.row
    if r.kind == "milestone":
        ax.plot([r.x0], [i + top + h / 2], marker="D", ms=fs * 1.55, mfc="none",
                mec=COLORS["late"], mew=1.4, zorder=3.5, gid=f"late-{i}")
        return
    ax.add_artist(Rectangle((r.x0, i + top - 0.05), r.x1 - r.x0, h + 0.1, facecolor="none",
                            edgecolor=COLORS["late"], lw=1.3, zorder=3.5, gid=f"late-{i}"))


def milestone(ax, r, color: str, top: float, h: float, fs: float) -> None:
    ax.plot([r.x0], [r.row + top + h / 2], marker="D", ms=fs * 1.05, mfc=color,
            mec=COLORS["summary"], mew=0.6, zorder=3, gid=f"milestone-{r.row}")


def summary_bar(ax, r, top: float, cap: float) -> None:
    """MS Project's summary bar: a thin black bar with a downward point at each end, ``cap``
    days wide (about square)."""
    i = r.row
    y0, y1, y2 = i + top, i + top + 0.24, i + top + 0.5
    pts = [(r.x0, y0), (r.x1, y0), (r.x1, y2), (r.x1 - cap, y1), (r.x0 + cap, y1),
           (r.x0, y2)]
    ax.add_artist(Polygon(pts, closed=True, facecolor=COLORS["summary"],
                          edgecolor="none", zorder=3, gid=f"summary-{i}"))


def deadline(ax, r, top: float, fs: float) -> None:
    """MS Project's deadline arrow above the bar: green, red when the task finishes after it
    (the finish is the end of a day, as the deadline is)."""
    late = r.x1 > r.deadline_x
    ax.plot([r.deadline_x], [r.row + top], marker="v", ms=fs * 0.95,
            mfc=COLORS["deadline_missed" if late else "deadline"],
            mec=COLORS["summary"], mew=0.5, zorder=4, gid=f"deadline-{r.row}")


# -- phase names beside their summary bars ------------------------------------------------------
def phase_label(ax, r, name: str, m, fs: float, axis) -> None:
    """The phase's name beside its bar, on the side with more room (shortened to fit)."""
    gap = 0.08
    right = (axis.xhi - r.x1) * axis.day_in - 2 * gap
    left = (r.x0 - axis.xlo) * axis.day_in - 2 * gap
    room = max(left, right)
    text = m.fit(name, fs, room, "bold")
    if text != name and len(text) < 12:      # too little of it would be left
        return
    kw = dict(fontsize=fs, fontweight="bold", va="center_baseline", color=COLORS["text"],
              parse_math=False, zorder=4, gid=f"phase-{r.row}")
    if m.width(name, fs, "bold") <= right or right >= left:
        # on the right like MS Project's bar text, unless only the left has room
        ax.text(r.x1 + gap / axis.day_in, r.row, text, ha="left", **kw)
    else:
        ax.text(r.x0 - gap / axis.day_in, r.row, text, ha="right", **kw)


def room_for_phase_labels(rows, tasks, phases: set, m, fs: float, chart_w: float,
                          xlo: float, xhi: float) -> float:
    """The end of the time axis, widened (by up to a tenth) so that each phase's name fits
    beside its bar on one side or the other (see :func:`phase_label`)."""
    C = chart_w
    hi = xhi
    for r in rows:
        if r.kind != "summary" or r.task_id not in phases:
            continue
        L = m.width(tasks[r.row].name, fs, "bold") + 0.16
        if L >= C:
            continue
        if max(r.x0 - xlo, hi - r.x1) * C / (hi - xlo) >= L:
            continue
        hi = max(hi, (r.x1 * C - L * xlo) / (C - L))
    hi = min(math.ceil(hi), xhi + 0.1 * (xhi - xlo))
    return float(max(hi, xhi))
