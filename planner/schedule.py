"""Critical-path scheduling with MS Project's semantics, on integers.

:func:`schedule` compiles a :class:`~planner.model.Plan` into arrays indexed by task position and
runs the forward pass, the backward pass against the project finish, float and roll-up.  All
arithmetic is on *time keys* (see :mod:`planner.calendar`): ``2*i`` is 08:00 on working day ``i``,
``2*i - 1`` is 16:00 on working day ``i - 1``.  Dates appear only when a caller asks for them.

The rules follow MS Project as reimplemented by MPXJ's ``MicrosoftScheduler``:

* a task with no predecessors starts at the project start (or its SNET / FNET date);
* FS: successor start >= predecessor finish + lag; SS: start >= start + lag;
  FF: finish >= finish + lag (never before the project start); SF: finish >= start + lag;
* a lag moves a point by working time, so a negative lag overlaps;
* links to or from a summary task apply to its subtasks (SS/SF from a summary: from its
  earliest subtask);
* constraints: SNET, FNET, SNLT, FNLT, MSO, MFO, ALAP, and deadlines, which limit the late finish;
* tasks without successors have the project finish as late finish;
* total float = min(start float, finish float); free float is the least gap to a successor
  (the total float when there is none); critical = total float <= 0;
* summaries roll up start, finish, early and late dates and their working-day duration.
"""
from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass

from .calendar import WorkCalendar
from .errors import CheckFailed, PlanError
from .model import Plan

FS, SS, FF, SF = 0, 1, 2, 3
TYPE_CODE = {"FS": FS, "SS": SS, "FF": FF, "SF": SF}
TYPE_NAME = ("FS", "SS", "FF", "SF")

# constraint codes
ASAP, ALAP, MSO, MFO, SNET, SNLT, FNET, FNLT = range(8)
CONSTRAINT_CODE = {"ASAP": ASAP, "ALAP": ALAP, "MSO": MSO, "MFO": MFO, "SNET": SNET,
                   "SNLT": SNLT, "FNET": FNET, "FNLT": FNLT}

#: MPXJ converts an elapsed-day lag to working days at 24 h / 8 h when it computes free slack
ELAPSED_DAY_IN_DAYS = 3


