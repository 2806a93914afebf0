"""Family 5: silent data loss.  A duplicate key or an id that reads like another is an error
with its line, never a silent replacement."""
from __future__ import annotations

from hostile_plans import PLAN, SCENARIO, plan, tasks23
from hostile_runner import Case

DUP = r"duplicate key '{}' \(the second replaces the first; merge them or rename one\)$"


def _dup(file, line, key):
    return rf"^{file}:{line}: " + DUP.format(key)


JSON_PLAN = ('{"project": {"name": "x", "start": "2023-06-14"},\n'
             ' "tasks": [{"id": 1, "name": "a", "duration": 1}],\n'
             ' "tasks": [{"id": 2, "name": "b", "duration": 2}]}\n')


def cases() -> list[Case]:
    v = ["validate", "p.yaml"]
    out = [
        Case("dup-tasks-top-level", 5, v, {"p.yaml": PLAN + "tasks:\n  - {id: 9, name: x, "
                                                          "duration: 1}\n"}, 2,
             _dup("p\\.yaml", 14, "tasks")),
        Case("dup-project", 5, v, {"p.yaml": PLAN + "project: {name: y, start: 2023-01-02}\n"},
             2, _dup("p\\.yaml", 14, "project")),
        Case("dup-project-start", 5, v, {"p.yaml": plan(project="  start: 2024-01-01\n")}, 2,
             _dup("p\\.yaml", 5, "start")),
        Case("dup-task-name-flow", 5, v,
             {"p.yaml": plan(task2="{id: 2, name: a, duration: 5, name: b}")}, 2,
             _dup("p\\.yaml", 11, "name")),
        Case("dup-task-duration-block", 5, v,
             {"p.yaml": PLAN.replace("    name: Phase\n", "    name: Phase\n    name: Phase 2\n")},
             2, _dup("p\\.yaml", 10, "name")),
        Case("dup-assignment-resource", 5, v,
             {"p.yaml": plan(task2="{id: 2, name: a, duration: 5, resources: {dev: 1, dev: 2}}")},
             2, _dup("p\\.yaml", 11, "dev")),
        Case("dup-quoted-and-plain", 5, v,
             {"p.yaml": plan(task2="{id: 2, name: a, duration: 5, 'duration': 6}")}, 2,
             _dup("p\\.yaml", 11, "duration")),
        Case("dup-int-keys", 5, v, {"p.yaml": PLAN + "x: {1: a, 1: b}\n"}, 2,
             _dup("p\\.yaml", 14, "1").replace("'1'", "1")),
        Case("dup-in-scenario", 5, ["schedule", "p.yaml", "--scenario", "s.yaml"],
             {"p.yaml": PLAN, "s.yaml": SCENARIO + "changes: []\n"}, 2,
             _dup("s\\.yaml", 5, "changes")),
        Case("dup-in-calendar", 5, v,
             {"p.yaml": PLAN.replace("{base: norway, seasons: [summer]}", "mine"),
              "calendars/mine.yaml": "name: mine\nyears: {first: 2000, last: 2100}\n"
                                     "name: other\n"}, 2,
             _dup("calendars/mine\\.yaml", 3, "name")),
        Case("dup-json-top-level", 5, ["validate", "p.json"], {"p.json": JSON_PLAN}, 2,
             _dup("p\\.json", 3, "tasks")),
        Case("dup-json-nested", 5, ["validate", "p.json"],
             {"p.json": '{"project": {"name": "x", "start": "2023-06-14",\n'
                        '  "start": "2024-01-01"},\n "tasks": [{"id": 1, "name": "a", '
                        '"duration": 1}]}\n'}, 2, _dup("p\\.json", 2, "start")),
        Case("dup-json-with-tabs", 5, ["validate", "p.json"],
             {"p.json": JSON_PLAN.replace(" ", "\t")}, 2, r"^p\.json:\d+: duplicate key 'tasks'"),
        Case("merge-override-is-not-a-duplicate", 5, v, {"p.yaml": tasks23(
            "&t {id: 2, name: Analysis, duration: 5}",
            "{<<: *t, id: 3, name: Build, duration: 10, predecessors: \"2\"}")}, 0,
             out=r"OK: 4 aktiviteter"),
        Case("merge-then-dup-explicit", 5, v, {"p.yaml": tasks23(
            "&t {id: 2, name: Analysis, duration: 5}",
            "{<<: *t, id: 3, name: Build, name: B, predecessors: \"2\"}")}, 2,
             _dup("p\\.yaml", 12, "name")),
        Case("dup-id-12-and-arabic-12", 5, v,
             {"p.yaml": PLAN + '  - {id: 12, name: a, duration: 1}\n'
                               '  - {id: "١٢", name: b, duration: 1}\n'}, 2,
             r"^p\.yaml:15: task id '١٢' has a digit that is not 0-9"),
        Case("dup-id-int-and-text", 5, v,
             {"p.yaml": PLAN + '  - {id: 12, name: a, duration: 1}\n'
                               '  - {id: "12", name: b, duration: 1}\n'}, 2,
             r"^p\.yaml:15: duplicate task id '12'"),
        Case("dup-id-spaces", 5, v,
             {"p.yaml": PLAN + '  - {id: 12, name: a, duration: 1}\n'
                               '  - {id: " 12 ", name: b, duration: 1}\n'}, 2,
             r"^p\.yaml:15: duplicate task id '12'"),
        Case("dup-resource-id", 5, v,
             {"p.yaml": plan(resources="  - {id: dev, name: A}\n  - {id: dev, name: B}\n")}, 2,
             r"^p\.yaml:7: duplicate resource id 'dev'"),
        Case("id-leading-zero-distinct-uids", 5, ["export", "p.yaml", "-o", "p.xml"],
             {"p.yaml": PLAN + '  - {id: 12, name: a, duration: 1}\n'
                               '  - {id: "012", name: b, duration: 1}\n'}, 0,
             creates=("p.xml",), check=_distinct_uids),
    ]
    return out


def _distinct_uids(folder, _res):
    import os
    import re

    with open(os.path.join(folder, "p.xml"), encoding="utf-8") as fh:
        text = fh.read()
    tasks = text.split("<Tasks>")[1].split("</Tasks>")[0]
    uids = re.findall(r"<Task>\s*<UID>(\d+)</UID>", tasks)
    assert len(uids) == len(set(uids)) == 7, uids     # with the project summary, UID 0
