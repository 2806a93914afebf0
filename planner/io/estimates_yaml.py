"""Estimates files (and the same keys in a plan) -> :class:`~planner.risk.model.RiskInput`.

The format (docs/risk.md)::

    estimates:                 # working days
      "16": {optimistic: 30, most_likely: 35, pessimistic: 80}             # triangular
      "24": {optimistic: 80, most_likely: 100, pessimistic: 160, distribution: pert}
    profiles:                  # one rule for many tasks, relative to their planned duration
      beslutning: {optimistic: -10%, pessimistic: +50%, tasks: ["6", "7", "8"]}
    risks:                     # with this probability, add this delay to these tasks
      - {id: R1, name: Klage, probability: 0.3, tasks: ["16"],
         delay_days: {optimistic: 10, most_likely: 20, pessimistic: 40}}
    correlations:              # tasks that slip together (rank correlation)
      - {tasks: ["24", "31"], coefficient: 0.7}

Every problem is reported as ``FILE:LINE: message``.
"""
from __future__ import annotations

import re

from ..errors import PlanError
from ..model import Plan
from ..risk.model import DISTRIBUTIONS, Correlation, RiskEvent, RiskInput, ThreePoint
from .documents import as_list, as_mapping, as_str, check_keys, load_document

KEYS = ("estimates", "profiles", "risks", "correlations")
FILE_KEYS = set(KEYS) | {"notes"}
POINTS = ("optimistic", "most_likely", "pessimistic")
ESTIMATE_KEYS = set(POINTS) | {"distribution", "assumption", "notes"}
PROFILE_KEYS = ESTIMATE_KEYS | {"tasks"}
RISK_KEYS = {"id", "name", "probability", "tasks", "delay_days", "assumption", "notes"}
CORRELATION_KEYS = {"tasks", "coefficient", "notes"}
_PERCENT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")
_ALIASES = {"triangular": "triangular", "triangle": "triangular", "trekant": "triangular",
            "pert": "pert", "beta-pert": "pert", "betapert": "pert", "beta_pert": "pert",
            "uniform": "uniform", "jevn": "uniform"}


def load_estimates(path: str, plan: Plan) -> RiskInput:
    """Read an estimates file for ``plan`` (ids are checked against the plan)."""
    data = load_document(path)
    try:
        if data is None:
            raise PlanError("the estimates file is empty", path=())
        data = as_mapping(data, (), "an estimates file")
        check_keys(data, FILE_KEYS, (), "an estimates file")
        if not any(k in data for k in KEYS):
            raise PlanError("the estimates file has none of `estimates:`, `profiles:`, "
                            "`risks:`", path=())
        return risk_input_from_data(data, plan, path)
    except PlanError as exc:
        raise exc.where(file=path)


def load_plan_estimates(plan: Plan) -> RiskInput:
    """The estimates, profiles, risks and correlations written in the plan file itself."""
    if not plan.source or plan.source.lower().endswith(".xml"):
        return RiskInput()
    data = load_document(plan.source)
    if not isinstance(data, dict) or not any(k in data for k in KEYS):
        return RiskInput()
    try:
        return risk_input_from_data(data, plan, plan.source)
    except PlanError as exc:
        raise exc.where(file=plan.source)


def risk_input(plan: Plan, estimates: str | None = None) -> RiskInput:
    """What is uncertain in ``plan``: the estimates keys written in the plan, with those of the
    ``estimates`` file over them; a PlanError when nothing is (``planner risk``, ``planner
    report``)."""
    inp = load_plan_estimates(plan)
    if estimates:
        inp = inp.merged(load_estimates(estimates, plan))
    if inp.is_empty():
        raise PlanError("nothing is uncertain: give --estimates FILE (docs/risk.md) or write "
                        "`estimates:`, `profiles:` or `risks:` in the plan", file=plan.source,
                        line=0)
    return inp


