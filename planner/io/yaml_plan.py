"""YAML (and JSON) plans <-> :class:`~planner.model.Plan`.

The format is documented in ``docs/plan-format.md``.  In short::

    project:
      name: Plan for ...
      start: 2023-06-14
      calendar: {base: norway, seasons: [summer, romjul, easter_week]}
    tasks:
      - id: 1
        name: Whole plan
        tasks:                      # children make a summary task
          - {id: 2, name: Kick-off, duration: 1}
          - {id: 3, name: Analysis, duration: 30, predecessors: "2"}
          - {id: 4, name: Report, duration: 15, predecessors: "3FS-5"}

Every problem is reported as ``FILE:LINE: message`` (see :mod:`planner.errors`).
"""
from __future__ import annotations

import math
import re

from ..errors import PlanError
from ..model import (CONSTRAINT_TYPES, DATED_CONSTRAINTS, MAX_OUTLINE, OUT_OF_SEQUENCE_RULES,
                     RESCHEDULE_MODES, Assignment, Constraint, Link, Plan, Resource, Task)
from .calendars import parse_exception, resolve_plan_calendar
from .documents import (MAX_DAYS, MAX_UNITS, as_date, as_int, as_list, as_mapping, as_str,
                        as_text, check_keys, load_document, short)
from .status_yaml import PROGRESS_KEYS, check_progress, read_choice, read_progress
from .task_kinds import KEYS as KIND_KEYS
from .task_kinds import (check_calendar_names, elapsed_duration, fill_manual_durations,
                         read_calendars, read_kind)
from .part_day_yaml import read_project_part_day
from .units import MINUTES_PER_DAY, quantity, split_quantity, to_days, working_days

#: estimates, profiles, risks and correlations are read by `planner risk` (io/estimates_yaml.py)
TOP_KEYS = {"project", "tasks", "resources", "estimates", "profiles", "risks", "correlations",
            "calendars"}
PROJECT_KEYS = {"name", "start", "calendar", "status_date", "notes", "language", "reschedule",
                "minutes_per_day", "start_time",
                "out_of_sequence", "report"}
LANGUAGES = ("nb", "en")
REPORT_KEYS = {"amber_days"}
TASK_KEYS = {"id", "name", "duration", "predecessors", "constraint", "start_no_earlier_than",
             "deadline", "resources", "notes", "tasks", "leveling_delay", *PROGRESS_KEYS} | \
    KIND_KEYS
RESOURCE_KEYS = {"id", "name", "capacity", "absences", "assumption", "notes", "calendar"}
LINK_KEYS = {"task", "type", "lag", "unit"}

_SPLIT = re.compile(r"[;,]")
_LINK_RE = re.compile(
    r"^\s*(?P<id>[^\s;,+]+?)\s*"
    r"(?:(?P<type>FS|SS|FF|SF)\s*"
    r"(?:(?P<lag>[+-]\s*[0-9]{1,15}(?:[.,][0-9]{1,15})?)\s*(?P<unit>[^\W\d_]*)\s*)?)?$")


def load_plan(path: str) -> Plan:
    """Read a plan file (``.yaml``, ``.yml`` or ``.json``)."""
    data = load_document(path)
    try:
        return plan_from_data(data, path)
    except PlanError as exc:
        raise exc.where(file=path)


