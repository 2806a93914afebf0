"""Summary tasks and floats: MS Project's summary logic (links to or from a summary expanded to
its subtasks), the roll-up of subtask dates into summaries, total and free float."""
from __future__ import annotations

from ..errors import PlanError
from ..model import Plan
from .keys import ELAPSED_DAY_IN_DAYS, FF, FS, SF, SS, pos
from .network import Network, topological_order


def _all_leaves(net: Network, kids: dict, i: int) -> list:
    out = []
    stack = [i]
    while stack:
        j = stack.pop()
        for c in kids.get(j, ()):
            if net.summary[c]:
                stack.append(c)
            else:
                out.append(c)
    return sorted(out)


def _subtask_order(net: Network, kids: dict, i: int) -> list:
    """The leaves under summary ``i`` in the order MPXJ's ``allChildTasks`` lists them: the
    summary's own leaf children first, then those of each summary child, depth first."""
    children = kids.get(i, ())
    out = [c for c in children if not net.summary[c]]
    for c in children:
        if net.summary[c]:
            out.extend(_subtask_order(net, kids, c))
    return out


def _link_src(plan: Plan, p: int, s: int) -> tuple:
    t = plan.tasks[s]
    pid = plan.tasks[p].id
    for k, link in enumerate(t.predecessors):
        if link.pred == pid:
            return link.src or t.src + ("predecessors", k)
    return t.src


def expand_summary_links(net: Network, plan: Plan, es) -> None:
    """MS Project's summary logic: a link into a summary binds each of its subtasks; an FS/FF
    link out of a summary binds each subtask's finish, an SS/SF link its earliest subtask (by
    ``es``, the early starts of a first forward pass).  Adds the expanded links to
    ``net.leaf_preds``/``leaf_succs`` and orders the leaves again.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> from planner.schedule import compile_plan
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("p", "Phase", summary=True), Task("a", "Design", 3, parent="p"),
    ...     Task("b", "Build", 2, parent="p"), Task("c", "Go-live", 0, predecessors=[Link("p")])])
    >>> net = compile_plan(plan, WorkCalendar(plan.calendar, plan.start))
    >>> net.leaf_preds[3], net.summary_links
    ([], [(0, 3, 0, 0, False)])
    >>> expand_summary_links(net, plan, [0, 0, 0, 0])
    >>> [p for p, *_ in net.leaf_preds[3]]      # the go-live waits for both subtasks
    [1, 2]
    """
    kids: dict[int, list] = {}
    for i, p in enumerate(net.parent):
        if p >= 0:
            kids.setdefault(p, []).append(i)
    for p, s, typ, lag, el in net.summary_links:
        src = _link_src(plan, p, s)
        preds = [p]
        if net.summary[p]:
            subs = _all_leaves(net, kids, p)
            if not subs:
                raise PlanError(f"summary task {net.ids[p]} has no subtasks to link from",
                                path=src)
            if typ in (SS, SF):
                # the earliest subtask; on a tie the first in MPXJ's allChildTasks order
                preds = [min(_subtask_order(net, kids, p), key=es.__getitem__)]
            else:
                preds = subs
        succs = _all_leaves(net, kids, s) if net.summary[s] else [s]
        for a in preds:
            for b in succs:
                if a == b:
                    raise PlanError(f"task {net.ids[b]} depends on its own summary "
                                    f"{net.ids[p] if net.summary[p] else net.ids[s]}", path=src)
                if net.leaf_preds[b] is net.links[b]:
                    # still the plan's own list: copy it, so that the expanded links do not
                    # become links of the plan (free slack only looks at the plan's links)
                    net.leaf_preds[b] = list(net.links[b])
                net.leaf_preds[b].append((a, typ, lag, el))
                net.leaf_succs[a].append((b, typ, lag, el))
    leaves = [i for i in range(len(net.ids)) if not net.summary[i]]
    net.order = topological_order(net, plan, leaves)


