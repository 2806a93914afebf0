"""Link types, lags, milestones, summaries and constraints, each against hand-counted dates.

The plans start on Monday 3 March 2025 on the Norwegian calendar without seasons; the nearest
public holiday (Maundy Thursday, 17 April) is far enough away that weeks are plain Mon-Fri.
K is a 5-day kick-off (Mon 3 - Fri 7 March), A follows it (5 days, Mon 10 - Fri 14 March).
"""
import datetime as dt

import pytest
import yaml

from planner.errors import CheckFailed
from planner.io.yaml_plan import plan_from_data
from planner.schedule import check_deadlines, schedule


def D(day, month=3):
    return dt.date(2025, month, day)


def run(extra_tasks, start="2025-03-03"):
    doc = {"project": {"name": "t", "start": start, "calendar": {"base": "norway"}},
           "tasks": [{"id": "K", "name": "Kick-off", "duration": 5},
                     {"id": "A", "name": "A", "duration": 5, "predecessors": "K"}]
           + yaml.safe_load(extra_tasks)}
    sched = schedule(plan_from_data(doc, None))

    def get(tid):
        i = sched.i(tid)
        return (sched.date(sched.start[i]), sched.date(sched.finish[i]),
                sched.total_float[i], sched.free_float[i])

    return sched, get


@pytest.mark.parametrize("link, start, finish", [
    ("AFS", D(17), D(19)),          # FS: the day after A finishes
    ("AFS+2", D(19), D(21)),        # two working days of waiting
    ("AFS-2", D(13), D(17)),        # overlaps A's last two days
    ("ASS", D(10), D(12)),
    ("ASS+2", D(12), D(14)),
    ("ASS-2", D(6), D(10)),         # starts two days before A starts
    ("AFF", D(12), D(14)),          # finishes with A
    ("AFF+2", D(14), D(18)),
    ("AFF-2", D(10), D(12)),
    ("ASF", D(5), D(7)),            # finishes when A starts
    ("ASF+2", D(7), D(11)),
    ("ASF-2", D(3), D(5)),
])
def test_link_types_with_lags(link, start, finish):
    _sched, get = run(f"[{{id: B, name: B, duration: 3, predecessors: '{link}'}}]")
    b_start, b_finish, _tf, _ff = get("B")
    assert (b_start, b_finish) == (start, finish)
    assert get("A")[:2] == (D(10), D(14))


def test_mapping_form_equals_the_short_form():
    _s, short = run("[{id: B, name: B, duration: 3, predecessors: 'ASF+2'}]")
    _s, long = run("[{id: B, name: B, duration: 3, predecessors: [{task: A, type: SF, lag: 2}]}]")
    assert short("B") == long("B")


def test_late_dates_through_each_link_type():
    # B drives the finish; A's float is what its link to B allows
    # FF-5: B (15 days) may finish 5 days before A; it cannot start before the project, so
    # it runs Mon 3 - Fri 21 and A (ending Fri 14) has until Fri 21
    for link, b_days, a_float in (("ASS+2", 10, 0), ("AFS-2", 10, 0), ("AFF+3", 10, 0),
                                  ("AFF+3", 15, 2), ("AFF-5", 15, 5), ("ASF+12", 3, 0)):
        sched, get = run(f"[{{id: B, name: B, duration: {b_days}, predecessors: '{link}'}}]")
        assert get("A")[2] == a_float, link
        assert get("B")[2] == 0, link
        for i in range(len(sched.plan.tasks)):
            assert sched.total_float[i] >= 0


def test_floats_when_a_task_ends_early():
    _s, get = run("""
    - {id: B, name: B, duration: 3, predecessors: A}      # Mon 17 - Wed 19
    - {id: C, name: C, duration: 8, predecessors: A}      # Mon 17 - Wed 26
    - {id: E, name: E, duration: 1, predecessors: B}      # Thu 20
    """)
    assert get("C")[:3] == (D(17), D(26), 0)
    assert get("B")[2:] == (4, 0)       # can slip 4 days; any slip moves E
    assert get("E")[2:] == (4, 4)       # no successor: free float = total float


