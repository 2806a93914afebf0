"""What-if scenarios: overlays applied to a Plan, and the comparison of two Schedules.

An overlay is a list of :class:`Change` objects applied in order to a copy of the plan; the
baseline plan is never touched.  Reading overlays from YAML files and ``--set`` options lives in
:mod:`planner.io.scenario_yaml`; this module is pure.
"""
from __future__ import annotations

import copy
import datetime as dt
import math
from dataclasses import dataclass, field

from .errors import PlanError
from .model import DATED_CONSTRAINTS, MAX_DAYS, Constraint, Link, Plan, SeasonRule
from .schedule import TYPE_NAME, Schedule, pos
from .schedule.checks import broken_links, broken_links_into


@dataclass(slots=True)
class Amount:
    """A duration edit: ``=`` absolute, ``+`` add (negative to remove), ``x`` multiply."""

    op: str
    value: float

    def apply(self, days: int) -> int:
        if self.op == "=":
            out = self.value
        elif self.op == "+":
            out = days + self.value
        else:
            out = days * self.value
        out = math.floor(out + 0.5)            # whole working days, halves round up
        return int(out)                        # negative when +N removes too much: see _resize

    def __str__(self) -> str:
        v = f"{self.value:g}"
        return {"=": v, "+": f"{self.value:+g}", "x": f"x{v}"}[self.op]


@dataclass(slots=True)
class Change:
    """One edit.  ``kind`` and what it uses:

    - ``duration``: ``tasks`` (ids; a summary means every task under it), ``amount``
    - ``lag``: ``link`` (pred, succ), ``value`` (days, unit ``d``/``ed``, or None: the link's)
    - ``link_type``: ``link``, ``value`` (FS/SS/FF/SF)
    - ``add_link``: ``link``, ``value`` (a Link)
    - ``remove_link``: ``link``
    - ``predecessors``: ``tasks`` (one id), ``value`` (list of Link): replaces them all
    - ``constraint``: ``tasks``, ``value`` (Constraint or None)
    - ``deadline``: ``tasks``, ``value`` (date or None)
    - ``start``: ``value`` (date): the project start
    - ``seasons_on`` / ``seasons_off``: ``value`` (list of SeasonRule / names)
    - ``seasons``: ``value`` (list of SeasonRule): replaces the list
    - ``exceptions``: ``value`` (list of CalendarException), added
    """

    kind: str
    tasks: tuple = ()
    link: tuple = ()
    amount: Amount | None = None
    value: object = None
    where: str = ""           # for messages: "scenarios/x.yaml:12" or "--set 16.duration=60"
    src: tuple = ()
    file: str | None = None

    def fail(self, message: str) -> PlanError:
        if self.file is not None:
            return PlanError(message, file=self.file, path=self.src)
        return PlanError(f"{self.where}: {message}" if self.where else message)


@dataclass(slots=True)
class Scenario:
    name: str
    changes: list = field(default_factory=list)
    description: str = ""
    source: str | None = None


def apply_changes(plan: Plan, changes) -> Plan:
    """A new Plan with ``changes`` applied in order (the given plan is not modified)."""
    new = copy.deepcopy(plan)
    for ch in changes:
        _apply(new, ch)
    # a summary's stated duration checks the baseline; after edits it is the roll-up again
    for t in new.tasks:
        if t.summary:
            t.duration = None
    return new


def apply_scenarios(plan: Plan, scenarios) -> Plan:
    return apply_changes(plan, [ch for s in scenarios for ch in s.changes])


def _task(plan: Plan, tid: str, ch: Change):
    for t in plan.tasks:
        if t.id == tid:
            return t
    raise ch.fail(f"no task {tid!r} in the plan {plan.name!r}")


def _leaves_under(plan: Plan, tid: str) -> list:
    kids: dict = {}
    for t in plan.tasks:
        if t.parent is not None:
            kids.setdefault(t.parent, []).append(t)
    out, stack = [], [tid]
    while stack:
        for c in kids.get(stack.pop(), ()):
            if c.summary:
                stack.append(c.id)
            else:
                out.append(c)
    return out


def _link(plan: Plan, ch: Change):
    pred, succ = ch.link
    task = _task(plan, succ, ch)
    _task(plan, pred, ch)
    for k, lk in enumerate(task.predecessors):
        if lk.pred == pred:
            return task, k, lk
    raise ch.fail(f"task {succ} has no link from {pred} (its predecessors: "
                  f"{';'.join(x.label() for x in task.predecessors) or 'none'})")


