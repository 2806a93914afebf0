"""Reading an MSPDI file into a plan: the order of the passes, and what the reader returns.

:func:`read_mspdi` parses the file safely (:mod:`.xml`), then reads it element by element:
the project's working day, the tasks' values (:mod:`.tasks`), the plan's start and name
(:mod:`.project`), the calendar folded into one of planner's (:mod:`.calendars`,
:mod:`.folding`), the outline, the links (:mod:`.links`), resources (:mod:`.resources`) and
assignments (:mod:`.assignments`).  Every problem is ``FILE:LINE: message``; what cannot be
carried over exactly becomes a note in :class:`Imported`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ...calendar import WorkCalendar
from ...errors import PlanError
from ...model import Plan
from ...schedule import Schedule
from . import calendars, part_day, progress, project
from .agreement import Agreement, day_hours
from .assignments import read_assignments
from .links import read_links
from .resources import read_resources
from .source import Source
from .splits import read_splits
from .tasks import build_tasks, read_tasks
from .work_calendars import read_work_calendars
from .xml import child, line_of, local, parse


@dataclass
class Imported:
    """What :func:`read_mspdi` found: the plan, what could not be carried over exactly, and the
    dates the file holds for each task (``agreement``: to compare with planner's schedule)."""

    plan: Plan
    notes: list = field(default_factory=list)
    agreement: Agreement = field(default_factory=Agreement)
    source: str = ""
    raw: bytes = b""
    root: object = None
    baselines: dict = field(default_factory=dict)       # name -> tracking.Baseline

    def task_line(self, k: int) -> int | None:
        """The line of the k-th ``<Task>`` element."""
        tasks = child(self.root, "Tasks")
        if tasks is None:
            return None
        els = [c for c in tasks if local(c.tag) == "Task"]
        return line_of(self.raw, self.root, els[k]) if 0 <= k < len(els) else None

    def disagreements(self, sched: Schedule) -> list[str]:
        """Ids of the tasks whose start or finish in the file differs from ``sched``."""
        return self.agreement.differing(sched)

    def error(self, exc: PlanError) -> PlanError:
        """A PlanError raised on the imported plan, pointed at the file's line."""
        path = exc.path or ()
        line = None
        if len(path) >= 2 and path[0] == "Tasks" and isinstance(path[1], int):
            line = self.task_line(path[1])
        return PlanError(exc.message, file=self.source, line=line or 1)


def read_mspdi(path: str, near: str | None = None) -> Imported:
    """Read an MSPDI file into a plan.  ``near`` is where the plan will be saved: planner's
    calendars are looked up beside it (and among the installed ones)."""
    import gc

    # millions of acyclic elements: the cyclic collector would only rescan them again and
    # again (a 100k-task file reads in half the time without it)
    enabled = gc.isenabled()
    gc.disable()
    try:
        raw, root = parse(path)
        return read_document(Source(path, raw, root, near))
    finally:
        if enabled:
            gc.enable()


def read_document(src: Source) -> Imported:
    """The plan of a parsed document, in the order the passes need (each raises at the first
    problem it meets, so the order decides which of several problems is reported)."""
    clock = project.read_clock(src)
    tasks_el, summary, records = read_tasks(src)
    plan_start = project.plan_start(src, clock, [r.start for r in records
                                                 if r.start is not None])
    name = project.plan_name(src, summary.name if summary else None)
    cal_els = calendars.read_calendars(src)
    span = project.span(plan_start, [d for r in records for d in (r.start, r.finish)
                                     if d is not None])
    cal_el = calendars.project_calendar(src, cal_els)
    calendar = calendars.plan_calendar(src, cal_el, cal_els, span)
    week = part_day.week_hours(src, cal_el, cal_els)
    if part_day.needs_part_day(src, records, clock.minutes_per_day, week):
        src.part_day = clock.minutes_per_day
        calendar = dataclasses.replace(calendar, week_hours=part_day.as_text(week))
    wcal = WorkCalendar(calendar, plan_start)

    tasks = build_tasks(src, clock, records, wcal)
    by_uid = {r.uid: r for r in records if r.task is not None}
    read_links(src, clock, records, by_uid)
    resources = read_resources(src, cal_els)
    read_assignments(src, by_uid, resources, {src.int(el, "UID") for el in src.children(
        tasks_el, "Task")}, {src.int(el, "UID") for el in src.children(
            src.child(src.root, "Resources"), "Resource")})
    read_splits(src, clock, wcal, by_uid)
    named = read_work_calendars(src, cal_els, cal_el, calendar, span, records, by_uid,
                                resources)
    plan = Plan(name=name, start=plan_start, calendar=calendar, tasks=tasks,
                resources=list(resources.values()), source=None,
                notes=summary.notes if summary else "",
                status_date=project.status_date(src, clock), calendars=named,
                minutes_per_day=src.part_day,
                start_time=project.start_time(src) if src.part_day else None)
    dated = [r for r in records if r.start is not None and r.finish is not None]
    agreement = Agreement({r.task.id: (r.start, r.finish) for r in dated if r.task is not None},
                          len(dated), day_hours(src, cal_el, cal_els,
                                                (clock.start_time, clock.finish_time)))
    if not tasks:
        src.note("the file has no tasks: the plan is empty (its calendar and resources only)")
        return Imported(plan, src.notes, agreement, src.path, src.raw, src.root)
    from_flag = progress.read_progress(src, clock, records, plan, wcal)
    if plan.tracked:                            # (else a status date only draws its line)
        _check_progress(src, records, plan)
        file_dates = {r.task.id: (r.start.date(), r.finish.date()) for r in dated
                      if r.task is not None}
        progress.settle_reschedule(src, plan, file_dates, from_flag)
    baselines = progress.read_baselines(src, clock, summary, records, wcal)
    return Imported(plan, src.notes, agreement, src.path, src.raw, src.root, baselines)


def _check_progress(src: Source, records: list, plan: Plan) -> None:
    """The progress checks of a status file, reported at the ``<Task>`` they concern."""
    from ..status_yaml import check_progress

    try:
        check_progress(plan)
    except PlanError as exc:
        path = exc.path or ()
        el = next((r.el for r in records if len(path) > 1 and r.k == path[1]), src.root)
        raise src.fail(el, exc.message) from None
