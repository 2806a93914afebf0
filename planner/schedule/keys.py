"""Link types, constraint codes and the arithmetic of *time keys*.

``2*i`` is 08:00 on working day ``i``, ``2*i - 1`` is 16:00 on working day ``i - 1``; both sit
at working-time position ``i`` (see :mod:`planner.calendar`).
"""
from __future__ import annotations

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
    start (08:00), as MS Project's calendar arithmetic does.

    >>> add_work(0, 3)      # 08:00 on day 0, plus three days: 16:00 on day 2
    5
    >>> add_work(5, -3)     # and back: 08:00 on day 0
    0
    >>> add_work(4, 0)
    4
    """
    if n > 0:
        return 2 * ((k + 1) // 2 + n) - 1
    if n < 0:
        return 2 * ((k + 1) // 2 + n)
    return k


def pos(k: int) -> int:
    """Working-time position of a key (working days since the origin).

    >>> pos(4), pos(3)      # 08:00 on day 2 and 16:00 on day 1 are the same instant of work
    (2, 2)
    """
    return (k + 1) // 2
