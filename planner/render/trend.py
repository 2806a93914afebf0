"""Milestone trend analysis (:class:`~planner.tracking.Trend`) as a table and as a chart:
x is the status date, y the forecast date of each milestone and phase end; a flat line is a
stable forecast, a rising one a slipping item, and an item meets the diagonal when it is done.
matplotlib is imported only when a chart is drawn."""
from __future__ import annotations

import datetime as dt

from ..tracking import Trend, slip_days
from .status import text_table

WORDS = {
    "nb": {"title": "Milepælstrendanalyse", "status": "Statusdato", "forecast": "Prognose",
           "id": "ID", "item": "Milepæl / fase", "slip": "Endring siden {first}, kalenderdager",
           "baseline": "Grunnplan", "done": "ferdig", "diagonal": "prognose = statusdato",
           "phase": "fase", "milestone": "milepæl"},
    "en": {"title": "Milestone trend analysis", "status": "Status date", "forecast": "Forecast",
           "id": "ID", "item": "Milestone / phase", "slip": "Change since {first}, calendar days",
           "baseline": "Baseline", "done": "done", "diagonal": "forecast = status date",
           "phase": "phase", "milestone": "milestone"},
}


def render_trend(trend: Trend, lang: str = "nb", markdown: bool = False) -> str:
    """One row per milestone and phase end, one column per status date."""
    w = WORDS[lang]
    head = [w["id"], w["item"]] + ([w["baseline"]] if _has_baseline(trend) else []) + \
        [f"{d:%d.%m.%y}" for d in trend.status_dates] + \
        [w["slip"].format(first=f"{trend.status_dates[0]:%d.%m.%y}")]
    rows = []
    for item in trend.items:
        cells = [item.id, f"{item.name} ({w[item.kind]})"]
        if _has_baseline(trend):
            cells.append(f"{item.baseline:%d.%m.%y}" if item.baseline else "")
        for f, done in zip(item.forecasts, item.done):
            cells.append("" if f is None else f"{f:%d.%m.%y}" + (f" ({w['done']})" if done
                                                                  else ""))
        slip = slip_days(item)
        cells.append("" if slip is None else (f"{slip:+d}" if slip else "0"))
        rows.append(cells)
    title = f"{w['title']}: {trend.plan}"
    out = [f"## {title}" if markdown else title, ""]
    out += text_table(head, rows, markdown, indent="")
    return "\n".join(out) + "\n"


def _has_baseline(trend: Trend) -> bool:
    return any(item.baseline is not None for item in trend.items)


def write_trend_chart(trend: Trend, path: str, lang: str = "nb") -> None:
    """The trend chart as PNG, SVG or PDF (by the file name); the same trend gives the same
    bytes."""
    from ..io.documents import write_atomic

    write_atomic(path, trend_chart_bytes(trend, chart_format(path), lang))


def trend_chart_bytes(trend: Trend, fmt: str = "png", lang: str = "nb") -> bytes:
    """The bytes of the trend chart as a ``png``, ``svg`` or ``pdf`` file."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    w = WORDS[lang]
    xs = trend.status_dates
    fig, ax = plt.subplots(figsize=(11.7, 8.3), dpi=100)        # A4 landscape
    base_x = trend.baseline_date or xs[0]
    known = [f for item in trend.items for f in item.forecasts if f is not None]
    known += [item.baseline for item in trend.items if item.baseline is not None]
    x_lo = min([base_x] + xs)
    lo = min(known + xs + [x_lo]) - dt.timedelta(days=14)
    hi = max(known + xs) + dt.timedelta(days=14)
    ax.plot([lo, hi], [lo, hi], color="#999999", linewidth=0.8, linestyle="--",
            label=w["diagonal"])
    cmap = plt.get_cmap("tab10")
    markers = "osD^vP*Xh<>"
    for k, item in enumerate(trend.items):
        pts = [(x, f) for x, f in zip(xs, item.forecasts) if f is not None]
        if not pts:
            continue
        color, marker = cmap(k % 10), markers[k % len(markers)]
        size = 9 - 1.5 * (k % 3)                 # items on the same dates stay visible
        if item.baseline is not None:
            ax.plot([base_x, pts[0][0]], [item.baseline, pts[0][1]], color=color,
                    linewidth=1.0, linestyle=":")
            ax.plot([base_x], [item.baseline], marker=marker, markersize=size, color=color,
                    markerfacecolor="white")
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, markersize=size,
                color=color, linewidth=1.6, label=f"{item.id} {_short(item.name)}")
        ax.annotate(f"{pts[-1][1]:%d.%m.%y}", pts[-1], textcoords="offset points",
                    xytext=(8, 4 - 9 * (k % 3)), va="center", fontsize=7, color=color)
    fmt_date = mdates.DateFormatter("%d.%m.%y")
    ax.xaxis.set_major_formatter(fmt_date)
    ax.yaxis.set_major_formatter(fmt_date)
    ticks = sorted(set(xs + ([base_x] if trend.baseline_date else [])))
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{w['baseline']}\n{d:%d.%m.%y}" if d == base_x and trend.baseline_date
                        and d not in xs else f"{d:%d.%m.%y}" for d in ticks])
    ax.set_xlim(x_lo - dt.timedelta(days=10), xs[-1] + dt.timedelta(days=25))
    ax.set_ylim(lo, hi)
    ax.set_xlabel(w["status"])
    ax.set_ylabel(w["forecast"])
    ax.set_title(f"{w['title']}: {_short(trend.plan, 90)}", fontsize=10, loc="left")
    ax.grid(True, color="#eeeeee")
    ax.legend(fontsize=7, loc="lower right", framealpha=0.9)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.BytesIO()
    meta = {"png": {"Software": None}, "svg": {"Date": None, "Creator": "planner"},
            "pdf": {"CreationDate": None, "ModDate": None, "Creator": "planner",
                    "Producer": "planner"}}[fmt]
    with matplotlib.rc_context({"svg.hashsalt": "planner-trend", "svg.fonttype": "path"}):
        fig.savefig(buf, format=fmt, metadata=meta)
    plt.close(fig)
    return buf.getvalue()


def chart_format(path: str) -> str:
    """``png``, ``svg`` or ``pdf`` from the file name, or a PlanError."""
    from ..errors import PlanError

    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if ext not in ("png", "svg", "pdf"):
        raise PlanError(f"cannot tell the chart format from {path!r}: the file name must end "
                        f"in .png, .svg or .pdf")
    return ext


def _short(text: str, width: int = 45) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def trend_to_dict(trend: Trend) -> dict:
    """The trend as JSON-ready data (dates ISO)."""
    def iso(d):
        return d.isoformat() if d is not None else None

    return {"plan": trend.plan, "status_dates": [iso(d) for d in trend.status_dates],
            "items": [{"id": i.id, "name": i.name, "kind": i.kind, "baseline": iso(i.baseline),
                       "forecasts": [iso(f) for f in i.forecasts], "done": i.done,
                       "slip_calendar_days": slip_days(i)} for i in trend.items]}
