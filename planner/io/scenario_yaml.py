"""Scenario overlay files and ``--set`` options -> :class:`~planner.scenario.Scenario`.

The format is documented in ``docs/scenarios.md``.  A file::

    name: Beslutningene tar dobbelt så lang tid
    description: Hver beslutning (6-13) tar 10 arbeidsdager i stedet for 5.
    changes:
      - tasks: [6, 7, 8, 9, 10, 11, 12, 13]
        duration: x2

and the command-line form ``--set 16.duration=60``, ``--set 16.duration=+2mo``,
``--set project.start=2023-08-14``, ``--set 48:49.lag=-5`` (or ``--set '48->49.lag=-5'``,
quoted), ``--set calendar.summer=off``.
"""
from __future__ import annotations

import os
import re

from ..errors import PlanError
from ..model import CONSTRAINT_TYPES, DATED_CONSTRAINTS, LINK_TYPES, MAX_DAYS, Constraint, Link
from ..scenario import Amount, Change, Scenario
from .calendars import parse_exception, parse_season
from .documents import (as_date, as_int, as_list, as_mapping, as_str, as_text, check_keys,
                        load_document, short)
from .units import quantity, split_quantity, working_days
from .yaml_plan import parse_constraint, parse_link, parse_predecessors

TARGETS = ("task", "tasks", "phase", "link", "add_link", "remove_link", "project", "calendar")
TASK_FIELDS = {"duration", "start_no_earlier_than", "constraint", "deadline", "predecessors"}
LINK_FIELDS = {"lag", "type"}
CAL_FIELDS = {"seasons_on", "seasons_off", "seasons", "exceptions"}
PROJECT_FIELDS = {"start", "name"}

_FACTOR = re.compile(r"^\s*[x×*]\s*(?P<f>[0-9]{1,15}(?:[.,][0-9]{1,15})?)\s*$")
#: the largest factor ``xF`` may multiply durations by
MAX_FACTOR = 1000
_ARROW = re.compile(r"^\s*(?P<a>[^\s>]+?)\s*-+>\s*(?P<b>[^\s>]+)\s*$")


def parse_amount(value, fail) -> Amount:
    """A duration edit: ``60``, ``3w``, ``+2mo``, ``-5``, ``x1.5``."""
    if isinstance(value, bool):
        raise fail(f"duration must be N, +N, -N or xF, not {short(value)}")
    if isinstance(value, int):
        if abs(value) > MAX_DAYS:
            raise fail(f"duration {getattr(value, 'text', '') or value}: at most {MAX_DAYS} "
                       f"working days")
        if value < 0 or getattr(value, "text", "").lstrip().startswith("+"):
            return Amount("+", int(value))      # +N / -N add or remove working days
        return Amount("=", int(value))
    text = str(value).strip()
    m = _FACTOR.match(text)
    if m:
        f = float(m.group("f").replace(",", "."))
        if f > MAX_FACTOR:
            raise fail(f"duration {short(value)}: a factor of at most {MAX_FACTOR}")
        return Amount("x", f)
    if split_quantity(text) is None:
        raise fail(f"duration {short(value)} is not N (days), +N, -N or xF, with N in d, w (5 d) "
                   f"or mo (20 d) (e.g. 60, +25, +2mo, 3w, x2, x1.5)")
    try:
        days = working_days(text, "duration")
    except PlanError as exc:
        raise fail(exc.message) from None
    if text[0] in "+-":
        return Amount("+", days)
    return Amount("=", days)


def parse_lag(value, fail) -> tuple:
    """A lag to set: ``-5``, ``"+2w"``, ``"3ed"`` as ``(days, unit)``; the unit is None for a
    plain number (the link keeps its own, working or elapsed days)."""
    if isinstance(value, bool):
        raise fail(f"lag must be days, not {value!r}")
    if isinstance(value, int):
        if abs(value) > MAX_DAYS:
            raise fail(f"lag must be from -{MAX_DAYS} to {MAX_DAYS}, not {value:g}")
        return int(value), None
    try:
        days, unit = quantity(value, "lag")
    except PlanError as exc:
        raise fail(exc.message) from None
    parts = split_quantity(str(value))
    return days, (unit if parts[1] else None)