def rollup(net: Network, plan: Plan, es, ef, ls, lf, start, finish, dur, alap) -> None:
    """Roll the leaves' keys up into their summaries, deepest first: a summary spans its
    subtasks' ``start``/``finish``, early (an ALAP subtask's late) and late dates (a manual
    subtask's own dates, as MS Project rolls it up), and ``dur`` gets its working-day span.  A summary with no subtasks raises
    :class:`~planner.errors.PlanError`.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("p", "Phase", summary=True), Task("a", "Design", 3, parent="p"),
    ...     Task("b", "Build", 2, parent="p")])
    >>> from planner.calendar import WorkCalendar
    >>> from planner.schedule import compile_plan
    >>> net = compile_plan(plan, WorkCalendar(plan.calendar, plan.start))
    >>> es, ef, ls, lf = [0, 0, 6], [0, 5, 9], [0, 0, 6], [0, 5, 9]
    >>> start, finish, dur = list(es), list(ef), [0, 3, 2]
    >>> rollup(net, plan, es, ef, ls, lf, start, finish, dur, [False] * 3)
    >>> start[0], finish[0], dur[0]
    (0, 9, 5)
    """
    n = len(net.ids)
    summary = net.summary
    fixed = net.fixed
    if fixed is None:
        _rollup_keys(net, plan, es, ef, ls, lf, start, finish, alap)
    else:
        # a manual subtask rolls up its own dates, also into its summaries' late dates
        rls, rlf = list(ls), list(lf)
        for i in fixed:
            rls[i], rlf[i] = es[i], ef[i]
        _rollup_keys(net, plan, es, ef, rls, rlf, start, finish, alap)
        for i in range(n):
            if summary[i]:
                ls[i], lf[i] = rls[i], rlf[i]
    for i in range(n):
        if summary[i]:
            dur[i] = pos(finish[i]) - pos(start[i])


def _rollup_keys(net: Network, plan: Plan, es, ef, ls, lf, start, finish, alap) -> None:
    n = len(net.ids)
    summary = net.summary
    parent = net.parent
    seen = [False] * n
    for i in range(n - 1, -1, -1):
        p = parent[i]
        if summary[i] and not seen[i]:
            raise PlanError(f"summary task {net.ids[i]} has no subtasks", path=plan.tasks[i].src)
        if p < 0:
            continue
        if alap[i]:
            ces, cef = ls[i], lf[i]
        else:
            ces, cef = es[i], ef[i]
        if not seen[p]:
            seen[p] = True
            start[p], finish[p] = start[i], finish[i]
            es[p], ef[p], ls[p], lf[p] = ces, cef, ls[i], lf[i]
        else:
            if start[i] < start[p]:
                start[p] = start[i]
            if finish[i] > finish[p]:
                finish[p] = finish[i]
            if ces < es[p]:
                es[p] = ces
            if cef > ef[p]:
                ef[p] = cef
            if ls[i] < ls[p]:
                ls[p] = ls[i]
            if lf[i] > lf[p]:
                lf[p] = lf[i]


def total_float(es, ef, ls, lf, alap) -> list:
    """Total float in working days: min(start float, finish float); 0 for an ALAP task.

    >>> total_float([0, 6], [5, 9], [0, 8], [5, 11], [False, False])
    [0, 1]
    """
    n = len(es)
    total = [0] * n
    for i in range(n):
        if alap[i]:
            continue
        a = (ls[i] + 1) // 2 - (es[i] + 1) // 2
        b = (lf[i] + 1) // 2 - (ef[i] + 1) // 2
        total[i] = a if a < b else b
    return total


def free_float(net: Network, start, finish, total) -> list:
    """Free float in working days: the least gap over a task's own links (not those summary
    logic expanded) to a successor, else its total float; never negative.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> from planner.schedule import compile_plan
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3), Task("b", "Build", 2, predecessors=[Link("a")])])
    >>> net = compile_plan(plan, WorkCalendar(plan.calendar, plan.start))
    >>> free_float(net, [0, 8], [5, 11], [1, 0])    # b starts a day after a finishes
    [1, 0]
    """
    n = len(net.ids)
    free = [None] * n
    summary = net.summary
    state = net.progress.state if net.progress is not None else None
    for s, preds in enumerate(net.links):
        if state is not None and state[s] == 2:
            continue                    # a done successor leaves no free float to use (MPXJ)
        for p, typ, lag, el in preds:
            if summary[p]:
                continue
            a = finish[p] if typ == FS or typ == FF else start[p]
            b = start[s] if typ == FS or typ == SS else finish[s]
            gap = (b + 1) // 2 - (a + 1) // 2 - (lag * ELAPSED_DAY_IN_DAYS if el else lag)
            f = free[p]
            if f is None or gap < f:
                free[p] = gap
    for i in range(n):
        f = free[i]
        if f is None:
            f = total[i]
        free[i] = f if f > 0 else 0
    return free
