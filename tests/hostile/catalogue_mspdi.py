"""MS Project XML (families 4, 5, 6): impossible dates, huge or non-finite numbers, dropped
tasks and assignments, and text that must survive YAML -> MSPDI -> YAML."""
from __future__ import annotations

import os
import re

from hostile_plans import PLAN
from hostile_runner import Case

IMPORT = ["import", "p.xml", "-o", "out.yaml"]


def _xml(plan_text: str = PLAN, **edits):
    """Setup: export ``plan_text`` as p.xml, then apply ``edits`` (regex -> replacement)."""
    def setup(folder):
        from planner.io.mspdi import schedule_to_mspdi
        from planner.io.yaml_plan import plan_from_data
        from planner.schedule import schedule

        import yaml

        text = schedule_to_mspdi(schedule(plan_from_data(yaml.safe_load(plan_text), None)))
        for pattern, repl in edits.values():
            text, n = re.subn(pattern, repl, text, count=1, flags=re.S)
            assert n, f"no {pattern!r} in the export"
        with open(os.path.join(folder, "p.xml"), "w", encoding="utf-8") as fh:
            fh.write(text)
    return setup


def _in_task(uid: int, tag: str, value: str):
    """(pattern, replacement) setting ``tag`` of the task with UID ``uid``."""
    return (rf"(<Task>\s*<UID>{uid}</UID>(?:(?!</Task>).)*?<{tag}>)[^<]*(</{tag}>)",
            rf"\g<1>{value}\g<2>")


def _add_in_task(uid: int, xml: str):
    return (rf"(<Task>\s*<UID>{uid}</UID>)", rf"\g<1>{xml}")


def _plan_ok(check_text=None):
    def check(folder, _res):
        with open(os.path.join(folder, "out.yaml"), encoding="utf-8") as fh:
            text = fh.read()
        assert "nan" not in text.lower().replace("name", "").replace("analysis", ""), text
        if check_text:
            check_text(text)
    return check


ROUND_TRIP_NAMES = ["  leading and trailing  ", "crlf\r\nline", "lone\rcr", "tab\tbetween",
                    "bell\x07and\x1bescape", "nul\x00char", "backslash \\x07 literal",
                    "del\x7fc1\x85", "emoji 🎉 and \u202e bidi"]


def _round_trip(name):
    """A task name through export and import comes back as it was."""
    def call(folder):
        from planner.io.mspdi import read_mspdi, write_mspdi
        from planner.io.yaml_plan import dump_plan, load_plan, plan_from_data, save_plan
        from planner.schedule import schedule

        import yaml

        doc = yaml.safe_load(PLAN)
        doc["tasks"][0]["tasks"][0]["name"] = name
        doc["tasks"][0]["tasks"][0]["notes"] = name + "\n" + name
        p = plan_from_data(doc, None)
        write_mspdi(schedule(p), os.path.join(folder, "p.xml"))
        back = read_mspdi(os.path.join(folder, "p.xml")).plan
        save_plan(back, os.path.join(folder, "back.yaml"))
        again = load_plan(os.path.join(folder, "back.yaml"))
        t = next(t for t in again.tasks if t.id == "2")
        assert t.name == name, (t.name, name)
        assert t.notes == name + "\n" + name, (t.notes, name)
        return dump_plan(again)[:20]
    return call


LONG_EXCEPTION = ("<Exception><TimePeriod><FromDate>1901-01-01T00:00:00</FromDate><ToDate>"
                  "2998-12-31T23:59:00</ToDate></TimePeriod><Name>Long</Name><Type>1</Type>"
                  "<DayWorking>0</DayWorking></Exception>")


