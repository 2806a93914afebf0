"""Split tasks from the assignments' timephased work (``<TimephasedData>`` of types 1 and 2:
remaining and actual work, one period per day as MS Project saves it).

A task is split when its work leaves whole working days out between its first and its last day
of work.  planner carries a split whose parts are whole working days as ``pauses`` on the task
(see :mod:`planner.schedule.special`); a split inside a day is part-day work and is left as it
is, with a note.  A task's ``Stop`` and ``Resume`` (where its actual work stops and its remaining
work resumes) are progress, read with the progress of a status.
"""
from __future__ import annotations

from ...calendar import WorkCalendar
from .clock import ReadClock
from .source import Source

#: TimephasedData types: assignment remaining work, assignment actual work
WORK_TYPES = (1, 2)


def read_splits(src: Source, clock: ReadClock, wcal: WorkCalendar, by_uid: dict) -> None:
    """Set ``pauses`` on the carried tasks whose timephased work has whole-day gaps."""
    work: dict[int, set] = {}
    for a in src.children(src.child(src.root, "Assignments"), "Assignment"):
        uid = src.int(a, "TaskUID")
        r = by_uid.get(uid)
        if r is None or r.task.summary or r.task.manual or not r.task.duration \
                or r.task.duration_unit != "d":
            continue
        days = work.setdefault(uid, set())
        for td in src.children(a, "TimephasedData"):
            if src.int(td, "Type") not in WORK_TYPES:
                continue
            minutes = src.minutes(td, "Value")
            finish = src.datetime(td, "Finish")
            if not minutes or minutes <= 0 or finish is None:
                continue
            day = clock.date(finish, finish=True)
            if wcal.is_working(day):
                days.add(wcal.index(day))
    for uid, days in work.items():
        pauses = _pauses(sorted(days))
        if not pauses:
            continue
        t = by_uid[uid].task
        worked = len(days)
        if worked != t.duration:
            src.note(f"task UID {uid} is split, but not at whole working days ({worked} days "
                     f"of work for a duration of {t.duration}): carried without the split")
            continue
        t.pauses = pauses
        src.note(f"task UID {uid} is split: carried with its pauses "
                 f"({', '.join(f'{n} days after {a}' for a, n in pauses)})")


def _pauses(days: list[int]) -> tuple:
    """Working-day indices with work as (after, days) pauses.

    >>> _pauses([3, 4, 5, 8, 9]), _pauses([1, 2, 3])
    (((3, 2),), ())
    """
    out = []
    done = 0
    for a, b in zip(days, days[1:]):
        done += 1
        if b > a + 1:
            out.append((done, b - a - 1))
    return tuple(out)
