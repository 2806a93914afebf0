"""Reading progress: each task's actuals, the status date, how the file reschedules, and the
``<Baseline>`` elements (docs/tracking.md, docs/ms-project.md).

A task with an ``ActualFinish`` is done at its actual dates; one with only an ``ActualStart``
has done ``ActualDuration`` and has ``RemainingDuration`` to do (its duration is their sum, as
in MS Project), carried as ``remaining_days`` when the work done fills every working day up
to the status date, else as the ``percent_complete`` that gives those whole days.  The status
date is ``StatusDate``, moved to the latest actual date when work is reported after it (MS
Project allows that, planner does not).  ``SplitsInProgressTasks`` decides the
``out_of_sequence`` rule; the reschedule mode is ``after_status_date`` when the file says
``MoveRemainingStartsForward`` or shows MS Project's *Update Project* (a task resumed at the
status date after a gap, or a task not started held there by a start-no-earlier-than
constraint), and otherwise the mode whose schedule gives the file's dates.

>>> percent_for(10, 3, 33), percent_for(3, 1, 33), percent_for(7, 4, 40)
(33, 33, 57)
"""
from __future__ import annotations

import datetime as dt

from ...calendar import WorkCalendar
from ...errors import PlanError
from ...model import Plan
from ...schedule.keys import add_work
from ...schedule.progress import split_duration
from ...tracking.baseline import BASELINE_NAMES, Baseline, BaselineTask
from ...working_time import WorkMoment
from .clock import ReadClock
from .source import Source


def percent_for(d: int, a: int, given: int | None):
    """The percent complete that makes ``a`` of ``d`` days done by planner's rule (the file's
    own percent when it does, else the share rounded to as few decimals as need be)."""
    cands = ([given] if given is not None else []) + [round(100 * a / d, k) for k in range(8)]
    for c in cands:
        c = int(c) if float(c).is_integer() else c
        if 0 < c < 100 and split_duration(d, c) == (a, d - a):
            return c
    return 100 * a / d


def read_progress(src: Source, clock: ReadClock, records: list, plan: Plan,
                  wcal: WorkCalendar) -> bool:
    """Put the file's actuals on the plan's tasks and set the status date, the
    ``out_of_sequence`` rule and a first reschedule mode on the plan; returns whether the
    mode came from the file's ``MoveRemainingStartsForward`` (else it is a guess that
    :func:`settle_reschedule` checks against the file's dates)."""
    latest = None
    progressed = False
    started = []                      # (record, done days) of tasks with work done and left
    _note_other_percents(src, records)
    for r in records:
        t = r.task
        if t is None:
            continue
        if t.summary:
            continue                  # summaries roll up from their subtasks
        if r.actual_start is None:
            if r.actual_finish is not None or (r.percent or 0) > 0:
                src.note(f"task UID {r.uid}: progress without an <ActualStart> is not carried")
            continue
        progressed = True
        done = _task_actuals(src, clock, r, t, wcal)
        if done:
            started.append((r, done))
        for d in (t.actual_start, t.actual_finish):
            if d is not None and (latest is None or d > latest):
                latest = d
    if not progressed:
        return False
    sd = plan.status_date
    if sd is None:
        src.note(f"the file has no <StatusDate>: the status date is taken as the last day "
                 f"work is reported on, {latest.isoformat()}")
        sd = latest
    elif latest > sd:
        src.note(f"work is reported up to {latest.isoformat()}, after the <StatusDate> "
                 f"{sd.isoformat()}: the status date is taken as {latest.isoformat()}")
        sd = latest
    plan.status_date = sd
    status_key = wcal.finish_key(sd)
    for r, done in started:
        t = r.task
        if (status_key + 1) // 2 - (wcal.start_key(t.actual_start) + 1) // 2 == done:
            t.remaining_days = t.duration - done      # worked on every day up to the status
        else:
            t.percent_complete = percent_for(t.duration, done, r.percent)
    plan.out_of_sequence = ("retained_logic" if src.bool(src.root, "SplitsInProgressTasks", True)
                            else "progress_override")
    flag = src.bool(src.root, "MoveRemainingStartsForward", False)
    if src.child(src.root, "MoveRemainingStartsForward") is None:
        flag_or_seen = _update_project_seen(records, clock, wcal, sd)
    else:
        flag_or_seen = flag
    plan.reschedule = "after_status_date" if flag_or_seen else "as_is"
    return flag


