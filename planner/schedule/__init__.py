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

The package, one idea per module: :mod:`~planner.schedule.keys` (link and constraint codes, time
key arithmetic), :mod:`~planner.schedule.network` (the plan compiled to a :class:`Network`),
:mod:`~planner.schedule.passes` (forward and backward passes), :mod:`~planner.schedule.rollup`
(summary logic, roll-up, floats), :mod:`~planner.schedule.result` (the :class:`Schedule`),
:mod:`~planner.schedule.checks` and :mod:`~planner.schedule.cpm` (:func:`schedule`, the steps in
order).
"""
from .checks import BrokenLink, broken_links, check_deadlines, check_summary_durations
from .cpm import schedule
from .keys import (ALAP, ASAP, CONSTRAINT_CODE, ELAPSED_DAY_IN_DAYS, FF, FNET, FNLT, FS, MFO,
                   MSO, SF, SNET, SNLT, SS, TYPE_CODE, TYPE_NAME, add_work, pos)
from .network import Network, compile_plan, topological_order
from .passes import backward_pass, forward_pass, link_finish, link_start
from .result import Schedule
from .rollup import expand_summary_links, free_float, rollup, total_float

__all__ = [
    "schedule", "Schedule", "Network", "compile_plan", "check_deadlines", "BrokenLink",
    "broken_links",
    "check_summary_durations", "topological_order", "forward_pass", "backward_pass",
    "link_start", "link_finish", "expand_summary_links", "rollup", "total_float", "free_float",
    "add_work", "pos", "FS", "SS", "FF", "SF", "TYPE_CODE", "TYPE_NAME", "ASAP", "ALAP", "MSO",
    "MFO", "SNET", "SNLT", "FNET", "FNLT", "CONSTRAINT_CODE", "ELAPSED_DAY_IN_DAYS",
]
