"""Working-day calendars: dates <-> integer working-day indices.

A :class:`WorkCalendar` is built from a :class:`~planner.model.CalendarDef`: the working week,
public holidays from the ``holidays`` package, holiday seasons that recur every year (summer,
Easter week, romjul, ...) and dated exceptions.  It materialises a window of whole years as two
arrays and answers every question in O(1):

* ``_days[i]``: the ordinal of the i-th working day of the window;
* ``_before[o - base]``: how many working days of the window lie before ordinal ``o``.

Index 0 is the first working day on or after the calendar's *origin* (the plan's start date), so
indices before it are negative.  The window grows (whole years at a time) when a date or index
beyond it is asked for, up to the calendar's declared range of years.

Scheduling uses *time keys*, integers that tell apart the two instants that border a span of
non-working time: key ``2*i`` is the start (08:00) of working day ``i`` and key ``2*i - 1`` is the
end (16:00) of working day ``i - 1``.  Both sit at working-time position ``i`` (``(k + 1) // 2``);
the day a key falls on is ``k // 2``.  Ordinary tasks start on even keys and finish on odd ones;
a milestone may sit at either, as in MS Project.
"""
from __future__ import annotations

import datetime as dt
from array import array
from functools import lru_cache

from dateutil.easter import easter

from .errors import PlanError
from .model import CalendarDef, CalendarException, SeasonRule

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def season_ranges(rule: SeasonRule, year: int) -> list[tuple[dt.date, dt.date]]:
    """The date ranges (inclusive) that ``rule`` covers in ``year``."""
    kind, p = rule.kind, rule.params
    if kind == "month":
        (month,) = p
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return [(first, nxt - dt.timedelta(days=1))]
    if kind == "iso_weeks":
        first, last = p
        weeks_in_year = dt.date(year, 12, 28).isocalendar()[1]
        last = min(last, weeks_in_year)
        if first > last:
            return []
        return [(dt.date.fromisocalendar(year, first, 1), dt.date.fromisocalendar(year, last, 7))]
    if kind == "easter":
        first, last = p
        sunday = easter(year)
        return [(sunday + dt.timedelta(days=first), sunday + dt.timedelta(days=last))]
    if kind == "dates":
        (m1, d1), (m2, d2) = p
        if (m2, d2) >= (m1, d1):
            return [(dt.date(year, m1, d1), _clamp_day(year, m2, d2))]
        # wraps past New Year: the tail of this year and the head of the same season's range
        return [(dt.date(year, 1, 1), _clamp_day(year, m2, d2)),
                (dt.date(year, m1, d1), dt.date(year, 12, 31))]
    raise ValueError(f"unknown season kind {kind!r}")


