"""A schedule as the JSON object of the CLI contract (docs/cli.md, ../shared/DESIGN.md)."""
from __future__ import annotations

import json

from ..schedule import Schedule, broken_links


def schedule_to_dict(sched: Schedule, scenarios=None) -> dict:
    """The JSON contract; ``scenarios`` (the names of the overlays applied, if any) go into the
    project object as ``"scenarios"``, absent without overlays."""
    plan = sched.plan
    cal = sched.calendar
    date = sched.date
    es, ef, ls, lf = sched.es, sched.ef, sched.ls, sched.lf
    start, finish = sched.start, sched.finish
    dur, tf, ff, crit = sched.duration, sched.total_float, sched.free_float, sched.critical
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
    project = {
        "name": plan.name,
        "start": sched.project_start.isoformat(),
        "finish": sched.project_finish.isoformat(),
        "duration_days": sched.project_duration,
        "calendar": cal.cal.name,
    }
    if scenarios:
        project["scenarios"] = list(scenarios)
    out = {"project": project, "tasks": tasks, "critical_path": sched.critical_tasks()}
    broken = broken_links(sched)
    if broken:
        out["broken_links"] = [b.to_dict() for b in broken]
    return out


def _link(link) -> dict:
    out = {"id": link.pred, "type": link.type, "lag_days": link.lag}
    if link.lag_unit == "ed":
        out["lag_unit"] = "elapsed"      # MS Project's edays: calendar days, not working days
    return out


def schedule_to_json(sched: Schedule, scenarios=None) -> str:
    """One task per line: readable, diffable, and written by json's C encoder (an ``indent``
    would switch json to its pure-Python encoder, 20x slower on large plans)."""
    data = schedule_to_dict(sched, scenarios)
    dumps = json.dumps
    parts = ['{"project": ', dumps(data["project"], ensure_ascii=False), ',\n "tasks": [\n  ',
             ",\n  ".join(dumps(t, ensure_ascii=False) for t in data["tasks"]),
             '\n ],\n "critical_path": ', dumps(data["critical_path"])]
    if "broken_links" in data:
        parts += [',\n "broken_links": ', dumps(data["broken_links"])]
    parts.append("}\n")
    return "".join(parts)
