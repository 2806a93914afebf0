"""The forward and backward passes and the link arithmetic, as plain functions over the arrays
``es``, ``ef``, ``ls``, ``lf`` (time keys, indexed by task position) of a compiled
:class:`~planner.schedule.network.Network`.

The rules follow MS Project as reimplemented by MPXJ's ``MicrosoftScheduler``: a task with no
predecessors starts at the project start (or its SNET / FNET date); FS: successor start >=
predecessor finish + lag; SS: start >= start + lag; FF: finish >= finish + lag (never before the
project start); SF: finish >= start + lag; a lag moves a point by working time; tasks without
successors have the project finish as late finish; deadlines limit the late finish.
"""
from __future__ import annotations

from ..calendar import WorkCalendar
from ..errors import PlanError
from .keys import ALAP, FF, FNET, FNLT, FS, MFO, MSO, SNET, SNLT, SS, add_work
from .masks import masked_link_finish
from .network import Network
from .progress import DONE, forward_progressed, late_finish_ss, late_start_started, skips_done
from .special import backward_special, forward_special, manual_ss_finish


def forward_pass(net: Network, cal: WorkCalendar, es, ef, ls, lf, pstart: int,
                 alap_pass: bool) -> None:
    """Fill ``es`` and ``ef`` of every leaf in ``net.order`` from the project start key
    ``pstart``, links, constraints and levelling delays.  ``alap_pass``: the pass after the
    backward pass, where a link from an ALAP task starts at its late dates.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> from planner.schedule import compile_plan
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3), Task("b", "Build", 2, predecessors=[Link("a")])])
    >>> cal = WorkCalendar(plan.calendar, plan.start)
    >>> net = compile_plan(plan, cal)
    >>> es, ef, ls, lf = [0] * 2, [0] * 2, [0] * 2, [0] * 2
    >>> forward_pass(net, cal, es, ef, ls, lf, 0, False)
    >>> es, ef      # a: 08:00 day 0 to 16:00 day 2; b: 08:00 day 3 to 16:00 day 4
    ([0, 6], [5, 9])
    """
    dur = net.dur
    preds_of = net.leaf_preds
    constraint = net.constraint
    delay = net.delay
    add_elapsed = cal.add_elapsed
    alap = [c is not None and c[0] == ALAP for c in constraint] if alap_pass else None
    special = net.special               # manual, elapsed and calendar tasks (special.py)
    prog = net.progress
    state = prog.state if prog is not None else None
    floor = prog.floor if prog is not None else None
    astart, afinish = (prog.astart, prog.afinish) if prog is not None else (None, None)
    try:
        for i in net.order:
            if state is not None and state[i]:
                if state[i] == DONE:
                    es[i], ef[i] = astart[i], afinish[i]
                else:
                    forward_progressed(prog, i, preds_of[i], constraint, es, ef, pstart,
                                       add_elapsed, link_start, delay[i])
                continue
            if special is not None and i in special:
                forward_special(net, i, cal, es, ef, ls, lf, pstart, alap, floor)
                continue
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
                        x = link_start(typ, lag, el, pes, pef, d, pstart, add_elapsed)
                    if x > k:
                        k = x
            if d and k & 1:
                k += 1                      # a task moves to the next working start
            if floor is not None and k < floor and not ps:
                k = floor                   # work not started waits for the day after the status
                efk = None
            if delay[i]:
                k = 2 * ((k + 1) // 2 + delay[i])
            if floor is not None and k < floor:
                k = floor                   # (after the delay, as an SNET: planner.level counts
                efk = None                  # a delay from the links)
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
    except PlanError as exc:
        exc.task_index = i          # the task being scheduled: its line (cpm)
        raise


def link_start(typ, lag, el, pes, pef, d, pstart, add_elapsed) -> int:
    """The earliest start key a link of type ``typ`` allows its successor (MPXJ's rules), from
    the predecessor's start and finish keys ``pes``, ``pef`` and the successor's duration ``d``.
    ``el``: the lag is in elapsed days, moved by ``add_elapsed(key, days)``.

    >>> from planner.schedule import FF, SS
    >>> link_start(SS, 2, False, 0, 5, 3, 0, None)      # SS+2 from a task starting at key 0
    3
    >>> link_start(FF, 0, False, 0, 5, 10, 0, None)     # FF: never before the project start
    0
    """
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


def backward_pass(net: Network, cal: WorkCalendar, ls, lf, pfinish: int) -> None:
    """Fill ``ls`` and ``lf`` of every leaf, in reverse ``net.order``, from the project finish
    key ``pfinish``, links, constraints and deadlines.

    >>> import datetime as dt
    >>> from planner.calendar import WorkCalendar
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import compile_plan
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3), Task("b", "Build", 2)])
    >>> cal = WorkCalendar(plan.calendar, plan.start)
    >>> ls, lf = [0, 0], [0, 0]
    >>> backward_pass(compile_plan(plan, cal), cal, ls, lf, 5)
    >>> ls, lf      # b may start a day later and still finish with a
    ([0, 2], [5, 5])
    """
    dur = net.dur
    succs_of = net.leaf_succs
    constraint = net.constraint
    deadline = net.deadline_key
    add_elapsed = cal.add_elapsed
    special, fixed, masked = net.special, net.fixed, net.masked
    prog = net.progress
    state = prog.state if prog is not None else None
    try:
        for i in reversed(net.order):
            d = dur[i]
            if state is not None and state[i] == DONE:
                # the late start its predecessors see is its actual finish (MPXJ: the finish less
                # no remaining work); it becomes the actual start once the pass is done
                ls[i] = lf[i] = prog.afinish[i]
                continue
            if special is not None and i in special and not (state is not None and state[i]) \
                    and backward_special(net, i, cal, ls, lf, pfinish, link_finish):
                continue
            k = pfinish                                 # no successor: the project finish
            seen = None
            for s, typ, lag, el in succs_of[i]:
                if state is not None and state[s] == DONE:
                    if seen is None:
                        seen = {}
                    if skips_done(prog, net, i, (s, typ, lag, el), seen):
                        continue                        # a done successor does not hold it
                if typ == FS and not lag:
                    x = ls[s]                           # the common case
                elif typ == SS and state is not None and (state[i] or state[s]):
                    x = late_finish_ss(prog, i, s, d, pfinish, net.links)
                elif typ == SS and fixed is not None and i in fixed:
                    x = manual_ss_finish(net, s, lf, pfinish)
                elif lag and not el and masked is not None and s in masked:
                    x = masked_link_finish(typ, lag, ls[s], lf[s], d, masked[s], link_finish)
                else:
                    x = link_finish(typ, lag, el, ls[s], lf[s], d, add_elapsed)
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
            if state is not None and state[i]:
                ls[i] = late_start_started(prog, i, k)  # (the actual start once the pass is done)
            else:
                ls[i] = 2 * ((k + 1) // 2 - d) if d else k
    except PlanError as exc:
        exc.task_index = i          # the task being scheduled: its line (cpm)
        raise


def link_finish(typ, lag, el, sls, slf, d, add_elapsed) -> int:
    """The latest finish key a link of type ``typ`` allows its predecessor (MPXJ's rules), from
    the successor's late start and finish keys ``sls``, ``slf`` and the predecessor's duration
    ``d``.  (The backward pass then moves an 08:00 key to the 16:00 before it.)

    >>> from planner.schedule import FS, SS
    >>> link_finish(FS, 1, False, 10, 15, 3, None)      # FS+1 into a task that starts at key 10
    8
    >>> link_finish(SS, 0, False, 10, 15, 3, None)      # SS: start by key 10, so finish by 15
    15
    """
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
