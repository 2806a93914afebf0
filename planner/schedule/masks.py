"""Task calendars and resource calendars at whole working days.

MS Project schedules a task with its own calendar on that calendar's working time, and a task
with resources on its resources' calendars (unless the task ignores them).  At planner's
resolution a day is a working day for the task when the plan's calendar works it and every
calendar that applies to the task (its own, and those of its assigned resources that have one)
has working time that day.  The time keys stay the plan's working days: a task's calendar can
only take days away (a part-time week, a resource's holidays), and the passes count the task's
duration, and the lags into it, on its own days.  (Days the plan's calendar does not work, such
as a weekend on a 24-hour calendar, need the part-day resolution: docs/ms-project.md.)

>>> import datetime as dt
>>> from planner.model import CalendarDef
>>> axis = WorkCalendar(CalendarDef("mon-fri"), dt.date(2024, 1, 1))          # a Monday
>>> days = Days(axis, [WorkCalendar(CalendarDef("mon-wed", workweek=(0, 1, 2)), axis.origin)])
>>> days.finish_after(0, 4)     # Mon-Wed, then Monday 8 January: 16:00 on working day 5
11
>>> days.start_before(11, 4), days.start_at_or_after(6)    # back from there; Thursday -> Monday
(0, 10)
"""
from __future__ import annotations

import datetime as dt

from ..calendar import WorkCalendar
from .keys import FF, FNET, FNLT, FS, MFO, MSO, SF, SNET, SNLT, SS, add_work

_LIMIT = 100_000        # days searched for a working day of a task before giving up


