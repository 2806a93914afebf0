"""Tasks that do not follow the plain arithmetic of a working-day duration: manually scheduled
tasks, elapsed durations and split tasks, as MS Project schedules them (at whole working days).

* A **manual** task keeps the start and finish it is given; its own links do not move it, but
  its successors are scheduled from its dates (MS Project's ``Manual`` = 1).  Its duration is
  the working days from its start to its finish, and the backward pass and the floats treat it
  like any other task of that length.
* An **elapsed** duration (``5ed``) runs in calendar days, nights and weekends included: a task
  of 3ed that starts at 08:00 on a Friday finishes at 08:00 on Monday, which is the end of
  Friday's working time.  The links and constraints that bound its finish (FF, SF, FNET, FNLT,
  MFO) are turned into bounds on its start through the same calendar-day arithmetic.
* A **split** task pauses: its span (first to last working day) is its duration plus its
  pauses, which the passes use; the schedule reports the duration (the work).

:func:`compile_special` finds them once per schedule and leaves ``net.fixed`` and
``net.elapsed`` as None when a plan has none, so the passes' loop costs one test per task.
"""
from __future__ import annotations

import datetime as dt

from ..calendar import WorkCalendar
from ..errors import PlanError
from ..model import Plan
from .keys import FF, FNET, FNLT, FS, MFO, MSO, SF, SNET, SNLT, SS, add_work, pos
from .masks import Days, TaskDays, backward_masked, forward_masked


def compile_special(plan: Plan, cal: WorkCalendar, net) -> None:
    """Set ``net.fixed`` ({task: (start key, finish key)} of manual tasks), ``net.elapsed``
    ({task: calendar days}), ``net.masked`` ({task: its working days} of tasks with calendars,
    :mod:`.masks`) and the span of split tasks in ``net.dur``.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import compile_plan
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("a", "Fixed", 3, manual=True, start=dt.date(2024, 1, 3)),
    ...     Task("b", "Cure", 3, duration_unit="ed"), Task("c", "Split", 4, pauses=((1, 2),))])
    >>> cal = WorkCalendar(plan.calendar, plan.start)
    >>> net = compile_plan(plan, cal)
    >>> compile_special(plan, cal, net)
    >>> net.fixed, net.elapsed, net.dur     # a: 08:00 3 Jan to 16:00 5 Jan
    ({0: (4, 9)}, {1: 3}, [3, 3, 6])
    """
    fixed: dict = {}
    elapsed: dict = {}
    masked: dict = {}
    split: list = []
    res_cal = {r.id: r.calendar for r in plan.resources if r.calendar}
    cals: dict = {}
    tasks = plan.tasks
    found = [i for i, t in enumerate(tasks)
             if t.manual or t.pauses or t.calendar or t.duration_unit != "d"]
    if res_cal:
        found = sorted(set(found) | {i for i, t in enumerate(tasks) if t.assignments})
    for i in found:
        t = tasks[i]
        if t.summary:
            continue
        if t.manual:
            fixed[i] = manual_keys(t, cal)
            net.dur[i] = pos(fixed[i][1]) - pos(fixed[i][0])
        elif t.duration_unit == "ed":
            elapsed[i] = t.duration
        else:
            groups = task_calendars(t, res_cal)
            if groups:
                own = Days(cal, [_work_calendar(plan, ("calendar", t.calendar), cals, t)]) \
                    if t.calendar else None
                masked[i] = TaskDays([Days(cal, [_work_calendar(plan, k, cals, t) for k in g])
                                      for g in groups], own)
        if t.pauses:
            net.dur[i] = t.span
            split.append(i)
    net.fixed = fixed or None
    net.elapsed = elapsed or None
    net.masked = masked or None
    net.split = split or None
    if fixed:
        net.linked_from = {p for links in net.links for p, *_ in links}
    if fixed or elapsed or masked:
        net.special = set(fixed) | set(elapsed) | set(masked)


def task_calendars(t, res_cal: dict) -> list[list[tuple]]:
    """The calendars task ``t`` works on, one list per assignment (its own calendar
    ``("calendar", name)`` and its resource's ``("resource", id)``), or its own calendar alone;
    [] when the plan's calendar is all it needs.  ``res_cal``: resource id -> calendar name.
    Resource calendars count when one of the task's resources has one (and the task does not
    ignore them): then every resource works on its calendar, or the plan's, minus its
    absences, as MS Project schedules each assignment on its resource's calendar."""
    own = [("calendar", t.calendar)] if t.calendar else []
    if t.ignore_resource_calendar or not any(a.resource in res_cal for a in t.assignments):
        return [own] if own else []
    return [own + [("resource", a.resource)] for a in t.assignments]