def _note_other_percents(src: Source, records: list) -> None:
    """A note for the percents planner does not carry: % work complete where it differs from
    % complete, and physical % complete."""
    carried = [r for r in records if r.task is not None and not r.task.summary]
    work = sum(1 for r in carried if r.work_percent is not None and
               r.work_percent != (r.percent or 0))
    physical = sum(1 for r in carried if r.physical_percent)
    if work:
        src.note(f"{work} tasks have a % work complete other than their % complete: planner "
                 f"carries the % complete (of the duration)")
    if physical:
        src.note(f"{physical} tasks have a physical % complete, which is not carried")


def _task_actuals(src: Source, clock: ReadClock, r, t, wcal: WorkCalendar) -> int:
    """One task's actual dates and duration (see the module docstring); returns the days
    done of a task with work done and left (0 for every other task), whose progress is
    written once the status date is known."""
    t.progress_src = ("Tasks", r.k)
    if t.duration == 0:                                   # a milestone: done on its day
        t.actual_start = r.actual_start.date()
        if r.actual_finish is not None:
            t.actual_finish = t.actual_start
            if r.actual_finish.date() != t.actual_start:
                src.note(f"task UID {r.uid}: a milestone finished on another day than it "
                         f"started is carried as done on {t.actual_start.isoformat()}")
        return 0
    t.actual_start = clock.start_date(r.actual_start)
    if src.part_day:                    # a part-day plan starts it at its time of day
        t.actual_start = WorkMoment.at(r.actual_start)
    if r.actual_finish is not None:
        t.actual_finish = clock.date(r.actual_finish, True)
        if src.part_day:
            t.actual_finish = WorkMoment.at(r.actual_finish)
        if t.actual_finish < t.actual_start:
            raise src.fail(src.child(r.el, "ActualFinish"), f"task UID {r.uid}: <ActualFinish> "
                           f"is before its <ActualStart>")
        return 0
    mpd = clock.minutes_per_day
    d_file = t.duration
    a_min = r.actual_minutes
    if a_min is None:
        a_min = d_file * mpd * (r.percent or 0) / 100
    a = max(src.days(a_min, mpd, "actual duration", r.uid), 0)
    rem = r.remaining_minutes
    if rem is not None and r.duration_minutes is not None and \
            abs(a_min + rem - r.duration_minutes) < 1:
        rem = max(d_file - a, 0)         # parts of a day: the duration stays, the rest is left
    else:
        rem = max(src.days(rem, mpd, "remaining duration", r.uid), 0) if rem is not None \
            else max(d_file - a, 0)
    if a + rem != d_file:
        src.note(f"task UID {r.uid}: <Duration> {d_file} days is not its actual {a} plus "
                 f"remaining {rem} days; carried as {a + rem} days")
    t.duration = a + rem
    if a == 0:
        return 0                                          # started, nothing done yet
    if rem == 0:                                          # all done but no ActualFinish
        t.actual_finish = wcal.key_date(add_work(wcal.start_key(t.actual_start), a))
        src.note(f"task UID {r.uid}: no work left but no <ActualFinish>; carried as finished "
                 f"on {t.actual_finish.isoformat()}")
        return 0
    return a


def _update_project_seen(records: list, clock: ReadClock, wcal: WorkCalendar,
                         sd: dt.date) -> bool:
    """Whether the file shows MS Project's *Update Project* at the status date: a started task
    that resumes on the first working morning after it, after a gap, or a task not started
    held there by a start-no-earlier-than constraint."""
    floor = wcal.finish_key(sd) + 1
    for r in records:
        t = r.task
        if t is None or t.summary:
            continue
        if t.actual_start is not None and t.actual_finish is None and r.resume is not None \
                and r.stop is not None:
            resume = wcal.start_key(clock.start_date(r.resume))
            if resume == floor and resume > wcal.finish_key(clock.date(r.stop, True)) + 1:
                return True
        c = t.constraint
        if t.actual_start is None and c is not None and c.type == "SNET" and \
                wcal.start_key(c.date) == floor:
            return True
    return False