def risk_input_from_data(data: dict, plan: Plan, file: str | None = None) -> RiskInput:
    tasks = {t.id: t for t in plan.tasks}
    out = RiskInput(files=[file] if file else [])
    profiled: dict[str, str] = {}
    profiles = as_mapping(data.get("profiles") or {}, ("profiles",), "profiles")
    for name, rule in profiles.items():
        _profile(str(name), rule, ("profiles", name), tasks, plan, out, profiled, file)
    estimates = as_mapping(data.get("estimates") or {}, ("estimates",), "estimates")
    for tid, value in estimates.items():
        path = ("estimates", tid)
        task = _leaf(tasks, tid, path, "an estimate")
        out.estimates[task.id] = _three_point(value, path, file, task.duration)
    seen: dict[str, tuple] = {}
    for k, item in enumerate(as_list(data.get("risks") or [], ("risks",), "risks")):
        risk = _risk(item, ("risks", k), tasks, file)
        if risk.id in seen:
            raise PlanError(f"risk id {risk.id!r} is used twice", path=("risks", k, "id"))
        seen[risk.id] = risk.src
        out.risks.append(risk)
    items = as_list(data.get("correlations") or [], ("correlations",), "correlations")
    for k, item in enumerate(items):
        out.correlations.append(_correlation(item, ("correlations", k), tasks, file))
    return out


# -- the parts --------------------------------------------------------------------------------
def _leaf(tasks: dict, raw_id, path, what: str):
    tid = str(raw_id).strip()
    task = tasks.get(tid)
    if task is None:
        raise PlanError(f"{what} names task {tid!r}, which is not in the plan", path=path)
    if task.summary:
        raise PlanError(f"task {tid} is a summary: its duration rolls up from its subtasks, "
                        f"so give {what} to the subtasks instead", path=path)
    return task


def _three_point(value, path, file, planned: int | None, what="an estimate") -> ThreePoint:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = {"optimistic": value, "most_likely": value, "pessimistic": value}
    value = as_mapping(value, path, what)
    check_keys(value, ESTIMATE_KEYS, path, what)
    dist = _distribution(value, path)
    nums = {}
    for key in ("optimistic", "pessimistic", "most_likely"):
        if key in value:
            nums[key] = _days(value[key], path + (key,))
        elif key != "most_likely":
            raise PlanError(f"{what} needs `{key}` (working days)", path=path)
        elif dist == "uniform":
            nums[key] = (nums["optimistic"] + nums["pessimistic"]) / 2
        elif planned is not None:
            nums[key] = float(planned)
        else:
            raise PlanError(f"{what} needs `{key}` (working days)", path=path)
    return _ordered(nums["optimistic"], nums["most_likely"], nums["pessimistic"], dist, path,
                    file)


def _ordered(a, m, b, dist, path, file) -> ThreePoint:
    if not a <= m <= b:
        raise PlanError(f"the estimate must have optimistic <= most_likely <= pessimistic, not "
                        f"{a:g}, {m:g}, {b:g}", path=path)
    return ThreePoint(a, m, b, dist, src=path, file=file)


