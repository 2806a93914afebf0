"""The tracked part of a report's inputs (docs/tracking.md): the status applied to the plan,
the baseline read from ``PLAN.baselines.yaml``, the earlier status files scheduled for the
milestone trend, the previous one for the period and the critical-path changes, and the
monthly view of :func:`planner.tracking.status_report`."""
from __future__ import annotations

from ...errors import PlanError
from .inputs import DEFAULT_AMBER_DAYS, ReportData, finish_gathering


def gather_tracking(plan, plan_path: str, *, status, history, baseline, estimates, lang,
                    iterations, seed, command, stamp) -> ReportData:
    """Without ``status`` the latest of the ``history`` files is the status now."""
    from ...io.baselines_yaml import find_baseline
    from ...tracking import plan_reference, status_report

    points = [(path, _scheduled(plan, path)) for path in dict.fromkeys(history)]
    points.sort(key=lambda ps: ps[1].plan.status_date)
    _check_dates(points)
    base = find_baseline(plan_path, baseline) if baseline is not None else None
    data = ReportData(lang, plan_path, None, baseline_name=baseline, baseline=base,
                      reference=base, command=command, stamp=stamp,
                      amber_days=plan.report.get("amber_days", DEFAULT_AMBER_DAYS))
    if status is None and points:
        status = points[-1][0]
    if status is None:
        data.sched = _scheduled(plan, None)
    else:
        sched = dict(points).get(status) or _scheduled(plan, status)
        now = sched.plan.status_date
        earlier = [(p, s) for p, s in points if s.plan.status_date < now]
        data.sched, data.status_path, data.history = sched, status, earlier + [(status, sched)]
        data.previous_path, data.previous = earlier[-1] if earlier else (None, None)
        if base is None:
            data.reference = plan_reference(sched)
        data.status = status_report(sched, base, data.previous)
    finish_gathering(data, estimates, iterations, seed)
    return data


def _scheduled(plan, path):
    """The plan's forecast at the status file ``path`` (None: the plan as written)."""
    from ...io.status_yaml import apply_status, load_status
    from ...schedule import schedule

    p = plan if path is None else apply_status(plan, load_status(path))
    try:
        return schedule(p)
    except PlanError as exc:
        raise exc.where(file=path or plan.source)


def _check_dates(points) -> None:
    """Two history files for one status date cannot both be the truth of that day."""
    seen: dict = {}
    for path, s in points:
        d = s.plan.status_date
        if d in seen:
            raise PlanError(f"--history: {seen[d]} and {path} both have the status date "
                            f"{d.isoformat()}", file=path, line=0)
        seen[d] = path