def add_work(k: int, n: int) -> int:
    """Key ``k`` moved by ``n`` working days: forward lands on a finish (16:00), backward on a
    start (08:00), as MS Project's calendar arithmetic does."""
    if n > 0:
        return 2 * ((k + 1) // 2 + n) - 1
    if n < 0:
        return 2 * ((k + 1) // 2 + n)
    return k


def pos(k: int) -> int:
    """Working-time position of a key (working days since the origin)."""
    return (k + 1) // 2


@dataclass(slots=True)
class Network:
    """A plan compiled to integers: task ``i`` is ``plan.tasks[i]``."""

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


class Schedule:
    """The result of scheduling a plan: keys per task plus helpers that give dates."""

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
    def project_duration(self) -> int:
        return pos(self.project_finish_key) - pos(self.project_start_key)

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
        return pos(b) - pos(a) - (lag * ELAPSED_DAY_IN_DAYS if elapsed else lag)

    def driving_predecessors(self, i: int, before_delay: bool = False) -> list[tuple]:
        """Links into leaf ``i`` that set its early start: [(pred, type, lag, elapsed)].
        ``before_delay``: the links that set it before its levelling delay was added."""
        out = []
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


# ---------------------------------------------------------------------------------------------
def compile_plan(plan: Plan, cal: WorkCalendar) -> Network:
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
    return _topological(net, plan, leaves)


def _topological(net: Network, plan: Plan, leaves) -> list:
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


def _expand_summary_links(net: Network, plan: Plan, es) -> None:
    """MS Project's summary logic: a link into a summary binds each of its subtasks; an FS/FF
    link out of a summary binds each subtask's finish, an SS/SF link its earliest subtask."""
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
    net.order = _topological(net, plan, leaves)


# ---------------------------------------------------------------------------------------------
def _forward(net: Network, cal: WorkCalendar, es, ef, ls, lf, pstart: int, alap_pass: bool):
    dur = net.dur
    preds_of = net.leaf_preds
    constraint = net.constraint
    delay = net.delay
    add_elapsed = cal.add_elapsed
    alap = [c is not None and c[0] == ALAP for c in constraint] if alap_pass else None
    for i in net.order:
        d = dur[i]
        c = constraint[i]
        efk = None
        ps = preds_of[i]
        if not ps:
            if c is not None and c[0] == SNET:
                k = c[1]
            elif c is not None and c[0] == FNET:
                efk = c[2]
                k = add_work(efk, -d)
            else:
                k = pstart
        else:
            k = -1 << 62
            for p, typ, lag, el in ps:
                if typ == FS and not lag and not alap_pass:
                    x = ef[p]                       # the common case
                else:
                    if alap_pass and alap[p] and not alap[i]:
                        pes, pef = ls[p], lf[p]     # MS Project links to an ALAP task's late dates
                    else:
                        pes, pef = es[p], ef[p]
                    x = _link_start(typ, lag, el, pes, pef, d, pstart, add_elapsed)
                if x > k:
                    k = x
        if d and k & 1:
            k += 1                      # a task moves to the next working start
        if delay[i]:
            k = 2 * ((k + 1) // 2 + delay[i])
        if c is not None:
            code = c[0]
            if code == SNET:
                if k < c[1]:
                    k = c[1]
            elif code == FNLT:
                latest = add_work(c[2], -d)
                if k > latest:
                    k = latest
            elif code == FNET:
                earliest = add_work(c[2], -d)
                if k < earliest:
                    k = earliest
            elif code == SNLT:
                if k > c[1]:
                    k = c[1]
            elif code == MSO:
                k = c[1]
            elif code == MFO:
                efk = c[2]
                k = add_work(efk, -d)
        es[i] = k
        if efk is None:
            efk = 2 * ((k + 1) // 2 + d) - 1 if d else k
        ef[i] = efk


def _link_start(typ, lag, el, pes, pef, d, pstart, add_elapsed) -> int:
    """The earliest start key a link of type ``typ`` allows its successor (MPXJ's rules)."""
    if typ == FS:
        x = pef
    elif typ == SS:
        x = pes
    elif typ == FF:
        x = add_work(pef, -d)
    else:
        x = add_work(pes, -d)
    if lag:
        x = add_elapsed(x, lag) if el else add_work(x, lag)
    if typ == FF and x < pstart:
        x = pstart                      # an FF successor never starts before the project
    return x


def _backward(net: Network, cal: WorkCalendar, ls, lf, pfinish: int):
    dur = net.dur
    succs_of = net.leaf_succs
    constraint = net.constraint
    deadline = net.deadline_key
    add_elapsed = cal.add_elapsed
    for i in reversed(net.order):
        d = dur[i]
        k = pfinish                                 # no successor: the project finish
        for s, typ, lag, el in succs_of[i]:
            if typ == FS and not lag:
                x = ls[s]                           # the common case
            else:
                x = _link_finish(typ, lag, el, ls[s], lf[s], d, add_elapsed)
            if x < k:
                k = x                               # (never later than the project finish)
        c = constraint[i]
        if c is not None:
            code = c[0]
            if code == MSO:
                k = add_work(c[1], d)
            elif code == MFO:
                k = c[2]
            elif code == SNLT:
                latest = add_work(c[1], d)
                if k > latest:
                    k = latest
            elif code == FNLT:
                if k > c[2]:
                    k = c[2]
        dl = deadline[i]
        if dl is not None and k > dl:
            k = dl
        if not k & 1:
            k -= 1                      # 08:00 after a break is the same as 16:00 before it
        lf[i] = k
        ls[i] = 2 * ((k + 1) // 2 - d) if d else k


def _link_finish(typ, lag, el, sls, slf, d, add_elapsed) -> int:
    """The latest finish key a link of type ``typ`` allows its predecessor (MPXJ's rules)."""
    if typ == FS:
        x = sls
    elif typ == FF:
        x = slf
    elif typ == SS:
        x = sls + (sls & 1)
    else:  # SF
        x = add_work(slf, d)
    if lag:
        x = add_elapsed(x, -lag) if el else add_work(x, -lag)
    if typ == SS:
        x = add_work(x, d)
    return x


def schedule(plan: Plan, cal: WorkCalendar | None = None) -> Schedule:
    """Schedule ``plan`` (pure: the plan is not changed)."""
    # The passes allocate only acyclic containers; pausing the cyclic collector avoids
    # rescanning a large plan's objects many times over (it halves the time at 100k tasks).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _schedule(plan, cal)
    finally:
        if enabled:
            gc.enable()


def _schedule(plan: Plan, cal: WorkCalendar | None) -> Schedule:
    if cal is None:
        cal = WorkCalendar(plan.calendar, plan.start)
    net = compile_plan(plan, cal)
    n = len(net.ids)
    es = [0] * n
    ef = [0] * n
    ls = [0] * n
    lf = [0] * n
    pstart = cal.start_key(plan.start)
    if not net.order:
        raise PlanError("the plan has no tasks to schedule", path=("tasks",))
    _forward(net, cal, es, ef, ls, lf, pstart, False)
    if net.summary_links:
        _expand_summary_links(net, plan, es)
        _forward(net, cal, es, ef, ls, lf, pstart, False)
    order = net.order
    pfinish = max(ef[i] for i in order)
    _backward(net, cal, ls, lf, pfinish)
    constraint = net.constraint
    alap = [c is not None and c[0] == ALAP for c in constraint]
    if any(alap):
        _forward(net, cal, es, ef, ls, lf, pstart, True)

    start = [0] * n
    finish = [0] * n
    for i in order:
        if alap[i]:
            start[i], finish[i] = ls[i], lf[i]
        else:
            start[i], finish[i] = es[i], ef[i]
    dur = list(net.dur)
    _rollup(net, plan, es, ef, ls, lf, start, finish, dur, alap)

    total = [0] * n
    for i in range(n):
        if alap[i]:
            continue
        a = (ls[i] + 1) // 2 - (es[i] + 1) // 2
        b = (lf[i] + 1) // 2 - (ef[i] + 1) // 2
        total[i] = a if a < b else b
    free = _free_float(net, start, finish, total)
    critical = [tf <= 0 for tf in total]
    sched = Schedule(plan, cal, net, es, ef, ls, lf, start, finish, dur, total, free, critical,
                     pstart, pfinish)
    _check_summary_durations(plan, sched)
    # make sure every date the schedule reaches is inside the calendar's range
    cal.date(min(min(es), min(ls)) // 2)
    cal.date(max(max(ef), max(lf)) // 2)
    return sched


def _rollup(net, plan, es, ef, ls, lf, start, finish, dur, alap) -> None:
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
    for i in range(n):
        if summary[i]:
            dur[i] = pos(finish[i]) - pos(start[i])


def _free_float(net: Network, start, finish, total) -> list:
    n = len(net.ids)
    free = [None] * n
    summary = net.summary
    for s, preds in enumerate(net.links):
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


def _check_summary_durations(plan: Plan, sched: Schedule) -> None:
    for i, t in enumerate(plan.tasks):
        if t.summary and t.duration is not None and t.duration != sched.duration[i]:
            raise PlanError(
                f"summary task {t.id} says duration {t.duration} but its subtasks span "
                f"{sched.duration[i]} working days ({sched.date(sched.start[i]).isoformat()} to "
                f"{sched.date(sched.finish[i]).isoformat()}); remove the duration or fix the "
                f"subtasks", path=t.src + ("duration",))


def check_deadlines(sched: Schedule) -> None:
    missed = sched.missed_deadlines()
    if missed:
        lines = [f"task {tid} finishes {fin.isoformat()}, after its deadline {dl.isoformat()}"
                 for tid, dl, fin in missed]
        raise CheckFailed("; ".join(lines))
