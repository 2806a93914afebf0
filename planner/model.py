"""The plan as plain data: no dates are computed here and nothing is read or written.

A :class:`Plan` holds its tasks in outline order (a summary task comes before its children, as in
MS Project's task list).  Durations and lags are whole working days.  Every object remembers
``src``, its path in the document it was read from, so errors can point at a line later.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LINK_TYPES = ("FS", "SS", "FF", "SF")

#: MS Project constraint types, by the short names used in plans (MSPDI codes in brackets):
#: as soon as possible (0), as late as possible (1), must start on (2), must finish on (3),
#: start no earlier than (4), start no later than (5), finish no earlier than (6),
#: finish no later than (7).
CONSTRAINT_TYPES = ("ASAP", "ALAP", "MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT")
DATED_CONSTRAINTS = ("MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT")

#: lag units: whole working days, or elapsed (calendar) days as MS Project's "edays"
LAG_UNITS = ("d", "ed")
#: duration units: working days, or elapsed days (``ed``: calendar days, nights and weekends
#: included, as MS Project's "edays")
DURATION_UNITS = ("d", "ed")

#: the years a date may fall in: far beyond any plan, and far from the ends of ``datetime``
MIN_YEAR, MAX_YEAR = 1900, 2999
#: the most working or calendar days a duration, lag or delay may have (about 270 years), so
#: that no date arithmetic can leave the years ``datetime`` knows, whatever the plan's dates
MAX_DAYS = 100_000
#: the most units a resource may have or a task may ask for (1 = one full-time person)
MAX_UNITS = 10_000
#: the deepest outline a plan may have; it keeps every recursive walk of the outline (the
#: YAML writer's, for one) far from Python's recursion limit
MAX_OUTLINE = 100
#: how work not done by the status date is scheduled (docs/tracking.md): ``after_status_date``
#: is MS Project's *Update Project: reschedule uncompleted work to start after* the status date;
#: ``as_is`` schedules it straight after the actual part, as MS Project does without that update.
RESCHEDULE_MODES = ("after_status_date", "as_is")
#: out-of-sequence progress: ``retained_logic`` (MS Project's *Split in-progress tasks* on) makes
#: the remaining work wait for the predecessors; ``progress_override`` (off) lets it go on.
OUT_OF_SEQUENCE_RULES = ("retained_logic", "progress_override")


def minutes_text(minutes: int, prefix: str = "") -> str:
    """Working minutes in the plan file's units: ``4h`` or ``90min`` (``prefix`` ``e``:
    elapsed, ``4eh``, ``90emin``)."""
    return f"{minutes // 60}{prefix}h" if minutes % 60 == 0 else f"{minutes}{prefix}min"


def elapsed_text(days) -> str:
    """Elapsed days in the plan file's units: ``3ed``, or ``36eh``, ``90emin`` for part of a day
    (a part-day plan's)."""
    if days == int(days):
        return f"{int(days)}ed"
    return minutes_text(int(round(days * 24 * 60)), "e")


@dataclass(slots=True)
class Link:
    """A dependency on ``pred``: ``type`` FS/SS/FF/SF with ``lag`` in ``lag_unit``."""

    pred: str
    type: str = "FS"
    lag: int | float = 0                 # a fraction of a day only in a part-day plan
    lag_unit: str = "d"
    src: tuple = ()

    def label(self, minutes_per_day: int | None = None) -> str:
        """MS Project's predecessor notation, e.g. ``48FS-12 days``-style ``48FS-12``; a
        part-day lag in hours or minutes of working time (``5FS+4h``) or elapsed (``+1.5ed``)."""
        if self.type == "FS" and self.lag == 0:
            return self.pred
        if self.lag == 0:
            return f"{self.pred}{self.type}"
        unit = "ed" if self.lag_unit == "ed" else ""
        lag = self.lag
        if lag == int(lag):
            return f"{self.pred}{self.type}{int(lag):+d}{unit}"
        if minutes_per_day and not unit:
            minutes = int(round(lag * minutes_per_day))
            return f"{self.pred}{self.type}{'+' if minutes > 0 else '-'}{minutes_text(abs(minutes))}"
        if unit:
            return f"{self.pred}{self.type}{'+' if lag > 0 else '-'}{elapsed_text(abs(lag))}"
        return f"{self.pred}{self.type}{lag:+g}"


@dataclass(slots=True)
class Constraint:
    type: str
    date: dt.date | None = None
    src: tuple = ()


@dataclass(slots=True)
class Assignment:
    resource: str
    units: float = 1.0
    src: tuple = ()


@dataclass(slots=True)
class Task:
    id: str
    name: str
    duration: int | float | None = None  # working days (a fraction only in a part-day plan);
    #                                      None for a summary (rolled up)
    parent: str | None = None
    outline_level: int = 1
    predecessors: list[Link] = field(default_factory=list)
    constraint: Constraint | None = None
    deadline: dt.date | None = None
    leveling_delay: int = 0              # working days added to the early start (levelling)
    assignments: list[Assignment] = field(default_factory=list)
    notes: str = ""
    summary: bool = False
    src: tuple = ()
    duration_unit: str = "d"             # "ed": ``duration`` is in elapsed (calendar) days
    # a manually scheduled task keeps the dates it is given (MS Project's ``Manual``): its
    # links drive its successors but do not move it
    manual: bool = False
    start: dt.date | None = None         # manual tasks: the first working day
    finish: dt.date | None = None        # manual tasks: the last working day
    # a split task pauses: ((after, days), ...) = after ``after`` working days of its work it
    # stops for ``days`` working days (increasing ``after``, each 0 < after < duration)
    pauses: tuple = ()
    calendar: str | None = None          # a task calendar: the name of one of plan.calendars
    # MS Project's rule: a task with resources works when its resources' calendars work,
    # unless it ignores them
    ignore_resource_calendar: bool = False
    # progress as reported (docs/tracking.md); None = not reported
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    percent_complete: float | int | None = None    # of the duration, 0-100 (MS Project's %)
    remaining_days: int | None = None              # working days still to do (a re-estimate)
    progress_src: tuple = ()                       # path of the progress in its document

    @property
    def milestone(self) -> bool:
        return not self.summary and self.duration == 0

    @property
    def span(self) -> int | None:
        """Working days from its first to its last working day: the duration plus the pauses
        of a split task."""
        if self.duration is None:
            return None
        return self.duration + sum(days for _after, days in self.pauses)

    @property
    def has_progress(self) -> bool:
        return (self.actual_start is not None or self.actual_finish is not None
                or self.percent_complete is not None or self.remaining_days is not None)


@dataclass(slots=True)
class Resource:
    """A person or role.  ``capacity`` in units: 1 is one full-time person, 0.5 half time."""

    id: str
    name: str
    capacity: float = 1.0
    absences: list["CalendarException"] = field(default_factory=list)
    assumption: bool = False
    notes: str = ""
    src: tuple = ()
    calendar: str | None = None          # its working days: the name of one of plan.calendars


@dataclass(frozen=True, slots=True)
class SeasonRule:
    """A holiday season that recurs every year.

    ``kind`` and ``params``:
      - ``month``: (m,) the whole month m
      - ``iso_weeks``: (first, last) ISO weeks first..last inclusive
      - ``easter``: (first, last) days relative to Easter Sunday, e.g. (-6, -4) is Monday to
        Wednesday before Maundy Thursday
      - ``dates``: ((m1, d1), (m2, d2)) a fixed range of days each year, may wrap past New Year
    """

    name: str
    kind: str
    params: tuple
    label: str = ""
    label_en: str = ""           # the label in English (charts and reports with --lang en)


@dataclass(frozen=True, slots=True)
class CalendarException:
    """Dates ``start``..``finish`` (inclusive) made non-working (or working, if ``working``)."""

    start: dt.date
    finish: dt.date
    name: str = ""
    working: bool = False
    #: a working exception's own working hours (``(("08:00", "12:00"), ...)``); empty: the
    #: calendar's ordinary hours
    hours: tuple = ()


@dataclass(slots=True)
class CalendarDef:
    """A resolved calendar: base week and public holidays plus the seasons and exceptions that
    apply.  ``catalog`` holds every season the base calendar defines, applied or not, so that a
    scenario can switch one on by name."""

    name: str
    label: str = ""
    workweek: tuple = (0, 1, 2, 3, 4)            # Monday = 0
    country: str | None = None                   # public holidays from ``holidays``
    subdiv: str | None = None
    hours: tuple = ("08:00", "16:00")            # one block, or ((start, finish), ...)
    #: working hours per weekday (Monday first, 7 entries of ((start, finish), ...)); empty:
    #: ``hours`` on every working day.  Only part-day plans schedule by the hours.
    week_hours: tuple = ()
    first_year: int = 1970
    last_year: int = 2199
    seasons: tuple = ()                          # SeasonRule, applied
    exceptions: tuple = ()                       # CalendarException, from the plan
    base_exceptions: tuple = ()                  # CalendarException, from the base file
    catalog: dict = field(default_factory=dict)  # name -> SeasonRule
    src: tuple = ()


@dataclass(slots=True)
class Plan:
    name: str
    start: dt.date
    calendar: CalendarDef
    tasks: list[Task] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    source: str | None = None                    # file the plan was read from
    notes: str = ""
    status_date: dt.date | None = None           # the last day of reported work
    language: str | None = None                  # nb | en: the default for reports and charts
    report: dict = field(default_factory=dict)   # board-report settings, e.g. amber_days
    src: tuple = ()
    #: named calendars for tasks and resources (name -> CalendarDef); at whole-day resolution a
    #: task works on the days both the plan's calendar and these work
    calendars: dict = field(default_factory=dict)
    #: None: no status applied (the plan is scheduled as written, a status date only draws a
    #: line); otherwise one of RESCHEDULE_MODES
    reschedule: str | None = None
    out_of_sequence: str = "retained_logic"      # one of OUT_OF_SEQUENCE_RULES
    status_source: str | None = None             # the status file the progress came from
    #: None: a whole-day plan (durations and lags are whole working days).  Set: the plan has
    #: part-day work, schedules in working minutes (planner.working_time) and a working day of
    #: duration is this many minutes (MS Project's *hours per day* times 60); durations, lags
    #: and delays may then be fractions of a day
    minutes_per_day: int | None = None
    #: a part-day plan's start time on its start date (MS Project's StartDate 09:00); None: the
    #: start of the working day
    start_time: dt.time | None = None

    @property
    def tracked(self) -> bool:
        """True when a status is applied: progress is scheduled against the status date."""
        return self.reschedule is not None and self.status_date is not None

    def task_index(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    def children(self) -> dict[str, list[str]]:
        kids: dict[str, list[str]] = {}
        for t in self.tasks:
            if t.parent is not None:
                kids.setdefault(t.parent, []).append(t.id)
        return kids
