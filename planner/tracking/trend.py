"""Milestone trend analysis: the forecast date of each milestone and phase end at each status
date.  A flat line is a stable forecast, a rising one a slipping item; an item reaches the
diagonal (forecast = status date) when it is done."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schedule import Schedule


@dataclass(slots=True)
class TrendItem:
    id: str
    name: str
    kind: str                                    # "milestone" or "phase"
    forecasts: list = field(default_factory=list)  # finish date per status date
    done: list = field(default_factory=list)       # bool per status date
    baseline: dt.date | None = None


@dataclass(slots=True)
class Trend:
    plan: str
    status_dates: list
    items: list
    baseline_date: dt.date | None = None      # when the baseline was set (its status date or
                                              # the plan start), with a baseline


def trend_items(sched: Schedule) -> list[tuple[int, str]]:
    """The tasks a trend follows: every milestone and every summary of outline level 1 or 2
    (the project and its phases), in plan order: ``[(index, kind)]``."""
    out = []
    for i, t in enumerate(sched.plan.tasks):
        if t.milestone:
            out.append((i, "milestone"))
        elif t.summary and t.outline_level <= 2:
            out.append((i, "phase"))
    return out


def milestone_trend(points: list[Schedule], baseline=None) -> Trend:
    """The trend over tracked schedules of one plan, in order of their status dates.
    ``baseline`` (a :class:`~planner.tracking.baseline.Baseline`, optional) adds each item's
    baseline finish."""
    points = sorted(points, key=lambda s: s.plan.status_date)
    first = points[0]
    items = []
    for i, kind in trend_items(first):
        t = first.plan.tasks[i]
        b = baseline.tasks.get(t.id) if baseline is not None else None
        items.append(TrendItem(t.id, t.name, kind, baseline=b.finish if b else None))
    for sched in points:
        index = sched.net.index
        prog = sched.progress
        for item in items:
            k = index.get(item.id)
            if k is None:
                item.forecasts.append(None)
                item.done.append(False)
                continue
            item.forecasts.append(sched.date(sched.finish[k]))
            item.done.append(prog is not None and prog.state[k] == 2)
    when = None
    if baseline is not None:
        when = baseline.status_date or baseline.start
    return Trend(first.plan.name, [s.plan.status_date for s in points], items, when)


def slip_days(item: TrendItem) -> int | None:
    """Calendar days the forecast moved from the first status date to the last."""
    known = [f for f in item.forecasts if f is not None]
    return (known[-1] - known[0]).days if len(known) > 1 else None
