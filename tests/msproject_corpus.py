"""Real MS Project files (``tests/data/msproject/``): how often do planner and MPXJ's MS
Project-compatible scheduler give a task the start and finish MS Project stored?

    python tests/msproject_corpus.py [-v] [FILE ...]     # the report (per cause, per file)

For every file in the manifest the task's stored ``Start`` and ``Finish`` (what MS Project
computed and saved) are compared with

- **planner**: ``read_mspdi`` + ``schedule`` on the file; a start key on working day ``d`` is
  the start of ``d``'s working time, a finish key the end of it, in the task's calendar as MPXJ
  reads it (planner schedules whole days: its dates carry no hour of their own);
- **MPXJ**: the file read again and rescheduled by ``org.mpxj.cpm.MicrosoftScheduler`` from the
  project start.

Two moments are *the same* when no working time lies between them in the task's calendar
(MPXJ's ``MicrosoftSchedulerComparator`` rule, within 0.29 minutes), so a finish stored at
08:00 on the next working day equals 17:00 the day before.  Every task of the file is counted
except the project summary (UID 0) and null rows; a task planner leaves out (inactive,
external, an inserted project) is a miss.

Each miss is put down to the first feature of the task in this order (its own, else the one
of the predecessor, child or parent it inherits its dates from):
``CAUSES`` below.  The yardstick is MPXJ's reading of the file, not planner's code.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "data", "msproject")
MANIFEST = os.path.join(CORPUS, "MANIFEST.tsv")

#: miss causes, in the order a task's features are looked at
CAUSES = ("part-day duration/lag", "day length", "progress", "manual", "resource calendar", "split",
          "external predecessor", "elapsed duration", "task calendar", "work contour",
          "inactive", "import error", "other")

#: MPXJ's tolerance when it compares two dates by the working time between them (minutes)
TOLERANCE_MINUTES = 0.29


def manifest() -> list[dict]:
    with open(MANIFEST, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def file_bytes(row: dict) -> bytes:
    """The file as it is in its repository (the stored copy is gzipped); checked against the
    manifest's sha256."""
    with gzip.open(os.path.join(CORPUS, row["file"] + ".gz"), "rb") as fh:
        data = fh.read()
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        raise ValueError(f"{row['file']}: sha256 differs from MANIFEST.tsv")
    return data


@dataclass
class TaskResult:
    uid: int
    name: str
    planner: bool
    mpxj: bool
    cause: str = ""


@dataclass
class FileResult:
    file: str
    tasks: list = field(default_factory=list)
    planner_error: str | None = None
    mpxj_error: str | None = None
    import_line: str = ""        # planner's own agreement count, "N of M"

    def count(self, who: str) -> int:
        return sum(getattr(t, who) for t in self.tasks)


# -- MPXJ --------------------------------------------------------------------------------------
class _Mpxj:
    """MPXJ's reader, scheduler and calendars, on the JVM of :mod:`mpxj_harness`."""

    def __init__(self):
        from mpxj_harness import mpxj as harness

        h = harness()
        self.jpype, self.time, self.mpxj = h.jpype, h.time, h.mpxj
        self.cpm, self.mspdi = h.cpm, h.mspdi

    def read(self, path: str):
        return self.mspdi.MSPDIReader().read(path)

    def reschedule(self, path: str):
        pf = self.read(path)
        self.cpm.MicrosoftScheduler().schedule(pf, pf.getProjectProperties().getStartDate())
        return pf

    def same(self, task, a, b) -> bool:
        """No working time between moments ``a`` and ``b`` in ``task``'s calendar."""
        if a is None or b is None:
            return a is None and b is None
        if a.isEqual(b):
            return True
        work = task.getEffectiveCalendar().getWork(a, b, self.mpxj.TimeUnit.MINUTES)
        return abs(float(work.getDuration())) < TOLERANCE_MINUTES

    def local(self, when):
        """A ``datetime.datetime`` as a Java ``LocalDateTime``."""
        return self.time.LocalDateTime.of(when.year, when.month, when.day, when.hour,
                                          when.minute, when.second)

    def moment(self, task, day, finish: bool):
        """The start (or end) of working time on ``day`` (a datetime.date) in ``task``'s
        calendar, or None when the calendar does not work that day."""
        cal = task.getEffectiveCalendar()
        d = self.time.LocalDate.of(day.year, day.month, day.day)
        t = cal.getFinishTime(d) if finish else cal.getStartTime(d)
        if t is None:
            return None
        if finish and t == self.time.LocalTime.MIDNIGHT:
            return self.time.LocalDateTime.of(d.plusDays(1), t)
        return self.time.LocalDateTime.of(d, t)


