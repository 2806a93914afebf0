"""Progress and baselines through MS Project XML, checked by hand on a small plan: what the
writer puts in each element, what the reader makes of it (and of files planner did not write),
the notes for what is not carried, the errors, and the schema."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from mpxj_harness import NEWER_THAN_PJ12, schema_errors
from planner.errors import PlanError
from planner.io.mspdi import NS, read_mspdi, schedule_to_mspdi
from planner.io.status_yaml import apply_status, status_from_data
from planner.io.yaml_plan import plan_from_data
from planner.schedule import schedule
from planner.tracking import baseline_of

D = dt.date
Q = "{%s}" % NS

# Monday-Friday without holidays; 2024-01-08 is a Monday
TASKS = [{"id": 1, "name": "Fase", "tasks": [
            {"id": 2, "name": "Kartlegge", "duration": 10},
            {"id": 3, "name": "Anskaffe", "duration": 5, "predecessors": "2"},
            {"id": 4, "name": "Avklare", "duration": 3}]},
         {"id": 5, "name": "Vedtak", "duration": 0, "predecessors": "3"}]


def plan(tasks=TASKS):
    return plan_from_data({"project": {"name": "Liten", "start": "2024-01-08",
                                       "calendar": {"base": "standard"}}, "tasks": tasks})


def status(reschedule="after_status_date", oos="retained_logic", tasks=None):
    return status_from_data({
        "status_date": "2024-01-19", "reschedule": reschedule, "out_of_sequence": oos,
        "tasks": tasks if tasks is not None else {
            "2": {"actual_start": "2024-01-08", "percent_complete": 30},
            "4": {"actual_start": "2024-01-08", "actual_finish": "2024-01-10"}}})


def exported(reschedule="after_status_date", oos="retained_logic", baselines=True):
    p = plan()
    base = {"baseline": baseline_of(schedule(p))} if baselines else None
    sched = schedule(apply_status(p, status(reschedule, oos)))
    return sched, schedule_to_mspdi(sched, base)


def task_el(text, uid):
    root = ET.fromstring(text.encode())
    for t in root.find(Q + "Tasks"):
        if t.find(Q + "UID").text == str(uid):
            return t
    raise KeyError(uid)


def field(el, name):
    c = el.find(Q + name)
    return None if c is None else c.text


def test_a_started_task_split_at_the_status_date():
    # 3 of 10 days done (8-10 January); the remaining 7 resume after the status date (Friday
    # the 19th) on Monday the 22nd and end on the 30th
    _sched, text = exported()
    a = task_el(text, 2)
    assert [field(a, k) for k in ("Start", "Finish", "Duration", "Stop", "Resume")] == [
        "2024-01-08T08:00:00", "2024-01-30T16:00:00", "PT80H0M0S", "2024-01-10T16:00:00",
        "2024-01-22T08:00:00"]
    assert [field(a, k) for k in ("PercentComplete", "ActualStart", "ActualFinish",
                                  "ActualDuration", "RemainingDuration")] == [
        "30", "2024-01-08T08:00:00", None, "PT24H0M0S", "PT56H0M0S"]


def test_a_finished_task_and_the_summary_and_the_project():
    _sched, text = exported()
    done = task_el(text, 4)
    assert [field(done, k) for k in ("PercentComplete", "ActualStart", "ActualFinish",
                                     "ActualDuration", "RemainingDuration", "Stop")] == [
        "100", "2024-01-08T08:00:00", "2024-01-10T16:00:00", "PT24H0M0S", "PT0H0M0S", None]
    # the phase: 6 of its 18 working days done (3 of 10 + 0 of 5 + 3 of 3) is 33 %; its span
    # 8 January - 6 February is 22 days, 33 % of which is 7 days
    phase = task_el(text, 1)
    assert [field(phase, k) for k in ("PercentComplete", "ActualStart", "ActualDuration",
                                      "RemainingDuration")] == [
        "33", "2024-01-08T08:00:00", "PT56H0M0S", "PT120H0M0S"]
    root = ET.fromstring(text.encode())
    assert [field(root, k) for k in ("StatusDate", "SplitsInProgressTasks",
                                     "MoveRemainingStartsForward")] == [
        "2024-01-19T16:00:00", "1", "1"]


def test_tasks_not_started_wait_for_the_status_date_as_update_project_makes_them():
    _sched, text = exported()
    for uid in (3, 5):
        t = task_el(text, uid)
        assert (field(t, "ConstraintType"), field(t, "ConstraintDate")) == (
            "4", "2024-01-22T08:00:00"), uid
        assert field(t, "ActualStart") is None and field(t, "PercentComplete") == "0"
    _sched, as_is = exported("as_is", "progress_override")
    assert field(task_el(as_is, 3), "ConstraintType") == "0"
    root = ET.fromstring(as_is.encode())
    assert [field(root, k) for k in ("SplitsInProgressTasks", "MoveRemainingStartsForward")] \
        == ["0", "0"]


def test_baselines_per_task_and_for_the_project():
    _sched, text = exported()
    b = task_el(text, 2).find(Q + "Baseline")
    assert [field(b, k) for k in ("Number", "Start", "Finish", "Duration", "DurationFormat")] \
        == ["0", "2024-01-08T08:00:00", "2024-01-19T16:00:00", "PT80H0M0S", "7"]
    m = task_el(text, 5).find(Q + "Baseline")          # a milestone: at the end of its day
    assert [field(m, k) for k in ("Start", "Finish", "Duration")] == [
        "2024-01-26T16:00:00", "2024-01-26T16:00:00", "PT0H0M0S"]
    p = task_el(text, 0).find(Q + "Baseline")
    assert [field(p, k) for k in ("Start", "Finish", "Duration")] == [
        "2024-01-08T08:00:00", "2024-01-26T16:00:00", "PT120H0M0S"]


def test_the_export_of_a_progressed_plan_with_baselines_is_valid_pj12():
    for args in (("after_status_date", "retained_logic"), ("as_is", "progress_override")):
        _sched, text = exported(*args)
        assert schema_errors(text, drop=NEWER_THAN_PJ12) == [], args


def test_an_unprogressed_plan_is_written_as_before():
    text = schedule_to_mspdi(schedule(plan()))
    for name in ("SplitsInProgressTasks", "MoveRemainingStartsForward", "Baseline", "Stop",
                 "ActualStart"):
        assert f"<{name}>" not in text


# -- reading ----------------------------------------------------------------------------------
def read_text(tmp_path, text, name="p.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_mspdi(str(path))


def test_progress_and_baselines_read_back(tmp_path):
    sched, text = exported()
    imp = read_text(tmp_path, text)
    p = imp.plan
    assert (p.status_date, p.reschedule, p.out_of_sequence) == (
        D(2024, 1, 19), "after_status_date", "retained_logic")
    t = p.task_index()
    assert (t["2"].actual_start, t["2"].percent_complete, t["2"].duration) == (
        D(2024, 1, 8), 30, 10)
    assert (t["4"].actual_start, t["4"].actual_finish) == (D(2024, 1, 8), D(2024, 1, 10))
    assert t["3"].constraint is None and not t["3"].has_progress     # Update Project's SNET
    assert any("start-no-earlier-than constraints" in n for n in imp.notes)
    again = schedule(p)
    assert imp.disagreements(again) == []
    assert schedule_to_mspdi(again, imp.baselines) == text
    base = imp.baselines["baseline"]
    saved = baseline_of(schedule(plan()))
    assert (base.start, base.finish, base.duration, base.status_date) == (
        saved.start, saved.finish, saved.duration, None)
    assert {k: (v.start, v.finish, v.duration) for k, v in base.tasks.items()} == \
        {k: (v.start, v.finish, v.duration) for k, v in saved.tasks.items()}


def test_work_done_up_to_the_status_date_comes_back_as_remaining_days(tmp_path):
    tasks = {"2": {"actual_start": "2024-01-15", "remaining_days": 4}}
    sched = schedule(apply_status(plan(), status("as_is", "progress_override", tasks)))
    imp = read_text(tmp_path, schedule_to_mspdi(sched))
    t = imp.plan.task_index()["2"]
    # 5 days done (15-19 January), 4 left: the duration is 9, as MS Project keeps it
    assert (t.actual_start, t.remaining_days, t.percent_complete, t.duration) == (
        D(2024, 1, 15), 4, None, 9)


def ms_project_file(tmp_path, extra_project="", task_extra="", status="2024-01-19T17:00:00"):
    """A small file as MS Project writes one: 8-17 working hours, no planner fields."""
    status_el = f"<StatusDate>{status}</StatusDate>" if status else ""
    text = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>MSP</Name><StartDate>2024-01-08T08:00:00</StartDate>
  <MinutesPerDay>480</MinutesPerDay>
  <DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>17:00:00</DefaultFinishTime>
  {extra_project}{status_el}
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Analyse</Name><OutlineLevel>1</OutlineLevel>
      <Start>2024-01-08T08:00:00</Start><Finish>2024-01-30T17:00:00</Finish>
      <Duration>PT80H0M0S</Duration><DurationFormat>7</DurationFormat>
      <Stop>2024-01-10T17:00:00</Stop><Resume>2024-01-22T08:00:00</Resume>
      <PercentComplete>30</PercentComplete><ActualStart>2024-01-08T08:00:00</ActualStart>
      <ActualDuration>PT24H0M0S</ActualDuration><RemainingDuration>PT56H0M0S</RemainingDuration>
      {task_extra}
    </Task>
    <Task><UID>2</UID><ID>2</ID><Name>Bygge</Name><OutlineLevel>1</OutlineLevel>
      <Start>2024-01-31T08:00:00</Start><Finish>2024-02-06T17:00:00</Finish>
      <Duration>PT40H0M0S</Duration><DurationFormat>7</DurationFormat>
      <PercentComplete>0</PercentComplete>
      <ActualDuration>PT0H0M0S</ActualDuration><RemainingDuration>PT40H0M0S</RemainingDuration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink>
      <Baseline><Number>0</Number><Start>2024-01-22T08:00:00</Start>
        <Finish>2024-01-26T17:00:00</Finish><Duration>PT40H0M0S</Duration></Baseline>
      <Baseline><Number>1</Number><Work>PT40H0M0S</Work></Baseline>
    </Task>
  </Tasks>
</Project>
"""
    return read_text(tmp_path, text, "msp.xml")


