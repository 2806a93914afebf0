"""A plan compiled to integers: the :class:`Network` the passes run over, its link and cycle
errors, and an order of the leaves that respects every link."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar import WorkCalendar
from ..errors import PlanError
from ..model import Plan
from .keys import CONSTRAINT_CODE, TYPE_CODE


@dataclass(slots=True)
class Network:
    """A plan compiled to integers: task ``i`` is ``plan.tasks[i]``.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Constraint, Plan, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("p", "Phase", summary=True),
    ...     Task("a", "Design", 3, parent="p", constraint=Constraint("SNET", dt.date(2024, 1, 3)))])
    >>> net = compile_plan(plan, WorkCalendar(plan.calendar, plan.start))
    >>> net.summary, net.parent, net.dur, net.order
    ([True, False], [-1, 0], [0, 3], [1])
    >>> net.constraint[1]       # (SNET = 4, start key, finish key) of 3 January
    (4, 4, 5)
    """

    ids: list
    index: dict
    summary: list            # bool
    dur: list                # working days (0 for summaries until rolled up)
    parent: list             # index or -1
    links: list              # per task: [(pred, type, lag, elapsed)] as in the plan
    leaf_preds: list         # per leaf: [(pred, type, lag, elapsed)] incl. expanded summary logic
    leaf_succs: list
    order: list              # leaves in an order that respects every link
    constraint: list         # (code, start_key, finish_key) or None
    deadline_key: list       # finish key or None
    delay: list              # levelling delay, working days
    summary_links: list      # links with a summary at either end, expanded after a first pass
    fixed: dict | None = None    # manual tasks: {task: (start key, finish key)} (special.py)
    elapsed: dict | None = None  # tasks with elapsed durations: {task: calendar days}
    split: list | None = None    # split tasks (their span is in ``dur``)
    linked_from: set | None = None   # with manual tasks: the tasks a plan's own link leaves
    masked: dict | None = None   # tasks with calendars: {task: masks.TaskDays}
    special: set | None = None   # every task in fixed, elapsed or masked (one test per task)
    progress: object = None  # a tracked plan's progress (progress.Progress), else None


def compile_plan(plan: Plan, cal: WorkCalendar) -> Network:
    """Compile ``plan`` to a :class:`Network` on ``cal``'s time keys; a bad id, link, cycle,
    summary constraint or out-of-range date raises :class:`~planner.errors.PlanError`.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3), Task("b", "Build", 2, predecessors=[Link("a")])])
    >>> cal = WorkCalendar(plan.calendar, plan.start)
    >>> net = compile_plan(plan, cal)
    >>> net.order, net.leaf_preds[1], net.leaf_succs[0]     # (task, type FS = 0, lag, elapsed)
    ([0, 1], [(0, 0, 0, False)], [(1, 0, 0, False)])
    >>> plan.tasks[0].predecessors.append(Link("b"))
    >>> compile_plan(plan, cal)
    Traceback (most recent call last):
    ...
    planner.errors.PlanError: dependency cycle: a -> b -> a (each task waits for the one before it)
    """
    tasks = plan.tasks
    n = len(tasks)
    ids = [t.id for t in tasks]
    index = {tid: i for i, tid in enumerate(ids)}
    if len(index) != n:
        seen: dict = {}
        for i, t in enumerate(tasks):
            if t.id in seen:
                raise PlanError(f"duplicate task id {t.id!r} (first used by task "
                                f"{tasks[seen[t.id]].name!r})", path=t.src + ("id",))
            seen[t.id] = i
    summary = [t.summary for t in tasks]
    parent = [-1 if t.parent is None else index[t.parent] for t in tasks]
    dur = [0 if t.summary else t.duration for t in tasks]
    code = TYPE_CODE
    links = [None] * n
    leaf_preds = links
    summary_links = []
    try:
        links = [[(index[lk.pred], code[lk.type], lk.lag, lk.lag_unit == "ed")
                  for lk in t.predecessors] for t in tasks]
    except KeyError:
        raise _link_error(plan, index) from None
    leaf_preds = links
    summary_ids = {t.id for t in tasks if t.summary}
    if summary_ids and (any(t.predecessors for t in tasks if t.summary) or not summary_ids
                        .isdisjoint({lk.pred for t in tasks for lk in t.predecessors})):
        leaf_preds = list(links)
        for s, preds in enumerate(links):
            if preds and (summary[s] or any(summary[x[0]] for x in preds)):
                summary_links.extend((p, s, typ, lag, el) for p, typ, lag, el in preds
                                     if summary[p] or summary[s])
                leaf_preds[s] = [x for x in preds if not (summary[x[0]] or summary[s])]
    leaf_succs = [[] for _ in range(n)]
    for s in range(n):
        for p, typ, lag, el in leaf_preds[s]:
            leaf_succs[p].append((s, typ, lag, el))
    constraint = [None] * n
    deadline_key = [None] * n
    delay = [0] * n
    for i, t in enumerate(tasks):
        c = t.constraint
        if c is not None and c.type != "ASAP":
            if t.summary:
                raise PlanError(f"summary task {t.id} has a constraint ({c.type}); "
                                f"MS Project-compatible scheduling does not apply constraints "
                                f"of summary tasks: put it on its subtasks",
                                path=c.src or t.src)
            cc = CONSTRAINT_CODE[c.type]
            if c.date is not None:
                _check_date(cal, c.date, c.src or t.src)
                constraint[i] = (cc, cal.start_key(c.date), cal.finish_key(c.date))
            else:
                constraint[i] = (cc, None, None)
        if t.deadline is not None:
            _check_date(cal, t.deadline, t.src + ("deadline",))
            deadline_key[i] = cal.finish_key(t.deadline)
        if t.leveling_delay:
            delay[i] = t.leveling_delay
    net = Network(ids, index, summary, dur, parent, links, leaf_preds, leaf_succs, [],
                  constraint, deadline_key, delay, summary_links)
    net.order = _leaf_order(net, plan)
    return net


def _link_error(plan: Plan, index: dict) -> PlanError:
    """The first link that names a missing task or the task itself."""
    for t in plan.tasks:
        for k, link in enumerate(t.predecessors):
            src = link.src or t.src + ("predecessors", k)
            if link.pred not in index:
                return PlanError(f"task {t.id} has a predecessor {link.pred!r} that is not in "
                                 f"the plan", path=src)
            if link.pred == t.id:
                return PlanError(f"task {t.id} is its own predecessor", path=src)
    return PlanError("a link names an unknown task")


def _check_date(cal: WorkCalendar, d: dt.date, src) -> None:
    c = cal.cal
    if not c.first_year <= d.year <= c.last_year:
        raise PlanError(f"date {d.isoformat()} is outside the years {c.first_year}-{c.last_year} "
                        f"that calendar {c.name!r} covers", path=src)


def _leaf_order(net: Network, plan: Plan) -> list:
    """Leaves in plan order when that order already respects every link (the usual case, and
    O(links) to check); otherwise a topological order from networkx, or a cycle error."""
    n = len(net.ids)
    summary = net.summary
    leaves = [i for i in range(n) if not summary[i]]
    ok = True
    for s in leaves:
        for p, *_ in net.leaf_preds[s]:
            if p >= s:
                ok = False
                break
        if not ok:
            break
    if ok:
        return leaves
    return topological_order(net, plan, leaves)


def topological_order(net: Network, plan: Plan, leaves) -> list:
    """``leaves`` in the smallest-index-first topological order of ``net.leaf_preds``, or the
    :class:`~planner.errors.PlanError` that names a cycle.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Test", 1, predecessors=[Link("b")]), Task("b", "Build", 2)])
    >>> net = compile_plan(plan, WorkCalendar(plan.calendar, plan.start))
    >>> topological_order(net, plan, [0, 1])
    [1, 0]
    """
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(leaves)
    for s in leaves:
        for p, *_ in net.leaf_preds[s]:
            g.add_edge(p, s)
    try:
        return list(nx.lexicographical_topological_sort(g))
    except nx.NetworkXUnfeasible:
        raise _cycle_error(net, plan, g) from None


def _cycle_error(net: Network, plan: Plan, g) -> PlanError:
    import networkx as nx

    cycle = nx.find_cycle(g)
    nodes = [u for u, _v in cycle]
    # start the report at the task that comes first in the plan, so the message is stable
    k = nodes.index(min(nodes))
    nodes = nodes[k:] + nodes[:k]
    chain = " -> ".join(net.ids[i] for i in nodes + [nodes[0]])
    first = plan.tasks[nodes[0]]
    return PlanError(f"dependency cycle: {chain} (each task waits for the one before it)",
                     path=first.src + ("predecessors",))
