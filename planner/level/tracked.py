"""Levelling a tracked plan (a status applied, docs/tracking.md): what is left to schedule.

A done task is fixed at its actual dates and needs no capacity (its work is past).  A started
task is levelled as its remaining work: that interval may move later (a levelling delay of a
started task delays its remaining work), never before the done part ends or the status date.
A task not started never starts before the day after the status date.  Links whose ends are
already fixed by actuals (into a done task, from a done task, from a started task's actual
start) are constant and left to the release dates; links into a started task hold its
remaining work only with retained logic, as in the schedule.
"""
from __future__ import annotations

from ..schedule import SF, SS, Schedule, add_work, pos
from ..schedule.progress import DONE, STARTED


def interval(before: Schedule, i: int, d: int, es: int) -> tuple:
    """``(duration, release, fixed, floor, demand)`` of leaf ``i`` for the problem: ``d`` and
    ``es`` are its duration and early start position, ``floor`` a start position it never
    goes below (or None), ``demand`` False when it takes no capacity."""
    prog = before.progress
    st = prog.state[i]
    if st == DONE:
        return d, es, True, None, False
    if st == STARTED:
        a, done = prog.astart[i], prog.actual[i]
        base = add_work(a, done) + 1 if done else a
        if prog.floor is not None and base < prog.floor:
            base = prog.floor
        return prog.remaining[i], pos(prog.resume[i]), False, pos(base), True
    return d, es, False, pos(prog.floor) if prog.floor is not None else None, True


def keeps_link(before: Schedule, p: int, s: int, typ: int) -> bool:
    """Whether the link ``p -> s`` (type ``typ``) constrains the levelled starts."""
    state = before.progress.state
    if state[s] == DONE or state[p] == DONE:
        return False
    if state[s] == STARTED and not before.progress.retained:
        return False
    return not (state[p] == STARTED and typ in (SS, SF))


def late_start(before: Schedule, i: int, remaining: int) -> int:
    """The latest start position of a started task's remaining work within its float."""
    return pos(before.lf[i]) - remaining


def levelled_start(sched: Schedule, i: int) -> int:
    """The start position levelling places for leaf ``i``: its start, or where a started
    task's remaining work resumes."""
    prog = sched.progress
    if prog is not None and prog.state[i] == STARTED:
        return pos(prog.resume[i])
    return pos(sched.start[i])