class Days:
    """The plan's working days (``axis`` indices) on which all of ``cals`` work."""

    __slots__ = ("axis", "cals", "_works")

    def __init__(self, axis: WorkCalendar, cals: list[WorkCalendar]):
        self.axis = axis
        self.cals = cals
        self._works: dict[int, bool] = {}

    def works(self, i: int) -> bool:
        if self.axis.part_day:          # minutes: whether their day works, cached by day
            return self._day_works(self.axis.ordinal(i))
        w = self._works.get(i)
        if w is None:
            d = self.axis.date(i)
            w = self._works[i] = all(c.is_working(d) for c in self.cals)
        return w

    def _day_works(self, o: int) -> bool:
        w = self._works.get(o)
        if w is None:
            d = dt.date.fromordinal(o)
            w = self._works[o] = all(c.is_working(d) for c in self.cals)
        return w

    def _day_bounds(self, i: int) -> tuple[int, int]:
        """The first position of the day holding minute ``i`` and the first of the next day."""
        d = self.axis.date(i)
        return self.axis.count_before(d), self.axis.count_before(d + dt.timedelta(days=1))

    def _next(self, i: int, step: int) -> int:
        part_day = self.axis.part_day
        for _ in range(_LIMIT):
            if self.works(i):
                return i
            if part_day:                # skip the rest of the day that does not work
                first, end = self._day_bounds(i)
                i = end if step > 0 else first - 1
                continue
            i += step
        from ..errors import PlanError

        raise PlanError(f"a task calendar has no working day near {self.axis.date(i)}")

    # keys: 2*i is the start of working day i, 2*i - 1 the end of working day i - 1
    def start_at_or_after(self, k: int) -> int:
        return 2 * self._next((k + 1) // 2, 1)

    def start_at_or_before(self, k: int) -> int:
        return 2 * self._next(k // 2 if k & 1 == 0 else (k - 1) // 2, -1)

    def finish_at_or_before(self, k: int) -> int:
        return 2 * (self._next((k + 1) // 2 - 1, -1) + 1) - 1

    def finish_after(self, k: int, d: int) -> int:
        """The finish of ``d`` of these working days from start key ``k``."""
        if not d:
            return k
        i = self._next((k + 1) // 2, 1)
        if self.axis.part_day:          # whole days of minutes at a time
            left = d
            while True:
                end = self._day_bounds(i)[1]
                if left <= end - i:
                    return 2 * (i + left) - 1
                left -= end - i
                i = self._next(end, 1)
        for _ in range(d - 1):
            i = self._next(i + 1, 1)
        return 2 * (i + 1) - 1

    def start_before(self, f: int, d: int) -> int:
        """The start from which ``d`` of these working days finish at key ``f``."""
        if not d:
            return f
        i = self._next((f + 1) // 2 - 1, -1)
        if self.axis.part_day:
            left = d
            while True:
                first = self._day_bounds(i)[0]
                if left <= i - first + 1:
                    return 2 * (i - left + 1)
                left -= i - first + 1
                i = self._next(first - 1, -1)
        for _ in range(d - 1):
            i = self._next(i - 1, -1)
        return 2 * i

    def add(self, k: int, n: int) -> int:
        """Key ``k`` moved by ``n`` of these working days (a lag)."""
        if n > 0:
            return self.finish_after(self.start_at_or_after(k), n)
        if n < 0:
            return self.start_before(self.finish_at_or_before(k), -n)
        return k


class TaskDays:
    """A task's working days: one :class:`Days` per assignment (``groups``: its resource's
    calendar with the task's), or the task calendar's alone.  As in MS Project, the task
    starts when its first assignment can and finishes when its last one is done.  ``lags``:
    the days a lag into the task counts on (its task calendar's; None: the plan's days)."""

    __slots__ = ("groups", "lags")

    def __init__(self, groups: list[Days], lags: Days | None = None):
        self.groups = groups
        self.lags = lags

    def start_at_or_after(self, k: int) -> int:
        return min(g.start_at_or_after(k) for g in self.groups)

    def ends_work(self, k: int) -> bool:
        """Whether key ``k`` is the end of a working day of the task (16:00)."""
        return bool(k & 1) and any(g.works((k - 1) // 2) for g in self.groups)

    def start_at_or_before(self, k: int) -> int:
        return max(g.start_at_or_before(k) for g in self.groups)

    def finish_after(self, k: int, d: int) -> int:
        return max(g.finish_after(g.start_at_or_after(k), d) for g in self.groups) if d else k

    def start_before(self, f: int, d: int) -> int:
        return min(g.start_before(f, d) for g in self.groups) if d else f

    def add(self, k: int, n: int) -> int:
        """Key ``k`` moved by ``n`` working days of the task (its first assignment's)."""
        return min(g.add(k, n) for g in self.groups)

    def spans(self, start: int, finish: int) -> list[tuple[int, int]]:
        """The runs of positions from key ``start`` to key ``finish`` on which the task works
        (some assignment does), as ``[(first, end)]`` with ``end`` excluded."""
        out: list = []
        for p in range((start + 1) // 2, (finish + 1) // 2):
            if any(g.works(p) for g in self.groups):
                if out and out[-1][1] == p:
                    out[-1] = (out[-1][0], p + 1)
                else:
                    out.append((p, p + 1))
        return out


def lag_add(days: TaskDays, k: int, lag: int) -> int:
    """Key ``k`` moved by a lag into the task of ``days``: on its task calendar's days, else on
    the plan's."""
    if days.lags is not None:
        return days.lags.add(k, lag)
    return add_work(k, lag)


def forward_masked(i, days: TaskDays, d, preds, c, delay, es, ef, pstart, add_elapsed,
                   late=None, floor=None) -> None:
    """The forward pass for task ``i`` of ``d`` of its own working days (``late``: the late
    keys to use for the links from ALAP predecessors, in the pass after the backward one)."""
    k = pstart if not preds else -1 << 62
    for p, typ, lag, el in preds:
        pes, pef = late(p) if late is not None else (es[p], ef[p])
        x = pef if typ == FS or typ == FF else pes
        if lag:
            x = add_elapsed(x, lag) if el else lag_add(days, x, lag)
        if typ == FF or typ == SF:          # a bound on the finish (the same moment of its
            x = days.start_before(x, d) if d else x      # working time: its last day before)
            if typ == FF and x < pstart:
                x = pstart
        if x > k:
            k = x
    if floor is not None and k < floor:
        k = floor                           # work not started waits for the status date
    if d or not days.ends_work(k):
        k = days.start_at_or_after(k)     # (a milestone may stay at the end of working time)
    if delay:
        k = days.start_at_or_after(days.add(k, delay) + 1)
    if c is not None:
        code = c[0]
        if code == MSO:
            k = c[1]                        # kept, also on a day the task does not work
        elif code == SNET and k < c[1]:
            k = days.start_at_or_after(c[1]) if d else c[1]
        elif code == SNLT and k > c[1]:
            k = days.start_at_or_before(c[1]) if d else c[1]
        elif code in (FNET, FNLT, MFO):
            bound = days.start_before(c[2], d) if d else c[2]
            if code == MFO or (code == FNET and k < bound) or (code == FNLT and k > bound):
                k = bound
    es[i] = k
    ef[i] = days.finish_after(k, d) if d else k


def backward_masked(i, days: TaskDays, d, succs, c, deadline, ls, lf, pfinish, link_finish,
                    add_elapsed) -> None:
    """The backward pass for task ``i`` of ``d`` of its own working days."""
    k = pfinish
    for s, typ, lag, el in succs:
        x = link_finish(typ, lag, el, ls[s], lf[s], 0, add_elapsed)
        if typ == SS or typ == SF:
            x = days.finish_after(days.start_at_or_before(x + (x & 1)), d)
        if x < k:
            k = x
    if c is not None:
        code = c[0]
        if code == MSO:
            k = days.finish_after(days.start_at_or_after(c[1]), d)
        elif code == MFO:
            k = c[2]
        elif code == SNLT:
            k = min(k, days.finish_after(days.start_at_or_before(c[1]), d))
        elif code == FNLT and k > c[2]:
            k = c[2]
    if deadline is not None and k > deadline:
        k = deadline
    if not k & 1:
        k -= 1              # the late finish is a moment: kept even where the task does not work
    lf[i] = k
    ls[i] = days.start_before(k, d) if d else k


def masked_link_finish(typ, lag, sls, slf, d, succ: TaskDays, link_finish) -> int:
    """``link_finish`` (:func:`~planner.schedule.passes.link_finish`) for a link with a lag
    in working days into a task with its own days: the lag is taken off on the successor's
    days."""
    if typ == SS:
        return add_work(lag_add(succ, sls + (sls & 1), -lag), d)
    return lag_add(succ, link_finish(typ, 0, False, sls, slf, d, None), -lag)