def test_a_file_from_ms_project_after_update_project(tmp_path):
    # no MoveRemainingStartsForward, but task 1 resumes after a gap on the first morning after
    # the status date: MS Project's Update Project; the file's dates come back
    imp = ms_project_file(tmp_path)
    p = imp.plan
    assert (p.status_date, p.reschedule, p.out_of_sequence) == (
        D(2024, 1, 19), "after_status_date", "retained_logic")
    sched = schedule(p)
    assert imp.disagreements(sched) == []
    assert (sched.row(0)["start"], sched.row(0)["finish"]) == (D(2024, 1, 8), D(2024, 1, 30))
    b = imp.baselines["baseline"]
    assert (b.start, b.finish, b.duration) == (D(2024, 1, 22), D(2024, 1, 26), 5)
    assert list(b.tasks) == ["2"] and "baseline1" not in imp.baselines
    assert any("1 <Baseline> elements without a number 0-10 or without dates" in n
               for n in imp.notes)


def test_the_reschedule_mode_follows_the_files_dates(tmp_path):
    # MS Project writes MoveRemainingStartsForward 0 by default; the gap in task 1 and its
    # finish on the 31st are after_status_date's, so that mode is taken, with a note
    imp = ms_project_file(tmp_path, "<SplitsInProgressTasks>0</SplitsInProgressTasks>"
                          "<MoveRemainingStartsForward>0</MoveRemainingStartsForward>")
    p = imp.plan
    assert (p.reschedule, p.out_of_sequence) == ("after_status_date", "progress_override")
    assert any("the mode that gives the file's dates" in n for n in imp.notes)
    assert imp.disagreements(schedule(p)) == []


