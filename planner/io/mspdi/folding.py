"""Calendar folding: a file's working days as one of planner's calendars.

An MSPDI calendar is a working week plus dated exceptions; a planner calendar is a base
calendar (``calendars/*.yaml``) plus holiday seasons and dated exceptions.  :func:`fold_calendar`
finds the base calendar and seasons that reproduce the file's working days, and the names of its
days off, with the fewest dated exceptions, over the whole years the plan covers.
"""
from __future__ import annotations

import datetime as dt

from ...calendar import WorkCalendar, season_ranges
from ...errors import PlanError


def _normal(state, wday: int, workweek) -> tuple:
    """A day's state in the terms that matter to a calendar with ``workweek``: on its working
    weekdays, whether the day works and, if not, the name of the break; on its days off, whether
    the day works and, if it does, the name of the exception that makes it work."""
    working, name = state
    if wday in workweek:
        return ("w",) if working else ("n", name or "exception")
    return ("w", name or "") if working else ("n",)


def _day_states(cdef, first: dt.date, last: dt.date) -> dict:
    """{ordinal: (working, name)} for the days ``cdef`` does not treat as its plain week."""
    wc = WorkCalendar(cdef, first)
    out = {}
    for a, b, name, kind in wc.nonworking_periods(first, last):
        for o in range(a.toordinal(), b.toordinal() + 1):
            if kind == "working":
                out[o] = (True, name)
            elif dt.date.fromordinal(o).weekday() in cdef.workweek:
                out[o] = (False, name)
    return out


def fold_calendar(workweek, overrides: dict, span, file_name: str, near: str | None,
                  own_week: bool = False):
    """The calendar of a file (a working week plus ``{ordinal: (working, name)}`` exceptions) as
    a planner calendar: the base calendar, holiday seasons and dated exceptions that give the
    same working days, and the same names for the days off, over the whole years from the
    earliest to the latest of the schedule and the exceptions.  Among planner's calendars the
    one that needs the fewest dated exceptions wins; a season is taken when every day it covers
    is off under the season's own name.  ``own_week``: the result keeps the file's working week
    (a named calendar's ``workweek``) instead of the base calendar's."""
    import dataclasses

    from ..calendars import (available_calendars, find_calendar_file, load_calendar_file,
                            resolve_plan_calendar)

    ords = list(overrides)
    lo = min([span[0].toordinal()] + ords)
    hi = max([span[1].toordinal()] + ords)
    first = dt.date(dt.date.fromordinal(lo).year, 1, 1)
    last = dt.date(dt.date.fromordinal(hi).year, 12, 31)

    def file_state(o: int) -> tuple:
        if o in overrides:
            return overrides[o]
        return (dt.date.fromordinal(o).weekday() in workweek, "")

    best = None
    for cname in available_calendars(near):
        found = find_calendar_file(cname, near)
        if found is None:
            continue
        base = load_calendar_file(found)
        if own_week:
            base = dataclasses.replace(base, workweek=tuple(sorted(workweek)))
        f = max(first, dt.date(base.first_year, 1, 1))
        la = min(last, dt.date(base.last_year, 12, 31))
        if la < f:
            continue
        ww = set(base.workweek)
        held = _day_states(base, f, la)
        covered = {o for o, (working, _n) in held.items() if not working}
        chosen = []
        for rule in base.catalog.values():
            label = rule.label or rule.name
            days = []
            for year in range(f.year, la.year + 1):
                for a, b in season_ranges(rule, year):
                    for o in range(max(a, f).toordinal(), min(b, la).toordinal() + 1):
                        if dt.date.fromordinal(o).weekday() in ww and o not in covered:
                            days.append(o)
            if days and all(_normal(file_state(o), dt.date.fromordinal(o).weekday(), ww)
                            == ("n", label) for o in days):
                chosen.append(rule)
                covered.update(days)
        cand = dataclasses.replace(base, seasons=tuple(chosen))
        states = _day_states(cand, f, la)
        mismatch = []
        for o in range(f.toordinal(), la.toordinal() + 1):
            wday = dt.date.fromordinal(o).weekday()
            mine = _normal(file_state(o), wday, ww)
            theirs = _normal(states.get(o, (wday in ww, "")), wday, ww)
            if mine != theirs:
                mismatch.append((o, mine, theirs))
        score = (len(mismatch), base.name != file_name, len(chosen), base.name)
        if best is None or score < best[0]:
            best = (score, base, chosen, mismatch)
    if best is None:
        raise PlanError("no planner calendar covers the years of this file")
    _score, base, chosen, mismatch = best
    spec = {"base": base.name, "seasons": [r.name for r in chosen],
            "exceptions": _exception_runs(mismatch, lambda o: _normal(
                file_state(o), dt.date.fromordinal(o).weekday(), set(base.workweek)) == ("n",))}
    if own_week:
        from ...calendar import WEEKDAYS

        spec["workweek"] = [WEEKDAYS[d] for d in base.workweek]
    return resolve_plan_calendar(spec, near)


def _exception_runs(mismatch, quiet) -> list[dict]:
    """Days that differ, as few dated exceptions: consecutive days with the same state form one
    range, and a non-working range runs on over plain days off (``quiet(ordinal)``), which it
    does not change."""
    runs: list[list] = []
    for o, mine, theirs in mismatch:
        working = mine[0] == "w"
        name = mine[1] if len(mine) > 1 else ""
        if name == "exception" and not working:
            name = ""
        if runs and runs[-1][2] == working and runs[-1][3] == name:
            gap = range(runs[-1][1] + 1, o)
            if o == runs[-1][1] + 1 or (not working and all(quiet(x) for x in gap)):
                runs[-1][1] = o
                continue
        runs.append([o, o, working, name])
    out = []
    for a, b, working, name in runs:
        item: dict = {"from": dt.date.fromordinal(a).isoformat(),
                      "to": dt.date.fromordinal(b).isoformat()}
        if name:
            item["name"] = name
        if working:
            item["working"] = True
        out.append(item)
    return out
