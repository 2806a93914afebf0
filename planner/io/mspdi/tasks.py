"""Reading ``<Tasks>``: each ``<Task>`` element into a :class:`~planner.model.Task`.

Two passes.  :func:`read_task` reads and checks every element's values into a
:class:`TaskRecord` (so a bad value is reported wherever it is, also in a task that is left
out); once the calendar is known, :func:`build_tasks` walks the outline, leaves out external,
inactive and null tasks with a note, and :func:`task_fields` converts each record's values into
planner's terms (working days, dates).  A new task field is read in :func:`read_task` and set in
:func:`task_fields`.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ...calendar import WorkCalendar
from ...model import MAX_DAYS, MAX_OUTLINE, Constraint, Task
from .clock import ReadClock
from .fields import (CONSTRAINT_NAME, ELAPSED_FORMATS, ELAPSED_MINUTES_PER_DAY,
                     FINISH_CONSTRAINTS, FMT_DAYS, FMT_EDAYS, ID_ALIAS, ID_FIELD,
                     PERCENT_FORMATS, plain_format, task_id)
from .source import Source


@dataclass(slots=True)
class TaskRecord:
    """One ``<Task>`` element (the ``k``-th) as read and checked, before the outline is built;
    ``task`` is the planner task made from it (None while unbuilt or when left out)."""

    k: int
    el: object
    uid: int
    level: int
    name: str
    start: dt.datetime | None
    finish: dt.datetime | None
    notes: str
    project_summary: bool                 # UID 0 or outline level 0: the project itself
    skip: str | None = None               # why the task is left out
    duration_minutes: float | None = None
    duration_format: int = FMT_DAYS
    milestone: bool = False
    constraint: str = "ASAP"
    constraint_date: dt.datetime | None = None
    deadline: dt.datetime | None = None
    leveling_delay: int = 0               # tenths of minutes
    leveling_format: int = FMT_EDAYS
    links: list = field(default_factory=list)       # the <PredecessorLink> elements
    planner_id: str | None = None
    manual: bool = False                  # Manual = 1: MS Project keeps its Start and Finish
    calendar_uid: int | None = None       # CalendarUID: the task's own calendar
    ignore_rc: bool = False               # IgnoreResourceCalendar
    external: str | None = None           # ExternalTask = 1: the project it belongs to
    task: Task | None = None
    # progress (read by .progress once the calendar is known)
    percent: int | None = None
    actual_start: dt.datetime | None = None
    actual_finish: dt.datetime | None = None
    actual_minutes: float | None = None
    remaining_minutes: float | None = None
    stop: dt.datetime | None = None
    resume: dt.datetime | None = None
    work_percent: int | None = None       # PercentWorkComplete, PhysicalPercentComplete:
    physical_percent: int | None = None   # not carried (noted)
    baselines: list = field(default_factory=list)   # the <Baseline> elements


def read_tasks(src: Source):
    """The ``<Tasks>`` element, the project summary task's record (or None) and the records of
    the other tasks, in file order."""
    tasks_el = src.child(src.root, "Tasks")
    ours = _id_field_declared(src)
    records = [read_task(src, k, el, ours)
               for k, el in enumerate(src.children(tasks_el, "Task"))]
    first = next((r for r in records if r), None)
    for r in records:
        if r and r.project_summary and r.uid != 0 and r is not first:
            src.note(f"task UID {r.uid} {r.name!r} has <OutlineLevel> 0, the project summary's "
                     f"level: read as a top-level task")
            r.project_summary, r.level = False, 1
            _read_values(src, r.el, r, ours)
    summary = next((r for r in records if r and r.project_summary), None)
    return tasks_el, summary, [r for r in records if r and not r.project_summary]


def _id_field_declared(src: Source) -> bool:
    """Whether the file declares planner's custom field for task ids (written by planner)."""
    return any(src.text(ea, "FieldID") == ID_FIELD and src.text(ea, "Alias") == ID_ALIAS
               for ea in src.children(src.child(src.root, "ExtendedAttributes"),
                                      "ExtendedAttribute"))


