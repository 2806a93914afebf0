"""Load histograms a board can read: ONE figure with a row per resource on a shared time axis
(month names, the calendar's holidays and seasons shaded), weekly work as bars (red in a week
with a day over capacity), the person-days available as a step line, and for a levelled plan
the load before levelling as a light outline on the same scale.  matplotlib is imported only
here; the same input gives byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re

from ..errors import PlanError
from ..io.output import write_files

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

FIGURE = "load.png"


def chart_file_names(resource_ids) -> dict:
    """``{id: "load_<id>.png"}``, one distinct name per id, on any file system.

    An id that is not already a safe file name (``a b``, ``Ås/2``) is slugged (unsafe runs
    become ``_``) and gets the first 8 hex digits of its SHA-1, so ``a b`` and ``a_b`` never
    write the same file; so do ids that differ only in case (``A`` and ``a``)."""
    ids = list(resource_ids)
    slugs = {rid: _UNSAFE.sub("_", rid) for rid in ids}
    plain: dict = {}
    for rid in ids:
        if slugs[rid] == rid:
            plain.setdefault(rid.casefold(), []).append(rid)
    out = {}
    for rid in ids:
        slug = slugs[rid]
        if slug != rid or len(plain[rid.casefold()]) > 1:
            slug = f"{slug}-{hashlib.sha1(rid.encode('utf-8')).hexdigest()[:8]}"
        out[rid] = f"load_{slug}.png"
    names = [n.casefold() for n in out.values()]
    if len(set(names)) != len(names):         # only an id chosen to look like a hashed name
        dup = next(rid for rid in ids if names.count(out[rid].casefold()) > 1)
        raise PlanError(f"resource id {dup!r} gives the same chart file name as another "
                        f"resource; rename one")
    return out


WORDS = {
    "en": {"work": "work per week (person-days)", "available": "capacity (person-days "
           "available per week)", "per_week": "person-days / week", "capacity": "capacity",
           "assumption": "assumption", "over": "over capacity: a day above capacity (or work "
           "while absent) in the week", "before": "before levelling (outline)",
           "after": "levelled", "season": "holiday season", "holiday": "public holiday"},
    "nb": {"work": "arbeid per uke (dagsverk)", "available": "kapasitet (dagsverk "
           "tilgjengelig per uke)", "per_week": "dagsverk / uke", "capacity": "kapasitet",
           "assumption": "antakelse", "over": "over kapasitet: en dag over kapasiteten (eller "
           "arbeid under fravær) i uken", "before": "før utjevning (omriss)",
           "after": "utjevnet", "season": "ferieperiode", "holiday": "offentlig fridag"},
}
MONTHS = {"nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov",
                 "des"),
          "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")}
BLUE, RED, BEFORE = "#2e86c1", "#c0392b", "#7f7f7f"


def _edges(weeks) -> list:
    return [float(w.monday.toordinal()) for w in weeks] + \
        [float(weeks[-1].monday.toordinal() + 7)] if weeks else []


def x_span(loads: list, before: list | None) -> tuple[float, float]:
    """Day ordinals from the first Monday to the end of the last week of any series."""
    edges = [e for ld in loads + (before or []) for e in _edges(ld.weeks)]
    return min(edges), max(edges)


def month_ticks(lo: float, hi: float, lang: str) -> tuple[list, list, list]:
    """Month starts (grid lines), and the middle of each month with its name (the year under
    January and under the first month shown)."""
    starts, mids, labels = [], [], []
    d = dt.date.fromordinal(int(lo)).replace(day=1)
    first = True
    while d.toordinal() < hi:
        nxt = (d + dt.timedelta(days=32)).replace(day=1)
        a, b = max(d.toordinal(), lo), min(nxt.toordinal(), hi)
        if d.toordinal() > lo:
            starts.append(float(d.toordinal()))
        if b - a >= 10:
            mids.append((a + b) / 2)
            name = MONTHS[lang][d.month - 1]
            labels.append(f"{name}\n{d.year}" if first or d.month == 1 else name)
            first = False
        d = nxt
    return starts, mids, labels


def _draw_row(ax, ld, before, shading, lo, hi, w, lang) -> None:
    from .gantt.style import COLORS

    for x0, x1, _name, kind, _whole in shading:
        ax.axvspan(x0, x1, color=COLORS[kind], alpha=0.9 if kind == "holiday" else 0.8,
                   lw=0, zorder=0)
    edges = _edges(ld.weeks)
    ax.bar([e + 0.5 for e in edges[:-1]], [x.work for x in ld.weeks], width=6.0,
           align="edge", color=[RED if x.over else BLUE for x in ld.weeks], zorder=2)
    if before is not None and before.weeks:
        ax.stairs([x.work for x in before.weeks], _edges(before.weeks), color=BEFORE,
                  lw=1.1, zorder=3, baseline=None)
    ax.stairs([x.available for x in ld.weeks], edges, color="black", lw=1.3, zorder=4,
              baseline=None)
    cap = f"{ld.capacity:g}"
    if lang == "nb":
        cap = cap.replace(".", ",")
    ax.set_title(f"{ld.id}: {ld.name} ({w['capacity']} {cap})" +
                 (f" [{w['assumption']}]" if ld.assumption else ""), fontsize=9, loc="left",
                 pad=3)
    top = max([x.work for x in ld.weeks] + [x.available for x in ld.weeks] +
              ([x.work for x in before.weeks] if before is not None else []) + [1.0])
    ax.set_ylim(0, top * 1.12)
    ax.set_xlim(lo, hi)
    ax.set_ylabel(w["per_week"], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)


def _legend_handles(w, before: bool, shading, over: bool) -> list:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .gantt.style import COLORS

    out = [Patch(color=BLUE, label=w["work"] if not before else f"{w['work']}, {w['after']}")]
    if over:
        out.append(Patch(color=RED, label=w["over"]))
    out.append(Line2D([], [], color="black", lw=1.3, label=w["available"]))
    if before:
        out.append(Line2D([], [], color=BEFORE, lw=1.1, label=w["before"]))
    kinds = {k for _a, _b, _n, k, _w in shading}
    for kind in ("season", "holiday"):
        if kind in kinds:
            out.append(Patch(color=COLORS[kind], label=w[kind]))
    return out


def load_figure(loads: list, sched, title: str, lang: str = "en",
                before: list | None = None, span: tuple | None = None) -> bytes:
    """The PNG of ``loads`` (and ``before``, the same resources unlevelled) as one figure;
    ``span``: the time axis (default: every week of ``loads`` and ``before``)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .gantt.axis import shaded_spans

    w = WORDS[lang]
    lo, hi = span or x_span(loads, before)
    shading = shaded_spans(sched.calendar, lo, hi, {}, lang)
    n = len(loads)
    fig, axes = plt.subplots(n, 1, sharex=True, squeeze=False,
                             figsize=(11.0, 1.15 + 1.45 * n + 0.5), dpi=110)
    by_id = {ld.id: ld for ld in before or []}
    for ax, ld in zip(axes[:, 0], loads):
        _draw_row(ax, ld, by_id.get(ld.id) if before is not None else None, shading, lo, hi,
                  w, lang)
    starts, mids, labels = month_ticks(lo, hi, lang)
    last = axes[-1, 0]
    last.set_xticks(mids, labels, fontsize=8)
    last.tick_params(axis="x", length=0)
    for ax in axes[:, 0]:
        for x in starts:
            ax.axvline(x, color="#b0b0b0", lw=0.6, zorder=1)
    top_in = 1.15
    fig.subplots_adjust(left=0.07, right=0.99, bottom=0.5 / fig.get_figheight(),
                        top=1 - top_in / fig.get_figheight(), hspace=0.45)
    fig.text(0.07, 1 - 0.12 / fig.get_figheight(), title, fontsize=10,
             fontweight="bold", ha="left", va="top")
    over = any(x.over for ld in loads for x in ld.weeks)
    fig.legend(handles=_legend_handles(w, before is not None, shading, over), loc="upper left",
               bbox_to_anchor=(0.07, 1 - 0.4 / fig.get_figheight()), ncol=3, fontsize=7.5,
               frameon=False, handlelength=1.6, columnspacing=1.5)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def write_load_charts(loads: list, folder: str, sched, title: str, lang: str = "en",
                      before: list | None = None) -> list:
    """Write ``folder/load.png`` (every resource, one row each, one time axis) and
    ``folder/load_<resource>.png`` (one row, on the same axis; collision-free names).  Returns
    the paths written.  The charts are written all-or-nothing
    (:func:`planner.io.output.write_files`), the folder made if need be."""
    names = chart_file_names([ld.id for ld in loads])
    charts = [(os.path.join(folder, FIGURE), load_figure(loads, sched, title, lang, before))]
    span = x_span(loads, before)
    for ld in loads:
        prior = [b for b in before if b.id == ld.id] if before is not None else None
        charts.append((os.path.join(folder, names[ld.id]),
                       load_figure([ld], sched, title, lang, prior, span)))
    made = _make_folder(folder)
    try:
        return write_files(charts)
    except BaseException:
        if made:
            try:
                os.rmdir(folder)             # nothing written: leave no empty folder either
            except OSError:
                pass
        raise


def _make_folder(folder: str) -> bool:
    """Make ``folder`` if it is not there; whether it was made."""
    if os.path.isdir(folder):
        return False
    try:
        os.makedirs(folder)
        return True
    except FileExistsError:
        raise PlanError("is a file, not a folder", file=folder, line=0) from None
    except OSError as exc:
        raise PlanError(f"cannot make the folder: {exc.strerror}", file=folder, line=0) from None
