"""MSPDI import: a plan built in MPXJ and written by MPXJ's MSPDIWriter imports and schedules to
the dates MPXJ's MicrosoftScheduler computes; MS Project features that planner approximates are
reported; bad or hostile files get ``FILE:LINE: message`` and exit code 2."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from click.testing import CliRunner

from mpxj_harness import mpxj
from planner.calendar import WorkCalendar
from planner.cli import main
from planner.io.mspdi import read_mspdi
from planner.io.yaml_plan import load_plan
from planner.schedule import schedule

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TESTS)
SEED = os.path.join(ROOT, "plans", "ssiks_it.yaml")


# -- a plan built in MPXJ -------------------------------------------------------------------------
def mpxj_project():
    """A project made with MPXJ's API: MS Project's default calendar (8-12, 13-17) with dated
    and recurring exceptions of every kind, two phases with a link between them, every link type
    with lags in days and elapsed days (negative too), a milestone, SNET/FNLT/ALAP constraints,
    a deadline, an inactive task linked to an active one, a resource with an assignment."""
    m = mpxj()
    from java.lang import Integer
    from java.time import DayOfWeek, LocalDate, LocalDateTime
    from org.mpxj import (ConstraintType, Duration, ProjectFile, RecurrenceType, RecurringData,
                          Relation, RelationType, ResourceType, TaskType, TimeUnit)

    pf = ProjectFile()
    cal = pf.addDefaultBaseCalendar()
    pf.setDefaultCalendar(cal)
    for a, b, name in (("2024-05-01", "2024-05-01", "Arbeidernes dag"),
                       ("2024-05-17", "2024-05-17", "Grunnlovsdag"),
                       ("2024-07-01", "2024-07-31", "Fellesferie")):
        cal.addCalendarException(LocalDate.parse(a), LocalDate.parse(b)).setName(name)

    def recurring(kind, start, finish, name, **fields):
        rd = RecurringData()
        rd.setRecurrenceType(kind)
        rd.setStartDate(LocalDate.parse(start))
        rd.setFinishDate(LocalDate.parse(finish))
        for key, value in fields.items():
            if key == "weekly_day":
                rd.setWeeklyDay(value, True)
            else:
                getattr(rd, key)(value)
        cal.addCalendarException(rd).setName(name)

    one, two = Integer.valueOf(1), Integer.valueOf(2)
    recurring(RecurrenceType.YEARLY, "2024-12-25", "2026-12-25", "Juledag",
              setMonthNumber=Integer.valueOf(12), setDayNumber=Integer.valueOf(25))
    recurring(RecurrenceType.YEARLY, "2024-01-01", "2026-12-31", "Siste fredag i oktober",
              setRelative=True, setMonthNumber=Integer.valueOf(10),
              setDayOfWeek=DayOfWeek.FRIDAY, setDayNumber=Integer.valueOf(5))
    recurring(RecurrenceType.WEEKLY, "2024-03-01", "2024-04-30", "Annenhver fredag",
              setFrequency=two, weekly_day=DayOfWeek.FRIDAY)
    recurring(RecurrenceType.MONTHLY, "2024-02-01", "2024-06-30", "Første mandag",
              setRelative=True, setDayOfWeek=DayOfWeek.MONDAY, setDayNumber=one,
              setFrequency=one)
    recurring(RecurrenceType.MONTHLY, "2024-08-01", "2024-12-31", "Den 15.",
              setDayNumber=Integer.valueOf(15), setFrequency=two)
    recurring(RecurrenceType.DAILY, "2024-09-02", "2024-09-06", "Annenhver dag",
              setFrequency=two)

    props = pf.getProjectProperties()
    props.setStartDate(LocalDateTime.parse("2024-04-15T08:00"))

    def task(parent, name, days=None):
        t = (parent or pf).addTask()
        t.setName(name)
        if days is not None:
            t.setDuration(Duration.getInstance(days, TimeUnit.DAYS))
            t.setActualDuration(Duration.getInstance(0, TimeUnit.DAYS))
            t.setRemainingDuration(Duration.getInstance(days, TimeUnit.DAYS))
            t.setMilestone(days == 0)
        return t

    def link(succ, pred, typ, lag=0, unit=TimeUnit.DAYS):
        succ.addPredecessor(Relation.Builder().predecessorTask(pred).type(typ)
                            .lag(Duration.getInstance(lag, unit)))

    p1 = task(None, "Fase 1")
    a, b, c, d = task(p1, "A", 5), task(p1, "B", 3), task(p1, "C", 0), task(p1, "D", 4)
    link(b, a, RelationType.START_START, 2)
    link(c, b, RelationType.FINISH_START, 3, TimeUnit.ELAPSED_DAYS)
    link(d, a, RelationType.FINISH_FINISH, -1)
    p2 = task(None, "Fase 2")
    f, g, h, i = task(p2, "F", 10), task(p2, "G", 4), task(p2, "H", 2), task(p2, "I", 6)
    link(p2, p1, RelationType.FINISH_START)
    f.setConstraintType(ConstraintType.START_NO_EARLIER_THAN)
    f.setConstraintDate(LocalDateTime.parse("2024-05-21T08:00"))
    link(g, f, RelationType.FINISH_START, -2)
    g.setConstraintType(ConstraintType.FINISH_NO_LATER_THAN)
    g.setConstraintDate(LocalDateTime.parse("2024-08-30T17:00"))
    link(h, g, RelationType.START_FINISH, 1)
    h.setConstraintType(ConstraintType.AS_LATE_AS_POSSIBLE)
    link(i, g, RelationType.FINISH_START, -3, TimeUnit.ELAPSED_DAYS)
    i.setDeadline(LocalDateTime.parse("2024-09-20T17:00"))
    off = task(None, "Inaktiv", 5)
    off.setActive(False)
    link(i, off, RelationType.FINISH_START)
    r = pf.addResource()
    r.setName("Prosjektleder")
    r.setType(ResourceType.WORK)
    ra = a.addResourceAssignment(r)
    ra.setWork(Duration.getInstance(40, TimeUnit.HOURS))
    a.setType(TaskType.FIXED_DURATION)
    m.schedule(pf, props.getStartDate())
    return pf


@pytest.fixture(scope="module")
def mpxj_file(tmp_path_factory):
    pf = mpxj_project()
    path = tmp_path_factory.mktemp("mpxj") / "built_by_mpxj.xml"
    path.write_text(mpxj().write(pf), encoding="utf-8")
    return pf, path


def _day(java_dt):
    return None if java_dt is None else dt.date.fromisoformat(str(java_dt.toString())[:10])


def test_a_plan_written_by_mpxj_schedules_to_the_dates_mpxj_computes(mpxj_file, tmp_path):
    pf, path = mpxj_file
    out = tmp_path / "plan.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "10 of 10 tasks get the file's dates" in result.stderr
    assert "task UID 11 'Inaktiv' left out: inactive" in result.stderr
    sched = schedule(load_plan(str(out)))
    props = pf.getProjectProperties()
    m = mpxj()
    checked = 0
    for t in pf.getTasks():
        uid = str(t.getUniqueID())
        if not t.getActive():
            assert uid not in sched.net.index
            continue
        i = sched.i(uid)
        mine = sched.row(i)
        assert mine["name"] == str(t.getName())
        for field, getter in (("start", "getStart"), ("finish", "getFinish"),
                              ("early_start", "getEarlyStart"), ("early_finish", "getEarlyFinish"),
                              ("late_start", "getLateStart"), ("late_finish", "getLateFinish")):
            assert mine[field] == _day(getattr(t, getter)()), (uid, field)
        assert mine["duration_days"] == m.days(t.getDuration(), props), uid
        assert mine["total_float_days"] == m.days(t.getTotalSlack(), props), uid
        assert mine["free_float_days"] == m.days(t.getFreeSlack(), props), uid
        assert mine["critical"] == bool(t.getCritical()), uid
        checked += 1
    assert checked == 10


def test_the_imported_calendar_has_the_working_days_mpxj_reads(mpxj_file, tmp_path):
    _pf, path = mpxj_file
    imported = read_mspdi(str(path), near=str(tmp_path / "plan.yaml"))
    from java.time import LocalDate

    theirs = mpxj().read(path.read_text(encoding="utf-8")).getDefaultCalendar()
    cal = WorkCalendar(imported.plan.calendar, dt.date(2024, 1, 1))
    day = dt.date(2024, 1, 1)
    off = 0
    while day <= dt.date(2026, 12, 31):
        mpxj_working = bool(theirs.isWorkingDate(LocalDate.parse(day.isoformat())))
        assert cal.is_working(day) == mpxj_working, day
        off += not cal.is_working(day) and day.weekday() < 5
        day += dt.timedelta(days=1)
    assert off > 25
    assert imported.plan.calendar.name == "standard"      # not Norway's public holidays


def test_links_constraints_and_resources_of_the_mpxj_plan(mpxj_file, tmp_path):
    _pf, path = mpxj_file
    plan = read_mspdi(str(path), near=str(tmp_path / "plan.yaml")).plan
    t = plan.task_index()
    assert [(lk.pred, lk.type, lk.lag, lk.lag_unit) for lk in t["4"].predecessors] == \
        [("3", "FS", 3, "ed")]
    assert [(lk.pred, lk.type, lk.lag) for lk in t["3"].predecessors] == [("2", "SS", 2)]
    assert [(lk.pred, lk.type, lk.lag) for lk in t["5"].predecessors] == [("2", "FF", -1)]
    assert [(lk.pred, lk.type) for lk in t["6"].predecessors] == [("1", "FS")]
    assert [(lk.pred, lk.type, lk.lag, lk.lag_unit) for lk in t["10"].predecessors] == \
        [("8", "FS", -3, "ed")]
    assert (t["7"].constraint.type, t["7"].constraint.date) == ("SNET", dt.date(2024, 5, 21))
    assert (t["8"].constraint.type, t["8"].constraint.date) == ("FNLT", dt.date(2024, 8, 30))
    assert t["9"].constraint.type == "ALAP"
    assert t["10"].deadline == dt.date(2024, 9, 20)
    assert t["1"].summary and t["6"].summary and t["4"].milestone
    assert [(r.id, r.name) for r in plan.resources] == [("1", "Prosjektleder")]
    assert [(a.resource, a.units) for a in t["2"].assignments] == [("1", 1.0)]


# -- what MS Project files have and planner approximates --------------------------------------
MSP_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Name>fra-ms-project.xml</Name>
  <Title>Fra MS Project</Title>
  <StartDate>2024-01-08T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <DefaultStartTime>08:00:00</DefaultStartTime>
  <DefaultFinishTime>17:00:00</DefaultFinishTime>
  <MinutesPerDay>480</MinutesPerDay>
  <Calendars>
    <Calendar>
      <UID>1</UID>
      <Name>Standard</Name>
      <IsBaseCalendar>1</IsBaseCalendar>
      <BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
          <TimePeriod><FromDate>2024-01-19T00:00:00</FromDate><ToDate>2024-01-19T23:59:00</ToDate></TimePeriod>
        </WeekDay>
      </WeekDays>
    </Calendar>
    <Calendar>
      <UID>2</UID>
      <Name>Kari</Name>
      <IsBaseCalendar>0</IsBaseCalendar>
      <BaseCalendarUID>1</BaseCalendarUID>
      <Exceptions>
        <Exception>
          <TimePeriod><FromDate>2024-02-05T00:00:00</FromDate><ToDate>2024-02-09T23:59:00</ToDate></TimePeriod>
          <Occurrences>1</Occurrences><Name>Ferie</Name><Type>1</Type><DayWorking>0</DayWorking>
        </Exception>
      </Exceptions>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Fra MS Project</Name><OutlineLevel>0</OutlineLevel>
      <Notes>Prosjektnotat</Notes></Task>
    <Task><UID>5</UID><ID>1</ID><Name>Halv dag</Name><OutlineLevel>1</OutlineLevel>
      <Duration>PT4H0M0S</Duration><DurationFormat>7</DurationFormat>
      <Start>2024-01-08T08:00:00</Start><Finish>2024-01-08T12:00:00</Finish></Task>
    <Task><UID>6</UID><ID>2</ID><Name>Manuell</Name><OutlineLevel>1</OutlineLevel><Manual>1</Manual>
      <Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat>
      <ConstraintType>4</ConstraintType><ConstraintDate>2024-01-09T17:00:00</ConstraintDate>
      <Start>2024-01-17T08:00:00</Start><Finish>2024-01-18T17:00:00</Finish>
      <PredecessorLink><PredecessorUID>5</PredecessorUID><Type>1</Type>
        <LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>1</Type></PredecessorLink>
      <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject>
        <CrossProjectName>annet.mpp\\3</CrossProjectName></PredecessorLink></Task>
    <Task><UID>7</UID><ID>3</ID><Name>Av</Name><OutlineLevel>1</OutlineLevel><Active>0</Active>
      <Duration>PT8H0M0S</Duration></Task>
    <Task><UID>8</UID><ID>4</ID><Name>Frist</Name><OutlineLevel>1</OutlineLevel>
      <Duration>PT24H0M0S</Duration><DurationFormat>39</DurationFormat>
      <ConstraintType>7</ConstraintType><ConstraintDate>2024-02-01T08:00:00</ConstraintDate>
      <Deadline>2024-01-31T17:00:00</Deadline>
      <LevelingDelay>28800</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat>
      <Start>2024-01-24T08:00:00</Start><Finish>2024-01-26T17:00:00</Finish>
      <PredecessorLink><PredecessorUID>6</PredecessorUID><Type>3</Type>
        <LinkLag>-14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink></Task>
    <Task><UID>9</UID><ID>5</ID><IsNull>1</IsNull></Task>
  </Tasks>
  <Resources>
    <Resource><UID>0</UID><ID>0</ID><Type>1</Type><IsNull>0</IsNull></Resource>
    <Resource><UID>1</UID><ID>1</ID><Name>Kari Nordmann</Name><Type>1</Type><Code>kari</Code>
      <MaxUnits>0.5</MaxUnits><CalendarUID>2</CalendarUID><BookingType>1</BookingType></Resource>
    <Resource><UID>2</UID><ID>2</ID><Name>Betong</Name><Type>0</Type></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>8</TaskUID><ResourceUID>1</ResourceUID><Units>0.5</Units></Assignment>
    <Assignment><UID>2</UID><TaskUID>8</TaskUID><ResourceUID>2</ResourceUID><Units>1</Units></Assignment>
    <Assignment><UID>3</UID><TaskUID>5</TaskUID><ResourceUID>-65535</ResourceUID><Units>1</Units></Assignment>
  </Assignments>
</Project>
"""


