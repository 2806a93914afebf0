"""The title above the chart (the plan's name, finish, critical path and start; with a baseline,
its finish and the change) and the legend and footnotes below it: what they say and how many
rows and columns they take, then the drawing."""
from __future__ import annotations

import math

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...schedule.resource_path import is_levelled
from ..table import number_text
from .style import COLORS
from .words import count_text, long_date


# -- the title ---------------------------------------------------------------------------------
def title_lines(sched, opts, m, width: float, finish_change: tuple | None) -> list:
    """[(size, [(text, color, weight), ...])]: the plan's name (shortened to ``width``
    inches); the finish date, critical path length and start; with a baseline, its finish
    and the change.  A levelled plan's path is named resource-critical."""
    s, w, lang = sched, opts.words, opts.lang
    cp = w["rcp"] if is_levelled(s) else w["cp"]
    text, bold = COLORS["text"], "bold"
    name = opts.title or s.plan.name
    if opts.scenario_label:
        name = f"{name} - {w['scenario']}: {opts.scenario_label}"
    lines = [(14, [(m.fit(name, 14, width, bold), text, bold)])]
    lines.append((11, [
        (f"{w['finish_title']} {long_date(s.project_finish, lang)}", text, bold),
        (f"  ·  {cp} {count_text(s.project_duration, w['wd'], lang=lang)}  ·  "
         f"{w['start_title']} {long_date(s.project_start, lang)}", text, "normal")]))
    if opts.bars is not None:
        b = opts.bars
        wd, cd = finish_change
        if wd == 0 and cd == 0:
            change, color = w["same"], COLORS["muted"]
        else:
            change = (f"{w['change']} {count_text(wd, w['wd'], True, lang)} "
                      f"({count_text(cd, w['cd'], True)})")
            color = COLORS["later"] if cd > 0 else COLORS["earlier"]
        lines.append((11, [
            (f"{w['baseline']}: {w['finish_title'].lower()} "
             f"{long_date(b.project_finish, lang)}  ·  ", text, "normal"),
            (change, color, bold),
            (f"  ·  {w['cp']} {number_text(b.project_duration, lang)} → "
             f"{count_text(s.project_duration, w['wd'], lang=lang)}", text, "normal")]))
    return lines


def title_height(lines: list) -> float:
    return 0.12 + sum(size * 1.45 / 72 for size, _parts in lines)


def draw_title(fig, page) -> None:
    """Each line's parts follow one another: every part after the first is anchored to
    the right end of the one before it when drawn, so their widths are matplotlib's own."""
    from matplotlib.text import Annotation

    y = page.height - page.margin
    for size, parts in page.title:
        y -= size * 1.2 / 72
        prev = None
        for text, color, weight in parts:
            kw = dict(fontsize=size, color=color, fontweight=weight, parse_math=False)
            if prev is None:
                prev = fig.text(page.margin / page.width, y / page.height, text,
                                va="baseline", ha="left", **kw)
            else:
                prev = fig.add_artist(Annotation(text, xy=(1, 0), xycoords=prev,
                                                 va="bottom", ha="left", **kw))
        y -= size * 0.25 / 72


# -- the legend --------------------------------------------------------------------------------
#: the legend's symbols, by the word they stand beside; ``fs`` is the legend's font size
HANDLES = {
    "critical": lambda fs: Patch(facecolor=COLORS["critical"]),
    "task": lambda fs: Patch(facecolor=COLORS["normal"]),
    "summary": lambda fs: Patch(facecolor=COLORS["summary"]),
    "milestone": lambda fs: Line2D([], [], ls="none", marker="D", mfc=COLORS["normal"],
                                   mec=COLORS["summary"], ms=fs),
    "deadline": lambda fs: Line2D([], [], ls="none", marker="v", mfc=COLORS["deadline"],
                                  mec=COLORS["summary"], mew=0.5, ms=fs),
    "delay": lambda fs: Line2D([], [], color=COLORS["delay"], lw=2),
    "float": lambda fs: Line2D([], [], color=COLORS["float"], lw=2.5),
    "season": lambda fs: Patch(facecolor=COLORS["season"]),
    "holiday": lambda fs: Patch(facecolor=COLORS["holiday"]),
    "finish_line": lambda fs: Line2D([], [], color=COLORS["finish"], lw=1.3),
    "status": lambda fs: Line2D([], [], color=COLORS["status"], lw=1.3, ls="--"),
    "ghost": lambda fs: Patch(facecolor=COLORS["baseline"], edgecolor=COLORS["baseline_edge"]),
    "link": lambda fs: Line2D([], [], color=COLORS["link"], lw=0.8),
    "done": lambda fs: Patch(facecolor=COLORS["normal_done"]),
    "split": lambda fs: Line2D([], [], color=COLORS["normal"], lw=1.5),
    "late": lambda fs: Patch(facecolor="none", edgecolor=COLORS["late"], lw=1.3),
}