def plan_from_data(data, source: str | None = None) -> Plan:
    if data is None:
        raise PlanError("the plan is empty", path=())
    data = as_mapping(data, (), "a plan")
    check_keys(data, TOP_KEYS, (), "the plan")
    if "project" not in data:
        raise PlanError("the plan needs a `project:` section with name and start", path=())
    proj = as_mapping(data["project"], ("project",), "project")
    check_keys(proj, PROJECT_KEYS, ("project",), "project")
    for key in ("name", "start"):
        if key not in proj:
            raise PlanError(f"project needs `{key}`", path=("project",))
    name = as_str(proj["name"], ("project", "name"), "name")
    start = as_date(proj["start"], ("project", "start"))
    calendar = resolve_plan_calendar(proj.get("calendar"), source)
    if not calendar.first_year <= start.year <= calendar.last_year:
        raise PlanError(f"start {start.isoformat()} is outside the years {calendar.first_year}-"
                        f"{calendar.last_year} that calendar {calendar.name!r} covers",
                        path=("project", "start"))
    status = proj.get("status_date")
    language = proj.get("language")
    if language is not None and language not in LANGUAGES:
        raise PlanError(f"language must be nb or en, not {language!r}",
                        path=("project", "language"))
    plan = Plan(name=name, start=start, calendar=calendar, source=source,
                notes=as_text(proj.get("notes"), ("project", "notes")),
                status_date=as_date(status, ("project", "status_date")) if status else None,
                language=language, report=_report_settings(proj.get("report")),
                src=("project",))
    plan.minutes_per_day, plan.start_time = read_project_part_day(proj, ("project",))
    plan.calendars = read_calendars(data, source)
    resources = as_list(data.get("resources") or [], ("resources",), "resources")
    plan.resources = [_resource(r, ("resources", k), calendar) for k, r in enumerate(resources)]
    if "tasks" not in data:
        raise PlanError("the plan has no `tasks:`", path=())
    tasks = as_list(data["tasks"], ("tasks",), "tasks")
    out: list[Task] = []
    ids: dict[str, tuple] = {}
    res_ids = {r.id for r in plan.resources}
    token = MINUTES_PER_DAY.set(plan.minutes_per_day)      # 4h, 0.5d: part of a day
    try:
        _tasks(tasks, ("tasks",), None, 1, out, ids, res_ids)
    finally:
        MINUTES_PER_DAY.reset(token)
    plan.tasks = out        # (an empty plan is read; scheduling it says there is nothing to do)
    _check_links(plan, ids)
    check_calendar_names(plan)
    fill_manual_durations(plan)
    _project_progress(plan, proj)
    return plan


def _project_progress(plan: Plan, proj: dict) -> None:
    """A plan that carries progress (or says how to reschedule) is tracked against its
    status date, as a status file would make it (docs/tracking.md)."""
    given = proj.get("reschedule") is not None or proj.get("out_of_sequence") is not None
    if not given and not any(t.has_progress for t in plan.tasks):
        return
    path = ("project",)
    plan.reschedule = read_choice(proj, "reschedule", RESCHEDULE_MODES, path,
                                  "after_status_date")
    plan.out_of_sequence = read_choice(proj, "out_of_sequence", OUT_OF_SEQUENCE_RULES, path,
                                       plan.out_of_sequence)
    if plan.status_date is None and given:
        raise PlanError("reschedule/out_of_sequence need a `status_date:` under `project:`",
                        path=path)
    check_progress(plan)


def _report_settings(value) -> dict:
    """``project.report``: settings of ``planner report`` (docs/report.md)."""
    if value is None:
        return {}
    path = ("project", "report")
    value = as_mapping(value, path, "project.report")
    check_keys(value, REPORT_KEYS, path, "project.report")
    out = {}
    if "amber_days" in value:
        n = as_int(value["amber_days"], path + ("amber_days",), "amber_days")
        if n < 0:
            raise PlanError(f"amber_days must be 0 or more working days, not {n}",
                            path=path + ("amber_days",))
        out["amber_days"] = n
    return out


def _tasks(items, path, parent, level, out, ids, res_ids) -> None:
    # The common case (a well-formed task) takes few branches: big generated plans load fast.
    for k, item in enumerate(items):
        tpath = path + (k,)
        if type(item) is not dict:
            as_mapping(item, tpath, "a task")
        if not item.keys() <= TASK_KEYS:
            check_keys(item, TASK_KEYS, tpath, "a task")
        raw_id = item.get("id")
        if type(raw_id) is int and 0 <= raw_id < 10 ** 15:
            tid = str(raw_id)
        else:
            tid = _task_id(raw_id, tpath)
        if tid in ids:
            first = ids[tid]
            raise PlanError(f"duplicate task id {short(tid)} (also used by the task at "
                            f"{_path_text(first)})", path=tpath + ("id",))
        ids[tid] = tpath
        name = item.get("name")
        if type(name) is not str:
            if name is None:
                raise PlanError(f"task {tid} needs a `name`", path=tpath)
            name = as_str(name, tpath + ("name",), "name")
        children = item.get("tasks")
        is_summary = children is not None
        if is_summary:
            children = as_list(children, tpath + ("tasks",), "tasks")
            if not children:
                raise PlanError(f"summary task {tid} has an empty `tasks:` list",
                                path=tpath + ("tasks",))
        duration = item.get("duration")
        unit = "d"
        if type(duration) is not int or not 0 <= duration <= MAX_DAYS:
            if duration is None:
                if not is_summary and not item.get("manual"):
                    raise PlanError(f"task {tid} needs a `duration` in working days (0 for a "
                                    f"milestone)", path=tpath)
            elif elapsed_duration(duration) is not None:
                duration, unit = elapsed_duration(duration), "ed"
            else:
                duration = _duration(duration, tpath + ("duration",))
        task = Task(tid, name, duration, parent, level, summary=is_summary, src=tpath)
        if unit != "d":
            task.duration_unit = unit
        if len(item) > 2 + (duration is not None) + is_summary + ("predecessors" in item):
            _task_extras(task, item, tpath, res_ids)
        elif "predecessors" in item:
            task.predecessors = parse_predecessors(item["predecessors"],
                                                   tpath + ("predecessors",))
        out.append(task)
        if is_summary:
            if level >= MAX_OUTLINE:
                raise PlanError(f"tasks nest deeper than {MAX_OUTLINE} outline levels",
                                path=tpath + ("tasks",))
            _tasks(children, tpath + ("tasks",), tid, level + 1, out, ids, res_ids)