def test_ms_project_features_are_carried_or_reported(tmp_path):
    path = tmp_path / "fra.xml"
    path.write_text(MSP_FILE, encoding="utf-8")
    imp = read_mspdi(str(path), near=str(tmp_path / "fra.yaml"))
    plan = imp.plan
    assert (plan.name, plan.start, plan.notes) == ("Fra MS Project", dt.date(2024, 1, 8),
                                                   "Prosjektnotat")
    t = plan.task_index()
    assert list(t) == ["5", "6", "8"]
    assert t["5"].duration == 0.5                             # half a day, kept (part-day plan)
    # a manual task keeps its dates (so its constraint does nothing and is not carried)
    assert (t["6"].manual, t["6"].start, t["6"].finish, t["6"].duration) == \
        (True, dt.date(2024, 1, 17), dt.date(2024, 1, 18), 2)
    assert (t["6"].constraint, t["6"].leveling_delay) == (None, 0)
    # percent lag: 50 % of the half-day predecessor, a quarter of a day; the links to the
    # inactive and the other project's task are left out
    assert [(lk.pred, lk.type, lk.lag) for lk in t["6"].predecessors] == [("5", "FS", 0.25)]
    assert t["8"].leveling_delay == 2       # the 2 elapsed days before its start: Mon, Tue
    assert (t["8"].constraint.type, t["8"].constraint.date) == ("FNLT", dt.date(2024, 1, 31))
    assert t["8"].deadline == dt.date(2024, 1, 31)
    assert [(lk.pred, lk.type, lk.lag, lk.lag_unit) for lk in t["8"].predecessors] == \
        [("6", "SS", -1, "ed")]
    assert plan.calendar.name == "standard"
    assert [(e.start, e.finish) for e in plan.calendar.exceptions] == \
        [(dt.date(2024, 1, 19), dt.date(2024, 1, 19))]
    [kari] = plan.resources
    assert (kari.id, kari.name, kari.capacity, kari.assumption) == ("kari", "Kari Nordmann", 0.5,
                                                                    True)
    assert [(a.start, a.finish, a.name) for a in kari.absences] == \
        [(dt.date(2024, 2, 5), dt.date(2024, 2, 9), "Ferie")]
    assert [(a.resource, a.units) for a in t["8"].assignments] == [("kari", 0.5)]
    notes = "\n".join(imp.notes)
    assert not any("rounded" in n for n in imp.notes)        # a part-day plan keeps minutes
    for expected in ("task UID 7 'Av' left out: inactive",
                     "task UID 6: link from left-out task UID 7 left out",
                     "task UID 6: link from another project (annet.mpp\\3) left out: the file "
                     "holds no dates for its task",
                     "resource UID 2 'Betong' left out",
                     "levelling delay of 2 elapsed days carried as 2 working days"):
        assert expected in notes
    schedule(plan)       # and it schedules