def test_what_is_not_carried_gets_a_note(tmp_path):
    imp = ms_project_file(tmp_path, status=None)
    assert any("no <StatusDate>" in n and "2024-01-08" in n for n in imp.notes)
    assert imp.plan.status_date == D(2024, 1, 8)
    late = ms_project_file(tmp_path, status="2024-01-05T17:00:00")
    assert late.plan.status_date == D(2024, 1, 8)
    assert any("after the <StatusDate> 2024-01-05" in n for n in late.notes)


def test_other_percents_are_noted(tmp_path):
    imp = ms_project_file(tmp_path, task_extra="<PercentWorkComplete>50</PercentWorkComplete>"
                          "<PhysicalPercentComplete>20</PhysicalPercentComplete>")
    assert any("1 tasks have a % work complete other than their % complete" in n
               for n in imp.notes)
    assert any("1 tasks have a physical % complete, which is not carried" in n
               for n in imp.notes)


def test_progress_without_an_actual_start_is_noted(tmp_path):
    sched, text = exported("as_is", "progress_override", baselines=False)
    text = text.replace("<PercentComplete>0</PercentComplete>",
                        "<PercentComplete>20</PercentComplete>", 1)
    imp = read_text(tmp_path, text)
    assert any("progress without an <ActualStart> is not carried" in n for n in imp.notes)


