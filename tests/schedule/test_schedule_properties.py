"""Property-based tests of the scheduler on random plans (hypothesis).

Every generated plan is a DAG of leaf tasks (durations 0-12, links of all four types with lags
from -5 to +5), sometimes grouped under summary tasks that carry links themselves, on the
Norwegian calendar with a random choice of holiday seasons and a random start between 2020 and
2030.  Without constraints the scheduler must satisfy every link, put every start and finish on
a working day, give no negative float, and have a critical chain of driving links from the start
to the finish; its early starts must equal an independent longest-path computation.
"""
import datetime as dt

from hypothesis import given, settings, strategies as st

from planner.io.calendars import resolve_plan_calendar
from planner.model import Link, Plan, Task
from planner.schedule import FF, FS, SS, pos, schedule

SEASONS = ["summer", "romjul", "easter_week", "winter_break", "summer_weeks"]
CALENDARS = {}


def calendar_def(seasons):
    key = tuple(seasons)
    if key not in CALENDARS:
        CALENDARS[key] = resolve_plan_calendar({"base": "norway", "seasons": list(seasons)}, None)
    return CALENDARS[key]


@st.composite
def plans(draw, with_summaries=True, min_duration=0, types=("FS", "FS", "SS", "FF", "SF")):
    n = draw(st.integers(2, 25))
    durs = [draw(st.integers(min_duration, 12)) for _ in range(n)]
    links = [[] for _ in range(n)]
    for s in range(1, n):
        for p in draw(st.lists(st.integers(0, s - 1), max_size=3, unique=True)):
            typ = draw(st.sampled_from(types))
            lag = draw(st.integers(-5, 5)) if draw(st.booleans()) else 0
            links[s].append(Link(str(p), typ, lag))
    # optional summaries over contiguous blocks of leaves, with links of their own
    blocks = []
    if with_summaries and n >= 4 and draw(st.booleans()):
        a = draw(st.integers(0, n - 3))
        b = draw(st.integers(a + 2, min(n, a + 6)))
        blocks.append((a, b))
    tasks = []
    leaf_task = {}
    summary_links = []
    k = 0
    for i in range(n):
        for a, b in blocks:
            if i == a:
                sid = f"S{a}"
                preds = []
                if a > 0 and draw(st.booleans()):
                    preds.append(Link(str(draw(st.integers(0, a - 1))),
                                      draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                                      draw(st.integers(-3, 3))))
                tasks.append(Task(sid, f"Summary {a}", None, None, 1, preds, summary=True))
                if b < n and draw(st.booleans()):
                    summary_links.append((b + draw(st.integers(0, n - 1 - b)), sid,
                                          draw(st.sampled_from(["FS", "SS", "FF", "SF"]))))
        parent = next((f"S{a}" for a, b in blocks if a <= i < b), None)
        t = Task(str(i), f"Task {i}", durs[i], parent, 2 if parent else 1, links[i])
        leaf_task[i] = t
        tasks.append(t)
        k += 1
    for succ, sid, typ in summary_links:
        leaf_task[succ].predecessors.append(Link(sid, typ, 0))
    seasons = draw(st.lists(st.sampled_from(SEASONS), unique=True, max_size=3))
    start = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 4000)))
    return Plan("random", start, calendar_def(seasons), tasks)


def link_holds(sched, p, s, typ, lag):
    a = sched.ef[p] if typ in (FS, FF) else sched.es[p]
    b = sched.es[s] if typ in (FS, SS) else sched.ef[s]
    return pos(b) >= pos(a) + lag


@settings(max_examples=300, deadline=None)
@given(plans())
def test_links_hold_dates_are_working_days_floats_are_not_negative(plan):
    sched = schedule(plan)
    cal = sched.calendar
    net = sched.net
    for s in net.order:
        for p, typ, lag, _el in net.leaf_preds[s]:
            assert link_holds(sched, p, s, typ, lag), (plan.tasks[p].id, plan.tasks[s].id)
    for i, t in enumerate(plan.tasks):
        assert cal.is_working(sched.date(sched.start[i])), t.id
        assert cal.is_working(sched.date(sched.finish[i])), t.id
        assert sched.total_float[i] >= 0, t.id
        # free float is never negative; like MS Project (and MPXJ) it is not capped by the
        # total float, which the project finish caps (a task ending at the finish with an SS
        # successor has total float 0 but may have free float)
        assert sched.free_float[i] >= 0, t.id
        assert pos(sched.finish[i]) - pos(sched.start[i]) == sched.duration[i], t.id


@settings(max_examples=300, deadline=None)
@given(plans())
def test_a_critical_chain_runs_from_start_to_finish(plan):
    sched = schedule(plan)
    last = [i for i in sched.net.order if sched.ef[i] == sched.project_finish_key]
    assert last
    i = last[0]
    assert sched.critical[i]
    chain = [i]
    while True:
        drivers = sched.driving_predecessors(i)
        if not drivers:
            break
        i = drivers[0][0]
        assert sched.critical[i], plan.tasks[i].id
        chain.append(i)
    first = chain[-1]
    negative = any(link.lag < 0 for t in plan.tasks for link in t.predecessors)
    if not negative:
        assert pos(sched.es[first]) == pos(sched.project_start_key)
    paths = sched.critical_paths()
    assert paths and all(sched.critical[sched.i(x)] for path in paths for x in path)


@settings(max_examples=300, deadline=None)
@given(plans(with_summaries=False))
def test_early_starts_equal_an_independent_longest_path(plan):
    """Bellman-Ford style relaxation on working-day positions, written independently."""
    sched = schedule(plan)
    n = len(plan.tasks)
    idx = {t.id: i for i, t in enumerate(plan.tasks)}
    d = [t.duration for t in plan.tasks]
    start0 = pos(sched.project_start_key)
    es = [start0] * n
    for _ in range(n + 1):
        changed = False
        for s, t in enumerate(plan.tasks):
            if not t.predecessors:
                continue
            best = None
            for link in t.predecessors:
                p = idx[link.pred]
                cand = {"FS": es[p] + d[p] + link.lag, "SS": es[p] + link.lag,
                        "FF": max(es[p] + d[p] + link.lag - d[s], start0),
                        "SF": es[p] + link.lag - d[s]}[link.type]
                best = cand if best is None else max(best, cand)
            if best != es[s]:
                es[s], changed = best, True
        if not changed:
            break
    assert [pos(k) for k in sched.es] == es


@settings(max_examples=150, deadline=None)
@given(plans(with_summaries=False, min_duration=1, types=("FS", "SS")), st.data())
def test_a_longer_task_never_brings_the_finish_forward(plan, data):
    """Only with FS and SS links between tasks of 1 day or more: a task held by an FF link
    starts earlier when it grows, pulling its SS successors with it (the classic reverse
    criticality of FF/SF links), and MS Project puts a milestone reached by a finish at 16:00,
    so an SS link from it lands later than one from a one-day task starting that morning."""
    before = schedule(plan)
    leaves = [t for t in plan.tasks if not t.summary]
    t = data.draw(st.sampled_from(leaves))
    t.duration += data.draw(st.integers(1, 10))
    after = schedule(plan)
    assert after.project_finish_key >= before.project_finish_key