# -- bad input ------------------------------------------------------------------------------------
BAD = {
    "not_xml.xml": ("this is not XML\n", 1, "not well-formed XML: syntax error"),
    "html.xml": ("<?xml version='1.0'?>\n<html><body/></html>\n", 2,
                 "not an MS Project XML (MSPDI) file: the root element is <html>"),
    "bomb.xml": ('<?xml version="1.0"?>\n<!DOCTYPE Project [\n <!ENTITY a "aaaaaaaaaa">\n'
                 ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
                 '<Project xmlns="http://schemas.microsoft.com/project"><Name>&b;</Name>'
                 '</Project>\n', 2, "document type declaration"),
    "xxe.xml": ('<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM '
                '"file:///etc/passwd">]>\n<Project xmlns="http://schemas.microsoft.com/project">'
                '<Name>&x;</Name></Project>\n', 2, "document type declaration"),
    "no_uid.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks>\n'
                   '<Task><UID>1</UID><Name>a</Name><Duration>PT8H0M0S</Duration></Task>\n'
                   '<Task>\n<Name>b</Name></Task>\n</Tasks></Project>\n', 4,
                   "a <Task> needs a <UID>"),
    "bad_duration.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n'
                         '<StartDate>2024-01-08T08:00:00</StartDate>\n<Tasks>\n<Task>\n'
                         '<UID>1</UID>\n<Duration>8 days</Duration></Task>\n</Tasks></Project>\n',
                         6, "<Duration> '8 days' is not a duration like PT8H0M0S"),
    "missing_pred.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n'
                         '<StartDate>2024-01-08T08:00:00</StartDate>\n<Tasks>\n'
                         '<Task><UID>1</UID><Duration>PT8H0M0S</Duration>\n'
                         '<PredecessorLink>\n<PredecessorUID>42</PredecessorUID>'
                         '</PredecessorLink></Task>\n</Tasks></Project>\n', 5,
                         "task UID 1: <PredecessorUID> 42 is not a task in this file"),
    "outline_jump.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n'
                         '<StartDate>2024-01-08T08:00:00</StartDate>\n<Tasks>\n'
                         '<Task><UID>1</UID><Duration>PT8H0M0S</Duration></Task>\n'
                         '<Task><UID>2</UID><Duration>PT8H0M0S</Duration>\n'
                         '<OutlineLevel>3</OutlineLevel></Task>\n</Tasks></Project>\n', 6,
                         "task UID 2: <OutlineLevel> jumps from 1 to 3"),
    "cycle.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n'
                  '<StartDate>2024-01-08T08:00:00</StartDate>\n<Tasks>\n'
                  '<Task><UID>1</UID><Duration>PT8H0M0S</Duration>\n'
                  '<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>\n'
                  '<Task><UID>2</UID><Duration>PT8H0M0S</Duration>\n'
                  '<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>\n'
                  '</Tasks></Project>\n', 4, "dependency cycle: 1 -> 2 -> 1"),
    "bad_date.xml": ('<Project xmlns="http://schemas.microsoft.com/project">\n'
                     '<StartDate>14.06.2023</StartDate>\n<Tasks/></Project>\n', 2,
                     "<StartDate> '14.06.2023' is not a date and time"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gets_file_line_message_exit_2_and_no_output(name, tmp_path):
    text, line, message = BAD[name]
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{src}:{line}: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert os.listdir(tmp_path) == [name]


def test_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["import", str(tmp_path / "nope.xml"), "-o",
                                       str(tmp_path / "p.yaml")])
    assert result.exit_code == 2 and "nope.xml: no such file" in result.stderr