@pytest.mark.parametrize("old, new, message", [
    ("<ActualFinish>2024-01-10T16:00:00</ActualFinish>",
     "<ActualFinish>2024-01-05T16:00:00</ActualFinish>",
     "task UID 4: <ActualFinish> is before its <ActualStart>"),
    ("<PercentComplete>30</PercentComplete>", "<PercentComplete>130</PercentComplete>",
     "task UID 2: <PercentComplete> 130 is not 0-100"),
])
def test_bad_progress_in_a_file_is_an_error_at_its_line(tmp_path, old, new, message):
    _sched, text = exported(baselines=False)
    assert old in text
    bad = text.replace(old, new, 1)
    line = bad[:bad.index(new)].count("\n") + 1
    path = tmp_path / "bad.xml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PlanError) as err:
        read_mspdi(str(path))
    assert str(err.value) == f"{path}:{line}: {message}"


# -- the seed plan's October through the commands -------------------------------------------
def seed_copy(tmp_path):
    import shutil

    from conftest import ROOT

    for name in ("ssiks_it.yaml", "ssiks_it.baselines.yaml"):
        shutil.copy(f"{ROOT}/plans/{name}", tmp_path / name)
    return str(tmp_path / "ssiks_it.yaml"), f"{ROOT}/status/2023-10-31.yaml"


def test_export_and_import_carry_the_seed_plans_october(tmp_path):
    from conftest import run_cli
    from planner.io.baselines_yaml import load_baselines

    plan_path, status_path = seed_copy(tmp_path)
    xml, out = tmp_path / "okt.xml", tmp_path / "okt.yaml"
    code, _out, err = run_cli("export", plan_path, "--status", status_path, "-o", str(xml))
    assert code == 0 and "baselines baseline" in err
    code, _out, err = run_cli("import", str(xml), "-o", str(out))
    assert code == 0, err
    assert f"{tmp_path / 'okt.baselines.yaml'}: baselines baseline" in err
    assert "54 of 54 tasks get the file's dates" in err
    got = load_baselines(str(tmp_path / "okt.baselines.yaml"))["baseline"]
    saved = load_baselines(str(tmp_path / "ssiks_it.baselines.yaml"))["baseline"]
    assert (got.finish, got.duration) == (saved.finish, saved.duration) == (D(2024, 6, 28), 236)
    assert {k: (b.start, b.finish, b.duration) for k, b in got.tasks.items()} == \
        {k: (b.start, b.finish, b.duration) for k, b in saved.tasks.items()}
    from planner.io.yaml_plan import load_plan

    p = load_plan(str(out))
    assert (p.status_date, p.reschedule) == (D(2023, 10, 31), "after_status_date")
    t = p.task_index()
    assert (t["12"].actual_start, t["12"].remaining_days) == (D(2023, 10, 16), 3)
    assert (t["4"].actual_start, t["4"].actual_finish) == (D(2023, 6, 15), D(2023, 8, 29))
    again = tmp_path / "again.xml"
    code, _out, err = run_cli("export", str(out), "-o", str(again))
    assert code == 0 and again.read_text() == xml.read_text()


def test_mpxj_reschedules_the_seed_plans_october_as_is_to_the_same_dates(tmp_path):
    from mpxj_harness import differences, mpxj

    from conftest import SEED_PLAN, ROOT
    from planner.io.yaml_plan import load_plan
    from planner.io.status_yaml import load_status

    st = load_status(f"{ROOT}/status/2023-10-31.yaml")
    st.reschedule, st.out_of_sequence = "as_is", "progress_override"
    sched = schedule(apply_status(load_plan(SEED_PLAN), st))
    m = mpxj()
    text = schedule_to_mspdi(sched)
    assert differences(sched, m.tasks(m.reschedule(text))) == []
    assert schema_errors(text, drop=NEWER_THAN_PJ12) == []


def test_import_writes_the_plan_and_its_baselines_or_neither(tmp_path):
    from conftest import run_cli

    _sched, text = exported()
    xml = tmp_path / "p.xml"
    xml.write_text(text, encoding="utf-8")
    (tmp_path / "p.baselines.yaml").mkdir()          # the baselines cannot be written
    code, _out, err = run_cli("import", str(xml), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and "p.baselines.yaml" in err
    assert not (tmp_path / "p.yaml").exists()
