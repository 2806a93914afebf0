"""Hand-checked scheduling of progress (docs/tracking.md).  The calendar is Monday-Friday
without holidays; 2024-01-08 is a Monday, so 08-12, 15-19, 22-26 January are working weeks."""
import pytest
from tracking_helpers import D, chain, dates, row, tracked

from planner.io.schedule_json import schedule_to_json
from planner.schedule.progress import split_duration


def status(date, tasks, **extra):
    return {"status_date": date, "tasks": tasks, **extra}


def test_late_start_pushes_successors():
    # planned: A 08-12, B 15-17; A started two days late and is 20 % done (1 of 5 days)
    s = tracked(chain(5, 3), status("2024-01-10", {"A": {"actual_start": "2024-01-10",
                                                         "percent_complete": 20}}))
    assert dates(s, "A") == (D(2024, 1, 10), D(2024, 1, 16))   # 4 days left from Thu 11
    assert dates(s, "B") == (D(2024, 1, 17), D(2024, 1, 19))
    i = s.i("A")
    assert s.progress.actual[i] == 1 and s.progress.remaining[i] == 4
    assert s.date(s.progress.stop[i]) == D(2024, 1, 10)
    assert s.date(s.progress.resume[i]) == D(2024, 1, 11)
    assert not s.progress.split(i)                              # no gap: worked through the 10th


def test_early_finish_pulls_successors():
    s = tracked(chain(5, 3), status("2024-01-10", {"A": {"actual_start": "2024-01-08",
                                                         "actual_finish": "2024-01-10"}}))
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 10))
    assert dates(s, "B") == (D(2024, 1, 11), D(2024, 1, 15))   # was 15-17
    assert s.duration[s.i("A")] == 3


def test_slip_into_july_lands_after_the_summer_break():
    cal = {"base": "norway", "seasons": ["summer"]}
    # planned: A 17-21 June, B 24-26 June; A has run 8 days and needs 6 more
    s = tracked(chain(5, 3), status("2024-06-26", {"A": {"actual_start": "2024-06-17",
                                                         "remaining_days": 6}}),
                start="2024-06-17", calendar=cal)
    # 27 and 28 June, then July is off: 1, 2, 5 and 6 August
    assert dates(s, "A") == (D(2024, 6, 17), D(2024, 8, 6))
    assert dates(s, "B") == (D(2024, 8, 7), D(2024, 8, 9))
    assert s.duration[s.i("A")] == 14


@pytest.mark.parametrize("rule, b_resume, b_finish", [
    ("retained_logic", D(2024, 1, 16), D(2024, 1, 19)),     # B's remaining work waits for A
    ("progress_override", D(2024, 1, 11), D(2024, 1, 16)),  # it goes on after the status date
])
def test_out_of_sequence_progress(rule, b_resume, b_finish):
    # B started on the 9th while A (its FS predecessor) is still running
    st = status("2024-01-10", {"A": {"actual_start": "2024-01-08", "percent_complete": 40},
                               "B": {"actual_start": "2024-01-09", "percent_complete": 20}},
                out_of_sequence=rule)
    s = tracked(chain(5, 5), st)
    # A: 2 days done (8, 9), nothing on the 10th, 3 left from Thursday 11th: a split
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 15))
    a = s.i("A")
    assert s.progress.split(a)
    assert (s.date(s.progress.stop[a]), s.date(s.progress.resume[a])) == \
        (D(2024, 1, 9), D(2024, 1, 11))
    assert dates(s, "B") == (D(2024, 1, 9), b_finish)
    b = s.i("B")
    assert (s.date(s.progress.stop[b]), s.date(s.progress.resume[b])) == (D(2024, 1, 9), b_resume)
    assert [(s.net.ids[p], s.net.ids[q], t) for p, q, t in s.progress.out_of_sequence] == \
        [("A", "B", 0)]


@pytest.mark.parametrize("rule, b_finish", [
    ("retained_logic", D(2024, 1, 18)),     # after A's finish on Friday 12th
    ("progress_override", D(2024, 1, 15)),  # MPXJ: actual start + duration, links ignored
])
def test_out_of_sequence_as_is(rule, b_finish):
    st = status("2024-01-10", {"A": {"actual_start": "2024-01-08", "percent_complete": 40},
                               "B": {"actual_start": "2024-01-09", "percent_complete": 20}},
                out_of_sequence=rule, reschedule="as_is")
    s = tracked(chain(5, 5), st)
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 12))
    assert dates(s, "B") == (D(2024, 1, 9), b_finish)


