"""Task and resource calendars through MSPDI: written as MS Project reads them (and MPXJ's
scheduler computes the same starts and finishes), read back into the same plan, and read from
a file MS Project would save (a part-time resource, a task calendar, a task that ignores its
resource's calendar, a 24-hour calendar that works on weekends)."""
import datetime as dt

import yaml

from mpxj_harness import differences, mpxj
from mspdi_helpers import round_trip
from planner.io.mspdi import read_mspdi, schedule_to_mspdi
from planner.io.yaml_plan import dump_plan, plan_from_data
from planner.schedule import schedule

PLAN = {"project": {"name": "Kalendere", "start": "2025-03-03", "calendar": {"base": "norway"}},
        "calendars": {"deltid": {"base": "norway", "workweek": ["mon", "tue", "wed"]},
                      "sommer": {"base": "norway", "seasons": ["summer"]}},
        "resources": [{"id": "kari", "name": "Kari", "calendar": "deltid",
                       "absences": [{"from": "2025-03-17", "to": "2025-03-19"}]},
                      {"id": "ola", "name": "Ola"}],
        "tasks": yaml.safe_load("""
- {id: 1, name: Analyse, duration: 7, resources: [kari]}
- {id: 2, name: Bygg, duration: 4, predecessors: "1", resources: [ola]}
- {id: 3, name: Test, duration: 3, predecessors: "1SS+2", resources: [kari],
   ignore_resource_calendar: true}
- {id: 4, name: Utrulling, duration: 5, predecessors: "2", calendar: sommer,
   start_no_earlier_than: 2025-06-25}
- {id: 5, name: Oppfølging, duration: 2, predecessors: "1FS+2", resources: [kari]}
- {id: 6, name: Avslutning, duration: 2, predecessors: "4FF", resources: [kari]}
- {id: 7, name: Rapport, duration: 3, calendar: sommer, constraint: {type: FNLT, date: 2025-07-15}}
""")}


def test_mpxj_schedules_the_exported_calendars_to_planners_starts_and_finishes():
    sched = schedule(plan_from_data(PLAN))
    m = mpxj()
    theirs = m.tasks(m.reschedule(schedule_to_mspdi(sched)))
    assert differences(sched, theirs, fields=("start", "finish", "early_start",
                                              "early_finish")) == []
    row = {t.id: sched.row(i) for i, t in enumerate(sched.plan.tasks)}
    assert (str(row["1"]["start"]), str(row["1"]["finish"])) == ("2025-03-03", "2025-03-24")
    assert (str(row["4"]["start"]), str(row["4"]["finish"])) == ("2025-06-25", "2025-08-01")


def test_the_export_names_the_calendars_where_ms_project_looks_for_them():
    text = schedule_to_mspdi(schedule(plan_from_data(PLAN)))
    pf = mpxj().read(text)
    from java.lang import Integer

    def task(uid):
        return pf.getTaskByUniqueID(Integer.valueOf(uid))

    assert str(task(4).getCalendar().getName()) == "sommer"
    assert task(3).getIgnoreResourceCalendar() and not task(1).getIgnoreResourceCalendar()
    kari = next(r for r in pf.getResources() if str(r.getName()) == "Kari")
    assert str(kari.getCalendar().getParent().getName()) == "deltid"


def test_calendars_round_trip_through_mspdi(tmp_path):
    sched, text, imp, again = round_trip(PLAN, tmp_path)
    assert sorted(imp.plan.calendars) == ["deltid", "sommer"]
    assert imp.plan.calendars["deltid"].workweek == (0, 1, 2)
    assert [s.name for s in imp.plan.calendars["sommer"].seasons] == ["summer"]
    assert schedule_to_mspdi(again) == text
    assert (again.start, again.finish) == (sched.start, sched.finish)
    assert imp.agreement.count(again) == (7, 7)


