"""Resource loads per working day and per ISO week, and the over-allocations (days above
capacity, or work while absent) merged into periods: what ``planner load`` shows."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..schedule import Schedule, pos
from .compile import absent_spans


@dataclass
class WeekLoad:
    week: str                    # ISO week, e.g. 2023-W47
    monday: dt.date
    work: float                  # person-days of work assigned in the week
    available: float             # person-days the resource can give (capacity x days present)
    peak: float                  # the highest load on one day, in units
    over: bool                   # over capacity (or working while absent) on some day


@dataclass
class OverAllocation:
    first: dt.date
    last: dt.date
    days: int                    # working days
    peak: float                  # units in use on the worst day
    tasks: list                  # ids of the tasks using the resource then


@dataclass
class ResourceLoad:
    id: str
    name: str
    capacity: float
    assumption: bool
    daily: dict                  # working-day index -> units in use
    absent: set                  # working-day indices of absences
    weeks: list
    over: list

    @property
    def peak(self) -> float:
        return max(self.daily.values(), default=0.0)


def resource_loads(sched: Schedule) -> list:
    """Load of every resource of ``sched.plan`` per working day and per ISO week, with the
    over-allocations (days above capacity, or work while absent) merged into periods.  In a
    tracked schedule a started task loads its done part and its remaining work, and only days
    after the status date count as over-allocated (the past cannot be levelled)."""
    plan = sched.plan
    prog = sched.progress
    past = pos(prog.status_key) if prog is not None else None
    cal = sched.calendar
    first = pos(sched.project_start_key)
    last = max(pos(sched.project_finish_key) - 1, first)
    out = []
    for r in plan.resources:
        daily: dict = {}
        who: dict = {}
        for i, t in enumerate(plan.tasks):
            if t.summary or not sched.duration[i]:
                continue
            for a in t.assignments:
                if a.resource != r.id:
                    continue
                for lo_x, hi_x in sched.work_spans(i):     # (a split task: two spans)
                    for x in range(lo_x, hi_x):
                        daily[x] = daily.get(x, 0.0) + a.units
                        who.setdefault(x, []).append(t.id)
        absent = set()
        for a, b in absent_spans(plan, r, cal):
            absent.update(range(a, b))
        lo = min([first] + list(daily))
        hi = max([last] + list(daily))
        weeks: list = []
        by_label: dict = {}
        monday = cal.date(lo) - dt.timedelta(days=cal.date(lo).weekday())
        end = cal.date(hi)
        while monday <= end:            # every ISO week, also those without working days
            iso = monday.isocalendar()
            w = WeekLoad(f"{iso[0]}-W{iso[1]:02d}", monday, 0.0, 0.0, 0.0, False)
            weeks.append(w)
            by_label[w.monday] = w
            monday += dt.timedelta(days=7)
        for x in range(lo, hi + 1):
            d = cal.date(x)
            w = by_label[d - dt.timedelta(days=d.weekday())]
            u = daily.get(x, 0.0)
            w.work += u
            if x not in absent:
                w.available += r.capacity
            w.peak = max(w.peak, u)
            if _over(u, r.capacity, x in absent) and (past is None or x >= past):
                w.over = True
        over: list = []
        prev = None
        for x in sorted(daily):
            u = daily[x]
            if not _over(u, r.capacity, x in absent) or past is not None and x < past:
                continue
            if over and prev == x - 1:
                o = over[-1]
                o.last = cal.date(x)
                o.days += 1
                o.peak = max(o.peak, u)
                o.tasks.extend(tid for tid in who[x] if tid not in o.tasks)
            else:
                over.append(OverAllocation(cal.date(x), cal.date(x), 1, u, list(who[x])))
            prev = x
        for w in weeks:
            w.work = round(w.work, 6)
            w.available = round(w.available, 6)
        out.append(ResourceLoad(r.id, r.name, r.capacity, r.assumption, daily, absent, weeks,
                                over))
    return out


def _over(units: float, capacity: float, absent: bool) -> bool:
    return units > capacity + 1e-9 or (absent and units > 1e-9)