def _work_calendar(plan: Plan, key: tuple, cals: dict, t) -> WorkCalendar:
    """A task's or a resource's working days; a resource with a calendar is away on its
    absences too (they are exceptions of its calendar, as in MS Project)."""
    if key not in cals:
        kind, name = key
        res = next(r for r in plan.resources if r.id == name) if kind == "resource" else None
        cname = res.calendar if res is not None else name
        cdef = plan.calendars.get(cname) if cname else plan.calendar
        if cdef is None:
            raise PlanError(f"task {t.id} works on calendar {cname!r}, which the plan's "
                            f"`calendars:` does not define", path=t.src)
        if res is not None and res.absences:
            import dataclasses

            off = tuple(a for a in res.absences if not a.working)
            cdef = dataclasses.replace(cdef, exceptions=tuple(cdef.exceptions) + off)
        cals[key] = WorkCalendar(cdef, plan.start)
    return cals[key]


def manual_keys(t, cal: WorkCalendar) -> tuple[int, int]:
    """The start and finish keys of manual task ``t``: 08:00 on its start (the next working
    day when that is a day off), 16:00 on its finish (or ``duration`` working days on); a
    milestone sits at its start."""
    if t.start is None:
        raise PlanError(f"manual task {t.id} needs a `start`", path=t.src)
    s = cal.start_key(t.start)
    if t.finish is None:
        return s, (2 * (pos(s) + t.duration) - 1 if t.duration else s)
    if t.finish < t.start:
        raise PlanError(f"manual task {t.id} finishes ({t.finish.isoformat()}) before it "
                        f"starts ({t.start.isoformat()})", path=t.src + ("finish",))
    if t.duration == 0:
        return s, s
    f = cal.finish_key(t.finish)
    return s, (f if f > s else s)


def forward_special(net, i, cal: WorkCalendar, es, ef, ls, lf, pstart, alap,
                    floor=None) -> None:
    """The forward pass for special task ``i``: a manual task keeps its dates, an elapsed or a
    calendar task has its own arithmetic.  ``alap``: in the pass after the backward one, which
    tasks are ALAP (links from them start at their late dates); ``floor``: a tracked plan's
    first key after the status date, where work not started waits."""
    if net.fixed is not None and i in net.fixed:
        es[i], ef[i] = net.fixed[i]
        return
    preds = net.leaf_preds[i]
    late = None
    if alap is not None and not alap[i]:
        def late(p):
            return (ls[p], lf[p]) if alap[p] else (es[p], ef[p])
    if net.elapsed is not None and i in net.elapsed:
        forward_elapsed(i, net.elapsed[i], preds, net.constraint[i], es, ef, pstart, cal, late,
                        floor)
    else:
        forward_masked(i, net.masked[i], net.dur[i], preds, net.constraint[i], net.delay[i],
                       es, ef, pstart, cal.add_elapsed, late, floor)


def backward_special(net, i, cal: WorkCalendar, ls, lf, pfinish, link_finish) -> bool:
    """The backward pass for special task ``i``; False for a manual task, which takes the
    ordinary one."""
    args = (net.leaf_succs[i], net.constraint[i], net.deadline_key[i], ls, lf, pfinish)
    if net.elapsed is not None and i in net.elapsed:
        backward_elapsed(i, net.elapsed[i], *args, cal, link_finish)
        return True
    if net.masked is not None and i in net.masked:
        backward_masked(i, net.masked[i], net.dur[i], *args, link_finish, cal.add_elapsed)
        return True
    return False


def manual_ss_finish(net, s: int, lf, pfinish: int) -> int:
    """The late finish an SS link gives a manual predecessor (MPXJ's rule for MS Project): the
    successor's late finish when no link of the plan leaves the successor, else the project
    finish."""
    return pfinish if s in net.linked_from else lf[s]


# -- elapsed durations ------------------------------------------------------------------------
# A start key is read as midnight before its working day, and a finish key as midnight before
# the next working day: a task of d elapsed days from day s finishes at the end of the last
# working day before s + d calendar days.


def elapsed_finish(k: int, days: int, cal: WorkCalendar) -> int:
    """The finish key of a task of ``days`` elapsed days that starts at key ``k``.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef
    >>> cal = WorkCalendar(CalendarDef("mon-fri"), dt.date(2024, 1, 5))   # a Friday
    >>> elapsed_finish(0, 3, cal)       # Friday + 3ed = Monday morning: the end of Friday
    1
    """
    if not days:
        return k
    if cal.part_day:                    # 24-hour days from the moment itself
        return cal.key_at(cal.key_datetime(k) + dt.timedelta(days=days), finish=True)
    o = cal.ordinal(pos(k)) + days
    return 2 * cal.count_before(dt.date.fromordinal(o)) - 1