def _resize(task, ch: Change) -> None:
    """Apply a duration edit; a result below zero is an error, never a silent milestone."""
    days = ch.amount.apply(task.duration)
    if days < 0:
        raise ch.fail(f"task {task.id}: duration {task.duration} {ch.amount} = {days} working "
                      f"days; a duration cannot be negative (=0 makes a milestone)")
    if days > MAX_DAYS:
        raise ch.fail(f"duration {ch.amount} makes task {task.id} {days} working days long (at "
                      f"most {MAX_DAYS})")
    task.duration = days


def _apply(plan: Plan, ch: Change) -> None:
    kind = ch.kind
    if kind == "duration":
        for tid in ch.tasks:
            t = _task(plan, tid, ch)
            if t.summary:
                if ch.amount.op == "=":
                    raise ch.fail(f"task {tid} is a summary: its duration comes from its tasks; "
                                  f"change them all with x{1.5:g} or +N, or name a task")
                for leaf in _leaves_under(plan, tid):
                    _resize(leaf, ch)
            else:
                _resize(t, ch)
    elif kind == "lag":
        task, k, lk = _link(plan, ch)
        lag, unit = ch.value
        task.predecessors[k] = Link(lk.pred, lk.type, lag, unit or lk.lag_unit, lk.src)
    elif kind == "link_type":
        task, k, lk = _link(plan, ch)
        task.predecessors[k] = Link(lk.pred, ch.value, lk.lag, lk.lag_unit, lk.src)
    elif kind == "add_link":
        pred, succ = ch.link
        task = _task(plan, succ, ch)
        _task(plan, pred, ch)
        if pred == succ:
            raise ch.fail(f"task {succ} cannot be its own predecessor")
        if any(lk.pred == pred for lk in task.predecessors):
            raise ch.fail(f"task {succ} already has a link from {pred}; change its lag or type "
                          f"instead")
        task.predecessors.append(ch.value)
    elif kind == "remove_link":
        task, k, _lk = _link(plan, ch)
        del task.predecessors[k]
    elif kind == "predecessors":
        task = _task(plan, ch.tasks[0], ch)
        for lk in ch.value:
            _task(plan, lk.pred, ch)
        task.predecessors = list(ch.value)
    elif kind == "constraint":
        for tid in ch.tasks:
            _task(plan, tid, ch).constraint = ch.value
    elif kind == "deadline":
        for tid in ch.tasks:
            _task(plan, tid, ch).deadline = ch.value
    elif kind == "start":
        plan.start = ch.value
    elif kind == "name":
        plan.name = ch.value
    elif kind in ("seasons_on", "seasons_off", "seasons"):
        _seasons(plan, ch)
    elif kind == "exceptions":
        plan.calendar.exceptions = tuple(plan.calendar.exceptions) + tuple(ch.value)
    else:  # pragma: no cover - the readers only make the kinds above
        raise ch.fail(f"unknown change {kind!r}")


def _seasons(plan: Plan, ch: Change) -> None:
    cal = plan.calendar
    current = list(cal.seasons)
    if ch.kind == "seasons":
        rules = [_rule(cal, r, ch) for r in ch.value]
        cal.seasons = tuple(rules)
        return
    for item in ch.value:
        rule = _rule(cal, item, ch)
        if ch.kind == "seasons_off":
            if not any(s.name == rule.name for s in current):
                raise ch.fail(f"season {rule.name!r} is not on in this plan (on: "
                              f"{', '.join(s.name for s in current) or 'none'})")
            current = [s for s in current if s.name != rule.name]
        else:
            current = [s for s in current if s.name != rule.name] + [rule]
    cal.seasons = tuple(current)


def _rule(cal, item, ch: Change) -> SeasonRule:
    if isinstance(item, SeasonRule):
        return item
    rule = cal.catalog.get(item)
    if rule is None:
        for s in cal.seasons:
            if s.name == item:
                return s
        raise ch.fail(f"unknown season {item!r} in calendar {cal.name!r} (known: "
                      f"{', '.join(sorted(cal.catalog)) or 'none'})")
    return rule


# -- comparison --------------------------------------------------------------------------------
@dataclass(slots=True)
class Moved:
    id: str
    name: str
    start_days: int          # working days the start moved (scenario calendar), + later
    finish_days: int
    old_start: dt.date
    old_finish: dt.date
    new_start: dt.date
    new_finish: dt.date


@dataclass(slots=True)
class ChainStep:
    id: str
    name: str
    start: dt.date
    finish: dt.date
    link: tuple | None       # (pred id, type, lag, unit) that drives this task, None at the root
    reason: str = ""         # why the first task starts when it does