def _task_id(raw_id, tpath) -> str:
    if raw_id is None:
        raise PlanError("a task needs an `id`", path=tpath)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (int, str)):
        raise PlanError(f"task id must be a whole number or a word, not {short(raw_id)}",
                        path=tpath + ("id",))
    tid = str(raw_id).strip() if isinstance(raw_id, str) or -10 ** 15 < raw_id < 10 ** 15 \
        else "?" * 65
    if not tid or len(tid) > 64 or any(c in tid for c in " ;,+") or not tid.isprintable():
        raise PlanError(f"task id {short(tid)} may not be empty or contain spaces, control "
                        f"characters, ';', ',' or '+' (1-64 characters)", path=tpath + ("id",))
    if any(c.isdigit() and c not in "0123456789" for c in tid):
        ascii_form = "".join(str(int(c)) if c.isdecimal() else c for c in tid)
        raise PlanError(f"task id {short(tid)} has a digit that is not 0-9 (two ids that read "
                        f"the same must not be two tasks; write {short(ascii_form)})",
                        path=tpath + ("id",))
    return tid


def _task_extras(task: Task, item: dict, tpath, res_ids) -> None:
    if "predecessors" in item:
        task.predecessors = parse_predecessors(item["predecessors"], tpath + ("predecessors",))
    task.constraint = _constraint(item, tpath)
    if "deadline" in item:
        task.deadline = as_date(item["deadline"], tpath + ("deadline",))
    if "leveling_delay" in item:
        task.leveling_delay = as_int(item["leveling_delay"], tpath + ("leveling_delay",),
                                     "leveling_delay", 0, MAX_DAYS)
    if "resources" in item:
        task.assignments = _assignments(item["resources"], tpath + ("resources",), res_ids)
    if item.get("notes"):
        task.notes = as_text(item["notes"], tpath + ("notes",))
    if not KIND_KEYS.isdisjoint(item):
        read_kind(task, item, tpath)
    read_progress(task, item, tpath)
    if task.has_progress:
        task.progress_src = tuple(tpath)


def _path_text(path) -> str:
    return "/".join(str(p) for p in path)


def _duration(value, path) -> int:
    if isinstance(value, str):
        try:
            days = working_days(value, "duration")
        except PlanError as exc:
            raise exc.where(path=path) from None
        if days < 0:
            raise PlanError(f"duration cannot be negative ({value.strip()})", path=path)
        return days
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            (isinstance(value, float) and not math.isfinite(value)):
        raise PlanError(f"duration must be a whole number of working days, not {short(value)}",
                        path=path)
    if value < 0:
        raise PlanError(f"duration cannot be negative ({value:g} days)", path=path)
    if isinstance(value, float) and not value.is_integer():
        if MINUTES_PER_DAY.get():
            from ..working_time import to_days as minutes_to_days

            return minutes_to_days(int(round(value * MINUTES_PER_DAY.get())),
                                   MINUTES_PER_DAY.get())
        raise PlanError(f"duration must be a whole number of working days, not {value:g} "
                        f"(a part-day plan needs project.minutes_per_day)", path=path)
    if value > MAX_DAYS:
        raise PlanError(f"duration must be at most {MAX_DAYS} working days, not {value:g}",
                        path=path)
    return int(value)