def elapsed_start(f: int, days: int, cal: WorkCalendar) -> int:
    """The latest start key from which a task of ``days`` elapsed days finishes by key ``f``
    (the inverse of :func:`elapsed_finish`).

    >>> import datetime as dt
    >>> from planner.model import CalendarDef
    >>> cal = WorkCalendar(CalendarDef("mon-fri"), dt.date(2024, 1, 5))
    >>> elapsed_start(1, 3, cal)        # to finish by the end of Friday: start on Friday
    0
    """
    if not days:
        return f
    if cal.part_day:
        return cal.key_at(cal.key_datetime(f) - dt.timedelta(days=days))
    o = cal.ordinal(pos(f)) - days
    return 2 * cal.index_on_or_before(dt.date.fromordinal(o))


def _earliest_start(f: int, days: int, cal: WorkCalendar) -> int:
    """The earliest start key from which a task of ``days`` elapsed days finishes at key ``f``
    or later."""
    s = elapsed_start(f, days, cal)
    while pos(elapsed_finish(s, days, cal)) < pos(f):
        s = 2 * (pos(s) + 1)
    return s


def forward_elapsed(i, d, preds, c, es, ef, pstart, cal: WorkCalendar, late=None,
                    floor=None) -> None:
    """The forward pass for task ``i`` of ``d`` elapsed days: the latest start its links and
    constraint allow, a finish bound moved back by ``d`` calendar days."""
    add_elapsed = cal.add_elapsed
    k = pstart if not preds else -1 << 62
    for p, typ, lag, el in preds:
        pes, pef = late(p) if late is not None else (es[p], ef[p])
        x = pef if typ == FS or typ == FF else pes
        if lag:
            x = add_elapsed(x, lag) if el else add_work(x, lag)
        if typ == FF or typ == SF:          # a bound on the finish: the earliest start
            x = _earliest_start(x, d, cal)
            if typ == FF and x < pstart:
                x = pstart
        if x > k:
            k = x
    if floor is not None and k < floor:
        k = floor                   # work not started waits for the day after the status
    if k & 1:
        k += 1
    if c is not None:
        code = c[0]
        if code == SNET and k < c[1] or code == MSO:
            k = c[1]
        elif code == SNLT and k > c[1]:
            k = c[1]
        elif code in (FNET, FNLT, MFO):
            bound = _earliest_start(c[2], d, cal) if code == FNET else elapsed_start(c[2], d, cal)
            if code == MFO or (code == FNET and k < bound) or (code == FNLT and k > bound):
                k = bound
    es[i] = k
    ef[i] = elapsed_finish(k, d, cal)


def backward_elapsed(i, d, succs, c, deadline, ls, lf, pfinish, cal: WorkCalendar,
                     link_finish) -> None:
    """The backward pass for task ``i`` of ``d`` elapsed days."""
    add_elapsed = cal.add_elapsed
    k = pfinish
    for s, typ, lag, el in succs:
        x = link_finish(typ, lag, el, ls[s], lf[s], 0, add_elapsed)
        if typ == SS or typ == SF:
            x = elapsed_finish(x + (x & 1), d, cal)
        if x < k:
            k = x
    if c is not None:
        code = c[0]
        if code == MSO:
            k = elapsed_finish(c[1], d, cal)
        elif code == MFO:
            k = c[2]
        elif code == SNLT:
            k = min(k, elapsed_finish(c[1], d, cal))
        elif code == FNLT and k > c[2]:
            k = c[2]
    if deadline is not None and k > deadline:
        k = deadline
    if not k & 1:
        k -= 1
    lf[i] = k
    ls[i] = elapsed_start(k, d, cal)


def report_durations(plan: Plan, net, es, ef, dur) -> None:
    """The durations a schedule reports: a split task's work (not its span), an elapsed task's
    working days from start to finish."""
    for i in net.elapsed or ():
        dur[i] = pos(ef[i]) - pos(es[i])
    for i in net.split or ():
        dur[i] = plan.tasks[i].duration


def work_spans(plan: Plan, start: int, i: int) -> list[tuple[int, int]]:
    """The working-day positions task ``i`` works on, from its start key ``start``, as
    ``[(first, end)]`` (end excluded): one range, or one per part of a split task.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("c", "Split", 4, pauses=((1, 2),))])
    >>> work_spans(plan, 0, 0)          # one day, a pause of two, then three days
    [(0, 1), (3, 6)]
    """
    t = plan.tasks[i]
    a = pos(start)
    if not t.pauses:
        return [(a, a + t.duration)] if t.duration else []
    out, done = [], 0
    for after, days in t.pauses:
        out.append((a, a + after - done))
        a += after - done + days
        done = after
    out.append((a, a + t.duration - done))
    return out


__all__ = ["compile_special", "manual_keys", "elapsed_finish", "elapsed_start",
           "forward_elapsed", "backward_elapsed", "report_durations", "work_spans"]