@dataclass(slots=True)
class Comparison:
    name: str
    base_finish: dt.date
    finish: dt.date
    finish_working_days: int
    finish_calendar_days: int
    base_duration: int
    duration: int
    moved: list
    became_critical: list
    no_longer_critical: list
    driving_chain: list
    added: list
    removed: list
    missed_deadlines: list = field(default_factory=list)    # Missed, in plan order
    broken_links: list = field(default_factory=list)        # BrokenLink, in plan order


@dataclass(slots=True)
class Missed:
    """A task of a scenario that finishes after its deadline."""

    id: str
    name: str
    deadline: dt.date
    finish: dt.date
    late_working_days: int


def missed_deadlines(sched: Schedule) -> list[Missed]:
    """The tasks of ``sched`` that finish after their deadline, with how late (working days)."""
    names = {t.id: t.name for t in sched.plan.tasks}
    return [Missed(tid, names[tid], dl, fin, working_days_between(sched.calendar, dl, fin))
            for tid, dl, fin in sched.missed_deadlines()]


def working_days_between(cal, a: dt.date, b: dt.date) -> int:
    """Signed working days from date ``a`` to date ``b`` on ``cal`` (0 when equal)."""
    return cal.count_before(b + dt.timedelta(days=1)) - cal.count_before(a + dt.timedelta(days=1))


def compare(base: Schedule, alt: Schedule, name: str = "") -> Comparison:
    cal = alt.calendar
    bidx = base.net.index
    moved, became, stopped, added = [], [], [], []
    for i, t in enumerate(alt.plan.tasks):
        j = bidx.get(t.id)
        if j is None:
            added.append(t.id)
            continue
        os_, of = base.date(base.start[j]), base.date(base.finish[j])
        ns, nf = alt.date(alt.start[i]), alt.date(alt.finish[i])
        if (os_, of) != (ns, nf):
            moved.append(Moved(t.id, t.name, working_days_between(cal, os_, ns),
                               working_days_between(cal, of, nf), os_, of, ns, nf))
        if t.summary:
            continue
        if alt.critical[i] and not base.critical[j]:
            became.append(t.id)
        elif base.critical[j] and not alt.critical[i]:
            stopped.append(t.id)
    aidx = alt.net.index
    removed = [t.id for t in base.plan.tasks if t.id not in aidx]
    bf, af = base.project_finish, alt.project_finish
    return Comparison(name=name, base_finish=bf, finish=af,
                      finish_working_days=working_days_between(cal, bf, af),
                      finish_calendar_days=(af - bf).days,
                      base_duration=base.project_duration, duration=alt.project_duration,
                      moved=moved, became_critical=became, no_longer_critical=stopped,
                      driving_chain=driving_chain(alt), added=added, removed=removed,
                      missed_deadlines=missed_deadlines(alt), broken_links=broken_links(alt))


def driving_chain(sched: Schedule, task_id: str | None = None) -> list:
    """From ``task_id`` (default: the task that sets the project finish) back to the start,
    following at each step the link that drives the task's start (or finish)."""
    net = sched.net
    if task_id is None:
        last = [i for i in net.order if sched.ef[i] == sched.project_finish_key]
        i = min(last, key=lambda k: (-sched.es[k], k)) if last else net.order[-1]
    else:
        i = net.index[task_id]
        if net.summary[i]:
            raise PlanError(f"task {task_id} is a summary; name one of its tasks")
    plan = sched.plan
    steps = []
    seen = set()
    while i not in seen:
        seen.add(i)
        t = plan.tasks[i]
        broken = {(b.pred, b.type, b.lag_days) for b in broken_links_into(sched, i)}
        drivers = [d for d in sched.driving_predecessors(i)
                   if (net.ids[d[0]], TYPE_NAME[d[1]], d[2]) not in broken]
        reason = "" if drivers else start_reason(sched, i)
        if not drivers and t.leveling_delay:
            # the delay comes after the links: the chain goes on through the link that would
            # have set the start without it
            drivers = sched.driving_predecessors(i, before_delay=True)
        if drivers:
            p, typ, lag, el = min(drivers, key=lambda d: (-sched.ef[d[0]], d[0]))
            link = (plan.tasks[p].id, ("FS", "SS", "FF", "SF")[typ], lag, "ed" if el else "d")
        else:
            link = None
        steps.append(ChainStep(t.id, t.name, sched.date(sched.start[i]),
                               sched.date(sched.finish[i]), link, reason))
        if not drivers:
            break
        i = p
    return steps


