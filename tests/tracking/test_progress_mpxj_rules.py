"""Rules of the progressed schedule that the MPXJ oracle (tests/io/test_mspdi_progress_random.py)
found missing, each checked by hand on a small plan (Monday-Friday, no holidays; 2024-01-08 is
a Monday): MPXJ's MicrosoftScheduler and MicrosoftSlackCalculator do the same."""
from tracking_helpers import D, dates, row, tracked


def status(date, tasks, reschedule="after_status_date"):
    return {"status_date": date, "reschedule": reschedule, "out_of_sequence":
            "progress_override", "tasks": tasks}


def test_a_started_task_without_successors_has_its_total_float_as_free_float():
    # A (10 days, 4 done) runs beside B (20 days): A may finish 10 days later, and with no
    # successor all of that float is free
    tasks = [{"id": "A", "name": "a", "duration": 10}, {"id": "B", "name": "b", "duration": 20}]
    s = tracked(tasks, status("2024-01-12", {"A": {"actual_start": "2024-01-08",
                                                   "percent_complete": 40}}, "as_is"))
    a = row(s, "A")
    assert (a["total_float_days"], a["free_float_days"], a["critical"]) == (10, 10, False)


def test_a_phase_whose_subphases_are_all_done_is_done_and_not_critical():
    tasks = [{"id": "P", "name": "phase", "tasks": [
                {"id": "Q", "name": "sub-phase", "tasks": [
                    {"id": "A", "name": "a", "duration": 3}]}]},
             {"id": "B", "name": "b", "duration": 4, "predecessors": "A"}]
    s = tracked(tasks, status("2024-01-10", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-10"}}))
    for tid in ("P", "Q"):
        assert s.progress.state[s.i(tid)] == 2, tid
        assert row(s, tid)["critical"] is False
    assert row(s, "B")["critical"] is True


def test_a_started_summary_is_critical_by_its_own_float_not_its_subtasks():
    # phase P has started (A done 8-9 January); its task C1 (10-12) is critical by its
    # deadline, but the phase ends with C2 (10-16), which may slip to B's finish on the 23rd:
    # the phase has 5 days of float and is not critical, as MS Project rates a summary
    tasks = [{"id": "P", "name": "phase", "tasks": [
                {"id": "A", "name": "a", "duration": 2},
                {"id": "C1", "name": "c1", "duration": 3, "predecessors": "A",
                 "deadline": "2024-01-12"},
                {"id": "C2", "name": "c2", "duration": 5, "predecessors": "A"}]},
             {"id": "B", "name": "b", "duration": 12}]
    s = tracked(tasks, status("2024-01-09", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-09"},
                                             "B": {"actual_start": "2024-01-08"}}, "as_is"))
    assert row(s, "C1")["critical"] is True
    p = row(s, "P")
    assert (p["total_float_days"], p["critical"]) == (5, False)
    assert row(s, "B")["critical"] is True


def test_a_phase_with_all_its_work_done_is_not_critical_though_a_milestone_is_open():
    # MS Project shows the phase 100 % complete (its milestone has no duration): never critical
    tasks = [{"id": "P", "name": "phase", "tasks": [
                {"id": "A", "name": "a", "duration": 3},
                {"id": "M", "name": "approved", "duration": 0, "predecessors": "A",
                 "constraint": {"type": "MSO", "date": "2024-01-10"}}]}]
    s = tracked(tasks, status("2024-01-10", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-10"}}, "as_is"))
    p = s.i("P")
    assert s.progress.percent[p] == 100 and s.progress.state[p] == 1
    assert row(s, "M")["critical"] is True
    assert row(s, "P")["critical"] is False


def test_a_started_alap_task_finishes_at_its_late_finish():
    # A (ALAP, 4 days, started on the 8th, 1 day done) feeds nothing; B sets the finish on
    # the 26th: A's remaining work goes as late as possible, its float is 0
    tasks = [{"id": "A", "name": "a", "duration": 4, "constraint": "ALAP"},
             {"id": "B", "name": "b", "duration": 15}]
    s = tracked(tasks, status("2024-01-08", {"A": {"actual_start": "2024-01-08",
                                                   "remaining_days": 3}}, "as_is"))
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 26))
    assert row(s, "A")["total_float_days"] == 0
    a = s.i("A")
    assert s.date(s.progress.resume[a]) == D(2024, 1, 24)     # the last 3 days of the span


def test_summary_logic_into_a_finished_task_still_binds_its_predecessor():
    # X (3 days) -> phase P (summary logic: X must finish before A starts); A is done (8-9
    # January) although X has not started: MPXJ keeps X's late finish at A's actual finish,
    # so X (8-10 January) is behind, rather than free to finish with the project
    tasks = [{"id": "X", "name": "x", "duration": 3},
             {"id": "P", "name": "phase", "predecessors": "X", "tasks": [
                 {"id": "A", "name": "a", "duration": 2}]},
             {"id": "B", "name": "b", "duration": 10}]
    s = tracked(tasks, status("2024-01-09", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-09"}}, "as_is"))
    x = row(s, "X")
    assert x["late_finish"] == D(2024, 1, 9)
    assert x["total_float_days"] == -1 and x["critical"] is True
    # the same link as the task's own (X -> A) does not hold X once A is done
    own = [dict(t) for t in tasks]
    own[1] = {"id": "P", "name": "phase", "tasks": [
        {"id": "A", "name": "a", "duration": 2, "predecessors": "X"}]}
    s2 = tracked(own, status("2024-01-09", {"A": {"actual_start": "2024-01-08",
                                                  "actual_finish": "2024-01-09"}}, "as_is"))
    assert row(s2, "X")["late_finish"] == D(2024, 1, 19)
