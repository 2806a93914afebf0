"""The report's two schedule charts as inline SVG: the milestone trend over the status history
(the ``planner trend`` chart) and the Gantt chart with progress, baseline bars and the status
date (:mod:`planner.render.gantt`)."""
from __future__ import annotations

from .doc import Chart, Missing, Section
from .gantt_pages import gantt_views
from .inputs import ReportData
from .words import WORDS

#: the Gantt chart's paper: A4 portrait-wide pages of the report hold it at this size
GANTT_PAPER = "A4"


def gantt_section(data: ReportData) -> Section:
    from ..gantt import gantt_bytes

    w = WORDS[data.lang]
    sched = data.sched
    svg, layout = gantt_bytes(sched, "svg", lang=data.lang, paper=GANTT_PAPER,
                              status_date=data.status_date or sched.plan.status_date,
                              baseline=data.baseline)
    sec = Section("gantt", w["gantt"])
    alt = f"{w['gantt']}: {sched.plan.name}, {len(layout.rows)} {w['tasks_word']}"
    size = (layout.width_in * 72, layout.height_in * 72)
    sec.add(Chart("gantt", svg, alt, _gantt_caption(data), wide=True, size=size,
                  pages=gantt_views(layout, sched.plan.tasks)))
    return sec


def _gantt_caption(data: ReportData) -> str:
    """What the chart shows beyond a plain Gantt chart: progress, late tasks, the baseline."""
    w = WORDS[data.lang]
    parts = [w["gantt_status"]] if data.status_path else []
    if data.baseline is not None:
        parts.append(w["gantt_baseline"])
    return " ".join(parts)


def trend_section(data: ReportData) -> Section:
    w = WORDS[data.lang]
    sec = Section("trend", w["trend"])
    points = [s for _p, s in data.history]
    if not points:
        return sec.add(Missing(w["no_history"]))
    if len(points) < 2:
        return sec.add(Missing(w["no_history_one"]))
    from ...tracking import milestone_trend
    from ..trend import trend_chart_bytes

    trend = milestone_trend(points, data.baseline)
    svg = trend_chart_bytes(trend, "svg", lang=data.lang)
    alt = f"{w['trend']}: " + w["trend_alt"].format(n=len(trend.items),
                                                   k=len(trend.status_dates))
    return sec.add(Chart("trend", svg, alt, w["trend_caption"]))
