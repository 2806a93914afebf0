"""Reading ``<PredecessorLink>`` elements into :class:`~planner.model.Link` on the tasks.

A link's type is its MSPDI code (:data:`~planner.io.mspdi.fields.LINK_TYPE_NAME`); its lag is
in tenths of minutes in its ``LagFormat``: working time (days of ``MinutesPerDay``), elapsed
time (24-hour days, kept as planner's elapsed days) or a percentage of the predecessor's
duration.  Links to other projects and to left-out tasks are left out with a note.
"""
from __future__ import annotations

from ...model import Link
from .clock import ReadClock
from .fields import (ELAPSED_FORMATS, ELAPSED_MINUTES_PER_DAY, FMT_DAYS, LINK_TYPE_NAME,
                     PERCENT_FORMATS, plain_format)
from .source import Source
from .tasks import TaskRecord


def read_links(src: Source, clock: ReadClock, records: list[TaskRecord],
               by_uid: dict[int, TaskRecord]) -> None:
    """Every carried task's predecessors; ``by_uid`` holds the carried tasks' records."""
    for r in records:
        t = r.task
        if t is None:
            continue
        for el in r.links:
            puid = src.int(el, "PredecessorUID")
            if puid is None:
                raise src.fail(el, f"task UID {r.uid}: a <PredecessorLink> needs a "
                                   f"<PredecessorUID>")
            pred = by_uid.get(puid)
            if src.bool(el, "CrossProject") and (pred is None or pred.external is None):
                src.note(f"task UID {r.uid}: link from another project "
                         f"({src.text(el, 'CrossProjectName', '?')}) left out: the file holds "
                         f"no dates for its task")
                continue
            if pred is None:
                if any(x.uid == puid for x in records):
                    src.note(f"task UID {r.uid}: link from left-out task UID {puid} left out")
                    continue
                raise src.fail(el, f"task UID {r.uid}: <PredecessorUID> {puid} is not a task "
                                   f"in this file")
            if puid == r.uid:
                raise src.fail(el, f"task UID {r.uid} is its own predecessor")
            code = src.int(el, "Type", 1)
            if code not in LINK_TYPE_NAME:
                raise src.fail(src.child(el, "Type"), f"link <Type> {code} is not 0 (FF), "
                                                      f"1 (FS), 2 (SF) or 3 (SS)")
            lag, unit = _lag(src, clock, el, r, pred)
            t.predecessors.append(Link(pred=pred.task.id, type=LINK_TYPE_NAME[code], lag=lag,
                                       lag_unit=unit if lag else "d",
                                       src=("Tasks", r.k, "predecessors",
                                            len(t.predecessors))))


def _lag(src: Source, clock: ReadClock, el, r: TaskRecord, pred: TaskRecord) -> tuple[int, str]:
    """The link's ``LinkLag`` as (whole days, planner's lag unit)."""
    lag_value = src.int(el, "LinkLag", 0)
    fmt = plain_format(src.int(el, "LagFormat", FMT_DAYS))
    if not lag_value:
        return 0, "d"
    at = src.child(el, "LinkLag")
    if fmt in PERCENT_FORMATS:
        pdur = pred.task.duration or 0
        return src.days(lag_value / 100 * pdur * clock.minutes_per_day, clock.minutes_per_day,
                        "lag in percent", r.uid, at), "d"
    if fmt in ELAPSED_FORMATS:
        return src.days(lag_value / 10, ELAPSED_MINUTES_PER_DAY, "elapsed lag", r.uid, at), "ed"
    return src.days(lag_value / 10, clock.minutes_per_day, "lag", r.uid, at), "d"
