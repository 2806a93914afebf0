"""Status files: the progress of a plan at a status date, applied to a copy of the plan.

The format (docs/tracking.md)::

    plan: ssiks_it.yaml               # optional: the plan file (or project name) it is for
    status_date: 2023-10-31           # the last day of reported work
    reschedule: after_status_date     # default; or as_is
    out_of_sequence: retained_logic   # default; or progress_override
    tasks:
      "4":  {actual_start: 2023-06-15, actual_finish: 2023-08-29}
      "12": {actual_start: 2023-10-16, remaining_days: 3}
      "31": {actual_start: 2023-12-12, percent_complete: 40, name: Utarbeidet detaljerte ...}

A status file is cumulative: it holds every actual up to its date.  The same progress keys are
accepted inside a plan's tasks (with ``status_date`` under ``project``).  Every problem is one
line, ``FILE:LINE: message``: actual finish before actual start, actuals after the status date,
a finish without a start, percent outside 0-100, negative remaining work, an unknown task,
progress on a summary task, and a status file written for another plan.
"""
from __future__ import annotations

import copy
import datetime as dt
import os
from dataclasses import dataclass, field

from ..errors import PlanError
from ..model import OUT_OF_SEQUENCE_RULES, RESCHEDULE_MODES, Plan, Task
from .documents import as_date, as_int, as_mapping, as_str, check_keys, load_document

STATUS_KEYS = {"plan", "status_date", "reschedule", "out_of_sequence", "tasks", "notes"}
#: progress keys of one task; ``name`` (optional) is checked against the plan's task name
PROGRESS_KEYS = ("actual_start", "actual_finish", "percent_complete", "remaining_days")
TASK_STATUS_KEYS = set(PROGRESS_KEYS) | {"name", "notes"}


@dataclass(slots=True)
class ReportedProgress:
    """One task's progress as written: ``src`` is its path in the status file."""

    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    percent_complete: float | int | None = None
    remaining_days: int | None = None
    name: str | None = None
    src: tuple = ()


@dataclass(slots=True)
class Status:
    """A status file as read (not yet checked against a plan)."""

    status_date: dt.date
    reschedule: str = "after_status_date"
    out_of_sequence: str = "retained_logic"
    plan: str | None = None                       # the plan file or project name it is for
    tasks: dict = field(default_factory=dict)     # task id -> ReportedProgress, file order
    notes: str = ""
    source: str | None = None


def load_status(path: str) -> Status:
    """Read a status file (``.yaml``/``.yml`` or ``.json``)."""
    data = load_document(path)
    try:
        return status_from_data(data, path)
    except PlanError as exc:
        raise exc.where(file=path)


def status_from_data(data, source: str | None = None) -> Status:
    if data is None:
        raise PlanError("the status file is empty (it needs `status_date:` and `tasks:`)",
                        path=())
    data = as_mapping(data, (), "a status file")
    check_keys(data, STATUS_KEYS, (), "a status file")
    if "status_date" not in data:
        raise PlanError("a status file needs `status_date:` (the last day of reported work)",
                        path=())
    st = Status(status_date=as_date(data["status_date"], ("status_date",)), source=source)
    st.reschedule = read_choice(data, "reschedule", RESCHEDULE_MODES, (), st.reschedule)
    st.out_of_sequence = read_choice(data, "out_of_sequence", OUT_OF_SEQUENCE_RULES, (),
                                     st.out_of_sequence)
    if data.get("plan") is not None:
        st.plan = as_str(data["plan"], ("plan",), "plan").strip()
    st.notes = str(data.get("notes") or "")
    tasks = data.get("tasks") or {}
    if not isinstance(tasks, dict):
        raise PlanError("`tasks:` must be a mapping of task id to progress, e.g. "
                        "\"12\": {actual_start: 2023-10-16, remaining_days: 3}",
                        path=("tasks",))
    for key, item in tasks.items():
        tid = _task_key(key, ("tasks", key))
        path = ("tasks", key)
        if tid in st.tasks:
            raise PlanError(f"task {tid} is listed twice", path=path)
        if item is None:
            raise PlanError(f"task {tid} has no progress (give actual_start, actual_finish, "
                            f"percent_complete or remaining_days)", path=path)
        item = as_mapping(item, path, f"the progress of task {tid}")
        check_keys(item, TASK_STATUS_KEYS, path, f"the progress of task {tid}")
        prog = ReportedProgress(src=path)
        read_progress(prog, item, path)
        if item.get("name") is not None:
            prog.name = as_str(item["name"], path + ("name",), "name").strip()
        st.tasks[tid] = prog
    return st


def read_choice(data: dict, key: str, options, path, default: str) -> str:
    if data.get(key) is None:
        return default
    value = str(data[key]).strip().lower()
    if value not in options:
        raise PlanError(f"{key} must be {' or '.join(options)}, not {data[key]!r}",
                        path=tuple(path) + (key,))
    return value


def _task_key(key, path) -> str:
    if isinstance(key, bool) or key is None or isinstance(key, (float, list, dict, tuple)):
        raise PlanError(f"a task id must be a whole number or a word, not {key!r}", path=path)
    return str(key).strip()


def read_progress(obj, item: dict, path) -> None:
    """Read the progress keys of ``item`` onto ``obj`` (a :class:`ReportedProgress` or a
    :class:`~planner.model.Task`), checking each value on its own."""
    path = tuple(path)
    for key in ("actual_start", "actual_finish"):
        if item.get(key) is not None:
            setattr(obj, key, as_date(item[key], path + (key,)))
    if item.get("percent_complete") is not None:
        obj.percent_complete = _percent(item["percent_complete"], path + ("percent_complete",))
    if item.get("remaining_days") is not None:
        p = path + ("remaining_days",)
        value = item["remaining_days"]
        if isinstance(value, str):
            value = value.strip().removesuffix("days").removesuffix("d").strip()
        rem = as_int(value, p, "remaining_days")
        if rem < 0:
            raise PlanError(f"remaining_days cannot be negative ({rem})", path=p)
        obj.remaining_days = rem


