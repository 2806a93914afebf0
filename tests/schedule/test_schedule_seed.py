"""The seed report's MS Project table is the oracle: every start, finish and duration."""
import csv
import datetime as dt
import json
import os

from conftest import DATA, SEED_PLAN, run_cli


def seed_rows():
    with open(os.path.join(DATA, "msp_plan_table.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield row


def msp(text):
    """'Wed 14.06.23' -> date(2023, 6, 14)"""
    return dt.datetime.strptime(text.split()[1], "%d.%m.%y").date()


def test_every_row_of_the_seed_table(seed_schedule):
    sched = seed_schedule
    rows = list(seed_rows())
    assert len(rows) == 54
    assert [t.id for t in sched.plan.tasks] == [r["id"] for r in rows]
    for r in rows:
        i = sched.i(r["id"])
        t = sched.plan.tasks[i]
        assert t.name == r["name"]
        assert t.outline_level == int(r["outline_level"])
        assert t.summary == (r["summary"] == "yes")
        assert sched.duration[i] == int(r["duration_days"]), r["id"]
        assert sched.date(sched.start[i]) == msp(r["start"]), r["id"]
        assert sched.date(sched.finish[i]) == msp(r["finish"]), r["id"]
        want = r["predecessors"].replace(" days", "")
        assert ";".join(link.label() for link in t.predecessors) == want


def test_critical_tasks_and_floats(seed_schedule):
    sched = seed_schedule
    expected = ([2] + list(range(4, 15)) + list(range(20, 25)) + [26] + list(range(35, 40))
                + list(range(41, 45)) + [46, 47, 50, 52, 53, 54])
    leaves_critical = sorted(int(t.id) for i, t in enumerate(sched.plan.tasks)
                             if not t.summary and sched.critical[i])
    assert leaves_critical == expected
    tf = {t.id: sched.total_float[i] for i, t in enumerate(sched.plan.tasks)}
    assert tf["15"] == 145
    assert [tf[x] for x in ("16", "17", "18")] == [5, 5, 5]
    assert [tf[x] for x in ("30", "31", "32")] == [3, 3, 3]
    assert all(tf[str(x)] == 0 for x in expected)
    assert sched.project_finish == dt.date(2024, 6, 28)
    assert sched.project_duration == 236


def test_free_float_is_the_gap_to_the_successor(seed_schedule):
    sched = seed_schedule
    ff = {t.id: sched.free_float[i] for i, t in enumerate(sched.plan.tasks)}
    # 16-17-18 form a chain whose slack sits at its end: only 18 can slip without moving 51
    assert ff["16"] == 0 and ff["17"] == 0 and ff["18"] == 0
    assert ff["51"] == 5     # 51 ends 30.04, 52 waits for 50 until 08.05 (1 May is a holiday)
    assert ff["15"] == 145   # no successor: free float = total float
    assert ff["48"] == 0 and ff["49"] == 1


def test_schedule_json_passes_the_seed_check(tmp_path):
    code, out, err = run_cli("schedule", SEED_PLAN, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["project"] == {"name": data["tasks"][0]["name"], "start": "2023-06-14",
                               "finish": "2024-06-28", "duration_days": 236,
                               "calendar": "norway"}
    by_id = {t["id"]: t for t in data["tasks"]}
    for r in seed_rows():
        t = by_id[r["id"]]
        assert (t["start"], t["finish"], t["duration_days"]) == (
            msp(r["start"]).isoformat(), msp(r["finish"]).isoformat(), int(r["duration_days"]))
    assert by_id["49"]["predecessors"] == [{"id": "48", "type": "FS", "lag_days": -12}]
    assert data["critical_path"][:3] == ["2", "4", "5"]
    assert data["critical_path"][-1] in {"46", "47", "53", "54"}
