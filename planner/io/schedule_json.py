"""A schedule as the JSON object of the CLI contract (docs/cli.md, ../shared/DESIGN.md)."""
from __future__ import annotations

import json

from ..schedule import Schedule, broken_links
from ..schedule.resource_path import resource_critical, resource_critical_ids


def schedule_to_dict(sched: Schedule, scenarios=None, baseline=None) -> dict:
    """The JSON contract; ``scenarios`` (the names of the overlays applied, if any) go into the
    project object as ``"scenarios"``, absent without overlays.  A tracked schedule (a status
    applied) adds progress fields to each task and the status date to the project; a
    ``baseline`` (a :class:`~planner.tracking.Baseline`) adds baseline dates and variances.
    A levelled plan (a ``leveling_delay`` on some task) adds ``"resource_critical"`` to every
    task and the ``"resource_critical_path"`` list.  Without any of these the object is exactly
    the one of a plain plan."""
    plan = sched.plan
    cal = sched.calendar
    date = sched.date
    es, ef, ls, lf = sched.es, sched.ef, sched.ls, sched.lf
    start, finish = sched.start, sched.finish
    dur, tf, ff, crit = sched.duration, sched.total_float, sched.free_float, sched.critical
    rescrit = resource_critical(sched)
    tasks = []
    for i, t in enumerate(plan.tasks):
        tasks.append({
            "id": t.id,
            "name": t.name,
            "outline_level": t.outline_level,
            "summary": t.summary,
            "milestone": t.milestone,
            "duration_days": dur[i],
            "start": date(start[i]).isoformat(),
            "finish": date(finish[i]).isoformat(),
            "early_start": date(es[i]).isoformat(),
            "early_finish": date(ef[i]).isoformat(),
            "late_start": date(ls[i]).isoformat(),
            "late_finish": date(lf[i]).isoformat(),
            "total_float_days": tf[i],
            "free_float_days": ff[i],
            "critical": crit[i],
            "predecessors": [_link(link) for link in t.predecessors],
        })
        if rescrit is not None:
            tasks[-1]["resource_critical"] = rescrit[i]
        if sched.scale != 1:            # a part-day plan: the moments, to the minute
            tasks[-1]["start_time"] = f"{sched.datetime(start[i]):%H:%M}"
            tasks[-1]["finish_time"] = f"{sched.datetime(finish[i]):%H:%M}"
    project = {
        "name": plan.name,
        "start": sched.project_start.isoformat(),
        "finish": sched.project_finish.isoformat(),
        "duration_days": sched.project_duration,
        "calendar": cal.cal.name,
    }
    if sched.scale != 1:
        project["minutes_per_day"] = plan.minutes_per_day
        project["start_time"] = f"{sched.datetime(sched.project_start_key):%H:%M}"
        project["finish_time"] = f"{sched.datetime(sched.project_finish_key):%H:%M}"
    if scenarios:
        project["scenarios"] = list(scenarios)
    if plan.tracked or baseline is not None:
        _tracking_fields(sched, baseline, project, tasks)
    out = {"project": project, "tasks": tasks, "critical_path": sched.critical_tasks()}
    if rescrit is not None:
        out["resource_critical_path"] = resource_critical_ids(sched)
    broken = broken_links(sched)
    if broken:
        out["broken_links"] = [b.to_dict() for b in broken]
    return out


def _tracking_fields(sched: Schedule, baseline, project: dict, tasks: list) -> None:
    from ..tracking import plan_reference, project_variance, task_states, variances

    date = sched.date
    iso = _iso
    if sched.plan.tracked:
        prog = sched.progress
        ref = baseline if baseline is not None else plan_reference(sched)
        states = task_states(sched, ref)
        project["status_date"] = sched.plan.status_date.isoformat()
        project["reschedule"] = sched.plan.reschedule
        project["out_of_sequence"] = sched.plan.out_of_sequence
        for i, row in enumerate(tasks):
            a, f = prog.astart[i], prog.afinish[i]
            row["actual_start"] = iso(date(a)) if a is not None else None
            row["actual_finish"] = iso(date(f)) if f is not None else None
            row["percent_complete"] = prog.percent[i]
            row["remaining_days"] = None if row["summary"] else prog.remaining[i]
            row["status"] = states[i]
            started = prog.resume[i] is not None          # stop/resume of a started task
            row["stop"] = iso(date(prog.stop[i])) if started else None
            row["resume"] = iso(date(prog.resume[i])) if started else None
    if baseline is not None:
        project["baseline"] = baseline.name
        project["baseline_start"] = baseline.start.isoformat()
        project["baseline_finish"] = baseline.finish.isoformat()
        project["finish_variance_days"] = project_variance(sched, baseline)[0]
        for row, v in zip(tasks, variances(sched, baseline)):
            row["baseline_start"] = iso(v.baseline_start) if v else None
            row["baseline_finish"] = iso(v.baseline_finish) if v else None
            row["baseline_duration_days"] = v.baseline_duration if v else None
            row["start_variance_days"] = v.start_days if v else None
            row["finish_variance_days"] = v.finish_days if v else None


def _iso(d) -> str:
    return d.isoformat()


def _link(link) -> dict:
    out = {"id": link.pred, "type": link.type, "lag_days": link.lag}
    if link.lag_unit == "ed":
        out["lag_unit"] = "elapsed"      # MS Project's edays: calendar days, not working days
    return out


def schedule_to_json(sched: Schedule, scenarios=None, baseline=None) -> str:
    """One task per line: readable, diffable, and written by json's C encoder (an ``indent``
    would switch json to its pure-Python encoder, 20x slower on large plans)."""
    data = schedule_to_dict(sched, scenarios, baseline)
    dumps = json.dumps
    parts = ['{"project": ', dumps(data["project"], ensure_ascii=False), ',\n "tasks": [\n  ',
             ",\n  ".join(dumps(t, ensure_ascii=False) for t in data["tasks"]),
             '\n ],\n "critical_path": ', dumps(data["critical_path"])]
    if "resource_critical_path" in data:
        parts += [',\n "resource_critical_path": ', dumps(data["resource_critical_path"])]
    if "broken_links" in data:
        parts += [',\n "broken_links": ', dumps(data["broken_links"])]
    parts.append("}\n")
    return "".join(parts)
