"""What a report is made from, gathered once: the plan and its forecast, the status and the
baseline it is measured against, the history of earlier status files, the risk analysis and the
resource loads.  :func:`gather` reads the files and computes; the section builders only read a
:class:`ReportData`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...errors import PlanError
from ...schedule import Schedule

#: amber when the forecast finish is at most this many working days after the baseline's
DEFAULT_AMBER_DAYS = 10


@dataclass(slots=True)
class ReportData:
    lang: str
    plan_path: str
    sched: Schedule                       # the forecast (with the status applied, if given)
    amber_days: int = DEFAULT_AMBER_DAYS
    status_path: str | None = None
    baseline_name: str | None = None
    baseline: object | None = None        # planner.tracking.Baseline, when --baseline
    reference: object | None = None       # what variance is against: the baseline, or the
    #                                       plan as written when only a status is given
    previous: Schedule | None = None      # the latest history point before this status
    previous_path: str | None = None
    history: list = field(default_factory=list)   # [(path, Schedule)] by status date
    status: object | None = None          # planner.tracking.StatusReport
    estimates_path: str | None = None
    risk: object | None = None            # the risk analysis, when --estimates
    loads: list | None = None             # planner.level.ResourceLoad per resource
    command: str = ""
    stamp: dt.date | None = None          # a date printed in the footer, only when asked

    @property
    def status_date(self) -> dt.date | None:
        return self.sched.plan.status_date if self.status_path else None


def gather(plan_path: str, *, plan=None, status: str | None = None, history=(),
           baseline: str | None = None, estimates: str | None = None, lang: str = "nb",
           iterations: int = 10_000, seed: int = 0, command: str = "",
           stamp: dt.date | None = None) -> ReportData:
    """Read and compute everything a report shows (``plan``: the plan of ``plan_path`` when
    the caller has read it already).  Bad input raises PlanError before any output exists."""
    from ...schedule import schedule

    if plan is None:
        from ...io.yaml_plan import load_plan

        plan = load_plan(plan_path)
    if status is not None or history or baseline is not None:
        from .tracked import gather_tracking

        return gather_tracking(plan, plan_path, status=status, history=history,
                               baseline=baseline, estimates=estimates, lang=lang,
                               iterations=iterations, seed=seed, command=command, stamp=stamp)
    sched = _schedule(schedule, plan)
    data = ReportData(lang, plan_path, sched, command=command, stamp=stamp,
                      amber_days=plan.report.get("amber_days", DEFAULT_AMBER_DAYS))
    finish_gathering(data, estimates, iterations, seed)
    return data


def finish_gathering(data: ReportData, estimates, iterations: int, seed: int) -> None:
    """The parts every report has: the risk analysis (when estimates are given) and the
    resource loads (when the plan has resources)."""
    if estimates is not None:
        from .risked import run_risk

        data.estimates_path = estimates
        data.risk = run_risk(data, estimates, iterations, seed)
    if data.sched.plan.resources:
        from ...level import resource_loads

        data.loads = resource_loads(data.sched)


def _schedule(schedule, plan):
    try:
        return schedule(plan)
    except PlanError as exc:
        raise exc.where(file=plan.source)
