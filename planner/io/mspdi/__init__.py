"""MS Project XML (MSPDI) <-> :class:`~planner.model.Plan` / :class:`~planner.schedule.Schedule`.

Field by field, the way MPXJ maps every format onto one project model: each MSPDI element that
planner carries has one place in :class:`Plan` or :class:`Schedule`, and the mapping is the same
in both directions (see ``docs/ms-project.md`` for the table).  The package:

- :mod:`.fields`: the one field map (namespaces, link and constraint codes, duration formats,
  task ids and UIDs); :mod:`.clock`: working time as MSPDI date-times and durations, both ways;
  :mod:`.xml`: safe parsing, line numbers, a deterministic writer.
- writing: :mod:`.writer` (the document, project fields, resources, assignments),
  :mod:`.writer_calendars`, :mod:`.writer_tasks` (tasks and links).
- reading: :mod:`.reader` (the passes and :class:`Imported`) over a :class:`.source.Source`,
  by element: :mod:`.project`, :mod:`.tasks`, :mod:`.links`, :mod:`.calendars`,
  :mod:`.resources`, :mod:`.assignments`; :mod:`.folding` turns the file's calendar into one
  of planner's.

Writing (:func:`schedule_to_mspdi`) follows what MPXJ's ``MSPDIWriter`` emits and MS Project
accepts: the pj12 schema's element order, durations as ``PT#H#M#S`` in working hours, link lags
in tenths of minutes with their ``LagFormat``, calendar exceptions sorted and in both the legacy
(``WeekDay`` ``DayType`` 0) and the Project 2007 (``Exceptions``) form, the project summary task
as UID 0, and ``ActualDuration``/``RemainingDuration`` on every task.  The scheduled dates are
written, and every task stays auto-scheduled (``Manual`` 0, its own constraint or ASAP), so MS
Project recomputes the same dates.

Reading (:func:`read_mspdi`) parses with ``defusedxml`` (no entity expansion, no external
references) and reports every problem as ``FILE:LINE: message``.  The base calendar and its
exceptions are folded back into one of planner's calendars plus the seasons and dated exceptions
that reproduce the file's working days exactly over the years it covers.
"""
from __future__ import annotations

from .fields import NS, NS_2007, resource_name, task_uids
from .folding import fold_calendar
from .reader import Imported, read_mspdi
from .writer import schedule_to_mspdi, write_mspdi

__all__ = ["NS", "NS_2007", "Imported", "fold_calendar", "read_mspdi", "resource_name",
           "schedule_to_mspdi", "task_uids", "write_mspdi"]
