"""Progress on time keys: a tracked plan's actuals, remaining work and status date, compiled
for the passes (docs/tracking.md).

:func:`compile_progress` turns each task's reported progress into integers: a state (not
started, started, done), the keys of its actual start and finish, the working days done and
remaining; it sets the task's forecast duration in the network.  The passes call
:func:`forward_progressed` for a task with progress and :func:`late_finish_ss` for the
start-to-start links MPXJ treats specially; :func:`settle_late_starts`,
:func:`progress_floats` and :func:`finish_progress` complete the picture (late starts of
started tasks, states of summaries, floats and critical flags, out-of-sequence links).

The rules are MPXJ's ``MicrosoftScheduler`` for a progressed project, plus MS Project's
*Update Project: reschedule uncompleted work to start after* the status date
(``after_status_date``) and its *Split in-progress tasks* option (``retained_logic``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import compress
from functools import partial
from operator import is_not

from ..calendar import WorkCalendar
from ..errors import PlanError
from ..model import Plan
from .keys import FF, FNET, FS, SS, add_work, pos

NOT_STARTED, STARTED, DONE = 0, 1, 2
STATE_NAMES = ("not_started", "started", "done")


def round_half_up(x: Fraction) -> int:
    """The whole number nearest ``x``, halves up.

    >>> round_half_up(Fraction(5, 2)), round_half_up(Fraction(12, 5)), round_half_up(Fraction(18, 10))
    (3, 2, 2)
    """
    return int((x + Fraction(1, 2)) // 1)


def split_duration(d: int, pc) -> tuple[int, int]:
    """(done, remaining) working days of a ``d``-day task ``pc`` percent complete: remaining
    is ``d x (100 - pc) / 100`` rounded half up, MS Project's % Complete of the duration.

    >>> split_duration(10, 40), split_duration(3, 50), split_duration(5, 100)
    ((4, 6), (1, 2), (5, 0))
    """
    rem = round_half_up(d * (100 - Fraction(str(pc))) / 100)
    return d - rem, rem


@dataclass(slots=True)
class Progress:
    """A tracked plan's progress on keys, indexed by task position like the network.

    ``stop[i]``/``resume[i]`` (started tasks, else None): the key through which work is done
    (16:00 of the last done day; the actual start key when nothing is done yet) and the key
    the remaining work starts at (08:00).  A task is split when ``pos(resume) > pos(stop)``.
    """

    status_key: int                  # 16:00 on the status date (or the last working day before)
    floor: int | None                # 08:00 after the status date (after_status_date), or None
    retained: bool                   # out_of_sequence == retained_logic
    state: list                      # NOT_STARTED, STARTED or DONE (summaries: rolled up)
    astart: list                     # key of the actual start, or None
    afinish: list                    # key of the actual finish (done), or None
    actual: list                     # working days done
    remaining: list                  # working days to do
    percent: list                    # percent complete (as reported, or derived)
    stop: list
    resume: list
    has_succs: list | None           # the task has successors of its own (MPXJ's SS rule;
                                     # found when first needed)
    n_direct: list                   # how many of leaf_succs[i] are the task's own links
    out_of_sequence: list = field(default_factory=list)   # [(pred, succ, type)]
    started: list = field(default_factory=list)           # positions of started leaves

    def split(self, i: int) -> bool:
        r = self.resume[i]
        return r is not None and pos(r) > pos(self.stop[i])


def compile_progress(plan: Plan, cal: WorkCalendar, net) -> Progress | None:
    """The progress of a tracked plan on ``cal``'s keys, or None for an untracked plan.
    Sets ``net.dur`` to each progressed task's forecast duration (done + remaining)."""
    if not plan.tracked:
        return None
    n = len(net.ids)
    file = plan.status_source or plan.source
    sd = plan.status_date
    keys = _DayKeys(cal, file)
    status_key = keys.finish(sd, ("status_date",) if plan.status_source else
                             ("project", "status_date"))
    prog = Progress(status_key, status_key + 1 if plan.reschedule == "after_status_date" else
                    None, plan.out_of_sequence == "retained_logic", [NOT_STARTED] * n,
                    [None] * n, [None] * n, [0] * n, list(net.dur), [0] * n, [None] * n,
                    [None] * n, None, list(map(len, net.leaf_succs)))
    dur = net.dur
    state, astart, afinish = prog.state, prog.astart, prog.afinish
    actual, remaining, percent = prog.actual, prog.remaining, prog.percent
    starts, finishes = keys.starts.get, keys.finishes.get
    i = -1
    for t in plan.tasks:
        i += 1
        a = t.actual_start
        if a is None:
            if t.remaining_days is not None or t.percent_complete is not None or \
                    t.actual_finish is not None:
                if not t.summary:
                    _task(prog, i, t, keys, dur, file)
            continue
        f = t.actual_finish
        if f is None or not t.duration or t.summary:
            if not t.summary:
                _task(prog, i, t, keys, dur, file)
            continue
        # the common case, a finished task: inline for speed on large plans
        es = starts(a)
        if es is None:
            es = keys.start(a, t.progress_src + ("actual_start",))
        fk = finishes(f)
        if fk is None:
            fk = keys.finish(f, t.progress_src + ("actual_finish",))
        if fk < es:
            raise PlanError(f"task {t.id}: no working day from its actual start "
                            f"{a.isoformat()} to its actual finish {f.isoformat()}",
                            file=file, path=t.progress_src + ("actual_finish",))
        state[i] = 2                                # DONE
        astart[i] = es
        afinish[i] = fk
        actual[i] = dur[i] = ((fk + 1) >> 1) - ((es + 1) >> 1)
        remaining[i] = 0
        percent[i] = 100
    return prog


