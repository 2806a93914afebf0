"""Writing a :class:`~planner.model.Plan` as a plan file (YAML, or JSON for ``.json``): the
inverse of :mod:`planner.io.yaml_plan`, which re-exports these names."""
from __future__ import annotations


import yaml

from ..model import Plan, Resource, Task
from .calendars import calendar_to_data
from .documents import SafeDumper, write_atomic
from .part_day_yaml import quantity_text
from .status_yaml import PROGRESS_KEYS
from .task_kinds import calendars_data, kind_data


def plan_to_data(plan: Plan) -> dict:
    """The plan as plain data in the documented format (inverse of :func:`plan_from_data`)."""
    proj: dict = {"name": plan.name, "start": plan.start.isoformat(),
                  "calendar": calendar_to_data(plan.calendar)}
    if plan.minutes_per_day:
        proj["minutes_per_day"] = plan.minutes_per_day
        if plan.start_time is not None:
            proj["start_time"] = plan.start_time.strftime("%H:%M")
    if plan.status_date:
        proj["status_date"] = plan.status_date.isoformat()
    if plan.language:
        proj["language"] = plan.language
    if plan.tracked:
        proj["reschedule"] = plan.reschedule
        proj["out_of_sequence"] = plan.out_of_sequence
    if plan.notes:
        proj["notes"] = plan.notes
    if plan.report:
        proj["report"] = dict(plan.report)
    out: dict = {"project": proj}
    if plan.calendars:
        out["calendars"] = calendars_data(plan)
    if plan.resources:
        out["resources"] = [_resource_data(r) for r in plan.resources]
    roots: list = []
    by_id: dict = {}
    for t in plan.tasks:
        d = _task_data(t, plan.minutes_per_day)
        by_id[t.id] = d
        if t.parent is None:
            roots.append(d)
        else:
            by_id[t.parent].setdefault("tasks", []).append(d)
    out["tasks"] = roots
    return out


def _task_data(t: Task, mpd: int | None = None) -> dict:
    d: dict = {"id": int(t.id) if t.id.isascii() and t.id.isdigit() and str(int(t.id)) == t.id
               else t.id,
               "name": t.name}
    if t.duration is not None:
        d["duration"] = quantity_text(t.duration, mpd) if mpd else t.duration
    if t.predecessors:
        d["predecessors"] = ";".join(link.label(mpd) for link in t.predecessors)
    c = t.constraint
    if c is not None:
        if c.type == "SNET":
            d["start_no_earlier_than"] = c.date.isoformat()
        else:
            d["constraint"] = {"type": c.type, **({"date": c.date.isoformat()} if c.date else {})}
    if t.deadline:
        d["deadline"] = t.deadline.isoformat()
    if t.leveling_delay:
        d["leveling_delay"] = t.leveling_delay
    if t.assignments:
        d["resources"] = {a.resource: (int(a.units) if float(a.units).is_integer() else a.units)
                          for a in t.assignments}
    if t.notes:
        d["notes"] = t.notes
    if t.manual or t.pauses or t.duration_unit != "d" or t.calendar or t.ignore_resource_calendar:
        kind_data(t, d)
    for key in PROGRESS_KEYS:
        value = getattr(t, key)
        if value is not None:
            d[key] = value.isoformat() if hasattr(value, "isoformat") else value
    if t.summary:
        d["tasks"] = []
    return d


def _resource_data(r: Resource) -> dict:
    d: dict = {"id": r.id, "name": r.name,
               "capacity": int(r.capacity) if float(r.capacity).is_integer() else r.capacity}
    if r.assumption:
        d["assumption"] = True
    if r.calendar:
        d["calendar"] = r.calendar
    if r.absences:
        d["absences"] = [{"from": a.start.isoformat(), "to": a.finish.isoformat(),
                          **({"name": a.name} if a.name else {})} for a in r.absences]
    if r.notes:
        d["notes"] = r.notes
    return d


def dump_plan(plan: Plan) -> str:
    """The plan as YAML text; the same plan always gives the same bytes."""
    return yaml.dump(plan_to_data(plan), Dumper=SafeDumper, sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=False)


def plan_text(plan: Plan, path: str) -> str:
    """The plan as the text of ``path``: JSON for a ``.json`` name, else YAML."""
    if path.lower().endswith(".json"):
        import json

        return json.dumps(plan_to_data(plan), ensure_ascii=False, indent=1) + "\n"
    return dump_plan(plan)


def save_plan(plan: Plan, path: str) -> None:
    write_atomic(path, plan_text(plan, path))