def read_task(src: Source, k: int, el, ours: bool) -> TaskRecord | None:
    """The values of the ``k``-th ``<Task>``; None for a null task.  ``ours``: the file
    declares planner's id field (:func:`_id_field_declared`)."""
    uid_el = src.child(el, "UID")
    uid = src.int(el, "UID")
    if uid is None:
        raise src.fail(el if uid_el is None else uid_el, "a <Task> needs a <UID>")
    if src.bool(el, "IsNull"):
        return None
    level = src.int(el, "OutlineLevel", 1)
    r = TaskRecord(k=k, el=el, uid=uid, level=level, name=src.exact(el, "Name", ""),
                   start=src.datetime(el, "Start"), finish=src.datetime(el, "Finish"),
                   notes=src.exact(el, "Notes", ""), project_summary=uid == 0 or level == 0)
    if r.project_summary:
        r.baselines = src.children(el, "Baseline")    # the project's own baseline dates
        return r
    if level < 1:
        raise src.fail(src.child(el, "OutlineLevel"), f"<OutlineLevel> {level} is not 1 or more")
    if level > MAX_OUTLINE:
        raise src.fail(src.child(el, "OutlineLevel"),
                       f"<OutlineLevel> {level}: planner reads up to {MAX_OUTLINE} levels")
    return _read_values(src, el, r, ours)


def _read_values(src: Source, el, r: TaskRecord, ours: bool) -> TaskRecord:
    """The values of a task that is not the project summary."""
    if src.bool(el, "IsSubproject"):
        r.skip = "inserted project"
    elif not src.bool(el, "Active", True):
        r.skip = "inactive"
    elif src.bool(el, "ExternalTask"):
        r.external = src.text(el, "ExternalTaskProject", "another project")
    r.manual = src.bool(el, "Manual")
    r.calendar_uid = src.int(el, "CalendarUID")
    r.ignore_rc = src.bool(el, "IgnoreResourceCalendar")
    r.duration_minutes = src.minutes(el, "Duration")
    r.duration_format = src.int(el, "DurationFormat", FMT_DAYS)
    r.milestone = src.bool(el, "Milestone")
    ctype = src.int(el, "ConstraintType", 0)
    if ctype not in CONSTRAINT_NAME:
        raise src.fail(src.child(el, "ConstraintType"),
                       f"<ConstraintType> {ctype} is not one of MS Project's 0-7")
    r.constraint = CONSTRAINT_NAME[ctype]
    r.constraint_date = src.datetime(el, "ConstraintDate")
    if r.constraint not in ("ASAP", "ALAP") and r.constraint_date is None:
        raise src.fail(src.child(el, "ConstraintType"),
                       f"constraint {r.constraint} needs a <ConstraintDate>")
    r.deadline = src.datetime(el, "Deadline")
    r.leveling_delay = src.int(el, "LevelingDelay", 0)
    r.leveling_format = src.int(el, "LevelingDelayFormat", FMT_EDAYS)
    r.links = src.children(el, "PredecessorLink")
    read_task_progress(src, el, r)
    for ea in src.children(el, "ExtendedAttribute"):
        if src.text(ea, "FieldID") == ID_FIELD and ours:
            r.planner_id = src.text(ea, "Value")
    return r


def read_task_progress(src: Source, el, r: TaskRecord) -> None:
    """The progress elements of a ``<Task>`` and its ``<Baseline>`` elements, as values."""
    r.percent = src.int(el, "PercentComplete")
    if r.percent is not None and not 0 <= r.percent <= 100:
        raise src.fail(src.child(el, "PercentComplete"),
                       f"task UID {r.uid}: <PercentComplete> {r.percent} is not 0-100")
    r.actual_start = src.datetime(el, "ActualStart")
    r.actual_finish = src.datetime(el, "ActualFinish")
    r.actual_minutes = src.minutes(el, "ActualDuration")
    r.remaining_minutes = src.minutes(el, "RemainingDuration")
    r.stop = src.datetime(el, "Stop")
    r.resume = src.datetime(el, "Resume")
    r.work_percent = src.int(el, "PercentWorkComplete")
    r.physical_percent = src.int(el, "PhysicalPercentComplete")
    r.baselines = src.children(el, "Baseline")


