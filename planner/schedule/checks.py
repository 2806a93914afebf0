"""Checks of a finished schedule: a summary's stated duration against its subtasks (bad input,
:class:`~planner.errors.PlanError`), missed deadlines (:class:`~planner.errors.CheckFailed`)
and the links a constraint breaks (:func:`broken_links`, a warning)."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import CheckFailed, PlanError
from ..model import Plan
from .keys import FF, FNLT, FS, MFO, MSO, SNLT, TYPE_NAME, pos
from .passes import link_start
from .result import Schedule

#: the constraints that can pull a task earlier than its links allow
_PULLING = (SNLT, FNLT, MSO, MFO)


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A link its successor's constraint overrides (MS Project honours the constraint and shows
    negative slack): the successor starts ``by_days`` working days before the link allows.

    >>> b = BrokenLink("48", "49", "FS", -5, False, 3)
    >>> b.label(), b.to_dict()["by_days"]
    ('48FS-5', 3)
    """

    pred: str
    succ: str
    type: str
    lag_days: int
    elapsed: bool
    by_days: int
    constraint: object = None    # the successor's Constraint
    start: object = None         # the successor's start date
    pred_date: object = None     # the predecessor's finish (FS, FF) or start (SS, SF) date
    pred_float: int = 0          # the predecessor's total float: negative, as in MS Project

    def label(self) -> str:
        """``43FS`` or ``48FS-5``, as the plan writes the link."""
        lag = f"{self.lag_days:+d}{'ed' if self.elapsed else ''}" if self.lag_days else ""
        return f"{self.pred}{self.type}{lag}"

    def to_dict(self) -> dict:
        return {"from": self.pred, "to": self.succ, "type": self.type,
                "lag_days": self.lag_days, "by_days": self.by_days,
                "float_days": self.pred_float}


def broken_links(sched: Schedule) -> list[BrokenLink]:
    """Every link into a task whose SNLT, FNLT, MSO or MFO constraint schedules it earlier than
    the link allows, in plan order.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Constraint, Link, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("a", "Design", 5), Task("b", "Build", 2, predecessors=[Link("a")],
    ...                                 constraint=Constraint("MSO", dt.date(2024, 1, 3)))])
    >>> [(b.label(), b.succ, b.by_days) for b in broken_links(schedule(plan))]
    [('aFS', 'b', 3)]
    """
    out = []
    for i in range(len(sched.net.ids)):
        out.extend(broken_links_into(sched, i))
    return out


def broken_links_into(sched: Schedule, i: int) -> list[BrokenLink]:
    """The links into task ``i`` (a position) that its constraint breaks."""
    net = sched.net
    c = net.constraint[i]
    if net.summary[i] or c is None or c[0] not in _PULLING:
        return []
    es, ef = sched.es, sched.ef
    out = []
    for p, typ, lag, el in net.leaf_preds[i]:
        need = link_start(typ, lag, el, es[p], ef[p], net.dur[i], sched.project_start_key,
                          sched.calendar.add_elapsed)
        by = pos(need) - pos(es[i])
        if by > 0:
            end = sched.finish[p] if typ in (FS, FF) else sched.start[p]
            out.append(BrokenLink(net.ids[p], net.ids[i], TYPE_NAME[typ], lag, el, by,
                                  sched.plan.tasks[i].constraint, sched.date(sched.start[i]),
                                  sched.date(end), sched.total_float[p]))
    return out


def check_summary_durations(plan: Plan, sched: Schedule) -> None:
    """Raise :class:`~planner.errors.PlanError` when a summary states a ``duration`` that its
    subtasks do not span.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("p", "Phase", 4, summary=True), Task("a", "Design", 3, parent="p")])
    >>> schedule(plan)       # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    planner.errors.PlanError: summary task p says duration 4 but its subtasks span 3 working ...
    """
    for i, t in enumerate(plan.tasks):
        if t.summary and t.duration is not None and t.duration != sched.duration[i]:
            raise PlanError(
                f"summary task {t.id} says duration {t.duration} but its subtasks span "
                f"{sched.duration[i]} working days ({sched.date(sched.start[i]).isoformat()} to "
                f"{sched.date(sched.finish[i]).isoformat()}); remove the duration or fix the "
                f"subtasks", path=t.src + ("duration",))


def check_deadlines(sched: Schedule) -> None:
    """Raise :class:`~planner.errors.CheckFailed` naming every task that finishes after its
    deadline.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3, deadline=dt.date(2024, 1, 2))])
    >>> check_deadlines(schedule(plan))
    Traceback (most recent call last):
    ...
    planner.errors.CheckFailed: task a finishes 2024-01-03, after its deadline 2024-01-02
    """
    missed = sched.missed_deadlines()
    if missed:
        lines = [f"task {tid} finishes {fin.isoformat()}, after its deadline {dl.isoformat()}"
                 for tid, dl, fin in missed]
        raise CheckFailed("; ".join(lines))
