"""`planner level -o` writes the plan file as the user wrote it, with only the delays changed."""
import os

import pytest

from conftest import SEED_PLAN
from planner.io.plan_edit import edited_plan_text, write_levelled_plan
from planner.io.yaml_plan import load_plan

DELAYS = {"24": 10, "29": 3, "54": 20}


def _with_delays(path, delays):
    plan = load_plan(path)
    for t in plan.tasks:
        t.leveling_delay = delays.get(t.id, 0)
    return plan


def test_seed_plan_keeps_every_line_and_comment(tmp_path):
    out = tmp_path / "levelled.yaml"
    assert write_levelled_plan(SEED_PLAN, _with_delays(SEED_PLAN, DELAYS), str(out))
    before = open(SEED_PLAN, encoding="utf-8").read().splitlines()
    after = out.read_text(encoding="utf-8").splitlines()
    comments = [x for x in before if x.lstrip().startswith("#")]
    assert len(comments) > 20
    assert [x for x in after if x.lstrip().startswith("#")] == comments
    added = list(after)
    for line in before:                   # every original line, in order
        added = added[added.index(line) + 1:] if line in added else None
        assert added is not None, line
    extra = [x for x in after if x not in before]
    assert sorted(x.strip() for x in extra) == sorted(f"leveling_delay: {d}" for d in
                                                       DELAYS.values())
    again = load_plan(str(out))
    assert {t.id: t.leveling_delay for t in again.tasks if t.leveling_delay} == DELAYS
    # levelling the levelled plan again: one delay changes, one goes, one stays
    second = _with_delays(str(out), {"24": 4, "54": 20})
    text = edited_plan_text(str(out), second)
    assert text.count("leveling_delay") == 2 and "leveling_delay: 4\n" in text
    expected = [x.replace("leveling_delay: 10", "leveling_delay: 4") for x in after
                if x.strip() != "leveling_delay: 3"]
    assert text.splitlines() == expected
    assert [x for x in text.splitlines() if x.lstrip().startswith("#")] == comments


FLOW = """# my plan
project: {name: f, start: 2025-01-06}   # the start
tasks:
  - {id: A, name: A, duration: 5}       # first
  - {id: B, name: B, duration: 5, predecessors: A, leveling_delay: 2}
  - id: C
    name: C
    duration: 3   # three days
    leveling_delay: 7
"""


def test_flow_and_block_mappings(write_plan):
    path = write_plan(FLOW)
    text = edited_plan_text(path, _with_delays(path, {"A": 4, "C": 1}))
    assert text == FLOW.replace("duration: 5}", "duration: 5, leveling_delay: 4}", 1) \
        .replace(", leveling_delay: 2}", "}").replace("leveling_delay: 7", "leveling_delay: 1")


def test_json_plans_are_written_whole(tmp_path):
    src = tmp_path / "p.json"
    src.write_text('{"project": {"name": "j", "start": "2025-01-06"}, "tasks": '
                   '[{"id": 1, "name": "a", "duration": 2}]}', encoding="utf-8")
    plan = _with_delays(str(src), {"1": 3})
    assert not write_levelled_plan(str(src), plan, str(tmp_path / "out.yaml"))
    assert not os.path.exists(tmp_path / "out.yaml")
    assert not write_levelled_plan(SEED_PLAN, _with_delays(SEED_PLAN, {}),
                                   str(tmp_path / "out.json"))