@lru_cache(maxsize=1)
def mpxj() -> _Mpxj:
    return _Mpxj()


# -- features --------------------------------------------------------------------------------
def _days(m, duration, props, elapsed: bool):
    unit = m.mpxj.TimeUnit.ELAPSED_DAYS if elapsed else m.mpxj.TimeUnit.DAYS
    return float(duration.convertUnits(unit, props).getDuration())


def _whole(x: float) -> bool:
    return abs(x - round(x)) < 1e-6


def _part_day(m, t, props) -> str | None:
    """``part-day duration/lag`` when the task's duration, a lag or a constraint date does not
    fall on whole working days of its calendar; ``day length`` when it would in days of the
    file's MinutesPerDay but not in the calendar's working day (a 7.5 h day over 8 h of
    working time)."""
    d = t.getDuration()
    cal = t.getEffectiveCalendar()
    start = t.getStart()
    per_day = float(cal.getWork(start.toLocalDate(), m.mpxj.TimeUnit.MINUTES).getDuration()) \
        if start is not None else 0.0
    mpd = float(props.getMinutesPerDay() or 480)
    amounts = []
    if not t.getSummary() and d is not None:
        amounts.append(d)
    amounts += [r.getLag() for r in t.getPredecessors() if r.getLag() is not None]
    for x in amounts:
        if x.getUnits() in (m.mpxj.TimeUnit.PERCENT, m.mpxj.TimeUnit.ELAPSED_PERCENT):
            continue
        if x.getUnits().isElapsed():
            if not _whole(_days(m, x, props, True)):
                return "part-day duration/lag"
            continue
        minutes = float(x.convertUnits(m.mpxj.TimeUnit.MINUTES, props).getDuration())
        if not _whole(minutes / mpd):
            return "part-day duration/lag"
        if per_day and not _whole(minutes / per_day):
            return "day length"
    cd = t.getConstraintDate()
    if cd is not None and t.getConstraintType() is not None and \
            str(t.getConstraintType().name()) not in ("AS_SOON_AS_POSSIBLE", "AS_LATE_AS_POSSIBLE"):
        day = dt_date(cd)
        if cd.toLocalTime() not in (v.toLocalTime() for v in
                                    (m.moment(t, day, False), m.moment(t, day, True))
                                    if v is not None):
            return "part-day duration/lag"
    return None


def dt_date(v):
    import datetime as dt

    return dt.date(v.getYear(), v.getMonthValue(), v.getDayOfMonth())


def _calendar_differs(m, a, b, first, last) -> bool:
    """Do calendars ``a`` and ``b`` give other working hours on any day first..last?"""
    d = m.time.LocalDate.of(first.year, first.month, first.day)
    end = m.time.LocalDate.of(last.year, last.month, last.day)
    while not d.isAfter(end):
        if str(a.getHours(d)) != str(b.getHours(d)):
            return True
        d = d.plusDays(1)
    return False


def _span(t):
    import datetime as dt

    a, b = t.getStart(), t.getFinish()
    if a is None or b is None:
        return None
    return dt_date(a) - dt.timedelta(days=7), dt_date(b) + dt.timedelta(days=7)


def _resource_calendar(m, t) -> bool:
    if t.getSummary() or t.getIgnoreResourceCalendar():
        return False
    span = _span(t)
    eff = t.getEffectiveCalendar()
    for a in t.getResourceAssignments():
        res = a.getResource()
        if res is None or res.getType() is None or str(res.getType().name()) != "WORK":
            continue
        rc = res.getCalendar()
        if rc is not None and span and _calendar_differs(m, rc, eff, *span):
            return True
    return False


