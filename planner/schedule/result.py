"""The result of scheduling a plan: time keys per task, and the questions asked of them (dates,
rows, the critical path, driving links, missed deadlines)."""
from __future__ import annotations

import datetime as dt

from ..calendar import WorkCalendar
from ..model import Plan
from .keys import ELAPSED_DAY_IN_DAYS, FF, FS, SS, pos
from ..working_time import to_days, to_positions
from .network import Network


class Schedule:
    """The result of scheduling a plan: keys per task plus helpers that give dates.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("a", "Design", 3), Task("b", "Build", 2, predecessors=[Link("a")]),
    ...     Task("c", "Train", 1, predecessors=[Link("a")], deadline=dt.date(2024, 1, 3))])
    >>> sched = schedule(plan)
    >>> sched.project_start, sched.project_finish, sched.project_duration
    (datetime.date(2024, 1, 1), datetime.date(2024, 1, 5), 5)
    >>> row = sched.row(sched.i("c"))
    >>> row["start"], row["total_float_days"], row["free_float_days"]
    (datetime.date(2024, 1, 4), -1, 0)
    >>> sched.critical_tasks(), sched.critical_paths()
    (['a', 'b', 'c'], [['a', 'b'], ['a', 'c']])
    >>> sched.driving_predecessors(sched.i("b"))     # (task, type FS = 0, lag, elapsed)
    [(0, 0, 0, False)]
    >>> sched.missed_deadlines()
    [('c', datetime.date(2024, 1, 3), datetime.date(2024, 1, 4))]
    """

    def __init__(self, plan: Plan, cal: WorkCalendar, net: Network, es, ef, ls, lf,
                 start, finish, dur, total, free, critical, project_start, project_finish):
        self.plan = plan
        self.calendar = cal
        self.net = net
        self.es, self.ef, self.ls, self.lf = es, ef, ls, lf
        self.start, self.finish = start, finish
        self.duration = dur
        self.total_float, self.free_float = total, free
        self.critical = critical
        self.project_start_key = project_start
        self.project_finish_key = project_finish
        #: positions per working day: 1 (whole days), or the minutes of a part-day plan's day
        self.scale = getattr(cal, "scale", 1)

    @property
    def progress(self):
        """The progress of a tracked plan (:class:`~planner.schedule.progress.Progress`:
        states, actual keys, done and remaining days, stop/resume of started tasks,
        out-of-sequence links), or None."""
        return self.net.progress

    def work_spans(self, i: int) -> list[tuple[int, int]]:
        """The working days leaf ``i`` works on, as ``[(first, end)]`` position ranges (end
        excluded): one span, or the done part and the remaining work of a started task, the
        parts of a split task, the runs of days a task on its own calendar works."""
        prog = self.net.progress
        if prog is not None and prog.state[i] == 1:
            a, r = (prog.astart[i] + 1) // 2, (prog.resume[i] + 1) // 2
            spans = [(a, a + prog.actual[i]), (r, r + prog.remaining[i])]
            return [s for s in spans if s[1] > s[0]]
        if self.plan.tasks[i].pauses:                   # a split task (special.py)
            from .special import work_spans

            return work_spans(self.plan, self.start[i], i)
        masked = self.net.masked
        if masked is not None and i in masked:          # a task on its own calendar's days
            return masked[i].spans(self.start[i], self.finish[i])
        s = (self.start[i] + 1) // 2
        d = self.duration[i] if self.scale == 1 else to_positions(self.duration[i], self.scale)
        return [(s, s + d)] if d else []

    # -- dates --------------------------------------------------------------------------------
    def date(self, key: int) -> dt.date:
        return self.calendar.date(key // 2)

    @property
    def project_start(self) -> dt.date:
        return self.date(self.project_start_key)

    @property
    def project_finish(self) -> dt.date:
        return self.date(self.project_finish_key)

    @property
    def project_duration(self) -> int | float:
        """Working days from the project's start to its finish."""
        return to_days(pos(self.project_finish_key) - pos(self.project_start_key), self.scale)

    def datetime(self, key: int) -> dt.datetime:
        """The moment of ``key``: its date at the calendar's start or finish of work in a
        whole-day plan, the working minute's time in a part-day plan."""
        cal = self.calendar
        if self.scale != 1:
            return cal.key_datetime(key)
        from ..working_time import intervals

        hours = intervals(cal.cal.hours) or ((480, 960),)
        minute = hours[-1][1] if key & 1 else hours[0][0]
        return dt.datetime.combine(self.date(key), dt.time()) + dt.timedelta(minutes=minute)

    def i(self, task_id: str) -> int:
        return self.net.index[task_id]

    def row(self, i: int) -> dict:
        """Everything about task ``i`` with dates as ``datetime.date``."""
        t = self.plan.tasks[i]
        d = self.date
        return {
            "id": t.id, "name": t.name, "outline_level": t.outline_level,
            "summary": t.summary, "milestone": t.milestone,
            "duration_days": self.duration[i],
            "start": d(self.start[i]), "finish": d(self.finish[i]),
            "early_start": d(self.es[i]), "early_finish": d(self.ef[i]),
            "late_start": d(self.ls[i]), "late_finish": d(self.lf[i]),
            "total_float_days": self.total_float[i], "free_float_days": self.free_float[i],
            "critical": self.critical[i],
        }

    # -- critical path ------------------------------------------------------------------------
    def critical_tasks(self) -> list[str]:
        """Critical leaf tasks in order of early start (plan order breaks ties)."""
        net = self.net
        crit = [i for i in net.order if self.critical[i]]
        crit.sort(key=lambda i: (self.es[i], i))
        return [net.ids[i] for i in crit]

    def link_gap(self, p: int, s: int, typ: int, lag: int, elapsed: bool) -> int:
        """Working days the link p -> s could absorb before it moves s (0 = driving)."""
        a = self.finish[p] if typ in (FS, FF) else self.start[p]
        b = self.start[s] if typ in (FS, SS) else self.finish[s]
        gap = pos(b) - pos(a) - (lag * ELAPSED_DAY_IN_DAYS * self.scale if elapsed else lag)
        return to_days(gap, self.scale)

    def driving_predecessors(self, i: int, before_delay: bool = False) -> list[tuple]:
        """Links into leaf ``i`` that set its early start: [(pred, type, lag, elapsed)].
        ``before_delay``: the links that set it before its levelling delay was added."""
        out = []
        prog = self.net.progress
        if prog is not None and prog.state[i]:
            if prog.state[i] == 2 or not prog.retained:
                return out              # its actual start is not driven by a link
            from .passes import link_start

            cal = self.calendar         # retained logic: links that hold the remaining work
            for p, typ, lag, el in self.net.leaf_preds[i]:
                x = link_start(typ, lag, el, self.es[p], self.ef[p], prog.remaining[i],
                               self.project_start_key, cal.add_elapsed)
                if pos(x) >= pos(prog.resume[i]):
                    out.append((p, typ, lag, el))
            return out
        shift = self.net.delay[i] if before_delay else 0
        for p, typ, lag, el in self.net.leaf_preds[i]:
            if el:
                cal = self.calendar
                src = self.ef[p] if typ in (FS, FF) else self.es[p]
                target = self.es[i] if typ in (FS, SS) else self.ef[i]
                if pos(cal.add_elapsed(src, lag)) == pos(target) - shift:
                    out.append((p, typ, lag, el))
            else:
                a = self.ef[p] if typ in (FS, FF) else self.es[p]
                b = self.es[i] if typ in (FS, SS) else self.ef[i]
                if pos(b) - shift - pos(a) - lag <= 0:
                    out.append((p, typ, lag, el))
        return out

    def critical_paths(self, limit: int = 20) -> list[list[str]]:
        """Chains of critical leaf tasks joined by driving links, from a task with no critical
        driver to one with no critical driven successor.  At most ``limit`` chains."""
        net = self.net
        crit = self.critical
        drivers = {}
        driven = {}
        for i in net.order:
            if not crit[i]:
                continue
            ds = [p for p, *_ in self.driving_predecessors(i) if crit[p]]
            drivers[i] = ds
            for p in ds:
                driven.setdefault(p, []).append(i)
        starts = sorted((i for i in drivers if not drivers[i]), key=lambda i: (self.es[i], i))
        paths: list[list[str]] = []

        def walk(i, acc):
            if len(paths) >= limit:
                return
            acc.append(i)
            nxt = sorted(set(driven.get(i, ())), key=lambda j: (self.es[j], j))
            if not nxt:
                paths.append([net.ids[j] for j in acc])
            for j in nxt:
                walk(j, acc)
            acc.pop()

        import sys
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 10 * len(drivers) + 1000))
        try:
            for s in starts:
                walk(s, [])
        finally:
            sys.setrecursionlimit(old)
        return paths

    def missed_deadlines(self) -> list[tuple[str, dt.date, dt.date]]:
        out = []
        for i, t in enumerate(self.plan.tasks):
            if t.deadline is not None and self.date(self.finish[i]) > t.deadline:
                out.append((t.id, t.deadline, self.date(self.finish[i])))
        return out