@pytest.mark.parametrize("mode, a_finish, c_dates", [
    ("as_is", D(2024, 1, 19), (D(2024, 1, 8), D(2024, 1, 10))),
    ("after_status_date", D(2024, 1, 30), (D(2024, 1, 22), D(2024, 1, 24))),
])
def test_as_is_against_after_status_date(mode, a_finish, c_dates):
    tasks = [{"id": "A", "name": "a", "duration": 10}, {"id": "C", "name": "c", "duration": 3}]
    st = status("2024-01-19", {"A": {"actual_start": "2024-01-08", "percent_complete": 30}},
                reschedule=mode)
    s = tracked(tasks, st)
    assert dates(s, "A") == (D(2024, 1, 8), a_finish)
    assert dates(s, "C") == c_dates                  # not started: after the status date
    a = s.i("A")
    assert s.progress.split(a) is (mode == "after_status_date")
    assert s.date(s.progress.stop[a]) == D(2024, 1, 10)   # 3 of 10 days done


def test_finished_task_is_never_critical():
    tasks = [{"id": "P", "name": "phase", "tasks": [{"id": "A", "name": "a", "duration": 5}]},
             {"id": "B", "name": "b", "duration": 3, "predecessors": "A"}]
    s = tracked(tasks, status("2024-01-12", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-12"}}))
    a = row(s, "A")
    assert (a["critical"], a["total_float_days"], a["free_float_days"]) == (False, 0, 0)
    assert row(s, "P")["critical"] is False
    assert row(s, "B")["critical"] is True
    assert s.critical_tasks() == ["B"]
    assert s.progress.state[s.i("P")] == 2


def test_started_task_keeps_its_actual_late_start_and_finish_float():
    # A (5) and B (2) both before C; A started on the 8th, 40 % done, status the 9th
    tasks = [{"id": "A", "name": "a", "duration": 5}, {"id": "B", "name": "b", "duration": 2},
             {"id": "C", "name": "c", "duration": 1, "predecessors": "A;B"}]
    s = tracked(tasks, status("2024-01-09", {"A": {"actual_start": "2024-01-08",
                                                   "percent_complete": 40}}))
    a, b = row(s, "A"), row(s, "B")
    assert (a["start"], a["finish"], a["late_start"], a["late_finish"]) == \
        (D(2024, 1, 8), D(2024, 1, 12), D(2024, 1, 8), D(2024, 1, 12))
    assert a["total_float_days"] == 0 and a["critical"]
    assert (b["start"], b["finish"], b["total_float_days"]) == (D(2024, 1, 10), D(2024, 1, 11), 1)
    assert dates(s, "C") == (D(2024, 1, 15), D(2024, 1, 15))


def test_start_to_start_into_a_started_task_uses_mpxjs_rule():
    # P -SS-> S -> T; S started before P: S's remaining work waits for P's start
    tasks = [{"id": "P", "name": "p", "duration": 3},
             {"id": "S", "name": "s", "duration": 4, "predecessors": "PSS"},
             {"id": "T", "name": "t", "duration": 1, "predecessors": "S"}]
    s = tracked(tasks, status("2024-01-08", {"S": {"actual_start": "2024-01-08",
                                                   "percent_complete": 25}}))
    assert dates(s, "P") == (D(2024, 1, 9), D(2024, 1, 11))
    assert dates(s, "S") == (D(2024, 1, 8), D(2024, 1, 11))
    assert dates(s, "T") == (D(2024, 1, 12), D(2024, 1, 12))
    # MPXJ: P must finish by S's actual start + its done day + P's duration: 11 January
    assert row(s, "P")["late_finish"] == D(2024, 1, 11)
    assert [(s.net.ids[p], s.net.ids[q]) for p, q, _t in s.progress.out_of_sequence] == \
        [("P", "S")]


@pytest.mark.parametrize("d, pc, done, rem", [
    (10, 40, 4, 6), (3, 50, 1, 2), (5, 50, 2, 3), (15, 10, 1, 14), (7, 33.3, 2, 5),
    (4, 12.5, 0, 4), (4, 62.5, 2, 2), (5, 100, 5, 0), (5, 0, 0, 5),
])
def test_percent_complete_rounds_remaining_half_up(d, pc, done, rem):
    assert split_duration(d, pc) == (done, rem)


def test_percent_complete_in_the_schedule():
    s = tracked(chain(15), status("2024-01-08", {"A": {"actual_start": "2024-01-08",
                                                       "percent_complete": 10}}))
    i = s.i("A")
    # 15 x 90 % = 13.5 -> 14 days left, 1 done: 8th, then 14 days from Tuesday 9th
    assert (s.progress.actual[i], s.progress.remaining[i]) == (1, 14)
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 26))