class _DayKeys:
    """Start and finish keys of dates, remembered (many tasks share a date), with the check
    that a date is inside the calendar's years."""

    def __init__(self, cal: WorkCalendar, file):
        self.cal, self.file = cal, file
        self.starts: dict = {}
        self.finishes: dict = {}

    def _check(self, d, path):
        c = self.cal.cal
        if not c.first_year <= d.year <= c.last_year:
            what = path[-1].replace("_", " ")
            raise PlanError(f"{what} {d.isoformat()} is outside the years {c.first_year}-"
                            f"{c.last_year} that calendar {c.name!r} covers", file=self.file,
                            path=path)

    def start(self, d, path) -> int:
        k = self.starts.get(d)
        if k is None:
            self._check(d, path)
            k = self.starts[d] = self.cal.start_key(d)
        return k

    def finish(self, d, path) -> int:
        k = self.finishes.get(d)
        if k is None:
            self._check(d, path)
            k = self.finishes[d] = self.cal.finish_key(d)
        return k


def _task(prog: Progress, i: int, t, keys: _DayKeys, dur: list, file) -> None:
    src = t.progress_src or t.src

    def fail(message, key):
        raise PlanError(f"task {t.id}: {message}", file=file, path=src + (key,))

    d = t.duration
    if t.actual_start is None:                      # not started: a re-estimate at most
        if t.remaining_days is not None:
            dur[i] = prog.remaining[i] = t.remaining_days
        return
    es = keys.start(t.actual_start, src + ("actual_start",))
    if t.milestone:
        k = keys.finish(t.actual_start, src + ("actual_start",))
        _done(prog, i, k, k, 0, dur)
        return
    pc, rem = t.percent_complete, t.remaining_days
    if pc is not None:
        done, r_pc = split_duration(d, pc)
        rem = r_pc if rem is None else rem
    elif rem is not None:
        done = max(0, pos(prog.status_key) - pos(es))     # worked from the start to the status
    else:
        done, rem = 0, d                                  # MS Project's 0 % complete
    if rem == 0:
        key = "percent_complete" if pc is not None and t.remaining_days is None \
            else "remaining_days"
        if done == 0:
            fail("has no work left and none done by the status date: give actual_finish", key)
        fk = add_work(es, done)
        if fk > prog.status_key:
            fail(f"is finished by its {key.replace('_', ' ')}, but {done} days of work from "
                 f"its actual start {t.actual_start.isoformat()} end after the status date: "
                 f"give actual_finish", key)
        _done(prog, i, es, fk, done, dur)
        return
    prog.state[i] = STARTED
    prog.started.append(i)
    prog.astart[i] = es
    prog.actual[i] = done
    prog.remaining[i] = rem
    prog.percent[i] = pc if pc is not None else round_half_up(Fraction(100 * done, done + rem))
    dur[i] = done + rem


def _done(prog: Progress, i: int, es: int, fk: int, days: int, dur: list) -> None:
    prog.state[i] = DONE
    prog.astart[i], prog.afinish[i] = es, fk
    prog.actual[i], prog.remaining[i], prog.percent[i] = days, 0, 100
    dur[i] = days


