"""Risk charts (matplotlib, imported only here): the finish date's distribution and drivers.

One page, Norwegian by default:

* top: the histogram of finish dates per week (left axis) under the S-curve, the share of
  iterations finished by each date (right axis); P50 and P85, the deterministic finish and
  the deadlines (``--by`` dates) as vertical lines; holiday seasons (the July break) shaded,
  so a slip past the summer is visible as the gap it is;
* bottom left: a tornado of the top drivers by cruciality, with their criticality;
* bottom right: the risk events by their mean finish impact.

The same input gives byte-identical PNG, SVG and PDF files.
"""
from __future__ import annotations

import datetime as dt
import io

import numpy as np

from ..errors import PlanError
from .gantt import format_of
from .gantt.words import month_label
from .risk_text import date_text, drivers, number, percent

WORDS = {
    "nb": {"title": "Tidsrisiko", "iterations": "iterasjoner", "seed": "frø",
           "share": "Andel per uke", "cum": "Andel ferdig innen dato (S-kurve)",
           "plan": "Plan", "by": "Frist", "drivers": "Viktigste drivere (sensitivitet)",
           "crit": "krit.", "risks": "Risikohendelser: virkning på sluttdato",
           "wd": "arbeidsdager", "cd": "kd", "none": "Ingen risikohendelser",
           "no_drivers": "Ingen varigheter varierer", "cruc": "rangkorrelasjon med sluttdato",
           "chance": "ferdig innen"},
    "en": {"title": "Schedule risk", "iterations": "iterations", "seed": "seed",
           "share": "Share per week", "cum": "Share finished by date (S-curve)",
           "plan": "Plan", "by": "Deadline", "drivers": "Top drivers (cruciality)",
           "crit": "crit.", "risks": "Risk events: finish impact",
           "wd": "working days", "cd": "cd", "none": "No risk events",
           "no_drivers": "No task duration varies", "cruc": "rank correlation with the finish",
           "chance": "finished by"},
}
COLORS = {"bar": "#9ecae1", "curve": "#08519c", "p50": "#2171b5", "p85": "#cb181d",
          "plan": "#1a1a1a", "by": "#238b45", "season": "#ffe2b8", "pos": "#cb181d",
          "neg": "#2171b5", "risk": "#6a51a3", "muted": "#555555"}
def render_risk_chart(result, summary: dict, path: str, lang: str = "nb") -> None:
    """Write the chart to ``path`` (.png, .svg or .pdf), whole or not at all."""
    from ..io.documents import write_atomic

    write_atomic(path, risk_chart_bytes(result, summary, format_of(path), lang))


def risk_chart_bytes(result, summary: dict, fmt: str = "png", lang: str = "nb") -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import rc_context

    from .. import __version__

    rc = {"font.family": "DejaVu Sans", "svg.hashsalt": "planner-risk", "svg.fonttype": "path",
          "pdf.fonttype": 42,
          "path.simplify": True, "text.parse_math": False, "text.hinting": "no_hinting"}
    buf = io.BytesIO()
    with rc_context(rc):
        fig = plt.figure(figsize=(11.69, 8.27), dpi=150)
        # the bottom panels leave room on their left for task and risk names
        _distribution(fig.add_axes((0.06, 0.47, 0.86, 0.41)), result, summary, lang)
        _tornado(fig.add_axes((0.25, 0.07, 0.22, 0.29)), summary, lang)
        _risks(fig.add_axes((0.72, 0.07, 0.22, 0.29)), summary, lang)
        _title(fig, summary, lang)
        meta = {"Title": summary["plan"]}
        creator = f"planner {__version__}"
        if fmt == "png":
            meta["Software"] = creator
        elif fmt == "svg":
            meta.update({"Creator": creator, "Date": None})
        else:
            meta.update({"Creator": creator, "Producer": creator, "CreationDate": None,
                         "ModDate": None})
        fig.savefig(buf, format=fmt, metadata=meta)
        plt.close(fig)
    return buf.getvalue()


def _title(fig, summary, lang) -> None:
    w = WORDS[lang]
    fin = summary["finish"]
    fig.text(0.06, 0.955, f"{w['title']}: {summary['plan']}", fontsize=12, weight="bold",
             ha="left", va="bottom")
    parts = [f"{summary['iterations']} {w['iterations']}, {w['seed']} {summary['seed']}",
             f"{w['plan']} {date_text(fin['deterministic'])}",
             f"P50 {date_text(fin['p50'])}", f"P85 {date_text(fin['p85'])}"]
    parts += [f"{w['chance']} {date_text(d)}: {percent(p, lang)}"
              for d, p in summary["probability_by"].items()]
    fig.text(0.06, 0.925, "   ·   ".join(parts), fontsize=9, ha="left", va="bottom",
             color=COLORS["muted"])