def test_remaining_days_counts_the_work_up_to_the_status_date_as_done():
    s = tracked(chain(5), status("2024-01-10", {"A": {"actual_start": "2024-01-08",
                                                      "remaining_days": 4}}))
    i = s.i("A")
    assert (s.progress.actual[i], s.progress.remaining[i], s.progress.percent[i]) == (3, 4, 43)
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 16))
    assert s.duration[i] == 7


def test_actual_start_alone_is_zero_percent_done():
    st = status("2024-01-10", {"A": {"actual_start": "2024-01-09"}})
    s = tracked(chain(5), st)
    assert dates(s, "A") == (D(2024, 1, 9), D(2024, 1, 17))      # all 5 days from the 11th
    s = tracked(chain(5), {**st, "reschedule": "as_is"})
    assert dates(s, "A") == (D(2024, 1, 9), D(2024, 1, 15))      # straight from the 9th


def test_remaining_days_re_estimates_a_task_not_started():
    s = tracked(chain(5, 3), status("2024-01-08", {"B": {"remaining_days": 6}},
                                    reschedule="as_is"))
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 12))
    assert dates(s, "B") == (D(2024, 1, 15), D(2024, 1, 22))
    assert s.progress.state[s.i("B")] == 0


def test_hundred_percent_finishes_after_the_done_days():
    s = tracked(chain(5, 1), status("2024-01-12", {"A": {"actual_start": "2024-01-08",
                                                         "percent_complete": 100}}))
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 12))
    assert s.progress.state[s.i("A")] == 2
    assert dates(s, "B") == (D(2024, 1, 15), D(2024, 1, 15))


def test_finished_milestone_sits_at_the_end_of_its_day():
    tasks = [{"id": "M", "name": "go", "duration": 0},
             {"id": "B", "name": "b", "duration": 2, "predecessors": "M"}]
    s = tracked(tasks, status("2024-01-09", {"M": {"actual_start": "2024-01-09"}}))
    assert dates(s, "M") == (D(2024, 1, 9), D(2024, 1, 9))
    assert dates(s, "B") == (D(2024, 1, 10), D(2024, 1, 11))


def test_constraint_of_a_task_not_started_still_wins_over_the_status_date():
    tasks = [{"id": "A", "name": "a", "duration": 2,
              "constraint": {"type": "MSO", "date": "2024-01-09"}},
             {"id": "B", "name": "b", "duration": 2}]
    s = tracked(tasks, status("2024-01-10", {}))
    assert dates(s, "A") == (D(2024, 1, 9), D(2024, 1, 10))     # MS Project keeps MSO
    assert dates(s, "B") == (D(2024, 1, 11), D(2024, 1, 12))    # ASAP moves after the status


def test_summary_rolls_up_progress():
    tasks = [{"id": "P", "name": "phase", "tasks": chain(4, 6)}]
    s = tracked(tasks, status("2024-01-12", {"A": {"actual_start": "2024-01-08",
                                                   "actual_finish": "2024-01-11"},
                                             "B": {"actual_start": "2024-01-12",
                                                   "percent_complete": 50}}))
    p = s.i("P")
    assert s.progress.state[p] == 1
    assert s.progress.percent[p] == 70                  # (4 + 3) of 10 working days
    assert s.date(s.progress.astart[p]) == D(2024, 1, 8)
    assert s.progress.afinish[p] is None


def test_same_input_same_schedule_json():
    st = status("2024-01-10", {"A": {"actual_start": "2024-01-08", "percent_complete": 40},
                               "B": {"actual_start": "2024-01-09", "percent_complete": 20}})
    assert schedule_to_json(tracked(chain(5, 5, 2), st)) == \
        schedule_to_json(tracked(chain(5, 5, 2), st))
