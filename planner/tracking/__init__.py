"""Following a plan through the year (docs/tracking.md): task states against a reference,
baselines and variance, the monthly status view and the milestone trend.  Pure functions over
tracked :class:`~planner.schedule.Schedule` objects; the status files themselves are read by
:mod:`planner.io.status_yaml` and the progress is scheduled by :mod:`planner.schedule.progress`.
"""
from .baseline import (BASELINE_NAMES, Baseline, BaselineTask, Variance, baseline_number,
                       baseline_of, project_variance, variances, working_days_between)
from .status import (StatusReport, month_before, plan_reference, status_report, task_states,
                     without_progress)
from .trend import Trend, TrendItem, milestone_trend, slip_days, trend_items

__all__ = [
    "BASELINE_NAMES", "Baseline", "BaselineTask", "Variance", "baseline_number", "baseline_of",
    "project_variance", "variances", "working_days_between", "StatusReport", "month_before",
    "plan_reference", "status_report", "task_states", "without_progress", "Trend", "TrendItem",
    "milestone_trend", "slip_days", "trend_items",
]