def parse_predecessors(value, path) -> list[Link]:
    """``"4;5"``, ``"48FS-12"``, ``[4, "5SS+2"]`` or ``[{task: 48, type: FS, lag: -12}]``."""
    if value is None:
        return []
    if isinstance(value, bool):
        raise PlanError("predecessors must be task ids, not true/false", path=path)
    if isinstance(value, (int, str)):
        src = tuple(path)
        out = []
        for part in _SPLIT.split(str(value)):
            part = part.strip()
            if part.isdigit():                      # the common case: a plain FS link
                out.append(Link(part, "FS", 0, "d", src))
            elif part:
                out.append(parse_link(part, src))
        return out
    items = as_list(value, path, "predecessors")
    out = []
    for k, item in enumerate(items):
        ipath = tuple(path) + (k,)
        if isinstance(item, dict):
            out.append(_link_mapping(item, ipath))
        elif isinstance(item, (int, str)) and not isinstance(item, bool):
            out.append(parse_link(str(item), ipath))
        else:
            raise PlanError(f"a predecessor must be a task id, '48FS-12' or a mapping, not "
                            f"{short(item)}", path=ipath)
    return out


def parse_link(text: str, path) -> Link:
    m = _LINK_RE.match(text)
    if not m:
        raise PlanError(f"cannot read predecessor {short(text.strip())} (write e.g. 4, 4FS+2, "
                        f"48FS-12 or 7SS)", path=path)
    lag = 0
    unit = "d"
    if m.group("lag"):
        number = float(m.group("lag").replace(" ", "").replace(",", "."))
        try:
            lag, unit = to_days(number, m.group("unit") or "", "lag", text.strip())
        except PlanError as exc:
            raise exc.where(path=path) from None
    return Link(pred=m.group("id"), type=m.group("type") or "FS", lag=lag, lag_unit=unit,
                src=tuple(path))


def _link_mapping(item: dict, path) -> Link:
    check_keys(item, LINK_KEYS, path, "a predecessor")
    if "task" not in item:
        raise PlanError("a predecessor mapping needs `task`", path=path)
    pred = as_str(item["task"], tuple(path) + ("task",), "task").strip()
    typ = str(item.get("type", "FS")).upper()
    if typ not in ("FS", "SS", "FF", "SF"):
        raise PlanError(f"link type must be FS, SS, FF or SF, not {short(item.get('type'))}",
                        path=tuple(path) + ("type",))
    lag_v = item.get("lag", 0)
    lpath = tuple(path) + ("lag",)
    if isinstance(lag_v, str):
        if split_quantity(lag_v) is None:
            try:
                quantity(lag_v, "lag")
            except PlanError as exc:
                raise exc.where(path=lpath) from None
        number, unit_text = split_quantity(lag_v)
    else:
        number, unit_text = as_int(lag_v, lpath, "lag"), ""
    if "unit" in item:
        if unit_text:
            raise PlanError(f"lag {lag_v!r} has a unit already; drop `unit:`",
                            path=tuple(path) + ("unit",))
        unit_text = str(item["unit"])
        lpath = tuple(path) + ("unit",)
    try:
        lag, unit = to_days(number, unit_text, "lag")
    except PlanError as exc:
        raise exc.where(path=lpath) from None
    return Link(pred=pred, type=typ, lag=lag, lag_unit=unit, src=tuple(path))


def _constraint(item: dict, tpath) -> Constraint | None:
    if "start_no_earlier_than" in item and "constraint" in item:
        raise PlanError("give either `constraint` or `start_no_earlier_than`, not both",
                        path=tpath + ("constraint",))
    if "start_no_earlier_than" in item:
        p = tpath + ("start_no_earlier_than",)
        return Constraint("SNET", as_date(item["start_no_earlier_than"], p), src=p)
    if "constraint" not in item:
        return None
    return parse_constraint(item["constraint"], tpath + ("constraint",))


def parse_constraint(c, p) -> Constraint:
    """``SNET`` style text or ``{type: FNLT, date: 2024-03-01}`` as a Constraint."""
    p = tuple(p)
    if isinstance(c, str):
        c = {"type": c}
    c = as_mapping(c, p, "constraint")
    check_keys(c, {"type", "date"}, p, "constraint")
    typ = str(c.get("type", "")).upper()
    if typ not in CONSTRAINT_TYPES:
        raise PlanError(f"constraint type must be one of {', '.join(CONSTRAINT_TYPES)}, not "
                        f"{short(c.get('type'))}", path=p + ("type",))
    date = None
    if typ in DATED_CONSTRAINTS:
        if "date" not in c:
            raise PlanError(f"constraint {typ} needs a date", path=p)
        date = as_date(c["date"], p + ("date",))
    elif "date" in c:
        raise PlanError(f"constraint {typ} takes no date", path=p + ("date",))
    return Constraint(typ, date, src=p)