def cases() -> list[Case]:
    ok = dict(exit=0, creates=("out.yaml",))
    out = [
        Case("mspdi-start-9999", 4, IMPORT, {}, 2, r"^p\.xml:7: ",
             setup=_xml(s=(r"<StartDate>[^<]*", "<StartDate>9999-12-31T08:00:00"))),
        Case("mspdi-task-start-9999", 4, IMPORT, {}, (0, 2), r"^(p\.xml:\d+: |)",
             setup=_xml(s=_in_task(2, "Start", "9999-12-31T08:00:00")),
             creates=("out.yaml",)),
        Case("mspdi-start-year-0", 4, IMPORT, {}, 2, r"^p\.xml:7: ",
             setup=_xml(s=(r"<StartDate>[^<]*", "<StartDate>0000-01-01T08:00:00"))),
        Case("mspdi-start-impossible", 4, IMPORT, {}, 2, r"^p\.xml:7: ",
             setup=_xml(s=(r"<StartDate>[^<]*", "<StartDate>2023-02-30T08:00:00"))),
        Case("mspdi-constraint-0001", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(c=_in_task(2, "ConstraintType", "4"),
                        d=_add_in_task(2, "<ConstraintDate>0001-01-01T08:00:00</ConstraintDate>"))),
        Case("mspdi-constraint-9999", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(c=_in_task(2, "ConstraintType", "4"),
                        d=_add_in_task(2, "<ConstraintDate>9999-12-31T08:00:00</ConstraintDate>"))),
        Case("mspdi-deadline-9999", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=_add_in_task(2, "<Deadline>9999-12-31T08:00:00</Deadline>"))),
        Case("mspdi-leveling-delay-huge", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=_add_in_task(2, "<LevelingDelay>99999999999999</LevelingDelay>"
                                          "<LevelingDelayFormat>7</LevelingDelayFormat>"))),
        Case("mspdi-leveling-delay-5000-digits", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=_add_in_task(2, "<LevelingDelay>" + "9" * 5000 + "</LevelingDelay>"))),
        Case("mspdi-leveling-delay-negative", 4, IMPORT, {}, 0,
             r"note: task UID 2: a negative levelling delay read as 0", creates=("out.yaml",),
             setup=_xml(d=_add_in_task(2, "<LevelingDelay>-4800</LevelingDelay>"
                                          "<LevelingDelayFormat>7</LevelingDelayFormat>"))),
        Case("mspdi-units-nan", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(u=(r"<Units>1\.0</Units>", "<Units>NaN</Units>"))),
        Case("mspdi-units-inf", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(u=(r"<Units>1\.0</Units>", "<Units>INF</Units>"))),
        Case("mspdi-units-1e400", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(u=(r"<Units>1\.0</Units>", "<Units>1e400</Units>"))),
        Case("mspdi-max-units-nan", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(u=(r"<MaxUnits>1\.0</MaxUnits>", "<MaxUnits>NaN</MaxUnits>"))),
        Case("mspdi-max-units-negative-inf", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(u=(r"<MaxUnits>1\.0</MaxUnits>", "<MaxUnits>-INF</MaxUnits>"))),
        Case("mspdi-duration-negative", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=_in_task(2, "Duration", "PT-40H0M0S"))),
        Case("mspdi-duration-huge", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=_in_task(2, "Duration", "PT99999999999H0M0S"))),
        Case("mspdi-lag-huge", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=(r"<LinkLag>0</LinkLag>", "<LinkLag>99999999999999</LinkLag>"))),
        Case("mspdi-uid-huge", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(d=(r"<UID>4</UID>", "<UID>" + "9" * 5000 + "</UID>"))),
        Case("mspdi-hours-25-99", 6, IMPORT, {}, 2,
             r"^p\.xml:17: <DefaultFinishTime> '25:99:00' is not a time of day",
             setup=_xml(h=(r"<DefaultFinishTime>[^<]*", "<DefaultFinishTime>25:99:00"))),
        Case("mspdi-exceptions-centuries", 3, IMPORT, {}, 2,
             r"^p\.xml:\d+: calendar exceptions cover more than 100,000 days in all$",
             setup=_xml(e=(r"<Exception>", LONG_EXCEPTION + "<Exception>")), timeout=5),
        Case("mspdi-outline-level-500", 3, IMPORT, {}, 2,
             r"^p\.xml:\d+: <OutlineLevel> 500: planner reads up to 100 levels$",
             setup=_xml(o=_in_task(4, "OutlineLevel", "500"))),
        Case("mspdi-outline-level-0", 5, IMPORT, {}, 0, r"note: .*OutlineLevel",
             setup=_xml(o=_in_task(4, "OutlineLevel", "0")), creates=("out.yaml",),
             check=_plan_ok(lambda t: "Done" in t)),
        Case("mspdi-assignment-to-missing-task", 5, IMPORT, {}, 0, r"note: .*assignment",
             setup=_xml(a=(r"<TaskUID>2</TaskUID>", "<TaskUID>77</TaskUID>")),
             creates=("out.yaml",), check=_plan_ok()),
        Case("mspdi-assignment-to-missing-resource", 5, IMPORT, {}, 0, r"note: .*assignment",
             setup=_xml(a=(r"<ResourceUID>1</ResourceUID>", "<ResourceUID>77</ResourceUID>")),
             creates=("out.yaml",), check=_plan_ok()),
        Case("mspdi-name-empty", 4, IMPORT, {}, (0, 2), r"", setup=_xml(n=_in_task(2, "Name", "")),
             creates=("out.yaml",)),
        Case("mspdi-name-control-char-ref", 4, IMPORT, {}, 2, r"^p\.xml:\d+: ",
             setup=_xml(n=_in_task(2, "Name", "a&#7;b"))),
        Case("mspdi-name-emoji", 4, IMPORT, {}, **ok, setup=_xml(n=_in_task(2, "Name", "🎉")),
             check=_plan_ok(lambda t: "🎉" in t)),
        Case("mspdi-roundtrip-then-json-load", 4, ["load", "out.yaml", "--format", "json"], {},
             (0, 1), out=r'"resources"', setup=_import_first),
        Case("mspdi-export-onto-xml-input", 1, ["import", "p.xml", "-o", "p.xml"], {}, 2,
             r"^p\.xml: is an input", setup=_xml()),
    ]
    for k, name in enumerate(ROUND_TRIP_NAMES):
        out.append(Case(f"mspdi-roundtrip-name-{k}", 5, [], {}, 0, call=_round_trip(name),
                        creates=("p.xml", "back.yaml")))
    return out


def _import_first(folder):
    _xml()(folder)
    from planner.io.mspdi import read_mspdi
    from planner.io.yaml_plan import save_plan

    save_plan(read_mspdi(os.path.join(folder, "p.xml")).plan, os.path.join(folder, "out.yaml"))
    os.unlink(os.path.join(folder, "p.xml"))