def test_milestones_sit_at_the_end_or_the_start_of_a_day():
    _s, get = run("""
    - {id: M1, name: after A, duration: 0, predecessors: A}
    - {id: M2, name: with A's start, duration: 0, predecessors: ASS}
    - {id: M0, name: at the project start, duration: 0}
    - {id: B, name: after M1, duration: 2, predecessors: M1}
    """)
    assert get("M1")[:2] == (D(14), D(14))      # Friday 16:00, as MS Project shows it
    assert get("M2")[:2] == (D(10), D(10))
    assert get("M0")[:2] == (D(3), D(3))
    assert get("B")[:2] == (D(17), D(18))


def test_links_to_and_from_summary_tasks():
    sched, get = run("""
    - id: S
      name: Phase
      predecessors: A
      tasks:
        - {id: C1, name: C1, duration: 2}
        - {id: C2, name: C2, duration: 3, predecessors: C1}
    - {id: E, name: after the phase, duration: 1, predecessors: S}
    - {id: F, name: with the phase's start, duration: 1, predecessors: SSS+1}
    """)
    assert get("C1")[:2] == (D(17), D(18))
    assert get("C2")[:2] == (D(19), D(21))
    assert get("S")[:2] == (D(17), D(21))
    assert sched.duration[sched.i("S")] == 5
    assert get("E")[:2] == (D(24), D(24))
    assert get("F")[:2] == (D(18), D(18))


def test_start_no_earlier_than():
    _s, get = run("""
    - {id: B, name: B, duration: 2, start_no_earlier_than: 2025-03-20}
    - {id: C, name: C, duration: 2, predecessors: A, start_no_earlier_than: 2025-03-12}
    - {id: E, name: E, duration: 2, predecessors: A, start_no_earlier_than: 2025-03-22}
    """)
    assert get("B")[:2] == (D(20), D(21))
    assert get("C")[:2] == (D(17), D(18))       # the link is later than the constraint
    assert get("E")[:2] == (D(24), D(25))       # a Saturday constraint waits for Monday


def test_finish_no_later_than_gives_negative_float():
    sched, get = run("""
    - {id: B, name: B, duration: 3, predecessors: A,
       constraint: {type: FNLT, date: 2025-03-17}}
    """)
    # MS Project honours the constraint date over the link: B ends Mon 17, A must end Wed 12
    assert get("B")[:2] == (D(13), D(17))
    assert get("A")[2] == -2
    assert sched.critical[sched.i("A")]


def test_deadline_limits_late_finish_and_fails_the_check():
    sched, get = run("[{id: B, name: B, duration: 3, predecessors: A, deadline: 2025-03-18}]")
    assert get("B")[:3] == (D(17), D(19), -1)
    with pytest.raises(CheckFailed, match="after its deadline 2025-03-18"):
        check_deadlines(sched)


def test_elapsed_lag_counts_calendar_days():
    # A ends Friday 14 March; +3 elapsed days is Monday 17 March 16:00, so B starts Tuesday
    _s, get = run("[{id: B, name: B, duration: 1, predecessors: 'AFS+3ed'}]")
    assert get("B")[:2] == (D(18), D(18))
    _s, get = run("[{id: B, name: B, duration: 1, predecessors: 'AFS+1ed'}]")
    assert get("B")[:2] == (D(17), D(17))


def test_as_late_as_possible():
    _s, get = run("""
    - {id: B, name: B, duration: 2, predecessors: A, constraint: ALAP}
    - {id: C, name: C, duration: 10, predecessors: A}
    - {id: E, name: E, duration: 1, predecessors: B}
    """)
    # C ends Fri 28; E may end then, so B slides to Wed 26 - Thu 27
    assert get("B")[:2] == (D(26), D(27))
    assert get("E")[:2] == (D(28), D(28))     # and its successor follows it there
    assert get("B")[2] == 0                    # MS Project gives an ALAP task no float


def test_summary_with_one_extra_key_keeps_it():
    sched, _get = run("[{id: P, name: Phase, notes: kept, tasks: [{id: B, name: B, duration: 2}]}]")
    assert sched.plan.tasks[sched.i("P")].notes == "kept"


def test_a_constraint_on_a_summary_is_refused_not_ignored():
    # MS Project-compatible scheduling (MPXJ's) does not apply it; silently ignoring it would
    # mislead, so the plan says where it must go
    from planner.errors import PlanError

    with pytest.raises(PlanError, match="summary task P has a constraint .SNET.*subtasks"):
        run("[{id: P, name: Phase, constraint: {type: SNET, date: 2025-03-17}, "
            "tasks: [{id: B, name: B, duration: 2}]}]")