def _progress(t) -> bool:
    pc = t.getPercentageComplete()
    return t.getActualStart() is not None or (pc is not None and float(pc) > 0)


def _contoured(t) -> bool:
    """An assignment's work is not spread flat (front loaded, bell, ... or edited by hand)."""
    return any(a.getWorkContour() is not None and not a.getWorkContour().isContourFlat()
               for a in t.getResourceAssignments())


def _external(t) -> bool:
    if t.getExternalTask() or t.getExternalProject():
        return True
    return any(r.getPredecessorTask().getExternalTask() for r in t.getPredecessors())


def _task_calendar(m, t, project_cal) -> bool:
    cal = t.getCalendar()
    span = _span(t)
    return cal is not None and span is not None and _calendar_differs(m, cal, project_cal, *span)


def own_cause(m, t, props, project_cal) -> str | None:
    d = t.getDuration()
    part = _part_day(m, t, props)
    if part:
        return part
    checks = (
        ("progress", lambda: _progress(t)),
        ("manual", lambda: t.getTaskMode() is not None
         and str(t.getTaskMode().name()) == "MANUALLY_SCHEDULED"),
        ("resource calendar", lambda: _resource_calendar(m, t)),
        ("split", lambda: not t.getSummary() and len(t.getWorkSplits() or ()) > 1),
        ("external predecessor", lambda: _external(t)),
        ("elapsed duration", lambda: not t.getSummary() and d is not None
         and d.getUnits().isElapsed()),
        ("task calendar", lambda: _task_calendar(m, t, project_cal)),
        ("work contour", lambda: _contoured(t)),
        ("inactive", lambda: not t.getActive()),
    )
    for name, check in checks:
        if check():
            return name
    return None


def classify(m, pf, missed: set) -> dict:
    """{uid: cause} for the tasks in ``missed``: a task's own first feature, else the cause of
    a missed predecessor, child or parent (the dates it inherits), else ``other``."""
    props = pf.getProjectProperties()
    project_cal = pf.getDefaultCalendar()
    by_uid = {int(t.getUniqueID()): t for t in pf.getTasks() if t.getUniqueID() is not None}
    own = {u: own_cause(m, t, props, project_cal) for u, t in by_uid.items()}
    out: dict = {}

    def cause(u, seen) -> str | None:
        if u in out:
            return out[u]
        if own.get(u):
            return own[u]
        if u in seen:
            return None
        seen = seen | {u}
        t = by_uid[u]
        near = [int(r.getPredecessorTask().getUniqueID()) for r in t.getPredecessors()]
        near += [int(c.getUniqueID()) for c in t.getChildTasks()]
        parent = t.getParentTask()
        while parent is not None and parent.getUniqueID() is not None:
            near.append(int(parent.getUniqueID()))
            parent = parent.getParentTask()
        for v in near:
            if v in missed and v in by_uid:
                c = cause(v, seen)
                if c:
                    return c
        return None

    for u in sorted(missed):
        out[u] = cause(u, frozenset()) or "other"
    return out


# -- one file ----------------------------------------------------------------------------------
def _compared(pf) -> list:
    return [t for t in pf.getTasks()
            if t.getUniqueID() is not None and int(t.getUniqueID()) != 0
            and not t.getNull() and t.getStart() is not None and t.getFinish() is not None]


def _planner_moments(path: str, tmp: str):
    """{uid: (start date, start key is odd, finish date, finish key is odd)} from planner,
    planner's own agreement count ("N of M"), or an error message."""
    from planner.errors import PlanError
    from planner.io.mspdi import read_mspdi
    from planner.schedule import schedule

    try:
        imp = read_mspdi(path, near=os.path.join(tmp, "plan.yaml"))
        sched = schedule(imp.plan) if imp.plan.tasks else None
    except PlanError as exc:
        return None, f"{exc}", ""
    out = {}
    if sched is not None:
        for i, t in enumerate(sched.plan.tasks):
            ks, kf = sched.start[i], sched.finish[i]
            if sched.scale != 1:        # a part-day plan: the moments themselves
                out[int(t.id)] = (sched.datetime(ks), sched.datetime(kf))
            else:
                out[int(t.id)] = (sched.date(ks), bool(ks & 1), sched.date(kf), bool(kf & 1))
    agreement = getattr(imp, "agreement", None)
    line = "%d of %d" % agreement.count(sched) if agreement is not None else ""
    return out, None, line


