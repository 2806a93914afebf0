"""The what-if text fits a 100-column terminal: scenario names wrap inside their columns, the
columns go in blocks, long task names are shortened; nothing is lost."""
import glob
import os

import pytest
import yaml

from conftest import ROOT, SEED_PLAN, run_cli

SCENARIOS = sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.yaml")))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_whatif_table_fits_100_columns(lang):
    code, out, err = run_cli("whatif", SEED_PLAN, *SCENARIOS, "--lang", lang)
    assert code in (0, 1), err
    lines = out.splitlines()
    assert max(len(x) for x in lines) <= 100
    table = "\n".join(lines[:lines.index(next(x for x in lines if x.startswith("== ")))])
    from collections import Counter

    words = Counter(table.split())
    for path in SCENARIOS:
        name = yaml.safe_load(open(path, encoding="utf-8"))["name"]
        assert not Counter(name.split()) - words, name              # wrapped, not cut
    assert "…" not in table
    finish = "Slutt" if lang == "nb" else "Finish"
    rows = [x for x in lines if x.startswith(finish + " ")]
    dates = " ".join(rows)
    for d in ("28.06.24", "28.08.24", "20.11.24", "20.06.24", "25.09.24", "30.08.24"):
        assert d in dates


def test_one_scenario_keeps_one_line_per_figure():
    code, out, _ = run_cli("whatif", SEED_PLAN, "--set", "24.duration=+40", "--lang", "en")
    lines = out.splitlines()
    assert max(len(x) for x in lines) <= 100
    row = next(x for x in lines if x.startswith("Change, working days"))
    assert row.split()[-1] == "+40"