def _days(value, path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PlanError(f"{value!r} is not a number of working days", path=path)
    if value < 0:
        raise PlanError(f"{value:g} working days: an estimate cannot be negative", path=path)
    return float(value)


def _distribution(value: dict, path) -> str:
    raw = value.get("distribution", "triangular")
    dist = _ALIASES.get(str(raw).strip().lower())
    if dist is None:
        raise PlanError(f"distribution must be one of {', '.join(DISTRIBUTIONS)}, not {raw!r}",
                        path=path + ("distribution",))
    return dist


def _percent(value, path) -> float:
    m = _PERCENT.match(str(value)) if isinstance(value, str) else None
    if m is None:
        raise PlanError(f"a profile gives changes as percentages of the planned duration, "
                        f"like -10% or +50%, not {value!r}", path=path)
    return float(m.group(1).replace(",", "."))


def _profile(name, rule, path, tasks, plan, out, profiled, file) -> None:
    rule = as_mapping(rule, path, f"profile {name!r}")
    check_keys(rule, PROFILE_KEYS, path, f"profile {name!r}")
    for key in ("optimistic", "pessimistic", "tasks"):
        if key not in rule:
            raise PlanError(f"profile {name!r} needs `{key}`", path=path)
    pct = [_percent(rule.get(key, "+0%"), path + (key,)) for key in POINTS]
    if pct[0] < -100:
        raise PlanError(f"optimistic {pct[0]:g}% would make durations negative",
                        path=path + ("optimistic",))
    if not pct[0] <= pct[1] <= pct[2]:
        raise PlanError(f"the profile must have optimistic <= most_likely <= pessimistic, not "
                        f"{pct[0]:+g}%, {pct[1]:+g}%, {pct[2]:+g}%", path=path)
    dist = _distribution(rule, path)
    kids = plan.children()
    for j, raw in enumerate(_ids(rule["tasks"], path + ("tasks",))):
        tpath = path + ("tasks", j)
        tid = str(raw).strip()
        if tid not in tasks:
            raise PlanError(f"profile {name!r} names task {tid!r}, which is not in the plan",
                            path=tpath)
        for leaf in _leaves(tid, tasks, kids):
            if leaf in profiled:
                raise PlanError(f"task {leaf} is in two profiles ({profiled[leaf]!r} and "
                                f"{name!r})", path=tpath)
            profiled[leaf] = name
            d = tasks[leaf].duration
            out.estimates[leaf] = ThreePoint(*(d * (1 + p / 100) for p in pct), dist,
                                             src=tpath, file=file)


def _leaves(tid, tasks, kids) -> list:
    """``tid`` itself, or every leaf under it when it is a summary."""
    if not tasks[tid].summary:
        return [tid]
    out = []
    for c in kids.get(tid, ()):
        out.extend(_leaves(c, tasks, kids))
    return out


def _ids(value, path) -> list:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [value]
    items = as_list(value, path, "tasks")
    if not items:
        raise PlanError("the list of tasks is empty", path=path)
    for j, v in enumerate(items):
        if isinstance(v, (bool, float, list, dict)) or v is None:
            raise PlanError(f"a task id must be a whole number or a word, not {v!r}",
                            path=path + (j,))
    return items


def _risk(item, path, tasks, file) -> RiskEvent:
    item = as_mapping(item, path, "a risk")
    check_keys(item, RISK_KEYS, path, "a risk")
    for key in ("id", "probability", "tasks", "delay_days"):
        if key not in item:
            raise PlanError(f"a risk needs `{key}`", path=path)
    rid = as_str(item["id"], path + ("id",), "risk id").strip()
    name = as_str(item.get("name", rid), path + ("name",), "name")
    p = item["probability"]
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
        raise PlanError(f"probability must be a number from 0 to 1, not {p!r}",
                        path=path + ("probability",))
    ids = []
    for j, raw in enumerate(_ids(item["tasks"], path + ("tasks",))):
        task = _leaf(tasks, raw, path + ("tasks", j), f"risk {rid}")
        if task.id in ids:
            raise PlanError(f"risk {rid} names task {task.id} twice", path=path + ("tasks", j))
        ids.append(task.id)
    delay = _three_point(item["delay_days"], path + ("delay_days",), file, None, "delay_days")
    return RiskEvent(rid, name, float(p), tuple(ids), delay, src=path, file=file)


def _correlation(item, path, tasks, file) -> Correlation:
    item = as_mapping(item, path, "a correlation")
    check_keys(item, CORRELATION_KEYS, path, "a correlation")
    if "tasks" not in item or "coefficient" not in item:
        raise PlanError("a correlation needs `tasks` and `coefficient`", path=path)
    ids = []
    for j, raw in enumerate(_ids(item["tasks"], path + ("tasks",))):
        task = _leaf(tasks, raw, path + ("tasks", j), "a correlation")
        if task.id in ids:
            raise PlanError(f"task {task.id} is listed twice", path=path + ("tasks", j))
        ids.append(task.id)
    if len(ids) < 2:
        raise PlanError("a correlation needs at least two tasks", path=path + ("tasks",))
    c = item["coefficient"]
    if isinstance(c, bool) or not isinstance(c, (int, float)) or not -1 <= c <= 1:
        raise PlanError(f"coefficient must be a number from -1 to 1, not {c!r}",
                        path=path + ("coefficient",))
    return Correlation(tuple(ids), float(c), src=path, file=file)