# -- the commands as a user runs them -------------------------------------------------------------
def test_export_import_export_from_the_command_line(tmp_path):
    runner = CliRunner()
    first, plan, second = tmp_path / "a.xml", tmp_path / "plan.yaml", tmp_path / "b.xml"
    r = runner.invoke(main, ["export", SEED, "-o", str(first)])
    assert r.exit_code == 0, r.output
    assert "54 tasks, 51 links, 5 resources; 2023-06-14 to 2024-06-28" in r.stderr
    r = runner.invoke(main, ["import", str(first), "-o", str(plan)])
    assert r.exit_code == 0, r.output
    assert ("54 tasks (4 summaries), 51 links, 5 resources; calendar norway (summer, "
            "easter_week, romjul) + 0 exceptions; 2023-06-14 to 2024-06-28; 54 of 54 tasks get "
            "the file's dates") in r.stderr
    assert "note:" not in r.stderr
    r = runner.invoke(main, ["export", str(plan), "-o", str(second)])
    assert r.exit_code == 0, r.output
    assert second.read_bytes() == first.read_bytes()
    assert load_plan(str(plan)).task_index()["49"].predecessors[0].label() == "48FS-12"


def test_export_of_a_bad_plan_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("project: {name: x, start: 2024-01-08}\ntasks:\n- {id: 1, name: a}\n",
                   encoding="utf-8")
    out = tmp_path / "out.xml"
    r = CliRunner().invoke(main, ["export", str(bad), "-o", str(out)])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"{bad}:3: task 1 needs a `duration`")
    assert not out.exists()