def _clamp_day(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            day -= 1


@lru_cache(maxsize=64)
def _public_holidays(country: str, subdiv: str | None, first: int, last: int,
                     lang: str | None = None) -> tuple:
    from .holiday_cache import holiday_dates

    if lang == "en":
        language = "en_US"
    else:
        language = "no" if country.upper() in ("NO", "NOR") else None
    try:
        return holiday_dates(country, subdiv, language, first, last)
    except NotImplementedError as exc:
        raise PlanError(f"no public holidays are known for country {country!r}") from exc


class WorkCalendar:
    """Working days of a :class:`CalendarDef`, indexed from ``origin``."""

    #: positions per working day (a :class:`~planner.working_time.MinuteCalendar` counts minutes)
    scale = 1
    part_day = False

    def __init__(self, cal: CalendarDef, origin: dt.date):
        self.cal = cal
        self.origin = origin
        if not cal.first_year <= origin.year <= cal.last_year:
            raise PlanError(f"start date {origin.isoformat()} is outside the years "
                            f"{cal.first_year}-{cal.last_year} that calendar {cal.name!r} covers")
        self._workweek = frozenset(cal.workweek)
        self._y0 = self._y1 = None
        self._build(max(cal.first_year, origin.year - 1), min(cal.last_year, origin.year + 3))

    # -- window -------------------------------------------------------------------------------
    def _build(self, y0: int, y1: int) -> None:
        base = dt.date(y0, 1, 1).toordinal()
        end = dt.date(y1, 12, 31).toordinal()
        nonwork = self._nonworking_set(y0, y1)
        forced = self._forced_working(y0, y1)
        days = array("l")
        before = array("l", [0]) * (end - base + 2)
        count = 0
        workweek = self._workweek
        first_weekday = dt.date.fromordinal(base).weekday()
        for off in range(end - base + 1):
            before[off] = count
            o = base + off
            if o in forced or ((first_weekday + off) % 7 in workweek and o not in nonwork):
                days.append(o)
                count += 1
        before[end - base + 1] = count
        shift = before[self.origin.toordinal() - base]
        self._y0, self._y1, self._base, self._end = y0, y1, base, end
        self._days, self._before, self._shift = days, before, shift
        self._n = count

    def _ensure_years(self, y_lo: int, y_hi: int) -> None:
        if self._y0 <= y_lo and y_hi <= self._y1:
            return
        cal = self.cal
        if y_lo < cal.first_year or y_hi > cal.last_year:
            bad = y_lo if y_lo < cal.first_year else y_hi
            raise PlanError(f"the schedule reaches {bad}, outside the years "
                            f"{cal.first_year}-{cal.last_year} that calendar {cal.name!r} covers")
        span = self._y1 - self._y0 + 1
        lo = min(y_lo, self._y0 - (span if y_lo < self._y0 else 0))
        hi = max(y_hi, self._y1 + (span if y_hi > self._y1 else 0))
        self._build(max(lo, cal.first_year), min(hi, cal.last_year))

    def _ensure_index(self, i: int) -> None:
        while not 0 <= i + self._shift < self._n:
            if i + self._shift < 0:
                if self._y0 <= self.cal.first_year:
                    raise PlanError(f"the schedule reaches before {self.cal.first_year}, outside "
                                    f"the years calendar {self.cal.name!r} covers")
                self._ensure_years(self._y0 - 1, self._y1)
            else:
                if self._y1 >= self.cal.last_year:
                    raise PlanError(f"the schedule reaches past {self.cal.last_year}, outside "
                                    f"the years calendar {self.cal.name!r} covers")
                self._ensure_years(self._y0, self._y1 + 1)

    def _ensure_ordinal(self, o: int) -> None:
        if not self._base <= o <= self._end:
            y = dt.date.fromordinal(o).year
            self._ensure_years(min(y, self._y0), max(y, self._y1))

    # -- non-working days ---------------------------------------------------------------------
    def _nonworking_set(self, y0: int, y1: int) -> set:
        out = set()
        for day, _name in self.public_holidays(y0, y1):
            out.add(day.toordinal())
        for rule in self.cal.seasons:
            for year in range(y0, y1 + 1):
                for a, b in season_ranges(rule, year):
                    out.update(range(a.toordinal(), b.toordinal() + 1))
        out.update(self._exception_days(y0, y1, working=False))
        return out

    def _forced_working(self, y0: int, y1: int) -> set:
        return set(self._exception_days(y0, y1, working=True))

    def _exception_days(self, y0: int, y1: int, working: bool):
        """The ordinals of the (non-)working exceptions inside the years ``y0``..``y1`` only: an
        exception may span centuries, the window holds a few years."""
        lo, hi = dt.date(y0, 1, 1).toordinal(), dt.date(y1, 12, 31).toordinal()
        for exc in self.all_exceptions():
            if exc.working == working:
                yield from range(max(lo, exc.start.toordinal()),
                                 min(hi, exc.finish.toordinal()) + 1)

    def all_exceptions(self) -> tuple:
        return tuple(self.cal.base_exceptions) + tuple(self.cal.exceptions)

    def public_holidays(self, y0: int, y1: int, lang: str | None = None) -> tuple:
        """``((date, name), ...)``; names in the country's language, or English for ``en``."""
        if not self.cal.country:
            return ()
        return _public_holidays(self.cal.country, self.cal.subdiv, y0, y1, lang)

    # -- queries ------------------------------------------------------------------------------
    def is_working(self, d: dt.date) -> bool:
        o = d.toordinal()
        self._ensure_ordinal(o)
        off = o - self._base
        return self._before[off + 1] > self._before[off]

    def count_before(self, d: dt.date) -> int:
        """Index of the first working day on or after ``d`` (= working days before ``d``)."""
        o = d.toordinal()
        self._ensure_ordinal(o)
        return self._before[o - self._base] - self._shift

    def index(self, d: dt.date) -> int:
        """Index of working day ``d``; a non-working date raises ValueError."""
        if not self.is_working(d):
            raise ValueError(f"{d.isoformat()} is not a working day")
        return self.count_before(d)

    def index_on_or_after(self, d: dt.date) -> int:
        return self.count_before(d)

    def index_on_or_before(self, d: dt.date) -> int:
        return self.count_before(d + dt.timedelta(days=1)) - 1

    def date(self, i: int) -> dt.date:
        """The date of working day ``i``."""
        j = i + self._shift
        if not 0 <= j < self._n:
            self._ensure_index(i)
            j = i + self._shift
        return dt.date.fromordinal(self._days[j])

    def ordinal(self, i: int) -> int:
        j = i + self._shift
        if not 0 <= j < self._n:
            self._ensure_index(i)
            j = i + self._shift
        return self._days[j]

    def working_days(self, first: dt.date, last: dt.date) -> int:
        """Working days from ``first`` to ``last``, both included."""
        return self.count_before(last + dt.timedelta(days=1)) - self.count_before(first)

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The working day ``n`` working days after (before, if negative) working day ``d``."""
        return self.date(self.index_on_or_after(d) + n)

    # -- time keys ----------------------------------------------------------------------------
    def start_key(self, d: dt.date) -> int:
        """08:00 on ``d``, moved to the next working start when ``d`` is not a working day."""
        return 2 * self.count_before(d)

    def finish_key(self, d: dt.date) -> int:
        """16:00 on ``d``, moved back to the previous working finish when ``d`` is not working."""
        return 2 * self.count_before(d + dt.timedelta(days=1)) - 1

    def key_date(self, k: int) -> dt.date:
        return self.date(k // 2)

    def add_elapsed(self, k: int, days: int) -> int:
        """Key ``k`` plus ``days`` calendar days (an elapsed lag), landing on the next working
        time when the result is non-working; a 16:00 on a working day stays (milestones)."""
        if days == 0:
            return k
        o = self.ordinal(k // 2) + days
        self._ensure_ordinal(o)
        off = o - self._base
        before = self._before
        if k % 2 == 0:
            return 2 * (before[off] - self._shift)
        if before[off + 1] > before[off]:          # working day: its own 16:00
            return 2 * (before[off + 1] - self._shift) - 1
        return 2 * (before[off] - self._shift)

    # -- description --------------------------------------------------------------------------
    def nonworking_periods(self, first: dt.date, last: dt.date,
                           lang: str | None = None) -> list[tuple]:
        """Non-working weekdays from ``first`` to ``last`` as merged ranges with a reason:
        ``[(start, finish, name, kind)]`` with kind ``holiday``, ``season`` or ``exception``;
        plus working exceptions that fall on days off, kind ``working``.  With ``lang="en"``
        holidays and seasons are named in English (a season's ``label_en``)."""
        self._ensure_ordinal(first.toordinal())
        self._ensure_ordinal(last.toordinal())
        names: dict[int, tuple[str, str]] = {}
        y0, y1 = first.year, last.year
        for day, name in self.public_holidays(y0, y1, "en" if lang == "en" else None):
            names.setdefault(day.toordinal(), (name, "holiday"))
        for rule in self.cal.seasons:
            label = (lang == "en" and rule.label_en) or rule.label or rule.name
            for year in range(y0, y1 + 1):
                for a, b in season_ranges(rule, year):
                    for o in range(a.toordinal(), b.toordinal() + 1):
                        names.setdefault(o, (label, "season"))
        for exc in self.all_exceptions():
            if not exc.working:
                for o in range(exc.start.toordinal(), exc.finish.toordinal() + 1):
                    names[o] = (exc.name or "exception", "exception")
        out: list[list] = []
        for o in range(first.toordinal(), last.toordinal() + 1):
            d = dt.date.fromordinal(o)
            working = self.is_working(d)
            weekday_work = d.weekday() in self._workweek
            if weekday_work and not working:
                name, kind = names.get(o, ("", "exception"))
            elif working and not weekday_work:
                name, kind = next(((e.name, "working") for e in self.all_exceptions()
                                   if e.working and e.start <= d <= e.finish), ("", "working"))
            else:
                continue
            if out and out[-1][1].toordinal() == o - 1 and out[-1][2] == name and out[-1][3] == kind:
                out[-1][1] = d
            elif (out and out[-1][2] == name and out[-1][3] == kind
                  and all(dt.date.fromordinal(x).weekday() not in self._workweek
                          for x in range(out[-1][1].toordinal() + 1, o))):
                out[-1][1] = d          # a weekend inside a season does not split it
            else:
                out.append([d, d, name, kind])
        return [tuple(x) for x in out]


def weekday_numbers(names) -> tuple:
    out = []
    for n in names:
        key = str(n).strip().lower()[:3]
        if key not in WEEKDAYS:
            raise ValueError(f"unknown weekday {n!r}")
        out.append(WEEKDAYS.index(key))
    return tuple(sorted(set(out)))


__all__ = ["WorkCalendar", "season_ranges", "weekday_numbers", "CalendarException", "SeasonRule"]
