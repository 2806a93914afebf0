"""Small plans and files the hostile cases start from, and the changes they make to them."""
from __future__ import annotations

import os

PLAN = """\
project:
  name: Hostile
  start: 2023-06-14
  calendar: {base: norway, seasons: [summer]}
resources:
  - {id: dev, name: Developer, capacity: 1}
tasks:
  - id: 1
    name: Phase
    tasks:
      - {id: 2, name: Analysis, duration: 5, resources: {dev: 1}}
      - {id: 3, name: Build, duration: 10, predecessors: "2", resources: {dev: 1}}
  - {id: 4, name: Done, duration: 0, predecessors: "3"}
"""

#: the line of the second task (``id: 2``) in PLAN
LINE_TASK2 = 11

SCENARIO = """\
name: Slower
changes:
  - task: 2
    duration: x2
"""


def plan(task2: str | None = None, project: str | None = None, resources: str | None = None,
         extra_task: str | None = None) -> str:
    """PLAN with task 2's flow mapping, the project's extra lines, the resources list or one more
    task replaced or added."""
    text = PLAN
    if task2 is not None:
        text = text.replace("{id: 2, name: Analysis, duration: 5, resources: {dev: 1}}", task2)
    if project is not None:
        text = text.replace("  calendar: {base: norway, seasons: [summer]}\n",
                            "  calendar: {base: norway, seasons: [summer]}\n" + project)
    if resources is not None:
        text = text.replace("  - {id: dev, name: Developer, capacity: 1}\n", resources)
    if extra_task is not None:
        text += extra_task
    return text


TASK2 = "{id: 2, name: Analysis, duration: 5, resources: {dev: 1}}"
TASK3 = "{id: 3, name: Build, duration: 10, predecessors: \"2\", resources: {dev: 1}}"


def tasks23(task2: str, task3: str) -> str:
    """PLAN with tasks 2 and 3 (lines 11 and 12) written as given."""
    return PLAN.replace(TASK2, task2).replace(TASK3, task3)


def with_start(start: str) -> str:
    return PLAN.replace("start: 2023-06-14", f"start: {start}")


def with_calendar(spec: str) -> str:
    return PLAN.replace("{base: norway, seasons: [summer]}", spec)


def alias_bomb(levels: int = 9, key: str = "notes", indent: str = "") -> str:
    """The 'billion laughs': nine anchors, each a list of nine aliases of the one before."""
    lines = [f'{indent}x0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for k in range(1, levels):
        refs = ", ".join([f"*a{k - 1}"] * 9)
        lines.append(f"{indent}x{k}: &a{k} [{refs}]")
    return "\n".join(lines) + "\n"


def nested_plan(levels: int, json: bool = False) -> str:
    """A plan whose tasks nest ``levels`` deep (one task per level, a leaf at the bottom)."""
    if json:
        import json as js

        leaf = {"id": levels, "name": "leaf", "duration": 1}
        node = leaf
        for k in range(levels - 1, 0, -1):
            node = {"id": k, "name": f"level {k}", "tasks": [node]}
        return js.dumps({"project": {"name": "deep", "start": "2023-06-14"}, "tasks": [node]})
    lines = ["project: {name: deep, start: 2023-06-14}", "tasks:"]
    for k in range(1, levels):
        pad = "  " * (2 * (k - 1))
        lines += [f"{pad}  - id: {k}", f"{pad}    name: level {k}", f"{pad}    tasks:"]
    pad = "  " * (2 * (levels - 1))
    lines += [f"{pad}  - {{id: {levels}, name: leaf, duration: 1}}"]
    return "\n".join(lines) + "\n"


def sm_file(durations=(0, 3, 4, 0), successors=None, capacity=4, truncate_at=None) -> str:
    """A PSPLIB .sm instance: jobs 1..n with the given durations, a chain by default."""
    n = len(durations)
    if successors is None:
        successors = {j: [j + 1] for j in range(1, n)}
        successors[n] = []
    lines = ["*" * 72, "file with basedata            : hostile.bas", "*" * 72,
             "projects                      :  1",
             f"jobs (incl. supersource/sink ):  {n}", "horizon                       :  50",
             "RESOURCES", "  - renewable                 :  1   R",
             "  - nonrenewable              :  0   N", "  - doubly constrained        :  0   D",
             "*" * 72, "PRECEDENCE RELATIONS:", "jobnr.    #modes  #successors   successors"]
    for j in range(1, n + 1):
        succ = successors.get(j, [])
        lines.append(f"   {j}        1          {len(succ)}          "
                     + "  ".join(str(s) for s in succ))
    lines += ["*" * 72, "REQUESTS/DURATIONS:", "jobnr. mode duration  R 1",
              "-" * 72]
    for j, d in enumerate(durations, 1):
        lines.append(f"  {j}      1     {d}       {1 if d else 0}")
    lines += ["*" * 72, "RESOURCEAVAILABILITIES:", "  R 1", f"   {capacity}", "*" * 72]
    if truncate_at is not None:
        lines = lines[:truncate_at]
    return "\n".join(lines) + "\n"


# -- setups: what a case makes in its folder besides plain files --------------------------------
def symlink(name, target):
    def setup(folder):
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        os.symlink(target, os.path.join(folder, name))
    return setup


def fifo(name):
    def setup(folder):
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        os.mkfifo(os.path.join(folder, name))
    return setup


def sparse(name, size):
    """A file of ``size`` bytes that takes no room (its size is all a reader checks first)."""
    def setup(folder):
        with open(os.path.join(folder, name), "wb") as fh:
            fh.truncate(size)
    return setup


def mkdir(*names, mode=None):
    def setup(folder):
        for name in names:
            os.makedirs(os.path.join(folder, name), exist_ok=True)
            if mode is not None:
                os.chmod(os.path.join(folder, name), mode)
    return setup