def _week(days, hours=("08:00:00", "16:00:00")):
    out = []
    for msp in range(1, 8):
        if msp in days:
            out.append(f"<WeekDay><DayType>{msp}</DayType><DayWorking>1</DayWorking><WorkingTimes>"
                       f"<WorkingTime><FromTime>{hours[0]}</FromTime><ToTime>{hours[1]}</ToTime>"
                       f"</WorkingTime></WorkingTimes></WeekDay>")
        else:
            out.append(f"<WeekDay><DayType>{msp}</DayType><DayWorking>0</DayWorking></WeekDay>")
    return "<WeekDays>" + "".join(out) + "</WeekDays>"


FILE = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Deltid</Title><StartDate>2025-03-03T08:00:00</StartDate><CalendarUID>1</CalendarUID>
  <DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>16:00:00</DefaultFinishTime>
  <MinutesPerDay>480</MinutesPerDay>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
      {_week((2, 3, 4, 5, 6))}</Calendar>
    <Calendar><UID>2</UID><Name>Kari</Name><IsBaseCalendar>0</IsBaseCalendar>
      <BaseCalendarUID>1</BaseCalendarUID>{_week((2, 3, 4))}
      <Exceptions><Exception><TimePeriod><FromDate>2025-03-10T00:00:00</FromDate>
        <ToDate>2025-03-10T23:59:00</ToDate></TimePeriod><Name>Kurs</Name><Type>1</Type>
        <DayWorking>0</DayWorking></Exception></Exceptions></Calendar>
    <Calendar><UID>3</UID><Name>24 Hours</Name><IsBaseCalendar>1</IsBaseCalendar>
      {_week((1, 2, 3, 4, 5, 6, 7), ("00:00:00", "00:00:00"))}</Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Deltid</Name><OutlineLevel>0</OutlineLevel></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Kartlegging</Name><OutlineLevel>1</OutlineLevel>
      <Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat>
      <Start>2025-03-03T08:00:00</Start><Finish>2025-03-11T16:00:00</Finish></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Uten kalender</Name><OutlineLevel>1</OutlineLevel>
      <Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat>
      <IgnoreResourceCalendar>1</IgnoreResourceCalendar>
      <Start>2025-03-12T08:00:00</Start><Finish>2025-03-13T16:00:00</Finish>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Døgnet rundt</Name><OutlineLevel>1</OutlineLevel>
      <Duration>PT24H0M0S</Duration><DurationFormat>7</DurationFormat><CalendarUID>3</CalendarUID>
      <Start>2025-03-13T16:00:00</Start><Finish>2025-03-14T16:00:00</Finish>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Kari</Name><Type>1</Type>
    <CalendarUID>2</CalendarUID></Resource></Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
    <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
  </Assignments>
</Project>
"""


def test_a_part_time_resource_and_a_task_calendar_from_a_file(tmp_path):
    path = tmp_path / "deltid.xml"
    path.write_text(FILE, encoding="utf-8")
    imp = read_mspdi(str(path), near=str(tmp_path / "deltid.yaml"))
    plan = imp.plan
    t = plan.task_index()
    [kari] = plan.resources
    # Kari's week is her calendar; her course day is an absence, counted in that calendar
    assert kari.calendar == "kari" and plan.calendars["kari"].workweek == (0, 1, 2)
    assert [(a.start, a.name) for a in kari.absences] == [(dt.date(2025, 3, 10), "Kurs")]
    assert (t["2"].ignore_resource_calendar, t["3"].calendar) == (True, "24_hours")
    assert "calendar '24_hours' works on days the project calendar does not" in \
        "\n".join(imp.notes)
    sched = schedule(plan)
    # four of Kari's days: Mon 3 - Wed 5 and (Monday 10 is her course) Tuesday 11; the next
    # task ignores her calendar: Wed 12 and Thu 13.  The 24-hour task works through the
    # night in MS Project (part-day work): planner counts it in days and does not match
    row = {x.id: sched.row(i) for i, x in enumerate(plan.tasks)}
    assert (str(row["1"]["start"]), str(row["1"]["finish"])) == ("2025-03-03", "2025-03-11")
    assert (str(row["2"]["start"]), str(row["2"]["finish"])) == ("2025-03-12", "2025-03-13")
    assert imp.agreement.count(sched) == (2, 3)
    text = dump_plan(plan)
    assert "calendars:\n  24_hours:" in text and "  calendar: kari\n" in text
