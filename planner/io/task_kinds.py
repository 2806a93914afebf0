"""The plan-file keys of tasks that are not scheduled by a plain working-day duration (see
:mod:`planner.schedule.special`): manual tasks, elapsed durations, split tasks.

    - {id: 7, name: Vendor delivery, manual: true, start: 2024-03-04, finish: 2024-03-08}
    - {id: 8, name: Concrete cures, duration: 7ed}
    - {id: 9, name: Migration, duration: 10, pauses: [{after: 4, days: 3}]}

A manual task needs ``start`` and either ``finish`` or ``duration``; with both, they must agree.
It takes no constraint and no levelling delay (its dates are fixed).  ``pauses`` splits a task:
after ``after`` working days of its work it stops for ``days`` working days.  ``calendar``
names one of the plan's ``calendars:`` for the task; ``ignore_resource_calendar: true`` makes
it work on its own calendar even when its resources have one (:func:`read_calendars`).
"""
from __future__ import annotations

from ..errors import PlanError
from ..model import Plan, Task, elapsed_text
from .calendars import calendar_to_data, resolve_plan_calendar
from .documents import as_date, as_int, as_list, as_mapping, as_str, check_keys
from .units import UNITS, quantity, split_quantity, PART_DAY

KEYS = {"manual", "start", "finish", "pauses", "calendar", "ignore_resource_calendar"}

def elapsed_duration(value) -> int | None:
    """A duration in elapsed units (``"7ed"``, ``"2ew"``) as calendar days, or None when
    ``value`` is not one (MS Project's units, :mod:`planner.io.units`).

    >>> elapsed_duration("7ed"), elapsed_duration("1ew"), elapsed_duration("3d"), elapsed_duration(5)
    (7, 7, None, None)
    """
    if not isinstance(value, str):
        return None
    parts = split_quantity(value)
    unit = parts[1].lower() if parts is not None else ""
    if not unit or (UNITS.get(unit) or PART_DAY.get(unit) or ("d",))[0] != "ed":
        return None
    days, _kind = quantity(value, "duration")
    return days


def read_kind(task: Task, item: dict, tpath) -> None:
    """The keys of ``item`` (a task mapping) that make ``task`` manual or split."""
    manual = item.get("manual", False)
    if not isinstance(manual, bool):
        raise PlanError("manual must be true or false", path=tpath + ("manual",))
    if manual:
        if task.summary:
            raise PlanError(f"summary task {task.id} cannot be manual: its dates are its "
                            f"subtasks'", path=tpath + ("manual",))
        if "start" not in item:
            raise PlanError(f"manual task {task.id} needs a `start` (and a `finish` or a "
                            f"`duration`)", path=tpath)
        task.manual = True
        task.start = as_date(item["start"], tpath + ("start",))
        if "finish" in item:
            task.finish = as_date(item["finish"], tpath + ("finish",))
        elif task.duration is None:
            raise PlanError(f"manual task {task.id} needs a `finish` or a `duration`",
                            path=tpath)
        for key in ("constraint", "start_no_earlier_than", "leveling_delay", "pauses"):
            if key in item:
                raise PlanError(f"manual task {task.id} cannot have `{key}`: its dates are "
                                f"fixed", path=tpath + (key,))
        if task.duration_unit != "d":
            raise PlanError(f"manual task {task.id}: give its `finish`, not an elapsed "
                            f"duration", path=tpath + ("duration",))
    else:
        for key in ("start", "finish"):
            if key in item:
                raise PlanError(f"`{key}` is for manual tasks (add `manual: true`); an "
                                f"automatic task is scheduled from its links", path=tpath + (key,))
    if "pauses" in item:
        task.pauses = _pauses(task, item["pauses"], tpath + ("pauses",))
    if "calendar" in item:
        task.calendar = as_str(item["calendar"], tpath + ("calendar",), "calendar").strip()
    ignore = item.get("ignore_resource_calendar", False)
    if not isinstance(ignore, bool):
        raise PlanError("ignore_resource_calendar must be true or false",
                        path=tpath + ("ignore_resource_calendar",))
    task.ignore_resource_calendar = ignore


