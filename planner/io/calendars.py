"""Calendar files (``calendars/*.yaml``) and the ``calendar:`` section of a plan.

A calendar file is data plus rules, like a country in the ``holidays`` package: the working week,
where public holidays come from, and named holiday *seasons* that yield date ranges for any year.
A plan names a base calendar and picks the seasons and dated exceptions that apply to it::

    calendar:
      base: norway
      seasons: [summer, romjul, easter_week]      # by name, or redefined:
      #  - {name: summer, iso_weeks: [28, 30]}
      exceptions:
        - {from: 2023-10-13, to: 2023-10-13, name: Planleggingsdag}
        - {date: 2024-05-10, working: true, name: Arbeidsdag}

Base calendars are looked up as ``calendars/NAME.yaml`` beside the plan or in a folder above it,
then among the calendars installed with planner.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from ..calendar import WEEKDAYS, weekday_numbers
from ..errors import PlanError
from ..model import CalendarDef, CalendarException, SeasonRule
from .output import note_input
from .documents import (MAX_YEAR, MIN_YEAR, as_date, as_int, as_list, as_mapping, as_str,
                        as_text, check_keys, load_document, short)

RULE_KINDS = ("month", "iso_weeks", "easter", "dates")
SEASON_KEYS = {"name", "label", "label_en", *RULE_KINDS}
CAL_FILE_KEYS = {"name", "label", "workweek", "hours", "public_holidays", "years", "seasons",
                 "exceptions", "description"}
PLAN_CAL_KEYS = {"base", "seasons", "exceptions", "workweek", "week_hours"}
EXC_KEYS = {"from", "to", "date", "name", "working"}


def builtin_calendar_dir() -> str | None:
    """The calendars installed with planner: ``planner/calendars/`` in an installed package
    (setuptools maps the repository's ``calendars/`` there), or ``calendars/`` beside the
    package in a source checkout."""
    pkg = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for cand in (os.path.join(pkg, "calendars"), os.path.join(os.path.dirname(pkg), "calendars")):
        if os.path.isfile(os.path.join(cand, "norway.yaml")):
            return cand
    return None


_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")


def find_calendar_file(name: str, near: str | None, path=None) -> str | None:
    """``calendars/NAME.yaml`` beside ``near`` or in a folder above it, else a built-in one;
    or a ``.yaml``/``.yml`` file named by its path (relative to ``near``'s folder).  Any other
    path is refused: a plan cannot make planner read (and quote) an arbitrary file."""
    if name.lower().endswith((".yaml", ".yml")):
        base = os.path.dirname(os.path.abspath(near)) if near else os.getcwd()
        file = name if os.path.isabs(name) else os.path.join(base, name)
        return _shown(file) if os.path.lexists(file) else None
    if not _NAME.fullmatch(name):
        raise PlanError(f"calendar {short(name)} is neither a calendar name (letters, digits, "
                        f"_ . -) nor a .yaml file", path=path)
    for d in calendar_dirs(near):
        cand = os.path.join(d, f"{name}.yaml")
        if os.path.isfile(cand):
            return _shown(cand)
    return None


def _shown(path: str) -> str:
    """``path`` as messages show it: relative to the working folder when it lies inside."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def calendar_dirs(near: str | None) -> list[str]:
    """Where calendars are looked for, in order: ``calendars/`` beside ``near`` and in every
    folder above it, then the built-in ones."""
    folder = os.path.dirname(os.path.abspath(near)) if near else os.getcwd()
    dirs = []
    while True:
        dirs.append(os.path.join(folder, "calendars"))
        up = os.path.dirname(folder)
        if up == folder:
            break
        folder = up
    builtin = builtin_calendar_dir()
    if builtin:
        dirs.append(builtin)
    return dirs


def available_calendars(near: str | None) -> list[str]:
    names = set()
    for d in calendar_dirs(near):
        if os.path.isdir(d):
            names.update(f[:-5] for f in os.listdir(d) if f.endswith(".yaml"))
    return sorted(names)


_CACHE: dict = {}


def load_calendar_file(path: str) -> CalendarDef:
    """Read a base calendar file; its seasons form the catalog, none applied yet."""
    try:
        st = os.stat(path)
        key = (path, st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key in _CACHE:
        note_input(st, path)                 # read before, still an input of this command
        return _CACHE[key]
    data = load_document(path)
    try:
        cal = _calendar_from_data(data, path)
    except PlanError as exc:
        raise exc.where(file=path)
    if key is not None:
        _CACHE[key] = cal
    return cal


def _calendar_from_data(data, path) -> CalendarDef:
    data = as_mapping(data, (), "a calendar file")
    check_keys(data, CAL_FILE_KEYS, (), "a calendar file")
    name = as_str(data.get("name") or os.path.splitext(os.path.basename(path))[0], ("name",))
    try:
        workweek = weekday_numbers(as_list(data.get("workweek", ["mon", "tue", "wed", "thu",
                                                                  "fri"]), ("workweek",)))
    except ValueError as exc:
        raise PlanError(str(exc), path=("workweek",)) from None
    hours = as_mapping(data.get("hours") or {}, ("hours",), "hours")
    check_keys(hours, {"start", "finish"}, ("hours",), "hours")
    start_h = _time_of_day(hours.get("start", "08:00"), ("hours", "start"))
    finish_h = _time_of_day(hours.get("finish", "16:00"), ("hours", "finish"))
    if finish_h <= start_h:
        raise PlanError(f"working hours {start_h}-{finish_h} do not make a working day (the "
                        f"finish must be after the start)", path=("hours",))
    ph = data.get("public_holidays")
    country = subdiv = None
    if ph is not None:
        ph = as_mapping(ph, ("public_holidays",), "public_holidays")
        check_keys(ph, {"country", "subdiv"}, ("public_holidays",), "public_holidays")
        country = as_str(ph.get("country"), ("public_holidays", "country"), "country")
        subdiv = ph.get("subdiv")
        _check_country(country, ("public_holidays", "country"))
    years = as_mapping(data.get("years") or {}, ("years",), "years")
    check_keys(years, {"first", "last"}, ("years",), "years")
    first = as_int(years.get("first", 1970), ("years", "first"), "first year", MIN_YEAR, MAX_YEAR)
    last = as_int(years.get("last", 2199), ("years", "last"), "last year", MIN_YEAR, MAX_YEAR)
    if last < first:
        raise PlanError(f"years: the last ({last}) is before the first ({first})",
                        path=("years",))
    catalog = {}
    seasons = as_mapping(data.get("seasons") or {}, ("seasons",), "seasons")
    for sname, spec in seasons.items():
        spec = as_mapping(spec, ("seasons", sname), f"season {short(sname)}")
        catalog[str(sname)] = parse_season(str(sname), spec, ("seasons", sname))
    exceptions = tuple(parse_exception(e, ("exceptions", k)) for k, e in
                       enumerate(as_list(data.get("exceptions") or [], ("exceptions",))))
    return CalendarDef(name=name, label=as_text(data.get("label"), ("label",), "label"),
                       workweek=workweek,
                       country=country, subdiv=subdiv, hours=(start_h, finish_h),
                       first_year=first, last_year=last, seasons=(), exceptions=(),
                       base_exceptions=exceptions, catalog=catalog)


_MONTH_DAY = re.compile(r"\s*([0-9]{1,2})-([0-9]{1,2})\s*")
_HHMM = re.compile(r"\s*([0-9]{1,2}):([0-9]{2})\s*")


def _time_of_day(value, path) -> str:
    """Working hours as ``HH:MM`` from 00:00 to 24:00; YAML reads an unquoted ``8:00`` as the
    number 480 (minutes, base 60), which means the same."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24 * 60:
        value = f"{value // 60:02d}:{value % 60:02d}"
    m = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if not m or int(m.group(2)) > 59 or int(m.group(1)) * 60 + int(m.group(2)) > 24 * 60:
        raise PlanError(f"working hours must be a time of day HH:MM (00:00-24:00), not "
                        f"{short(value)}", path=path)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _check_country(country: str, path) -> None:
    from ..holiday_cache import check_country

    if not check_country(country):
        raise PlanError(f"no public holidays are known for country {short(country)} (use an ISO "
                        f"3166 code such as NO, SE, DK)", path=path) from None


def parse_season(name: str, spec: dict, path) -> SeasonRule:
    check_keys(spec, SEASON_KEYS, path, f"season {short(name)}")
    kinds = [k for k in RULE_KINDS if k in spec]
    if len(kinds) != 1:
        raise PlanError(f"season {short(name)} needs exactly one rule of: {', '.join(RULE_KINDS)}",
                        path=path)
    kind = kinds[0]
    value = spec[kind]
    vpath = tuple(path) + (kind,)
    label = as_text(spec.get("label"), tuple(path) + ("label",), "label")
    label_en = as_text(spec.get("label_en"), tuple(path) + ("label_en",), "label_en")
    if kind == "month":
        m = as_int(value, vpath, "month")
        if not 1 <= m <= 12:
            raise PlanError(f"month must be 1-12, not {m}", path=vpath)
        return SeasonRule(name, kind, (m,), label, label_en)
    if kind in ("iso_weeks", "easter"):
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value, value]
        pair = as_list(value, vpath, kind)
        if len(pair) != 2:
            raise PlanError(f"{kind} takes [first, last]", path=vpath)
        lo, hi = (1, 53) if kind == "iso_weeks" else (-366, 366)
        a = as_int(pair[0], vpath + (0,), kind, lo, hi)
        b = as_int(pair[1], vpath + (1,), kind, lo, hi)
        if a > b:
            raise PlanError(f"{kind} [{a}, {b}]: first is after last", path=vpath)
        return SeasonRule(name, kind, (a, b), label, label_en)
    pair = as_list(value, vpath, "dates")
    if len(pair) != 2:
        raise PlanError('dates takes ["MM-DD", "MM-DD"]', path=vpath)
    md = []
    for k, item in enumerate(pair):
        found = _MONTH_DAY.fullmatch(item) if isinstance(item, str) else None
        try:
            m, d = int(found.group(1)), int(found.group(2))
            dt.date(2000, m, d)  # 2000 is a leap year: 02-29 is allowed
        except (AttributeError, ValueError):
            raise PlanError(f'{short(item)} is not a month-day like "12-27"',
                            path=vpath + (k,)) from None
        md.append((m, d))
    return SeasonRule(name, kind, tuple(md), label, label_en)


def parse_exception(spec, path) -> CalendarException:
    spec = as_mapping(spec, path, "an exception")
    check_keys(spec, EXC_KEYS, path, "an exception")
    if "date" in spec:
        a = b = as_date(spec["date"], tuple(path) + ("date",))
    else:
        if "from" not in spec:
            raise PlanError("an exception needs `date`, or `from` and `to`", path=path)
        a = as_date(spec["from"], tuple(path) + ("from",))
        b = as_date(spec.get("to", spec["from"]), tuple(path) + ("to",))
    if b < a:
        raise PlanError(f"exception ends ({b.isoformat()}) before it starts ({a.isoformat()})",
                        path=path)
    working = spec.get("working", False)
    if not isinstance(working, bool):
        raise PlanError("working must be true or false", path=tuple(path) + ("working",))
    return CalendarException(a, b, as_text(spec.get("name"), tuple(path) + ("name",), "name"),
                             working)


def resolve_plan_calendar(spec, plan_file: str | None, path=("project", "calendar")) -> CalendarDef:
    """The ``calendar:`` value of a plan (a base name, or a mapping) as a resolved CalendarDef."""
    if spec is None:
        spec = {"base": "norway"}
    if isinstance(spec, str):
        spec = {"base": spec}
    spec = as_mapping(spec, path, "calendar")
    check_keys(spec, PLAN_CAL_KEYS, path, "calendar")
    base_name = as_str(spec.get("base", "norway"), tuple(path) + ("base",), "base")
    found = find_calendar_file(base_name, plan_file, tuple(path) + ("base",))
    if found is None:
        known = ", ".join(available_calendars(plan_file)) or "none"
        where = short(base_name) if base_name.lower().endswith((".yaml", ".yml")) else \
            f"{short(base_name)} (no calendars/{base_name}.yaml near the plan)"
        raise PlanError(f"unknown calendar {where}; known: {known}",
                        path=tuple(path) + ("base",))
    base = load_calendar_file(found)
    seasons = []
    catalog = dict(base.catalog)
    for k, item in enumerate(as_list(spec.get("seasons") or [], tuple(path) + ("seasons",),
                                     "seasons")):
        ipath = tuple(path) + ("seasons", k)
        if isinstance(item, str):
            rule = catalog.get(item)
            if rule is None:
                raise PlanError(f"unknown season {short(item)} in calendar {short(base.name)} "
                                f"(known: "
                                f"{', '.join(sorted(catalog)) or 'none'})", path=ipath)
        else:
            item = as_mapping(item, ipath, "a season")
            if "name" not in item:
                raise PlanError("a season needs a name", path=ipath)
            name = as_str(item["name"], ipath + ("name",), "name")
            if set(item) == {"name"}:
                rule = catalog.get(name)
                if rule is None:
                    raise PlanError(f"unknown season {short(name)} in calendar {short(base.name)}",
                                    path=ipath)
            else:
                rule = parse_season(name, item, ipath)
                if not rule.label and name in catalog:
                    rule = SeasonRule(rule.name, rule.kind, rule.params, catalog[name].label,
                                      rule.label_en or catalog[name].label_en)
        if any(s.name == rule.name for s in seasons):
            raise PlanError(f"season {short(rule.name)} is listed twice", path=ipath)
        seasons.append(rule)
    exceptions = []
    for k, e in enumerate(as_list(spec.get("exceptions") or [], tuple(path) + ("exceptions",),
                                  "exceptions")):
        exceptions.append(parse_exception(e, tuple(path) + ("exceptions", k)))
    workweek = base.workweek
    if "workweek" in spec:
        wpath = tuple(path) + ("workweek",)
        try:
            workweek = weekday_numbers(as_list(spec["workweek"], wpath, "workweek"))
        except ValueError as exc:
            raise PlanError(str(exc), path=wpath) from None
    week_hours = ()
    if spec.get("week_hours") is not None:
        from .part_day_yaml import parse_week_hours

        week_hours = parse_week_hours(spec["week_hours"], tuple(path) + ("week_hours",))
    return CalendarDef(name=base.name, label=base.label, workweek=workweek,
                       country=base.country, subdiv=base.subdiv, hours=base.hours,
                       week_hours=week_hours,
                       first_year=base.first_year, last_year=base.last_year,
                       seasons=tuple(seasons), exceptions=tuple(exceptions),
                       base_exceptions=base.base_exceptions, catalog=dict(base.catalog),
                       src=tuple(path))


def calendar_to_data(cal: CalendarDef, workweek: bool = False) -> dict:
    """The plan's ``calendar:`` section for ``cal`` (inverse of :func:`resolve_plan_calendar`);
    exceptions that come from the base file stay there.  ``workweek``: write the working week
    too (a named calendar of tasks and resources)."""
    out: dict = {"base": cal.name}
    if workweek:
        out["workweek"] = [WEEKDAYS[d] for d in cal.workweek]
    seasons = []
    for rule in cal.seasons:
        if cal.catalog.get(rule.name) == rule:
            seasons.append(rule.name)
        else:
            item = {"name": rule.name}
            if rule.label:
                item["label"] = rule.label
            if rule.label_en:
                item["label_en"] = rule.label_en
            item.update(season_rule_data(rule))
            seasons.append(item)
    out["seasons"] = seasons
    excs = []
    for e in cal.exceptions:
        item = {}
        if e.start == e.finish:
            item["date"] = e.start.isoformat()
        else:
            item["from"] = e.start.isoformat()
            item["to"] = e.finish.isoformat()
        if e.name:
            item["name"] = e.name
        if e.working:
            item["working"] = True
        excs.append(item)
    if excs:
        out["exceptions"] = excs
    if cal.week_hours:
        from .part_day_yaml import week_hours_data

        out["week_hours"] = week_hours_data(cal.week_hours)
    return out


def season_rule_data(rule: SeasonRule) -> dict:
    if rule.kind == "month":
        return {"month": rule.params[0]}
    if rule.kind in ("iso_weeks", "easter"):
        return {rule.kind: list(rule.params)}
    (m1, d1), (m2, d2) = rule.params
    return {"dates": [f"{m1:02d}-{d1:02d}", f"{m2:02d}-{d2:02d}"]}
