"""The plan's calendar as numpy lookup arrays: working-day index <-> ordinal date.

:class:`DayTable` holds the ordinals of the working days ``lo .. lo + len - 1`` (indices of
:class:`~planner.calendar.WorkCalendar`, so Norwegian holidays and holiday seasons are in it)
and grows on demand.  It answers, for whole arrays at once, what the calendar answers for one
value: the date of an index, and a time key plus elapsed (calendar) days, exactly as
:meth:`WorkCalendar.add_elapsed` does.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from ..calendar import WorkCalendar


class DayTable:
    def __init__(self, cal: WorkCalendar, lo: int = -30, hi: int = 800):
        self.cal = cal
        self.lo = lo
        self.ords = self._ordinals(lo, hi)

    def _ordinals(self, lo: int, hi: int) -> np.ndarray:
        ordinal = self.cal.ordinal
        return np.fromiter((ordinal(i) for i in range(lo, hi + 1)), dtype=np.int64,
                           count=hi - lo + 1)

    @property
    def hi(self) -> int:
        return self.lo + len(self.ords) - 1

    def ensure(self, lo: int, hi: int) -> None:
        """Make indices ``lo .. hi`` available (a PlanError beyond the calendar's years)."""
        if lo < self.lo:
            new_lo = min(lo, self.lo - len(self.ords))
            self.ords = np.concatenate([self._ordinals(new_lo, self.lo - 1), self.ords])
            self.lo = new_lo
        if hi > self.hi:
            new_hi = max(hi, self.hi + len(self.ords))
            self.ords = np.concatenate([self.ords, self._ordinals(self.hi + 1, new_hi)])

    def ordinals(self, idx: np.ndarray) -> np.ndarray:
        """The ordinal date of every working-day index in ``idx``."""
        if idx.size:
            self.ensure(int(idx.min()), int(idx.max()))
        return self.ords[idx - self.lo]

    def dates(self, idx) -> list[dt.date]:
        return [dt.date.fromordinal(int(o)) for o in self.ordinals(np.asarray(idx))]

    def count_before(self, ords: np.ndarray) -> np.ndarray:
        """Working days before each ordinal (the index of the first working day on or after
        it); the table must cover a working day on each side of every ordinal."""
        return self.lo + np.searchsorted(self.ords, ords, side="left")

    def add_elapsed(self, k: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Keys ``k`` plus ``days`` calendar days (non-zero, one per row of ``k``), landing on
        the next working time when the result is not working time; a 16:00 on a working day
        stays (as :meth:`WorkCalendar.add_elapsed`)."""
        i = k >> 1
        reach = int(np.abs(days).max()) + 2
        self.ensure(int(i.min()) - reach, int(i.max()) + reach)
        o = self.ords[i - self.lo] + days
        b0 = self.count_before(o)
        b1 = self.count_before(o + 1)
        even = 2 * b0
        odd = np.where(b1 > b0, 2 * b1 - 1, even)
        return np.where(k & 1, odd, even).astype(k.dtype, copy=False)