def _link_pair(value, fail) -> tuple:
    if isinstance(value, dict):
        if set(value) - {"from", "to"} or not {"from", "to"} <= set(value):
            raise fail("a link is {from: PRED, to: SUCC} or 'PRED -> SUCC'")
        return str(value["from"]).strip(), str(value["to"]).strip()
    m = _ARROW.match(str(value))
    if not m:
        raise fail(f"{short(value)} is not a link; write 'PRED -> SUCC', e.g. '48 -> 49'")
    return m.group("a"), m.group("b")


def _set_link_pair(obj: str, fail) -> tuple:
    """The link of a ``--set`` key: ``PRED:SUCC`` (nothing for the shell to misread) or
    ``'PRED->SUCC'`` (quoted: an unquoted ``>`` makes the shell write a file)."""
    if "->" in obj:
        return _link_pair(obj, fail)
    parts = obj.split(":")
    if len(parts) == 2 and all(p.strip() for p in parts):
        return parts[0].strip(), parts[1].strip()
    if len(parts) > 2:
        raise fail(f"{obj!r}: which ':' splits the link? write it as 'PRED->SUCC', quoted")
    raise fail(f"{obj!r} is not a link; write PRED:SUCC, e.g. 48:49.lag=-5")


def load_scenario(path: str) -> Scenario:
    data = load_document(path, keep_int_text=True)
    try:
        return scenario_from_data(data, path)
    except PlanError as exc:
        raise exc.where(file=path)


def scenario_from_data(data, path: str | None) -> Scenario:
    if data is None:
        raise PlanError("the scenario is empty", path=())
    data = as_mapping(data, (), "a scenario")
    check_keys(data, {"name", "description", "changes"}, (), "a scenario")
    default = os.path.splitext(os.path.basename(path))[0] if path else "scenario"
    name = as_str(data.get("name") or default, ("name",), "name")
    changes = []
    items = as_list(data.get("changes") or [], ("changes",), "changes")
    if not items:
        raise PlanError("the scenario has no `changes:`", path=("changes",) if
                        "changes" in data else ())
    for k, item in enumerate(items):
        changes.extend(_item(item, ("changes", k), path))
    return Scenario(name=name, changes=changes,
                    description=as_text(data.get("description"), ("description",), "description"),
                    source=path)