def _percent(value, path):
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise PlanError(f"percent_complete must be a number from 0 to 100, not {value!r}",
                            path=path) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PlanError(f"percent_complete must be a number from 0 to 100, not {value!r}",
                        path=path)
    if not 0 <= value <= 100:
        raise PlanError(f"percent_complete must be from 0 to 100, not {value:g}", path=path)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


# -- applying a status file to a plan --------------------------------------------------------
def apply_status(plan: Plan, status: Status) -> Plan:
    """A copy of ``plan`` with the progress of ``status``; the plan is not changed.

    A task listed in the status file gets exactly the progress written there; the others keep
    the progress the plan itself carries (if any).  Raises :class:`PlanError` at the status
    file's line for every problem (see the module docstring).
    """
    file = status.source
    _check_plan_ref(plan, status)
    if status.status_date < plan.start:
        raise PlanError(f"status date {status.status_date.isoformat()} is before the plan "
                        f"starts ({plan.start.isoformat()}): a status file for another plan?",
                        file=file, path=("status_date",))
    new = copy.copy(plan)
    index = {t.id: k for k, t in enumerate(plan.tasks)}
    tasks = list(plan.tasks)
    unknown = [tid for tid in status.tasks if tid not in index]
    if unknown:
        tid = unknown[0]
        known = f"{plan.tasks[0].id}..{plan.tasks[-1].id}" if plan.tasks else "none"
        hint = (f"; {len(unknown)} of its {len(status.tasks)} tasks are not in the plan: a "
                f"status file for another plan?" if len(unknown) > 1 else "")
        raise PlanError(f"unknown task {tid!r}: plan {plan.name!r} has no such task (its ids: "
                        f"{known}){hint}", file=file, path=status.tasks[tid].src)
    for tid, prog in status.tasks.items():
        k = index[tid]
        t = copy.copy(tasks[k])
        if prog.name is not None and prog.name != t.name.strip():
            raise PlanError(f"task {tid} is {t.name!r} in plan {plan.name!r}, not "
                            f"{prog.name!r}: a status file for another plan?", file=file,
                            path=prog.src + ("name",))
        t.actual_start, t.actual_finish = prog.actual_start, prog.actual_finish
        t.percent_complete, t.remaining_days = prog.percent_complete, prog.remaining_days
        t.progress_src = prog.src
        tasks[k] = t
    new.tasks = tasks
    new.status_date = status.status_date
    new.reschedule = status.reschedule
    new.out_of_sequence = status.out_of_sequence
    new.status_source = file
    check_progress(new)
    return new


def _check_plan_ref(plan: Plan, status: Status) -> None:
    ref = status.plan
    if not ref:
        return
    names = {plan.name.strip()}
    if plan.source:
        base = os.path.basename(plan.source)
        names |= {base, os.path.splitext(base)[0], os.path.normpath(plan.source)}
    if ref in names or os.path.basename(ref) in names:
        return
    raise PlanError(f"this status file is for plan {ref!r}, not {plan.source or plan.name!r}",
                    file=status.source, path=("plan",))


def check_progress(plan: Plan) -> None:
    """Check every task's progress against the task and the status date (no calendar needed).
    An error names the file the progress came from (the status file or the plan)."""
    sd = plan.status_date
    for t in plan.tasks:
        if t.has_progress:
            _check_task(t, sd, plan.status_source or plan.source)


def _check_task(t: Task, sd: dt.date | None, file) -> None:
    src = t.progress_src or t.src

    def fail(message, key=None):
        raise PlanError(f"task {t.id}: {message}", file=file,
                        path=src + ((key,) if key else ()))

    if sd is None:
        fail("progress needs a status date (`status_date:` under `project:`, or use a "
             "status file)", PROGRESS_KEYS[0] if t.actual_start else None)
    if t.summary:
        fail("is a summary task: its progress rolls up from its subtasks; report the "
             "progress of the subtasks instead")
    a, f, pc, rem = t.actual_start, t.actual_finish, t.percent_complete, t.remaining_days
    if f is not None and a is None:
        fail("has an actual_finish but no actual_start (give the day work began)",
             "actual_finish")
    if a is not None and a > sd:
        fail(f"actual start {a.isoformat()} is after the status date {sd.isoformat()} "
             f"(actuals are reported up to the status date)", "actual_start")
    if f is not None and f > sd:
        fail(f"actual finish {f.isoformat()} is after the status date {sd.isoformat()} "
             f"(actuals are reported up to the status date)", "actual_finish")
    if f is not None and f < a:
        fail(f"actual finish {f.isoformat()} is before its actual start {a.isoformat()}",
             "actual_finish")
    if a is None and pc:
        fail(f"percent_complete {pc:g} but no actual_start (give the day work began)",
             "percent_complete")
    if f is not None and pc is not None and pc != 100:
        fail(f"has an actual_finish, so it is 100 % complete, not {pc:g} %",
             "percent_complete")
    if f is not None and rem:
        fail(f"has an actual_finish, so no remaining work, not {rem} days", "remaining_days")
    if t.milestone and f is not None and f != a:
        fail(f"is a milestone (0 days): its actual finish {f.isoformat()} must be its actual "
             f"start {a.isoformat()}", "actual_finish")