def settle_reschedule(src: Source, plan: Plan, file_dates: dict, from_flag: bool) -> None:
    """With ``after_status_date``, a start-no-earlier-than constraint at the first working
    morning after the status date on a task not started is MS Project's *Update Project*, not
    the plan's: it is dropped (the mode holds every such task there).  When the mode is a
    guess, the other mode is taken if its schedule gives the file's dates more often."""
    from ...schedule import schedule

    def attempt(mode):
        trial = _with_mode(plan, mode)
        try:
            sched = schedule(trial)
        except PlanError:
            return trial, None
        d = sched.date
        return trial, sum(1 for i, t in enumerate(trial.tasks)
                          if file_dates.get(t.id, (None, None)) == (d(sched.start[i]),
                                                                     d(sched.finish[i])))

    if not from_flag:
        first, n_first = attempt(plan.reschedule)
        other, n_other = attempt("as_is" if plan.reschedule == "after_status_date"
                                 else "after_status_date")
        if n_other is not None and (n_first is None or n_other > n_first):
            plan.reschedule = other.reschedule
            src.note(f"progress at the status date {plan.status_date.isoformat()} is carried "
                     f"with reschedule: {plan.reschedule}, the mode that gives the file's "
                     f"dates")
    if plan.reschedule == "after_status_date":
        _drop_floor_constraints(src, plan)


def _with_mode(plan: Plan, mode: str) -> Plan:
    import copy

    trial = copy.copy(plan)
    trial.reschedule = mode
    return trial


def _drop_floor_constraints(src: Source, plan: Plan) -> None:
    wcal = WorkCalendar(plan.calendar, plan.start)
    floor = wcal.finish_key(plan.status_date) + 1
    dropped = 0
    for t in plan.tasks:
        c = t.constraint
        if (not t.summary and t.actual_start is None and c is not None and c.type == "SNET"
                and wcal.start_key(c.date) == floor):
            t.constraint = None
            dropped += 1
    if dropped:
        src.note(f"{dropped} start-no-earlier-than constraints at the first working day after "
                 f"the status date (MS Project's Update Project) are carried as "
                 f"reschedule: after_status_date")


# -- baselines -------------------------------------------------------------------------------
def read_baselines(src: Source, clock: ReadClock, summary, records: list,
                   wcal: WorkCalendar) -> dict:
    """The file's baselines by planner's names (``Number`` 0 is ``baseline``, 1-10
    ``baseline1``..``baseline10``): each task's start, finish and duration; the project's
    from the project summary task, else spanned from the tasks."""
    found: dict = {}
    project: dict = {}
    skipped = 0
    for r in ([summary] if summary is not None else []) + records:
        if r.task is None and not r.project_summary:
            continue
        for el in r.baselines:
            number = src.int(el, "Number")
            start, finish = src.datetime(el, "Start"), src.datetime(el, "Finish")
            if number is None or not 0 <= number <= 10 or start is None or finish is None:
                skipped += 1
                continue
            minutes = src.minutes(el, "Duration")
            days = src.days(minutes, clock.minutes_per_day, "baseline duration", r.uid) \
                if minutes is not None else None
            if days == 0:
                first = last = finish.date()              # a milestone: on its day
            else:
                first, last = clock.start_date(start), clock.date(finish, True)
            if days is None:
                days = wcal.working_days(first, last)
            if r.project_summary:
                project[number] = (first, last, days)
            else:
                found.setdefault(number, {})[r.task.id] = BaselineTask(first, last, days,
                                                                       r.task.name)
    if skipped:
        src.note(f"{skipped} <Baseline> elements without a number 0-10 or without dates are "
                 f"left out (interim baselines, work and cost are not carried)")
    out = {}
    order = {r.task.id: k for k, r in enumerate(records) if r.task is not None}
    for number in sorted(set(found) | set(project)):
        tasks = found.get(number, {})
        if number in project:
            first, last, days = project[number]
        else:
            first = min(b.start for b in tasks.values())
            last = max(b.finish for b in tasks.values())
            days = wcal.working_days(first, last)
        name = BASELINE_NAMES[number]
        out[name] = Baseline(name, first, last, days, None,
                             dict(sorted(tasks.items(), key=lambda e: order.get(e[0], 0))))
    return out