def legend_entries(opts, tasks, rows, levelled: bool = False) -> list[tuple[str, str]]:
    """[(key of HANDLES, label)]: the symbols this chart uses, in the legend's order; red is a
    resource-critical task when ``levelled``."""
    keys = ["critical", "task", "summary"]
    if any(t.milestone for t in tasks):
        keys.append("milestone")
    if any(t.deadline is not None for t in tasks):
        keys.append("deadline")
    if any(r.delay_x0 is not None for r in rows):
        keys.append("delay")
    keys += ["float", "season", "holiday", "finish_line"]
    progress = [r.progress for r in rows if r.progress is not None]
    if any(p.done_x1 is not None for p in progress):
        keys.append("done")
    if any(p.gap is not None for p in progress):
        keys.append("split")
    if any(p.late for p in progress):
        keys.append("late")
    if opts.status_date is not None:
        keys.append("status")
    if opts.bars is not None:
        keys.append("ghost")
    if opts.links:
        keys.append("link")
    w = opts.words
    label = dict(w, critical=w["rcritical"]) if levelled else dict(w)
    if opts.bars is not None and opts.bars.name is not None:
        number = opts.bars.name.removeprefix("baseline")     # baseline, baseline1..10
        label["ghost"] = f"{w['saved']} {number}".strip()
    elif "late" in keys:
        label["late"] = w["late_plan"]
    return [(k, label[k]) for k in keys]


def legend_shape(entries, m, fs: float, width: float) -> tuple[int, int]:
    """(rows, columns): the fewest rows whose columns fit ``width`` inches."""
    per = [m.width(label, fs) + 0.55 for _k, label in entries]
    for rows in range(1, len(entries) + 1):
        cols = math.ceil(len(entries) / rows)
        col_w = [max(per[r * cols + c] for r in range(rows) if r * cols + c < len(per))
                 for c in range(cols)]
        if sum(col_w) <= width:
            return rows, cols
    return len(entries), 1


def legend_height(rows: int, fs: float) -> float:
    return rows * fs * 2.0 / 72 + 0.1


def draw_legend(fig, page, top: float) -> None:
    fs = page.fs
    fig.legend([HANDLES[k](fs) for k, _ in page.legend], [t for _, t in page.legend],
               loc="upper left", bbox_to_anchor=(page.margin / page.width, top / page.height),
               ncol=page.legend_cols, frameon=False, fontsize=fs, handlelength=1.6,
               handleheight=0.8, columnspacing=1.4, borderaxespad=0.0, borderpad=0.0)


# -- footnotes: the full names of shortened rows -----------------------------------------------
def notes_height(notes: list, fs: float) -> float:
    return (len(notes) + 1) * fs * 1.45 / 72 + 0.08 if notes else 0.0


def draw_notes(fig, page, tasks, words: dict, m, top: float) -> None:
    fs = page.fs
    line = fs * 1.45 / 72
    y = top - line
    fig.text(page.margin / page.width, y / page.height, words["truncated"] + ":", fontsize=fs,
             fontweight="bold", va="baseline")
    room = page.width - 2 * page.margin - 0.2
    for r in page.notes:
        y -= line
        text = m.fit(f"{r.task_id}: {tasks[r.row].name}", fs, room)
        fig.text((page.margin + 0.2) / page.width, y / page.height, text, fontsize=fs,
                 va="baseline", parse_math=False)