def _item(item, ipath, file) -> list:
    item = as_mapping(item, ipath, "a change")
    targets = [t for t in TARGETS if t in item]
    if len(targets) != 1:
        raise PlanError(f"a change names exactly one of: {', '.join(TARGETS)}", path=ipath)
    target = targets[0]

    def at(*more):
        return ipath + more

    def fail_at(*more):
        return lambda msg: PlanError(msg, path=at(*more))

    def mk(kind, *path_more, **kw):
        return Change(kind, src=at(*path_more), file=file, **kw)

    out = []
    if target in ("task", "tasks", "phase"):
        check_keys(item, {target} | TASK_FIELDS, ipath, "a task change")
        raw = item[target]
        ids = [str(x).strip() for x in as_list(raw, at(target), "tasks")] if target == "tasks" \
            else [str(raw).strip()]
        if len(ids) != 1 and "predecessors" in item:
            raise PlanError("predecessors can be set on one task at a time", path=at("predecessors"))
        fields = [f for f in item if f != target]
        if not fields:
            raise PlanError(f"say what to change on task {', '.join(ids)} (one of: "
                            f"{', '.join(sorted(TASK_FIELDS))})", path=ipath)
        for f in fields:
            v = item[f]
            if f == "duration":
                out.append(mk("duration", target, tasks=tuple(ids),
                              amount=parse_amount(v, fail_at(f))))
            elif f == "start_no_earlier_than":
                out.append(mk("constraint", target, tasks=tuple(ids),
                              value=Constraint("SNET", as_date(v, at(f)), src=at(f))))
            elif f == "constraint":
                out.append(mk("constraint", target, tasks=tuple(ids), value=_constraint(v, at(f))))
            elif f == "deadline":
                out.append(mk("deadline", target, tasks=tuple(ids),
                              value=None if v is None else as_date(v, at(f))))
            else:
                out.append(mk("predecessors", target, tasks=tuple(ids),
                              value=parse_predecessors(v, at(f))))
    elif target == "link":
        check_keys(item, {"link"} | LINK_FIELDS, ipath, "a link change")
        pair = _link_pair(item["link"], fail_at("link"))
        if not set(item) & LINK_FIELDS:
            raise PlanError("say what to change on the link: lag or type", path=ipath)
        if "lag" in item:
            out.append(mk("lag", "link", link=pair, value=parse_lag(item["lag"], fail_at("lag"))))
        if "type" in item:
            typ = str(item["type"]).upper()
            if typ not in LINK_TYPES:
                raise PlanError(f"link type must be FS, SS, FF or SF, not {short(item['type'])}",
                                path=at("type"))
            out.append(mk("link_type", "link", link=pair, value=typ))
    elif target == "add_link":
        check_keys(item, {"add_link"}, ipath, "an add_link change")
        out.append(_add_link(item["add_link"], at("add_link"), file))
    elif target == "remove_link":
        check_keys(item, {"remove_link"}, ipath, "a remove_link change")
        out.append(mk("remove_link", "remove_link",
                      link=_link_pair(item["remove_link"], fail_at("remove_link"))))
    elif target == "project":
        check_keys(item, {"project"}, ipath, "a project change")
        proj = as_mapping(item["project"], at("project"), "project")
        check_keys(proj, PROJECT_FIELDS, at("project"), "project")
        if "start" in proj:
            out.append(mk("start", "project", "start",
                          value=as_date(proj["start"], at("project", "start"))))
        if "name" in proj:
            out.append(mk("name", "project", "name",
                          value=as_str(proj["name"], at("project", "name"), "name")))
    else:
        check_keys(item, {"calendar"}, ipath, "a calendar change")
        cal = as_mapping(item["calendar"], at("calendar"), "calendar")
        check_keys(cal, CAL_FIELDS, at("calendar"), "calendar")
        for f in ("seasons", "seasons_off", "seasons_on"):
            if f in cal:
                rules = [_season_ref(x, at("calendar", f, j)) for j, x in
                         enumerate(as_list(cal[f], at("calendar", f), f))]
                out.append(mk(f, "calendar", f, value=rules))
        if "exceptions" in cal:
            excs = [parse_exception(e, at("calendar", "exceptions", j)) for j, e in
                    enumerate(as_list(cal["exceptions"], at("calendar", "exceptions"),
                                      "exceptions"))]
            out.append(mk("exceptions", "calendar", "exceptions", value=excs))
    return out


def _season_ref(value, path):
    if isinstance(value, str):
        return value
    value = as_mapping(value, path, "a season")
    if "name" not in value:
        raise PlanError("a season needs a name", path=path)
    name = str(value["name"])
    if set(value) == {"name"}:
        return name
    return parse_season(name, value, path)


def _constraint(value, path):
    """A constraint to set; ``ASAP`` (or empty) removes the task's constraint."""
    if value is None:
        return None
    c = parse_constraint(value, path)
    return None if c.type == "ASAP" else c


def _add_link(value, path, file) -> Change:
    if isinstance(value, dict):
        check_keys(value, {"from", "to", "type", "lag", "unit"}, path, "add_link")
        if "from" not in value or "to" not in value:
            raise PlanError("add_link needs from and to", path=path)
        spec = {"task": value["from"], "type": value.get("type", "FS"),
                "lag": value.get("lag", 0)}
        if "unit" in value:
            spec["unit"] = value["unit"]
        link = parse_predecessors([spec], path)[0]
        succ = str(value["to"]).strip()
    else:
        m = _ARROW.match(str(value))
        if not m:
            raise PlanError(f"{short(value)}: write add_link as 'PRED -> SUCC' (e.g. "
                            f"'18FS+2 -> 41') "
                            f"or {{from: 18, to: 41, type: FS, lag: 2}}", path=path)
        link = parse_link(m.group("a"), path)
        succ = m.group("b")
    return Change("add_link", link=(link.pred, succ), value=Link(link.pred, link.type, link.lag,
                                                                 link.lag_unit, tuple(path)),
                  src=tuple(path), file=file)


