"""The parsed MSPDI document as the element readers see it: typed values, errors, notes.

One :class:`Source` is made per file and passed to every reader function.  It finds elements
by their tag in the file's namespace (ElementTree's fast path), turns their text into numbers,
flags, date-times and durations, raises every problem as ``FILE:LINE: message`` at the element
that holds it, and collects the notes about what could not be carried over exactly.
"""
from __future__ import annotations

import datetime as dt
import math

from ...errors import PlanError
from .fields import iso_minutes
from .xml import line_of


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

    def days(self, minutes: float, per_day: float, what: str, uid: int) -> int:
        """``minutes`` as whole days of ``per_day`` minutes, with a note when it is rounded."""
        days = minutes / per_day
        whole = int(math.floor(abs(days) + 0.5)) * (1 if days >= 0 else -1)
        if abs(days - whole) > 1e-6:
            self.note(f"task UID {uid}: {what} of {days:g} days rounded to {whole}")
        return whole

    # -- values -------------------------------------------------------------------------------
    def text(self, el, name, default=None):
        c = self.child(el, name)
        if c is None or c.text is None or not c.text.strip():
            return default
        return c.text.strip()

    def number(self, el, name, default, cast, what: str):
        value = self.text(el, name)
        if value is None:
            return default
        try:
            return cast(value)
        except ValueError:
            raise self.fail(self.child(el, name),
                            f"<{name}> must be {what}, not {value!r}") from None

    def int(self, el, name, default=None):
        return self.number(el, name, default, int, "a whole number")

    def float(self, el, name, default=None):
        return self.number(el, name, default, float, "a number")

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
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(self.child(el, name), f"<{name}> {value!r} is not a date and "
                                                  f"time like 2024-05-17T08:00:00") from None

    def minutes(self, el, name):
        """An ISO 8601 duration (``PT8H0M0S``) in minutes."""
        value = self.text(el, name)
        if value is None:
            return None
        total = iso_minutes(value)
        if total is None:
            raise self.fail(self.child(el, name), f"<{name}> {value!r} is not a duration "
                                                  f"like PT8H0M0S")
        return total