def build_tasks(src: Source, clock: ReadClock, records: list[TaskRecord],
                wcal: WorkCalendar) -> list[Task]:
    """The plan's tasks in outline order; sets ``task`` on each record that is carried."""
    tasks: list[Task] = []
    stack: list[TaskRecord] = []          # open ancestors
    skip_below = None
    ids: dict[str, TaskRecord] = {}
    prev_level = 0
    for r in records:
        level = r.level
        if level > prev_level + 1:
            raise src.fail(src.child(r.el, "OutlineLevel"),
                           f"task UID {r.uid}: <OutlineLevel> jumps from {prev_level} to {level}")
        prev_level = level
        if skip_below is not None:
            if level > skip_below:
                r.skip = r.skip or "under a skipped summary"
                continue
            skip_below = None
        if r.skip:
            src.note(f"task UID {r.uid} {r.name!r} left out: {r.skip}")
            skip_below = level
            continue
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        tid = task_id(r.uid, r.planner_id)
        if tid in ids:
            raise src.fail(r.el, f"task id {tid!r} is used twice (also by task UID "
                                 f"{ids[tid].uid})")
        ids[tid] = r
        t = Task(id=tid, name=r.name, parent=parent.task.id if parent else None,
                 outline_level=len(stack) + 1, notes=r.notes, src=("Tasks", r.k))
        r.task = t
        if parent is not None:
            parent.task.summary = True
            parent.task.duration = None
        task_fields(src, clock, r, t, wcal)
        tasks.append(t)
        stack.append(r)
    _note_short_tasks(src, records)
    for r in records:
        t = r.task
        if t is not None and (r.manual or r.external):
            fixed_dates(src, clock, r, t, wcal)
        if t is not None and not t.summary and t.duration is None:
            raise src.fail(r.el, f"task UID {r.uid} has no <Duration>")
        if t is not None and t.summary and t.constraint is not None:
            src.note(f"summary task UID {r.uid}: its {t.constraint.type} constraint is dropped "
                     f"(MS Project-compatible scheduling does not apply constraints of summary "
                     f"tasks)")
            t.constraint = None
    return tasks


def _note_short_tasks(src: Source, records: list[TaskRecord]) -> None:
    """One note naming the tasks under half a day that became milestones (planner counts
    whole working days; MS Project files often hold 1-hour tasks)."""
    short = [r for r in records if r.task is not None and not r.task.summary
             and not r.milestone and r.task.duration == 0 and r.duration_minutes]
    if short:
        names = ", ".join(f"{r.task.id} (UID {r.uid})" for r in short[:20])
        src.note(f"{len(short)} task{'s' if len(short) != 1 else ''} shorter than half a day "
                 f"became milestone{'s' if len(short) != 1 else ''} (duration 0): {names}"
                 f"{' ...' if len(short) > 20 else ''}")


