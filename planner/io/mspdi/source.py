"""The parsed MSPDI document as the element readers see it: typed values, errors, notes.

One :class:`Source` is made per file and passed to every reader function.  It finds elements
by their tag in the file's namespace (ElementTree's fast path), turns their text into numbers,
flags, date-times and durations, raises every problem as ``FILE:LINE: message`` at the element
that holds it, and collects the notes about what could not be carried over exactly.
"""
from __future__ import annotations

import datetime as dt
import math
import re

from ...errors import PlanError
from ...model import MAX_DAYS, MAX_YEAR, MIN_YEAR
from ..documents import short
from .fields import iso_minutes
from .xml import from_xml_text, line_of

_WHOLE = re.compile(r"\s*[+-]?[0-9]{1,18}\s*")
#: calendar exception days a file may hold in all (ranges and recurrences): about 270 years
MAX_EXCEPTION_DAYS = 100_000


class Source:
    """A parsed MSPDI file (``path``, its bytes ``raw`` and ``root`` element), the directory
    where the plan will be saved (``near``) and the notes gathered while reading it."""

    def __init__(self, path: str, raw: bytes, root, near: str | None):
        self.path = path
        self.raw = raw
        self.root = root
        self.near = near
        self.notes: list[str] = []
        self.ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        self.exception_days = 0
        #: a part-day plan's minutes per working day (durations and lags are then kept to the
        #: minute as fractions of a day); None: whole days
        self.part_day: int | None = None

    # -- elements ---------------------------------------------------------------------------
    def child(self, el, name):
        return None if el is None else el.find(self.ns + name)

    def children(self, el, name) -> list:
        return [] if el is None else el.findall(self.ns + name)

    # -- problems and notes -------------------------------------------------------------------
    def fail(self, el, message: str) -> PlanError:
        """The error to raise for ``el``: ``FILE:LINE: message``."""
        return PlanError(message, file=self.path, line=line_of(self.raw, self.root, el) or 1)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def days(self, minutes: float, per_day: float, what: str, uid: int, el=None):
        """``minutes`` as whole days of ``per_day`` minutes, with a note when it is rounded; more
        than ``MAX_DAYS`` is an error at ``el``."""
        days = minutes / per_day
        if not abs(days) <= MAX_DAYS:           # also NaN
            raise self.fail(el if el is not None else self.root,
                            f"task UID {uid}: {what} of {days:g} days (at most {MAX_DAYS})")
        if self.part_day and per_day in (self.part_day, 24 * 60):
            from ...working_time import to_days

            return to_days(int(round(minutes)), per_day)       # kept to the minute
        whole = int(math.floor(abs(days) + 0.5)) * (1 if days >= 0 else -1)
        if abs(days - whole) > 1e-6:
            self.note(f"task UID {uid}: {what} of {days:g} days rounded to {whole}")
        return whole

    def count_exception_days(self, n: int, el) -> None:
        """Count ``n`` more calendar exception days; past ``MAX_EXCEPTION_DAYS`` an error."""
        self.exception_days += max(0, n)
        if self.exception_days > MAX_EXCEPTION_DAYS:
            raise self.fail(el, f"calendar exceptions cover more than {MAX_EXCEPTION_DAYS:,} "
                                f"days in all")

    # -- values -------------------------------------------------------------------------------
    def text(self, el, name, default=None):
        c = self.child(el, name)
        if c is None or c.text is None or not c.text.strip():
            return default
        return c.text.strip()

    def exact(self, el, name, default=""):
        """A text as the file holds it: spaces, tabs, line breaks and (from planner's control
        pictures, see :func:`~planner.io.mspdi.xml.xml_text`) control characters kept."""
        c = self.child(el, name)
        if c is None or c.text is None or not c.text.strip():
            return default
        return from_xml_text(c.text)

    def int(self, el, name, default=None):
        value = self.text(el, name)
        if value is None:
            return default
        if not _WHOLE.fullmatch(value):
            raise self.fail(self.child(el, name),
                            f"<{name}> must be a whole number, not {short(value)}")
        return int(value)

    def float(self, el, name, default=None):
        """A finite number (NaN and infinity are refused: they must never reach a plan)."""
        value = self.text(el, name)
        if value is None:
            return default
        try:
            x = float(value)
        except ValueError:
            x = math.nan
        if not math.isfinite(x) or len(value) > 40:
            raise self.fail(self.child(el, name),
                            f"<{name}> must be a finite number, not {short(value)}")
        return x

    def bool(self, el, name, default=False) -> bool:
        value = self.text(el, name)
        if value is None:
            return default
        if value.lower() in ("1", "true"):
            return True
        if value.lower() in ("0", "false"):
            return False
        raise self.fail(self.child(el, name), f"<{name}> must be 0 or 1, not {value!r}")

    def datetime(self, el, name):
        value = self.text(el, name)
        if value is None:
            return None
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(self.child(el, name), f"<{name}> {short(value)} is not a date and "
                                                  f"time like 2024-05-17T08:00:00") from None
        if not MIN_YEAR <= when.year <= MAX_YEAR:
            raise self.fail(self.child(el, name), f"<{name}> {value} is outside the years "
                                                  f"{MIN_YEAR}-{MAX_YEAR} that planner "
                                                  f"schedules in")
        return when

    def minutes(self, el, name):
        """An ISO 8601 duration (``PT8H0M0S``) in minutes."""
        value = self.text(el, name)
        if value is None:
            return None
        total = iso_minutes(value) if len(value) < 60 else None
        if total is None:
            raise self.fail(self.child(el, name), f"<{name}> {short(value)} is not a duration "
                                                  f"like PT8H0M0S")
        return total