def _assignments(value, path, res_ids) -> list[Assignment]:
    out = []
    if isinstance(value, dict):
        items = list(value.items())
        for rid, units in items:
            rpath = tuple(path) + (rid,)
            out.append(_assignment(str(rid), units, rpath, res_ids))
    else:
        for k, item in enumerate(as_list(value, path, "resources")):
            ipath = tuple(path) + (k,)
            if isinstance(item, dict):
                check_keys(item, {"resource", "units"}, ipath, "an assignment")
                if "resource" not in item:
                    raise PlanError("an assignment needs `resource`", path=ipath)
                out.append(_assignment(str(item["resource"]), item.get("units", 1), ipath,
                                       res_ids))
            else:
                out.append(_assignment(as_str(item, ipath, "resource"), 1, ipath, res_ids))
    seen = set()
    for a in out:
        if a.resource in seen:
            raise PlanError(f"resource {short(a.resource)} is assigned twice", path=a.src)
        seen.add(a.resource)
    return out


def _assignment(rid, units, path, res_ids) -> Assignment:
    if rid not in res_ids:
        known = ", ".join(sorted(res_ids)) or "none defined under `resources:`"
        raise PlanError(f"unknown resource {short(rid)} (known: {known})", path=path)
    if isinstance(units, bool) or not isinstance(units, (int, float)) or \
            not 0 < units <= MAX_UNITS:           # NaN fails the comparison too
        raise PlanError(f"units must be a number from 0 to {MAX_UNITS} (1 = full time), not "
                        f"{short(units)}", path=path)
    return Assignment(rid, float(units), src=tuple(path))


def _resource(item, path, calendar) -> Resource:
    item = as_mapping(item, path, "a resource")
    check_keys(item, RESOURCE_KEYS, path, "a resource")
    if "id" not in item:
        raise PlanError("a resource needs an `id`", path=path)
    rid = as_str(item["id"], path + ("id",), "id").strip()
    cap = item.get("capacity", 1)
    if isinstance(cap, bool) or not isinstance(cap, (int, float)) or not 0 < cap <= MAX_UNITS:
        raise PlanError(f"capacity must be a number from 0 to {MAX_UNITS} (1 = one full-time "
                        f"person), not {short(cap)}", path=path + ("capacity",))
    absences = [parse_exception(a, path + ("absences", k)) for k, a in
                enumerate(as_list(item.get("absences") or [], path + ("absences",), "absences"))]
    for k, a in enumerate(absences):
        if a.start.year < calendar.first_year or a.finish.year > calendar.last_year:
            raise PlanError(f"absence {a.start.isoformat()}..{a.finish.isoformat()} is outside "
                            f"the years {calendar.first_year}-{calendar.last_year} that calendar "
                            f"{calendar.name!r} covers", path=path + ("absences", k))
    assumption = item.get("assumption", False)
    if not isinstance(assumption, bool):
        raise PlanError("assumption must be true or false", path=path + ("assumption",))
    name = as_str(item["name"], path + ("name",), "name") if item.get("name") else rid
    return Resource(id=rid, name=name, capacity=float(cap), absences=absences,
                    assumption=assumption, notes=as_text(item.get("notes"), path + ("notes",)),
                    src=tuple(path),
                    calendar=as_str(item["calendar"], path + ("calendar",), "calendar")
                    if item.get("calendar") else None)


def _check_links(plan: Plan, ids: dict) -> None:
    rids = set()
    for r in plan.resources:
        if r.id in rids:
            raise PlanError(f"duplicate resource id {short(r.id)}", path=r.src + ("id",))
        rids.add(r.id)
    for t in plan.tasks:
        for k, link in enumerate(t.predecessors):
            if link.pred not in ids:
                raise PlanError(f"task {t.id} has a predecessor {short(link.pred)} that is not in "
                                f"the plan", path=link.src)
            if link.pred == t.id:
                raise PlanError(f"task {t.id} is its own predecessor", path=link.src)


from .yaml_plan_write import dump_plan, plan_text, plan_to_data, save_plan  # noqa: E402,F401