def _pauses(task: Task, value, path) -> tuple:
    if task.summary or not task.duration or task.duration_unit != "d":
        raise PlanError(f"only a task with a duration in working days can pause",
                        path=path)
    out = []
    last = 0
    for k, p in enumerate(as_list(value, path, "pauses")):
        ppath = tuple(path) + (k,)
        if isinstance(p, dict):
            check_keys(p, {"after", "days"}, ppath, "a pause")
            if "after" not in p or "days" not in p:
                raise PlanError("a pause needs `after` (working days of work) and `days`",
                                path=ppath)
            after, days = p["after"], p["days"]
        elif isinstance(p, (list, tuple)) and len(p) == 2:
            after, days = p
        else:
            raise PlanError(f"a pause is {{after: N, days: M}}, not {p!r}", path=ppath)
        after = as_int(after, ppath + ("after",), "after")
        days = as_int(days, ppath + ("days",), "days")
        if not last < after < task.duration or days <= 0:
            raise PlanError(f"task {task.id}: a pause must come after 1 to {task.duration - 1} "
                            f"days of work, later than the pause before, and last at least a "
                            f"day", path=ppath)
        out.append((after, days))
        last = after
    return tuple(out)


def fill_manual_durations(plan: Plan) -> None:
    """Give each manual task with a ``finish`` its duration (working days from start to
    finish), or check the one it states."""
    manual = [t for t in plan.tasks if t.manual and t.finish is not None]
    if not manual:
        return
    from ..calendar import WorkCalendar

    cal = WorkCalendar(plan.calendar, plan.start)
    for t in manual:
        if t.finish < t.start:
            raise PlanError(f"manual task {t.id} finishes ({t.finish.isoformat()}) before it "
                            f"starts ({t.start.isoformat()})", path=t.src + ("finish",))
        days = cal.working_days(t.start, t.finish)
        if t.duration is None:
            t.duration = days
        elif t.duration and t.duration != days:
            raise PlanError(f"manual task {t.id}: duration {t.duration} but "
                            f"{t.start.isoformat()} to {t.finish.isoformat()} is {days} working "
                            f"days; give one of them", path=t.src + ("duration",))


def kind_data(t: Task, d: dict) -> None:
    """Add the keys of a manual, elapsed or split task to its plan-file mapping ``d``."""
    if t.duration_unit == "ed" and t.duration is not None:
        d["duration"] = elapsed_text(t.duration)
    if t.manual:
        d["manual"] = True
        d["start"] = t.start.isoformat()
        if t.finish is not None:
            d["finish"] = t.finish.isoformat()
            if t.duration:
                d.pop("duration", None)         # the dates say it
    if t.pauses:
        d["pauses"] = [{"after": a, "days": n} for a, n in t.pauses]
    if t.calendar:
        d["calendar"] = t.calendar
    if t.ignore_resource_calendar:
        d["ignore_resource_calendar"] = True


def read_calendars(data: dict, source) -> dict:
    """The plan's ``calendars:`` section: ``{name: calendar}``, each like the project's
    ``calendar:`` (``base``, ``seasons``, ``exceptions``) plus an optional ``workweek``::

        calendars:
          deltid: {base: norway, workweek: [mon, tue, wed]}
          bygg: {base: norway, seasons: [summer, romjul]}
    """
    section = as_mapping(data.get("calendars") or {}, ("calendars",), "calendars")
    return {str(name): resolve_plan_calendar(spec, source, ("calendars", name))
            for name, spec in section.items()}


def check_calendar_names(plan: Plan) -> None:
    """Every task and resource calendar is one the plan defines."""
    known = plan.calendars
    for owner in list(plan.resources) + list(plan.tasks):
        if owner.calendar and owner.calendar not in known:
            names = ", ".join(sorted(known)) or "none under `calendars:`"
            raise PlanError(f"unknown calendar {owner.calendar!r} (known: {names})",
                            path=owner.src + ("calendar",))


def calendars_data(plan: Plan) -> dict:
    """The ``calendars:`` section of ``plan``."""
    return {name: calendar_to_data(c, workweek=True) for name, c in plan.calendars.items()}