def test_export_of_a_what_if(tmp_path):
    out = tmp_path / "whatif.xml"
    r = CliRunner().invoke(main, ["export", SEED, "--set", "16.duration=60", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "2023-06-14 to 2024-08-28" in r.stderr
    plan = read_mspdi(str(out), near=str(tmp_path / "p.yaml")).plan
    assert plan.task_index()["16"].duration == 60
    assert str(schedule(plan).project_finish) == "2024-08-28"


def test_a_summary_constraint_is_dropped_with_a_note(tmp_path):
    # MS Project lets a summary task carry a constraint; MPXJ's MS Project-compatible scheduler
    # does not apply it, and planner refuses it in a plan, so the import drops it and says so
    xml = tmp_path / "seed.xml"
    assert CliRunner().invoke(main, ["export", SEED, "-o", str(xml)]).exit_code == 0
    text = xml.read_text(encoding="utf-8")
    head, sep, rest = text.partition("<Name>Design fasen - vurdere og beslutte</Name>")
    task, end, tail = rest.partition("</Task>")
    assert "<ConstraintType>0</ConstraintType>" in task
    task = task.replace("<ConstraintType>0</ConstraintType>",
                        "<ConstraintType>4</ConstraintType>"
                        "<ConstraintDate>2023-08-01T08:00:00</ConstraintDate>")
    xml.write_text(head + sep + task + end + tail, encoding="utf-8")
    imp = read_mspdi(str(xml), near=str(tmp_path / "seed.yaml"))
    assert ("summary task UID 3: its SNET constraint is dropped (MS Project-compatible "
            "scheduling does not apply constraints of summary tasks)") in imp.notes
    assert imp.plan.task_index()["3"].constraint is None
    assert schedule(imp.plan).project_finish == dt.date(2024, 6, 28)
