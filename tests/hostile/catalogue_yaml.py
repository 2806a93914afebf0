"""Family 3: resource exhaustion.  Alias bombs, huge or endless inputs, deep nesting: each a
one-line error within a second or two."""
from __future__ import annotations

import os

from hostile_plans import (PLAN, SCENARIO, alias_bomb, fifo, nested_plan,
                           plan, sparse, symlink, tasks23)
from hostile_runner import Case

BOMB = r"^p\.yaml:\d+: aliases expand to more than 100,000 values"








def cases() -> list[Case]:
    v = ["validate", "p.yaml"]
    bomb_notes = PLAN.replace("{id: 4, name: Done, duration: 0, predecessors: \"3\"}",
                              "{id: 4, name: Done, duration: 0, notes: *a8}")
    head = alias_bomb()
    flat = "[" + "1, " * 1_600_000
    out = [
        Case("bomb-in-notes", 3, v, {"p.yaml": head + bomb_notes}, 2, BOMB, timeout=5),
        Case("bomb-in-duration", 3, v,
             {"p.yaml": head + PLAN.replace("duration: 5,", "duration: *a8,")}, 2, BOMB,
             timeout=5),
        Case("bomb-in-name", 3, v,
             {"p.yaml": head + PLAN.replace("name: Analysis", "name: *a8")}, 2, BOMB,
             timeout=5),
        Case("bomb-as-tasks", 3, v, {"p.yaml": head + "tasks: *a8\n"}, 2, BOMB, timeout=5),
        Case("bomb-531-bytes", 3, v, {"p.yaml": alias_bomb() + "notes: *a8\n"}, 2, BOMB,
             timeout=5),
        Case("bomb-mappings", 3, v,
             {"p.yaml": "a0: &a0 {k0: lol, k1: lol, k2: lol, k3: lol}\n" + "".join(
                 f"a{k}: &a{k} {{" + ", ".join(f"k{j}: *a{k - 1}" for j in range(8)) + "}\n"
                 for k in range(1, 9)) + "notes: *a8\n"}, 2,
             r"^p\.yaml:\d+: aliases expand", timeout=5),
        Case("bomb-in-scenario", 3, ["schedule", "p.yaml", "--scenario", "s.yaml"],
             {"p.yaml": PLAN, "s.yaml": alias_bomb() + SCENARIO.replace("name: Slower",
                                                                        "name: *a8")}, 2,
             r"^s\.yaml:\d+: aliases expand", timeout=5),
        Case("bomb-in-calendar", 3, v,
             {"p.yaml": PLAN.replace("{base: norway, seasons: [summer]}", "mine"),
              "calendars/mine.yaml": alias_bomb() + "label: *a8\n"}, 2,
             r"^calendars/mine\.yaml:\d+: aliases expand", timeout=5),
        Case("alias-recursive-list", 3, v, {"p.yaml": PLAN.replace(
            "{id: 4, name: Done, duration: 0, predecessors: \"3\"}",
            "{id: 4, name: Done, duration: 0, notes: &r [a, *r]}")}, 2,
             r"^p\.yaml:13: alias \*r refers to a collection that contains it"),
        Case("alias-recursive-mapping", 3, v, {"p.yaml": "project: &p {name: x, self: *p}\n"},
             2, r"^p\.yaml:1: alias \*p refers to a collection that contains it"),
        Case("alias-small-is-fine", 3, v, {"p.yaml": tasks23(
            "{id: 2, name: &n Analysis, duration: 5, resources: &r {dev: 1}}",
            "{id: 3, name: *n, duration: 10, predecessors: \"2\", resources: *r}")}, 0,
             out=r"OK: 4 aktiviteter"),
        Case("merge-key-defaults", 3, v, {"p.yaml": tasks23(
            "&t {id: 2, name: Analysis, duration: 5, resources: {dev: 1}}",
            "{<<: *t, id: 3, name: Build, predecessors: \"2\"}")}, 0, out=r"OK: 4 aktiviteter"),
        Case("ampersand-in-names", 3, v, {"p.yaml": PLAN.replace(
            "name: Analysis", "name: R &D and Q&A").replace("name: Build", "name: '&x'")}, 0,
             out=r"OK: 4 aktiviteter"),
        Case("huge-sparse-plan", 3, v, {}, 2,
             r"^p\.yaml: is 50\.0 MB; planner reads files of up to 32 MB$",
             setup=sparse("p.yaml", 50 << 20), timeout=3),
        Case("huge-unclosed-list", 3, v, {"p.yaml": "tasks: " + flat}, 2,
             r"^p\.yaml:1: more than 1,500,000 values", timeout=3),
        Case("huge-unclosed-list-json", 3, ["validate", "p.json"], {"p.json": flat}, 2,
             r"^p\.json:1: JSON syntax error", timeout=5),
        Case("many-lines", 3, v, {"p.yaml": PLAN + "#\n" * 1_600_000}, 2,
             r"^p\.yaml:14\d{5}: more than 1,500,000 values", timeout=3),
        Case("dev-zero-as-plan", 3, ["validate", "/dev/zero"], {}, 2,
             r"^/dev/zero: is a character device, not a regular file", timeout=3),
        Case("dev-null-as-plan", 3, ["validate", "/dev/null"], {}, 2,
             r"^/dev/null: is a character device", timeout=3),
        Case("dev-urandom-as-scenario", 3, ["schedule", "p.yaml", "--scenario", "/dev/urandom"],
             {"p.yaml": PLAN}, 2, r"^/dev/urandom: is a character device", timeout=3),
        Case("symlink-to-dev-zero", 3, v, {}, 2, r"^p\.yaml: is a character device",
             setup=symlink("p.yaml", "/dev/zero"), timeout=3),
        Case("fifo-as-plan", 3, v, {}, 2, r"^p\.yaml: is a FIFO \(named pipe\)",
             setup=fifo("p.yaml"), subprocess=True, timeout=10),
        Case("fifo-as-scenario", 3, ["schedule", "p.yaml", "--scenario", "s.yaml"],
             {"p.yaml": PLAN}, 2, r"^s\.yaml: is a FIFO", setup=fifo("s.yaml"), timeout=3),
        Case("fifo-as-mspdi", 3, ["import", "p.xml", "-o", "p.yaml"], {}, 2,
             r"^p\.xml: is a FIFO", setup=fifo("p.xml"), timeout=3),
        Case("proc-file-as-plan", 3, ["validate", "/proc/self/status"], {}, 2,
             r"^/proc/self/status:1: ", timeout=3),
        Case("nested-brackets-100k-yaml", 3, v, {"p.yaml": "notes: " + "[" * 100_000 +
                                                 "]" * 100_000}, 2,
             r"^p\.yaml:1: YAML syntax error: exceeded maximum nesting depth", timeout=3),
        Case("nested-brackets-100k-json", 3, ["validate", "p.json"],
             {"p.json": "[" * 100_000 + "]" * 100_000}, 2,
             r"^p\.json:1: nested more than about 1000 levels deep$", timeout=3),
        Case("nested-objects-json-multiline", 3, ["validate", "p.json"],
             {"p.json": '{"a":\n' * 3000 + "1" + "}" * 3000}, 2,
             r"^p\.json:900: nested more than about 1000 levels deep$", timeout=3),
        Case("nested-block-2000", 3, v, {"p.yaml": "".join("  " * k + "a:\n" for k in range(2000))},
             2, r"^p\.yaml:1000: YAML syntax error: exceeded maximum nesting depth", timeout=3),
        Case("nested-notes-900", 3, v, {"p.yaml": PLAN.replace(
            "{id: 4, name: Done, duration: 0, predecessors: \"3\"}",
            "{id: 4, name: Done, duration: 0, notes: " + "[" * 900 + "]" * 900 + "}")}, 2,
             r"^p\.yaml:13: notes must be text, not a list$"),
        Case("nested-plan-450-yaml", 3, v, {"p.yaml": nested_plan(450)}, 2,
             r"^p\.yaml:\d+: tasks nest deeper than 100 outline levels$", timeout=5),
        Case("nested-plan-450-json", 3, ["validate", "p.json"],
             {"p.json": nested_plan(450, json=True)}, 2,
             r"^p\.json:1: tasks nest deeper than 100 outline levels$", timeout=5),
        Case("nested-plan-100-works", 3, ["export", "p.yaml", "-o", "p.xml"],
             {"p.yaml": nested_plan(100)}, 0, creates=("p.xml",), timeout=10),
        Case("nested-plan-100-roundtrip", 3, ["import", "p.xml", "-o", "back.yaml"],
             {"p.yaml": nested_plan(100)}, 0, creates=("back.yaml",), setup=_export_plan,
             timeout=10),
        Case("long-name-1mb", 3, ["schedule", "p.yaml", "--format", "csv"],
             {"p.yaml": plan(task2="{id: 2, name: " + "x" * 1_000_000 + ", duration: 5}")}, 0,
             out=r"^id,", timeout=5),
        Case("long-key-1000", 3, v, {"p.yaml": PLAN + "k" * 1000 + ": 1\n"}, 2,
             r"^p\.yaml:14: unknown field 'k+\.\.\.' in the plan"),
        Case("binary-garbage", 3, v, {"p.yaml": bytes(range(256)) * 100}, 2,
             r"^p\.yaml:\d+: (not UTF-8|YAML syntax error)"),
        Case("utf16-plan", 3, v, {"p.yaml": PLAN.encode("utf-16")}, 2,
             r"^p\.yaml:1: not UTF-8 text"),
        Case("python-tag", 3, v, {"p.yaml": "project: !!python/object/apply:os.system [id]\n"},
             2, r"^p\.yaml:1: YAML syntax error: .*constructor"),
        Case("unhashable-key", 3, v, {"p.yaml": "? [a, b]\n: 1\n"}, 2,
             r"^p\.yaml:1: a mapping key must be text or a number"),
        Case("many-small-documents", 3, v, {"p.yaml": "---\na: 1\n" * 50}, 2,
             r"^p\.yaml:3: YAML syntax error: but found another document"),
    ]
    return out


def _export_plan(folder):
    from planner.io.mspdi import write_mspdi
    from planner.io.yaml_plan import load_plan
    from planner.schedule import schedule

    write_mspdi(schedule(load_plan(os.path.join(folder, "p.yaml"))), os.path.join(folder, "p.xml"))
