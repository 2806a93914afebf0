"""The baselines file beside a plan (``plans/ssiks_it.baselines.yaml``): named baselines, one
line per task, readable and diffable::

    # Baselines of ssiks_it.yaml, written by `planner baseline save` (docs/tracking.md).
    plan: ssiks_it.yaml
    baselines:
      baseline:
        status_date: null
        start: 2023-06-14
        finish: 2024-06-28
        duration_days: 236
        tasks:
          "2": {start: 2023-06-14, finish: 2023-06-14, duration_days: 1}  # Presentasjon av ...

The same baselines always give the same bytes (no time stamps; names in MS Project's order).
"""
from __future__ import annotations

import os

from ..errors import PlanError
from ..tracking.baseline import BASELINE_NAMES, Baseline, BaselineTask
from .documents import as_date, as_int, as_mapping, check_keys, load_document, write_atomic

BASELINE_KEYS = {"status_date", "start", "finish", "duration_days", "tasks"}
TASK_KEYS = {"start", "finish", "duration_days"}


def baselines_path(plan_path: str) -> str:
    """``plans/ssiks_it.yaml`` -> ``plans/ssiks_it.baselines.yaml``."""
    root, _ext = os.path.splitext(plan_path)
    return root + ".baselines.yaml"


def load_baselines(path: str) -> dict[str, Baseline]:
    """The baselines in ``path`` by name; an empty dict when the file does not exist."""
    if not os.path.exists(path):
        return {}
    data = load_document(path)
    try:
        return baselines_from_data(data)
    except PlanError as exc:
        raise exc.where(file=path)


def find_baseline(plan_path: str, name: str) -> Baseline:
    """The baseline ``name`` saved beside the plan ``plan_path``; a PlanError naming the saved
    ones when there is none by that name."""
    path = baselines_path(plan_path)
    found = load_baselines(path)
    if name not in found:
        saved = ", ".join(found) or "none"
        raise PlanError(f"no baseline {name!r} in {path} (saved: {saved}; save one with "
                        f"`planner baseline save {plan_path} --name {name}`)")
    return found[name]


def baselines_from_data(data) -> dict[str, Baseline]:
    if data is None:
        return {}
    data = as_mapping(data, (), "a baselines file")
    check_keys(data, {"plan", "baselines"}, (), "a baselines file")
    items = as_mapping(data.get("baselines") or {}, ("baselines",), "baselines")
    out = {}
    for name, item in items.items():
        path = ("baselines", name)
        name = str(name)
        if name not in BASELINE_NAMES:
            raise PlanError(f"unknown baseline name {name!r} (use baseline or "
                            f"baseline1..baseline10)", path=path)
        item = as_mapping(item, path, f"baseline {name}")
        check_keys(item, BASELINE_KEYS, path, f"baseline {name}")
        for key in ("start", "finish", "duration_days"):
            if key not in item:
                raise PlanError(f"baseline {name} needs `{key}`", path=path)
        sd = item.get("status_date")
        base = Baseline(name, as_date(item["start"], path + ("start",)),
                        as_date(item["finish"], path + ("finish",)),
                        as_int(item["duration_days"], path + ("duration_days",), "duration_days"),
                        as_date(sd, path + ("status_date",)) if sd is not None else None)
        tasks = as_mapping(item.get("tasks") or {}, path + ("tasks",), "tasks")
        for tid, row in tasks.items():
            tpath = path + ("tasks", tid)
            row = as_mapping(row, tpath, f"task {tid}")
            check_keys(row, TASK_KEYS, tpath, f"task {tid} of baseline {name}")
            missing = TASK_KEYS - row.keys()
            if missing:
                raise PlanError(f"task {tid} of baseline {name} needs "
                                f"{', '.join(sorted(missing))}", path=tpath)
            base.tasks[str(tid)] = BaselineTask(
                as_date(row["start"], tpath + ("start",)),
                as_date(row["finish"], tpath + ("finish",)),
                as_int(row["duration_days"], tpath + ("duration_days",), "duration_days"))
        out[name] = base
    return out


def dump_baselines(baselines: dict[str, Baseline], plan_name: str) -> str:
    """The baselines as YAML text, in MS Project's order of names."""
    lines = [f"# Baselines of {plan_name}, written by `planner baseline save` "
             f"(docs/tracking.md).",
             "# One line per task: start, finish and duration in working days.",
             f"plan: {_quote(plan_name)}", "baselines:"]
    for name in BASELINE_NAMES:
        b = baselines.get(name)
        if b is None:
            continue
        lines += [f"  {name}:",
                  f"    status_date: {b.status_date.isoformat() if b.status_date else 'null'}",
                  f"    start: {b.start.isoformat()}", f"    finish: {b.finish.isoformat()}",
                  f"    duration_days: {b.duration}", "    tasks:"]
        for tid, t in b.tasks.items():
            row = (f"      {_quote(tid)}: {{start: {t.start.isoformat()}, finish: "
                   f"{t.finish.isoformat()}, duration_days: {t.duration}}}")
            name_text = " ".join(t.name.split())
            lines.append(f"{row}  # {name_text}" if name_text else row)
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_baseline(path: str, baseline: Baseline, plan_name: str, force: bool = False) -> bool:
    """Add ``baseline`` to the file at ``path`` (created if need be).  Saving over a baseline
    of the same name needs ``force``; returns True when one was replaced."""
    baselines = load_baselines(path)
    replaced = baseline.name in baselines
    if replaced and not force:
        raise PlanError(f"baseline {baseline.name!r} is already saved (use --force to replace "
                        f"it, or --name baseline1..baseline10 for another)", file=path,
                        path=("baselines", baseline.name))
    baselines[baseline.name] = baseline
    from .output import updating

    updating(path)                  # read above and written back: an update, not an overwrite
    write_atomic(path, dump_baselines(baselines, plan_name))
    return replaced