# -- in the passes -----------------------------------------------------------------------------
def forward_progressed(prog: Progress, i: int, preds, constraint, es, ef, pstart, add_elapsed,
                       link_start, delay: int = 0) -> None:
    """Early dates of task ``i``, which has progress: a done task at its actuals; a started one
    from its actual start, its remaining work after the done part, the status date
    (``floor``), with retained logic its predecessors (``link_start``: the passes' link rule),
    and its levelling ``delay``."""
    if prog.state[i] == DONE:
        es[i], ef[i] = prog.astart[i], prog.afinish[i]
        return
    k = a = prog.astart[i]
    done = prog.actual[i]
    if done:
        stop = add_work(a, done)
        k = stop + 1                                # the next working morning
    else:
        stop = a
    floor = prog.floor
    if floor is not None and k < floor:
        k = floor
    r = prog.remaining[i]
    if prog.retained and preds:
        # the remaining work waits for the links, delayed by levelling, and is never earlier
        # than after the done part and the status date (as planner.level counts a delay)
        x = max(link_start(typ, lag, el, es[p], ef[p], r, pstart, add_elapsed)
                for p, typ, lag, el in preds)
        if x & 1:
            x += 1
        if delay:
            x = 2 * ((x + 1) // 2 + delay)
        if x > k:
            k = x
    elif delay:
        k = 2 * ((k + 1) // 2 + delay)              # levelling delays the remaining work
    efk = 2 * ((k + 1) // 2 + r) - 1
    c = constraint[i]
    if c is not None and c[0] == FNET and efk < c[2]:
        efk = c[2]                                  # MPXJ: FNET still holds a started task
    es[i], ef[i] = a, efk
    prog.stop[i], prog.resume[i] = stop, k


def late_finish_ss(prog: Progress, i: int, s: int, d: int, pfinish: int, net_links) -> int:
    """MPXJ's late finish of ``i`` (duration ``d``) from a start-to-start link into ``s`` when
    either has started: the project finish when ``i`` has started or ``s`` has no successors
    of its own, else ``s``'s actual start plus its done days plus ``d`` (without the lag)."""
    if prog.has_succs is None:
        prog.has_succs = has = [False] * len(prog.state)
        for preds in net_links:
            for x in preds:
                has[x[0]] = True
    if prog.state[i] or not prog.has_succs[s]:
        return pfinish
    done = prog.actual[s]
    x = add_work(prog.astart[s], done) if done else prog.astart[s]
    return add_work(x, d)


def skips_done(prog: Progress, net, i: int, entry: tuple, seen: dict) -> bool:
    """Whether the backward pass leaves out ``entry``, a link from ``i`` into a done successor:
    MPXJ leaves out a task's own links into done successors, not those that summary logic
    expanded, which follow a task's own in ``net.leaf_succs`` (``seen`` counts the entries met
    so far, for a pair linked both ways)."""
    k = seen.get(entry, 0)
    seen[entry] = k + 1
    return k < net.leaf_succs[i][:prog.n_direct[i]].count(entry)


def late_start_started(prog: Progress, i: int, k: int) -> int:
    """The late start predecessors see of started task ``i`` with late finish ``k``: the
    late finish less the remaining work (MPXJ's calculated late start)."""
    return 2 * ((k + 1) // 2 - prog.remaining[i])


# -- after the passes --------------------------------------------------------------------------
def settle_late_starts(prog: Progress, net, ls) -> None:
    """After the backward pass: the late start of a task with progress is its actual start
    (MPXJ); the pass kept there what its predecessors see, its late finish less the remaining
    work (a done task: its actual finish)."""
    state, astart = prog.state, prog.astart
    for i in compress(range(len(state)), state):
        if not net.summary[i]:
            ls[i] = astart[i]


def alap_remaining(prog: Progress, alap, lf) -> None:
    """A started ALAP task finishes at its late finish (MPXJ): its remaining work resumes as
    late as that allows, never before the done part."""
    for i in compress(range(len(alap)), alap):
        if prog.state[i] == STARTED:
            k = 2 * ((lf[i] + 1) // 2 - prog.remaining[i])
            if k > prog.resume[i]:
                prog.resume[i] = k


def progress_floats(prog: Progress, net, ef, lf, total, alap=None) -> None:
    """Before free float: the states of summaries (see :func:`_summary_states`), and the total
    float of every task with progress, summaries too: its finish float (MPXJ), which is 0 for
    a done task (late finish = actual finish); a started ALAP task's stays 0."""
    state = prog.state
    summary = net.summary
    if True in summary:
        _summary_states(prog, net)
        for i in compress(range(len(state)), summary):
            if state[i]:
                total[i] = pos(lf[i]) - pos(ef[i])
    for i in prog.started:          # (a done leaf's total float is 0 already: late = actual)
        if alap is None or not alap[i]:
            total[i] = pos(lf[i]) - pos(ef[i])


def finish_progress(prog: Progress, net, es, ef, free, critical, add_elapsed) -> None:
    """After free float: a done task (summaries too) has no free float and is never critical,
    nor is a task or summary at 100 % complete as MS Project rounds it (a phase whose only
    open subtasks are milestones; MPXJ's critical flag); the out-of-sequence links are
    listed."""
    state = prog.state
    for i in compress(range(len(state)), map(DONE.__eq__, state)):
        free[i] = 0
        critical[i] = False
    for i in prog.started:
        if critical[i] and shown_percent(prog, i) == 100:
            critical[i] = False
    summary = net.summary
    if True in summary:
        for i in compress(range(len(state)), summary):
            if critical[i] and state[i] == STARTED and prog.percent[i] == 100:
                critical[i] = False
    prog.out_of_sequence = out_of_sequence(prog, net, es, ef, add_elapsed)


def shown_percent(prog: Progress, i: int) -> int:
    """Leaf ``i``'s % Complete as MS Project keeps it: its done days over its duration, a
    whole number rounded half up (MSPDI ``PercentComplete``)."""
    a, r = prog.actual[i], prog.remaining[i]
    if prog.state[i] == DONE:
        return 100
    return round_half_up(Fraction(100 * a, a + r)) if a + r else 0


def _summary_states(prog: Progress, net) -> None:
    """A summary is done when all its subtasks are, started when any has progress; its
    percent complete is its subtasks' done days over their durations, its actual start
    (finish, when done) the earliest start (latest finish) of theirs.  Each summary's subtasks
    are the positions up to its last descendant (plan order is outline order), summed by
    builtins for speed."""
    state, actual, astart, afinish = prog.state, prog.actual, prog.astart, prog.afinish
    summary, parent, dur = net.summary, net.parent, net.dur
    n = len(state)
    last_child = dict(zip(parent, range(n)))        # the last child of each parent
    end = {}
    for i in reversed(list(compress(range(n), summary))):
        c = last_child.get(i, i)
        end[i] = end[c] if summary[c] else c + 1
    known = partial(is_not, None)
    found = {}
    for i, e in end.items():                        # inner summaries (later positions) first
        kids = state[i + 1:e]                       # (an inner summary's state is already set)
        not_started = kids.count(NOT_STARTED)
        done = not_started == 0 and STARTED not in kids
        state[i] = DONE if done else (STARTED if not_started < len(kids) else NOT_STARTED)
        # summaries' own days are still 0 here, so the sums count the leaves only
        found[i] = (done, sum(actual[i + 1:e]), sum(dur[i + 1:e]),
                    min(filter(known, astart[i + 1:e]), default=None),
                    max(filter(known, afinish[i + 1:e]), default=None))
    for i, (done, work, days, a, f) in found.items():
        prog.percent[i] = round_half_up(Fraction(100 * work, days)) if days else \
            (100 if done else 0)
        actual[i], prog.remaining[i] = work, days - work
        astart[i], afinish[i] = a, f if done else None


def out_of_sequence(prog: Progress, net, es, ef, add_elapsed) -> list:
    """Links whose successor has progress the link did not allow: started before a finish-to-
    start predecessor finished (or a start-to-start one started), or finished before a
    finish-to-finish (start-to-finish) predecessor allowed, from the predecessor's actual or
    forecast dates and the lag; not once both tasks are done.  ``[(pred, succ, type)]``
    ordered by successor, then predecessor (plan positions)."""
    out = []
    state = prog.state
    summary = net.summary
    for s in compress(range(len(state)), state):
        if summary[s]:
            continue
        st = state[s]
        a = prog.astart[s]
        for p, typ, lag, el in net.leaf_preds[s]:
            if st == DONE and state[p] == DONE:
                continue                            # history: both are finished
            if typ in (FS, SS):
                x = ef[p] if typ == FS else es[p]
                if lag:
                    x = add_elapsed(x, lag) if el else add_work(x, lag)
                if pos(a) < pos(x):
                    out.append((p, s, typ))
            elif st == DONE:
                x = ef[p] if typ == FF else es[p]
                if lag:
                    x = add_elapsed(x, lag) if el else add_work(x, lag)
                if pos(prog.afinish[s]) < pos(x):
                    out.append((p, s, typ))
    out.sort(key=lambda e: (e[1], e[0]))
    return out


__all__ = ["Progress", "alap_remaining", "compile_progress", "forward_progressed",
           "late_finish_ss", "late_start_started", "settle_late_starts", "progress_floats",
           "finish_progress", "out_of_sequence", "shown_percent", "split_duration",
           "round_half_up", "NOT_STARTED", "STARTED", "DONE", "STATE_NAMES"]