# -- --set -------------------------------------------------------------------------------------
def parse_set(expr: str) -> Change:
    """One ``--set KEY=VALUE`` option as a Change."""
    where = f"--set {expr}"

    def fail(msg):
        return PlanError(f"{where}: {msg}")

    if "=" not in expr:
        raise fail("write KEY=VALUE, e.g. 16.duration=60 or project.start=2023-08-14")
    key, value = (x.strip() for x in expr.split("=", 1))
    if "." not in key:
        raise fail(f"{short(key)} names no field; write TASK.duration, project.start, "
                   f"PRED:SUCC.lag or calendar.SEASON")
    obj, field_ = key.rsplit(".", 1)

    def ch(kind, **kw):
        return Change(kind, where=where, **kw)

    if obj == "project":
        if field_ == "start":
            return ch("start", value=as_date_cli(value, fail))
        if field_ == "name":
            return ch("name", value=value)
        raise fail(f"project has no field {short(field_)} to set (start, name)")
    if obj == "calendar":
        if field_ == "seasons":
            return ch("seasons", value=[x.strip() for x in value.split(",") if x.strip()])
        if field_ == "exception":
            a, _, b = value.partition("..")
            from ..model import CalendarException

            d1 = as_date_cli(a, fail)
            d2 = as_date_cli(b, fail) if b else d1
            if d2 < d1:
                raise fail("the exception ends before it starts")
            return ch("exceptions", value=[CalendarException(d1, d2, "--set")])
        v = value.lower()
        if v in ("on", "off"):
            return ch("seasons_on" if v == "on" else "seasons_off", value=[field_])
        raise fail("write calendar.SEASON=on|off, calendar.seasons=a,b or "
                   "calendar.exception=DATE[..DATE]")
    if "->" in obj or field_ in ("lag", "type", "remove", "link"):
        pair = _set_link_pair(obj, fail)
        if field_ == "lag":
            return ch("lag", link=pair, value=parse_lag(value, fail))
        if field_ == "type":
            if value.upper() not in LINK_TYPES:
                raise fail("link type must be FS, SS, FF or SF")
            return ch("link_type", link=pair, value=value.upper())
        if field_ == "remove" or (field_ == "link" and value == "remove"):
            return ch("remove_link", link=pair)
        raise fail(f"a link has lag and type to set, not {short(field_)}")
    tid = obj
    if field_ == "duration":
        return ch("duration", tasks=(tid,), amount=parse_amount(value, fail))
    if field_ == "start_no_earlier_than":
        return ch("constraint", tasks=(tid,),
                  value=Constraint("SNET", as_date_cli(value, fail)))
    if field_ == "deadline":
        return ch("deadline", tasks=(tid,),
                  value=None if value.lower() in ("", "none") else as_date_cli(value, fail))
    if field_ == "constraint":
        typ, _, date = value.partition(":")
        typ = typ.strip().upper()
        if typ not in CONSTRAINT_TYPES:
            raise fail(f"constraint type must be one of {', '.join(CONSTRAINT_TYPES)}")
        if typ in DATED_CONSTRAINTS:
            if not date:
                raise fail(f"constraint {typ} needs a date: {tid}.constraint={typ}:YYYY-MM-DD")
            return ch("constraint", tasks=(tid,), value=Constraint(typ, as_date_cli(date, fail)))
        return ch("constraint", tasks=(tid,), value=None if typ == "ASAP" else Constraint(typ))
    if field_ == "predecessors":
        try:
            links = parse_predecessors(value, ())
        except PlanError as exc:
            raise fail(exc.message) from None
        return ch("predecessors", tasks=(tid,), value=links)
    raise fail(f"a task has no field {short(field_)} to set (duration, start_no_earlier_than, "
               f"constraint, deadline, predecessors)")


def as_date_cli(value: str, fail):
    try:
        return as_date(value, ())
    except PlanError:
        raise fail(f"{short(value)} is not a date (YYYY-MM-DD)") from None


def sets_scenario(exprs) -> Scenario | None:
    if not exprs:
        return None
    return Scenario(name=" ".join(f"--set {e}" for e in exprs),
                    changes=[parse_set(e) for e in exprs])
