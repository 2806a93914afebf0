"""The resource-critical path of a levelled plan: the chain of driving links and resource waits
that sets the finish once ``leveling_delay`` is set on some task.

Float is computed from links alone, so after levelling the tasks whose float is 0 are no longer
the ones that decide the finish: a task delayed for a resource starts when another task using
that resource finishes, and the chain that sets the finish runs through that wait.  This is MS
Project's "resource-critical" idea; the walk goes back from the tasks that finish last:

* through every link that drives a task's early start (or finish) exactly;
* at a task with a levelling delay and no driving link, to the tasks that released the
  resource: those using a resource that would have been over its capacity had the task
  started one working day earlier, and that finish exactly at its start.

A wait with no such releaser (an absence, or a delay typed by hand) ends the chain there.
"""
from __future__ import annotations

from .keys import FF, FS, SS, pos
from .result import Schedule

EPS = 1e-9


def is_levelled(sched: Schedule) -> bool:
    """True when some task of the plan has a levelling delay."""
    return any(sched.net.delay)


def resource_critical(sched: Schedule) -> list[bool] | None:
    """Per task (plan order): on the resource-critical path; None for a plan without levelling
    delays.  Summaries are never marked.

    >>> import datetime as dt
    >>> from planner.model import Assignment, CalendarDef, Link, Plan, Resource, Task
    >>> from planner.schedule import schedule
    >>> use = [Assignment("r")]
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("a", "A", 3, assignments=use), Task("b", "B", 2, assignments=use,
    ...     leveling_delay=3), Task("c", "C", 1, predecessors=[Link("b")]),
    ...     Task("d", "D", 1)], resources=[Resource("r", "R")])
    >>> sched = schedule(plan)
    >>> resource_critical(sched), sched.critical
    ([True, True, True, False], [False, True, True, False])
    """
    if not is_levelled(sched):
        return None
    net = sched.net
    marked = [False] * len(sched.plan.tasks)
    stack = sorted(i for i in net.order if sched.ef[i] == sched.project_finish_key)
    while stack:
        i = stack.pop()
        if marked[i]:
            continue
        marked[i] = True
        drivers = exact_drivers(sched, i)
        if not drivers and net.delay[i]:
            drivers = releasers(sched, i)
        stack.extend(p for p in drivers if not marked[p])
    return marked


def exact_drivers(sched: Schedule, i: int) -> list[int]:
    """The predecessors whose link sets task ``i``'s early start or finish exactly (a link a
    constraint overrides has room, so it is left out)."""
    out = []
    for p, typ, lag, el in sched.driving_predecessors(i):
        if el:
            out.append(p)
            continue
        a = sched.ef[p] if typ in (FS, FF) else sched.es[p]
        b = sched.es[i] if typ in (FS, SS) else sched.ef[i]
        if pos(b) - pos(a) == lag:
            out.append(p)
    return out


def releasers(sched: Schedule, i: int) -> list[int]:
    """The tasks whose finish let the delayed task ``i`` start: they use a resource of ``i``
    that a start one working day earlier would have over-allocated, and finish at its start."""
    plan = sched.plan
    start = pos(sched.es[i])
    day = start - 1
    capacity = {r.id: r.capacity for r in plan.resources}
    need = {}
    for a in plan.tasks[i].assignments:
        if a.units > 0:
            need[a.resource] = need.get(a.resource, 0.0) + a.units
    out = set()
    for r, units in sorted(need.items()):
        users = [j for j in sched.net.order if j != i and _units(plan.tasks[j], r) > 0
                 and pos(sched.es[j]) <= day < pos(sched.ef[j])]
        load = sum(_units(plan.tasks[j], r) for j in users)
        if load + units <= capacity.get(r, 0.0) + EPS:
            continue
        out.update(j for j in users if pos(sched.ef[j]) == start)
    return sorted(out)


def _units(task, resource: str) -> float:
    return sum(a.units for a in task.assignments if a.resource == resource)


def resource_critical_ids(sched: Schedule) -> list[str] | None:
    """The resource-critical leaf tasks in order of early start (plan order breaks ties), or
    None for a plan without levelling delays."""
    marked = resource_critical(sched)
    if marked is None:
        return None
    crit = sorted((i for i in sched.net.order if marked[i]), key=lambda i: (sched.es[i], i))
    return [sched.net.ids[i] for i in crit]