def start_reason(sched: Schedule, i: int) -> str:
    """Why a task with no driving link starts when it does."""
    t = sched.plan.tasks[i]
    c = t.constraint
    if t.leveling_delay:
        return f"a levelling delay of {t.leveling_delay} working days (waiting for a resource)"
    if c is not None and c.type in DATED_CONSTRAINTS:
        return f"its constraint {constraint_text(c)}"
    if c is not None and c.type == "ALAP":
        return "scheduling as late as possible"
    prog = sched.progress
    if prog is not None and prog.state[i]:
        return "its actual dates (done)" if prog.state[i] == 2 else "its actual start"
    if prog is not None and prog.floor is not None and \
            pos(sched.start[i]) == pos(prog.floor):
        return "the status date (work not done by then starts after it)"
    if pos(sched.start[i]) == pos(sched.project_start_key):
        return "the project start"
    return "no driving link (it has float)"


CONSTRAINT_WORDS = {"SNET": "start no earlier than", "SNLT": "start no later than",
                    "FNET": "finish no earlier than", "FNLT": "finish no later than",
                    "MSO": "must start on", "MFO": "must finish on"}


def constraint_text(c: Constraint) -> str:
    return f"{CONSTRAINT_WORDS.get(c.type, c.type)} {c.date.isoformat()}"


def link_text(link: tuple) -> str:
    pred, typ, lag, unit = link
    if not lag:
        return f"{pred}{typ}"
    return f"{pred}{typ}{lag:+d}{'ed' if unit == 'ed' else ''}"


# -- explain -----------------------------------------------------------------------------------
@dataclass(slots=True)
class Gap:
    first: dt.date
    last: dt.date
    name: str


def calendar_gaps(sched: Schedule, a: dt.date, b: dt.date, lang: str | None = None) -> list:
    """Named non-working periods strictly between dates ``a`` and ``b`` (holidays, seasons,
    exceptions; plain weekends are left out); named in English for ``lang="en"``."""
    if b <= a + dt.timedelta(days=1):
        return []
    first, last = a + dt.timedelta(days=1), b - dt.timedelta(days=1)
    return [Gap(x, y, name or kind) for x, y, name, kind in
            sched.calendar.nonworking_periods(first, last, lang) if kind != "working"]


def explain(sched: Schedule, task_id: str, lang: str | None = None) -> dict:
    """Why ``task_id`` starts when it does: the driving chain back to the start, with the
    constraint and the holidays or seasons that stand between each link's ends (named in
    English for ``lang="en"``, else in the calendar's language)."""
    if task_id not in sched.net.index:
        raise PlanError(f"no task {task_id!r} in the plan")
    i = sched.net.index[task_id]
    t = sched.plan.tasks[i]
    if t.summary:
        kids = [k for k, x in enumerate(sched.plan.tasks) if x.parent == t.id]
        first = min((k for k in range(len(sched.plan.tasks))
                     if not sched.plan.tasks[k].summary and _under(sched.plan, k, t.id)),
                    key=lambda k: (sched.start[k], k))
        return {"summary": True, "id": t.id, "name": t.name,
                "start": sched.date(sched.start[i]), "finish": sched.date(sched.finish[i]),
                "first_task": sched.plan.tasks[first].id, "children": len(kids),
                "chain": explain(sched, sched.plan.tasks[first].id, lang)["chain"]}
    steps = []
    for step in driving_chain(sched, task_id):
        k = sched.net.index[step.id]
        within = calendar_gaps(sched, step.start - dt.timedelta(days=1),
                               step.finish + dt.timedelta(days=1), lang)
        entry = {"step": step, "within": within, "before": [], "constraint": None,
                 "float": sched.total_float[k], "critical": sched.critical[k],
                 "overrides": broken_links_into(sched, k)}
        if step.link is not None:
            p = sched.net.index[step.link[0]]
            typ = step.link[1]
            a = sched.date(sched.finish[p] if typ in ("FS", "FF") else sched.start[p])
            b = step.start if typ in ("FS", "SS") else step.finish
            entry["before"] = calendar_gaps(sched, a, b, lang) if typ == "FS" else []
            entry["pred_date"] = a
        c = sched.plan.tasks[k].constraint
        if c is not None and c.type != "ASAP":
            entry["constraint"] = c
        steps.append(entry)
    return {"summary": False, "id": t.id, "name": t.name, "chain": steps,
            "start": sched.date(sched.start[i]), "finish": sched.date(sched.finish[i])}


def _under(plan: Plan, k: int, sid: str) -> bool:
    parents = {t.id: t.parent for t in plan.tasks}
    p = plan.tasks[k].parent
    while p is not None:
        if p == sid:
            return True
        p = parents[p]
    return False


