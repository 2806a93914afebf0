#!/usr/bin/env python3
"""The catalogue of hostile inputs: generated here, run by tests/hostile/test_catalogue.py.

    python tests/hostile/make_catalogue.py            # list the cases: id, family, exit, message
    python tests/hostile/make_catalogue.py --run      # run them all; failures and the slowest
    python tests/hostile/make_catalogue.py --run ID.. # run some

Each case is a command line over files it writes into an empty folder, with the exit code and
the message shape (a regex) it must give.  The families are issue 12's: 1 output paths,
2 calendar paths, 3 resource exhaustion, 4 ordinary input that once crashed, 5 silent data
loss, 6 messages without a place.  The cases are built in code, from small plans
(hostile_plans.py), so that a case is a few lines and the catalogue stays reviewable.
"""
from __future__ import annotations

import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

MODULES = ("catalogue_output", "catalogue_calendar", "catalogue_yaml", "catalogue_values",
           "catalogue_duplicates", "catalogue_gantt", "catalogue_mspdi")


def all_cases() -> list:
    import importlib

    out = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        out.extend(module.cases())
    ids = [c.id for c in out]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SystemExit(f"duplicate case ids: {dupes}")
    return out


def run_one(case):
    from hostile_runner import listing, prepare, run, verify

    with tempfile.TemporaryDirectory(prefix=f"hostile-{case.id[:20]}-") as folder:
        prepare(case, folder)
        before = listing(folder)
        res = run(case, folder)
        problems = verify(case, folder, before, res)
        _restore_permissions(folder)
    return res, problems


def _restore_permissions(folder):
    for base, dirs, _files in os.walk(folder):
        for d in dirs:
            try:
                os.chmod(os.path.join(base, d), 0o755)
            except OSError:
                pass


def main(argv) -> int:
    cases = all_cases()
    if "--run" not in argv:
        for c in cases:
            codes = "/".join(str(x) for x in c.exit)
            print(f"{c.family}  {c.id:45} exit {codes:5} {c.err}")
        by = {}
        for c in cases:
            by[c.family] = by.get(c.family, 0) + 1
        print(f"{len(cases)} cases; by family: " +
              ", ".join(f"{k}: {v}" for k, v in sorted(by.items())))
        return 0
    wanted = [a for a in argv if not a.startswith("--")]
    if wanted:
        cases = [c for c in cases if any(c.id.startswith(w) for w in wanted)]
    failed = 0
    times = []
    for c in cases:
        res, problems = run_one(c)
        times.append((res.seconds, c.id))
        if problems:
            failed += 1
            print(f"FAIL {c.id}: " + "\n    ".join(problems))
    times.sort(reverse=True)
    print(f"{len(cases) - failed}/{len(cases)} held; slowest: " +
          ", ".join(f"{i} {s:.2f} s" for s, i in times[:5]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