def _distribution(ax, result, summary, lang) -> None:
    w = WORDS[lang]
    fd = result.finish_days
    lo, hi = int(fd.min()), int(fd.max())
    counts = np.bincount(fd - lo)
    ords = result.days.ordinals(np.arange(lo, hi + 1))
    n = len(fd)
    fin = summary["finish"]
    marks = [fin["deterministic"], fin["p50"], fin["p85"], *summary["probability_by"]]
    x0 = min(int(ords[0]), *(d.toordinal() for d in marks)) - 10
    x1 = max(int(ords[-1]), *(d.toordinal() for d in marks)) + 10
    _seasons(ax, result, x0, x1)
    monday = ords - (ords + 6) % 7                  # the Monday of each finish date's week
    weeks, inverse = np.unique(monday, return_inverse=True)
    per_week = np.bincount(inverse, weights=counts) / n * 100
    ax.bar(weeks + 3.5, per_week, width=6.2, color=COLORS["bar"], zorder=2)
    ax.set_ylabel(f"{w['share']} (%)", fontsize=8)
    ax.set_ylim(0, max(per_week.max() * 1.25, 1))
    cum = ax.twinx()
    share = np.cumsum(counts) / n * 100
    cum.step(np.concatenate([[x0], ords + 1, [x1]]), np.concatenate([[0], share, [100]]),
             where="post", color=COLORS["curve"], linewidth=1.6, zorder=3)
    cum.set_ylim(0, 104)
    cum.set_ylabel(f"{w['cum']} (%)", fontsize=8)
    top = ax.get_ylim()[1]
    lines = [(fin["deterministic"], COLORS["plan"], "-", w["plan"]),
             (fin["p50"], COLORS["p50"], "--", "P50"), (fin["p85"], COLORS["p85"], "--", "P85")]
    lines += [(d, COLORS["by"], ":", w["by"]) for d in summary["probability_by"]]
    for k, (d, color, style, label) in enumerate(lines):
        x = d.toordinal() + 1                       # the end of the finish day
        ax.axvline(x, color=color, linestyle=style, linewidth=1.2, zorder=4)
        ax.text(x, top * (0.97 - 0.075 * k), f" {label} {date_text(d)}", color=color,
                fontsize=8, ha="left", va="top", zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    _month_axis(ax, x0, x1, lang)
    for a in (ax, cum):
        a.tick_params(labelsize=8)
        a.spines["top"].set_visible(False)


def _seasons(ax, result, x0, x1) -> None:
    cal = result.sched.calendar
    first, last = dt.date.fromordinal(x0), dt.date.fromordinal(x1)
    for a, b, name, kind in cal.nonworking_periods(first, last):
        if kind != "season":
            continue
        ax.axvspan(a.toordinal(), b.toordinal() + 1, color=COLORS["season"], zorder=1,
                   linewidth=0)
        if b.toordinal() - a.toordinal() >= 10:
            ax.text((a.toordinal() + b.toordinal() + 1) / 2, 0.02, name, rotation=90,
                    fontsize=7, ha="center", va="bottom", color=COLORS["muted"],
                    transform=ax.get_xaxis_transform(), zorder=5)


def _month_axis(ax, x0, x1, lang) -> None:
    d = dt.date.fromordinal(x0).replace(day=1)
    ticks, labels = [], []
    while d.toordinal() <= x1:
        if d.toordinal() >= x0:
            ticks.append(d.toordinal())
            labels.append(f"{month_label(lang, d.month, 'abbr')} {d:%y}")
        d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    step = max(1, len(ticks) // 14)
    ax.set_xticks(ticks[::step])
    ax.set_xticklabels(labels[::step])
    ax.set_xlim(x0, x1)


def _tornado(ax, summary, lang) -> None:
    w = WORDS[lang]
    ax.set_title(w["drivers"], fontsize=9, loc="right")
    top = drivers(summary)
    if not top:
        _empty(ax, w["no_drivers"])
        return
    ys = np.arange(len(top))[::-1]
    vals = [t["cruciality"] for t in top]
    colors = [COLORS["pos"] if v >= 0 else COLORS["neg"] for v in vals]
    ax.barh(ys, vals, color=colors, height=0.65)
    ax.set_yticks(ys)
    ax.set_yticklabels([_short(f"{t['id']} {t['name']}") for t in top], fontsize=7)
    for y, t in zip(ys, top):
        v = t["cruciality"]
        ax.text(v + (0.02 if v >= 0 else -0.02), y,
                f"{number(v, lang, 2)} ({w['crit']} {percent(t['criticality'], lang)})",
                fontsize=7, va="center", ha="left" if v >= 0 else "right")
    lo = -1.0 if min(vals) < 0 else 0.0
    ax.set_xlim(lo * 1.45, 1.45)
    ax.set_xticks([x / 4 for x in range(int(lo * 4), 5)])
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(w["cruc"], fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)


def _risks(ax, summary, lang) -> None:
    w = WORDS[lang]
    ax.set_title(w["risks"], fontsize=9, loc="right")
    risks = sorted(summary["risks"], key=lambda r: -r["finish_impact_days"])[:10]
    if not risks:
        _empty(ax, w["none"])
        return
    ys = np.arange(len(risks))[::-1]
    vals = [r["finish_impact_days"] for r in risks]
    ax.barh(ys, vals, color=COLORS["risk"], height=0.65)
    ax.set_yticks(ys)
    ax.set_yticklabels([_short(f"{r['id']} {r['name']}") for r in risks], fontsize=7)
    span = max(max(vals), 1.0)
    for y, r in zip(ys, risks):
        ax.text(r["finish_impact_days"] + span * 0.02, y,
                f"p {percent(r['probability'], lang)}: {number(r['finish_impact_days'], lang)}"
                f" / {number(r['finish_impact_calendar_days'], lang)} {w['cd']}",
                fontsize=7, va="center", ha="left")
    ax.set_xlim(0, span * 1.9)
    ax.set_xlabel(w["wd"], fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)


def _empty(ax, text) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=9, color=COLORS["muted"],
            transform=ax.transAxes)
    ax.set_axis_off()


def _short(text: str, width: int = 42) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
