"""Family 2: calendar paths.  A plan names calendars from the calendar folders or ``.yaml``
files only, and an error never quotes more than a short fragment of a file."""
from __future__ import annotations

import os

from hostile_plans import PLAN, fifo, mkdir, sparse, symlink, with_calendar
from hostile_runner import Case

PASSWD = "".join(f"user{k}:x:{1000 + k}:{1000 + k}:User {k}:/home/user{k}:/bin/bash\n"
                 for k in range(40))
REFUSED = r"^p\.yaml:4: calendar .* is neither a calendar name .* nor a \.yaml file$"
NOT_A_CALENDAR = r"^\S+\.yaml:1: a calendar file must be a mapping"


def _no_secret(marker="user3:x"):
    def check(_folder, res):
        assert marker not in res.err, res.err
    return check










def cal_file(body: str) -> dict:
    """A plan on calendar ``mine`` and that calendar's file."""
    return {"p.yaml": with_calendar("mine"), "calendars/mine.yaml": body}


GOOD_CAL = "name: mine\nworkweek: [mon, tue, wed, thu, fri]\nyears: {first: 2000, last: 2100}\n"


def cases() -> list[Case]:
    v = ["validate", "p.yaml"]
    out = [
        Case("cal-etc-passwd", 2, v, {"p.yaml": with_calendar("{base: /etc/passwd}")}, 2,
             REFUSED, check=_no_secret("root:")),
        Case("cal-dotdot-passwd", 2, v,
             {"p.yaml": with_calendar("{base: ../../../../../../etc/passwd}")}, 2, REFUSED),
        Case("cal-etc-hostname", 2, v, {"p.yaml": with_calendar("/etc/hostname")}, 2, REFUSED),
        Case("cal-local-text-file", 2, v, {"p.yaml": with_calendar("secret.txt"),
                                           "secret.txt": PASSWD}, 2,
             r"^p\.yaml:4: unknown calendar 'secret\.txt' \(no calendars/secret\.txt\.yaml ",
             check=_no_secret()),
        Case("cal-local-text-file-path", 2, v, {"p.yaml": with_calendar("./secret.txt"),
                                                "secret.txt": PASSWD}, 2, REFUSED,
             check=_no_secret()),
        Case("cal-dev-zero", 2, v, {"p.yaml": with_calendar("/dev/zero")}, 2, REFUSED),
        Case("cal-proc-self-environ", 2, v, {"p.yaml": with_calendar("/proc/self/environ")}, 2,
             REFUSED),
        Case("cal-name-with-nul", 2, v, {"p.yaml": with_calendar('"nor\\0way"')}, 2,
             r"^p\.yaml:4: calendar 'nor\\x00way' is neither"),
        Case("cal-name-long", 2, v, {"p.yaml": with_calendar("x" * 5000)}, 2,
             r"^p\.yaml:4: calendar 'x+\.\.\.' is neither"),
        Case("cal-yaml-holding-passwd", 2, v, {"p.yaml": with_calendar("leak.yaml"),
                                               "leak.yaml": PASSWD}, 2, NOT_A_CALENDAR,
             check=_no_secret()),
        Case("cal-yaml-holding-passwd-quoted", 2, v,
             {"p.yaml": with_calendar("leak.yaml"), "leak.yaml": repr(PASSWD)}, 2,
             NOT_A_CALENDAR, check=_no_secret()),
        Case("cal-yaml-a-long-list", 2, v, {"p.yaml": with_calendar("list.yaml"),
                                            "list.yaml": "".join(f"- item {k}\n"
                                                                 for k in range(2000))}, 2,
             NOT_A_CALENDAR, check=_no_secret("item 100")),
        Case("cal-yaml-symlink-to-passwd", 2, v, {"p.yaml": with_calendar("l.yaml"),
                                                  "secret": PASSWD}, 2, NOT_A_CALENDAR,
             setup=symlink("l.yaml", "secret"), check=_no_secret()),
        Case("cal-yaml-symlink-to-dev-zero", 2, v, {"p.yaml": with_calendar("z.yaml")}, 2,
             r"^z\.yaml: is a character device, not a regular file",
             setup=symlink("z.yaml", "/dev/zero")),
        Case("cal-named-symlink-to-dev-zero", 2, v, {"p.yaml": with_calendar("zero")}, 2,
             r"^p\.yaml:4: unknown calendar 'zero'",
             setup=symlink("calendars/zero.yaml", "/dev/zero")),
        Case("cal-yaml-fifo", 2, v, {"p.yaml": with_calendar("f.yaml")}, 2,
             r"^f\.yaml: is a FIFO \(named pipe\), not a regular file", setup=fifo("f.yaml"),
             timeout=5),
        Case("cal-yaml-folder", 2, v, {"p.yaml": with_calendar("d.yaml")}, 2,
             r"^d\.yaml: is a directory, not a file$", setup=mkdir("d.yaml")),
        Case("cal-yaml-missing", 2, v, {"p.yaml": with_calendar("gone.yaml")}, 2,
             r"^p\.yaml:4: unknown calendar 'gone\.yaml'; known: norway, standard$"),
        Case("cal-yaml-huge-sparse", 2, v, {"p.yaml": with_calendar("big.yaml")}, 2,
             r"^big\.yaml: is 40\.0 MB; planner reads files of up to 32 MB$",
             setup=sparse("big.yaml", 40 << 20)),
        Case("cal-yaml-long-string-key", 2, v, cal_file(GOOD_CAL + "k" * 1000 + ": 1\n"), 2,
             r"^calendars/mine\.yaml:4: unknown field 'k+\.\.\.' in a calendar file"),
        Case("cal-yaml-not-utf8", 2, v, {"p.yaml": with_calendar("mine"),
                                         "calendars/mine.yaml": b"name: \xff\xfe\n"}, 2,
             r"^calendars/mine\.yaml:1: not UTF-8 text \(byte 0xff\)$"),
        Case("cal-good-local-file", 2, v, cal_file(GOOD_CAL), 0, out=r"OK: 4 aktiviteter"),
        Case("cal-years-first-0", 2, v, cal_file("name: mine\nyears: {first: 0, last: 2100}\n"),
             2, r"^calendars/mine\.yaml:2: first year must be from 1900 to 2999, not 0$"),
        Case("cal-years-last-9999", 2, v,
             cal_file("name: mine\nyears: {first: 2000, last: 9999}\n"), 2,
             r"^calendars/mine\.yaml:2: last year must be from 1900 to 2999, not 9999$"),
        Case("cal-years-reversed", 2, v,
             cal_file("name: mine\nyears: {first: 2100, last: 2000}\n"), 2,
             r"^calendars/mine\.yaml:2: years: the last \(2000\) is before the first"),
        Case("cal-years-5000-digits", 2, v,
             cal_file("name: mine\nyears: {first: " + "9" * 5000 + ", last: 2100}\n"), 2,
             r"^calendars/mine\.yaml:2: first year must be a whole number, not '9+\.\.\.'$"),
        Case("cal-hours-25-99", 2, v,
             cal_file(GOOD_CAL + 'hours: {start: "08:00", finish: "25:99"}\n'), 2,
             r"^calendars/mine\.yaml:4: working hours must be a time of day HH:MM"),
        Case("cal-hours-reversed", 2, v,
             cal_file(GOOD_CAL + 'hours: {start: "16:00", finish: "08:00"}\n'), 2,
             r"^calendars/mine\.yaml:4: working hours 16:00-08:00 do not make a working day"),
        Case("cal-hours-unquoted-sexagesimal", 2, ["export", "p.yaml", "-o", "p.xml"],
             cal_file(GOOD_CAL + "hours: {start: 7:30, finish: 15:30}\n"), 0,
             creates=("p.xml",), check=_xml_has("<FromTime>07:30:00</FromTime>")),
        Case("cal-hours-a-list", 2, v, cal_file(GOOD_CAL + "hours: {start: [8], finish: 16}\n"),
             2, r"^calendars/mine\.yaml:4: working hours must be a time of day"),
        Case("cal-easter-offset-1e8", 2, v,
             cal_file(GOOD_CAL + "seasons:\n  e: {easter: [1.0e+8, 1.0e+8]}\n"), 2,
             r"^calendars/mine\.yaml:5: easter must be from -366 to 366, not 1e\+08$"),
        Case("cal-easter-offset-big-int", 2, v,
             cal_file(GOOD_CAL + "seasons:\n  e: {easter: [-100000000, 0]}\n"), 2,
             r"^calendars/mine\.yaml:5: easter must be from -366 to 366"),
        Case("cal-iso-weeks-5000-digits", 2, v,
             cal_file(GOOD_CAL + "seasons:\n  w: {iso_weeks: [1, " + "5" * 5000 + "]}\n"), 2,
             r"^calendars/mine\.yaml:5: iso_weeks must be a whole number"),
        Case("cal-month-inf", 2, v, cal_file(GOOD_CAL + "seasons:\n  m: {month: .inf}\n"), 2,
             r"^calendars/mine\.yaml:5: month must be a whole number, not inf$"),
        Case("cal-dates-unicode-digits", 2, v,
             cal_file(GOOD_CAL + 'seasons:\n  d: {dates: ["١٢-٠١", "12-31"]}\n'), 2,
             r"^calendars/mine\.yaml:5: '١٢-٠١' is not a month-day"),
        Case("cal-exception-impossible-date", 2, v,
             cal_file(GOOD_CAL + "exceptions:\n  - {date: 2023-02-30}\n"), 2,
             r"^calendars/mine\.yaml:5: '2023-02-30' is not a date: day is out of range"),
        Case("cal-exception-year-9999", 2, v,
             cal_file(GOOD_CAL + "exceptions:\n  - {from: 2023-01-01, to: 9999-12-31}\n"), 2,
             r"^calendars/mine\.yaml:5: 9999-12-31 is outside the years 1900-2999"),
        Case("cal-exception-centuries", 2, v,
             cal_file(GOOD_CAL.replace("2000, last: 2100", "1900, last: 2999")
                      + "exceptions:\n  - {from: 1900-01-01, to: 2023-06-01}\n"
                      + "  - {from: 2023-09-01, to: 2999-12-31}\n"), 0, out=r"OK: 4 aktiviteter",
             timeout=5),
        Case("cal-public-holidays-unknown-country", 2, v,
             cal_file(GOOD_CAL + "public_holidays: {country: ZZ}\n"), 2,
             r"^calendars/mine\.yaml:4: no public holidays are known for country 'ZZ'"),
        Case("cal-workweek-unknown-day", 2, v, cal_file("name: mine\nworkweek: [mon, funday]\n"),
             2, r"^calendars/mine\.yaml:2: unknown weekday 'funday'$"),
        Case("cal-seasons-unknown", 2, v,
             {"p.yaml": with_calendar("{base: norway, seasons: [" + "s" * 300 + "]}")}, 2,
             r"^p\.yaml:4: unknown season 's+\.\.\.' in calendar 'norway'"),
        Case("cal-plan-start-before-calendar", 2, v,
             {"p.yaml": PLAN.replace("2023-06-14", "1950-06-14")}, 2,
             r"^p\.yaml:3: start 1950-06-14 is outside the years 1970-2199"),
    ]
    return out


def _xml_has(fragment):
    def check(folder, _res):
        with open(os.path.join(folder, "p.xml"), encoding="utf-8") as fh:
            assert fragment in fh.read()
    return check