def measure(row: dict) -> FileResult:
    m = mpxj()
    res = FileResult(row["file"])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, row["file"])
        with open(path, "wb") as fh:
            fh.write(file_bytes(row))
        base = m.read(path)
        mine, res.planner_error, res.import_line = _planner_moments(path, tmp)
        try:
            theirs = m.reschedule(path)
        except Exception as exc:    # CpmException and the JVM's own
            theirs, res.mpxj_error = None, f"{type(exc).__name__}: {exc}"
    missed = set()
    for t in _compared(base):
        uid = int(t.getUniqueID())
        p_ok = False
        if mine is not None and uid in mine and len(mine[uid]) == 2:
            a, b = (m.local(x) for x in mine[uid])
            p_ok = m.same(t, t.getStart(), a) and m.same(t, t.getFinish(), b)
        elif mine is not None and uid in mine:
            sd, s_odd, fd, f_odd = mine[uid]
            p_ok = (m.same(t, t.getStart(), m.moment(t, sd, s_odd))
                    and m.same(t, t.getFinish(), m.moment(t, fd, f_odd)))
        x_ok = False
        if theirs is not None:
            w = theirs.getTaskByUniqueID(t.getUniqueID())
            x_ok = w is not None and m.same(t, t.getStart(), w.getStart()) \
                and m.same(t, t.getFinish(), w.getFinish())
        res.tasks.append(TaskResult(uid, str(t.getName() or ""), p_ok, x_ok))
        if not (p_ok and x_ok):
            missed.add(uid)
    causes = classify(m, base, missed)
    for tr in res.tasks:
        if tr.uid in missed:
            tr.cause = "import error" if mine is None and not tr.planner else causes[tr.uid]
    return res


def measure_all(names=None) -> list[FileResult]:
    rows = manifest()
    if names:
        rows = [r for r in rows if r["file"] in names]
    return [measure(r) for r in rows]


# -- the report --------------------------------------------------------------------------------
def cause_counts(results, who: str) -> Counter:
    return Counter(t.cause for r in results for t in r.tasks if not getattr(t, who))


def report(results, verbose: bool = False) -> str:
    n = sum(len(r.tasks) for r in results)
    p = sum(r.count("planner") for r in results)
    x = sum(r.count("mpxj") for r in results)
    lines = [f"{len(results)} files, {n} tasks with stored dates",
             f"planner: {p} of {n} tasks get MS Project's start and finish ({100 * p / n:.1f}%)",
             f"MPXJ:    {x} of {n} ({100 * x / n:.1f}%)", "",
             f"{'miss cause':<24}{'planner':>9}{'MPXJ':>7}"]
    pc, xc = cause_counts(results, "planner"), cause_counts(results, "mpxj")
    for c in CAUSES:
        if pc[c] or xc[c]:
            lines.append(f"{c:<24}{pc[c]:>9}{xc[c]:>7}")
    errors = [r for r in results if r.planner_error or r.mpxj_error]
    for r in errors:
        if r.planner_error:
            lines.append(f"planner error  {r.file}: {r.planner_error}")
        if r.mpxj_error:
            lines.append(f"MPXJ error     {r.file}: {r.mpxj_error}")
    if verbose:
        lines.append("")
        for r in results:
            lines.append(f"{r.file}: planner {r.count('planner')}, MPXJ {r.count('mpxj')} of "
                         f"{len(r.tasks)}" + (f"; import says {r.import_line}"
                                               if r.import_line else ""))
            for t in r.tasks:
                if not (t.planner and t.mpxj):
                    who = "-" if not t.planner and not t.mpxj else (
                        "planner" if not t.planner else "MPXJ")
                    lines.append(f"    UID {t.uid:<4} {t.name[:30]:<30} missed by {who:<8} "
                                 f"{t.cause}")
    return "\n".join(lines)


def main(argv) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    sys.path.insert(0, os.path.dirname(HERE))
    print(report(measure_all(names), verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