def task_fields(src: Source, clock: ReadClock, r: TaskRecord, t: Task,
                wcal: WorkCalendar) -> None:
    """The record's values on its task: duration in working days, constraint, deadline and
    levelling delay."""
    minutes = r.duration_minutes
    fmt = plain_format(r.duration_format)
    if minutes is None:
        t.duration = 0 if r.milestone else None
    elif fmt in ELAPSED_FORMATS:
        t.duration = src.days(minutes, ELAPSED_MINUTES_PER_DAY, "elapsed duration", r.uid,
                              src.child(r.el, "Duration"))
        if t.duration:
            t.duration_unit = "ed"
    elif 0 < minutes < clock.minutes_per_day / 2 and not r.milestone and not src.part_day:
        t.duration = 0                    # named in one note by _note_short_tasks
    else:
        t.duration = src.days(minutes, clock.minutes_per_day, "duration", r.uid,
                              src.child(r.el, "Duration"))
    if t.duration is not None and t.duration < 0:
        raise src.fail(src.child(r.el, "Duration"), f"task UID {r.uid}: negative <Duration>")
    if r.milestone and t.duration:
        src.note(f"task UID {r.uid} is marked as a milestone but lasts {t.duration} days; "
                 f"planner's milestones have duration 0")
    if r.deadline is not None:
        t.deadline = clock.date(r.deadline, True)
    if (r.manual or r.external) and r.start is not None and r.finish is not None:
        return                      # fixed dates (fixed_dates): no constraint, no delay
    c = r.constraint
    if c != "ASAP":
        when = r.constraint_date
        t.constraint = Constraint(c, None if when is None else
                                  clock.date(when, c in FINISH_CONSTRAINTS))
    t.leveling_delay = leveling_delay(src, clock, r, wcal)


def fixed_dates(src: Source, clock: ReadClock, r: TaskRecord, t: Task,
                wcal: WorkCalendar) -> None:
    """A manual task, or an external task (another project's, which a link here comes from),
    keeps the ``Start`` and ``Finish`` the file holds: a manual task of planner's."""
    what = f"task UID {r.uid}"
    if t.summary:
        if r.manual:
            src.note(f"summary {what} is manually scheduled in the file; planner rolls up its "
                     f"subtasks' dates")
        return
    if r.start is None or r.finish is None:
        src.note(f"{what} is manually scheduled but has no Start and Finish in the file; "
                 f"planner schedules it automatically")
        return
    t.manual = True
    t.start = clock.start_date(r.start)
    t.duration_unit = "d"
    if t.duration == 0 or r.milestone:
        t.duration, t.finish = 0, None
    else:
        t.finish = max(clock.date(r.finish, finish=True), t.start)
        t.duration = wcal.working_days(t.start, t.finish)
    if r.external:
        src.note(f"{what} {r.name!r} is a task of {r.external}: imported as a manual task "
                 f"with its dates in the file ({t.start.isoformat()}), so the links from it "
                 f"start from those dates")


def leveling_delay(src: Source, clock: ReadClock, r: TaskRecord, wcal: WorkCalendar) -> int:
    """``LevelingDelay`` in working days: elapsed days are the working days among the calendar
    days before the task's start in the file; a delay in percent is not carried."""
    value = r.leveling_delay
    if not value:
        return 0
    el = src.child(r.el, "LevelingDelay")
    if value < 0:
        src.note(f"task UID {r.uid}: a negative levelling delay read as 0")
        return 0
    fmt = plain_format(r.leveling_format)
    minutes = value / 10
    if minutes / ELAPSED_MINUTES_PER_DAY > MAX_DAYS:
        raise src.fail(el, f"task UID {r.uid}: <LevelingDelay> of {minutes / 1440:g} days (at "
                           f"most {MAX_DAYS})")
    if fmt in PERCENT_FORMATS:
        src.note(f"task UID {r.uid}: a levelling delay in percent is not carried")
        return 0
    if fmt in ELAPSED_FORMATS:
        ed = minutes / ELAPSED_MINUTES_PER_DAY
        if r.start is not None:
            s = clock.start_date(r.start)
            days = wcal.working_days(s - dt.timedelta(days=math.ceil(ed)),
                                     s - dt.timedelta(days=1))
        else:
            days = round(ed * len(wcal.cal.workweek) / 7)
        src.note(f"task UID {r.uid}: levelling delay of {ed:g} elapsed days carried as {days} "
                 f"working days")
        return max(days, 0)
    return max(src.days(minutes, clock.minutes_per_day, "levelling delay", r.uid, el), 0)
