"""MPXJ (the open-source Java library that reads MS Project files) judges MSPDI files.

One JVM per test session (JPype cannot restart it): :func:`mpxj` starts it on first use.  The
harness reads a document with MPXJ's ``MSPDIReader``, reschedules it with MPXJ's
``MicrosoftScheduler`` (its reimplementation of MS Project's CPM), and compares every date,
duration, slack and critical flag with planner's :class:`~planner.schedule.Schedule`.

It also validates against Microsoft's pj12 schema (``tests/data/mspdi/mspdi_pj12.xsd``), after
mapping the namespace MS Project writes onto the schema's, as ``../shared/mspdi/README.md``
explains.
"""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

HERE = os.path.dirname(os.path.abspath(__file__))
XSD = os.path.join(HERE, "data", "mspdi", "mspdi_pj12.xsd")
NS = "http://schemas.microsoft.com/project"
NS_2007 = "http://schemas.microsoft.com/project/2007"

#: Project 2010 elements the writer emits on purpose (docs/ms-project.md): the only schema
#: complaints allowed under pj12
NEWER_THAN_PJ12 = ("Manual", "NewTasksAreManual")

REL = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF", "START_FINISH": "SF"}


# -- schema ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def schema():
    import xmlschema

    return xmlschema.XMLSchema(XSD)


def _pj12_root(text: str, drop=()):
    root = ET.fromstring(text.encode("utf-8"))
    for el in root.iter():
        local = el.tag.split("}")[-1]
        el.tag = "{%s}%s" % (NS_2007, local)
    if drop:
        for parent in root.iter():
            for child in list(parent):
                if child.tag.split("}")[-1] in drop:
                    parent.remove(child)
    return root


def schema_errors(text: str, drop=()) -> list[tuple[str, str]]:
    """(path, reason) for every pj12 schema error, namespaces stripped; ``drop`` removes
    elements by local name first."""
    out = []
    strip = "{%s}" % NS_2007
    for err in schema().iter_errors(_pj12_root(text, drop)):
        out.append(((err.path or "").replace(strip, ""), (err.reason or "").replace(strip, "")))
    return out


def newer_elements_in(errors) -> set:
    """The element names of 'Unexpected child' complaints; anything else is returned as-is."""
    names = set()
    for _path, reason in errors:
        m = re.match(r"Unexpected child with tag '([^']+)'", reason)
        names.add(m.group(1) if m else reason)
    return names


# -- MPXJ --------------------------------------------------------------------------------------
class Mpxj:
    """Handles to MPXJ's classes in a started JVM."""

    def __init__(self):
        import jpype
        import mpxj  # noqa: F401  (puts the bundled jars on the class path)

        if not jpype.isJVMStarted():
            jpype.startJVM("-Djava.awt.headless=true", convertStrings=False)
        import java.io
        import java.lang
        import java.time
        import org.mpxj
        import org.mpxj.cpm
        import org.mpxj.mspdi

        self.jpype = jpype
        self.io = java.io
        self.lang = java.lang
        self.time = java.time
        self.mpxj = org.mpxj
        self.cpm = org.mpxj.cpm
        self.mspdi = org.mpxj.mspdi

    # reading and writing
    def read(self, text: str):
        data = text.encode("utf-8")
        stream = self.io.ByteArrayInputStream(self.jpype.JArray(self.jpype.JByte)(data))
        reader = self.mspdi.MSPDIReader()
        reader.setIgnoreErrors(False)
        return reader.read(stream)

    def write(self, project) -> str:
        out = self.io.ByteArrayOutputStream()
        self.mspdi.MSPDIWriter().write(project, out)
        return bytes(out.toByteArray()).decode("utf-8")

    def reschedule(self, text: str):
        """Read ``text`` and let MicrosoftScheduler recompute it from the project start."""
        pf = self.read(text)
        self.schedule(pf)
        return pf

    def schedule(self, pf, start=None):
        f = self.mpxj.TaskField
        start = start or pf.getProjectProperties().getStartDate()
        self.cpm.MicrosoftScheduler().schedule(pf, start)
        for t in pf.getTasks():     # slack and critical: computed again from the new dates
            for fld in (f.START_SLACK, f.FINISH_SLACK, f.TOTAL_SLACK, f.FREE_SLACK, f.CRITICAL):
                t.set(fld, None)
        return pf

    # looking
    def days(self, duration, props):
        if duration is None:
            return None
        return round(float(duration.convertUnits(self.mpxj.TimeUnit.DAYS, props).getDuration()), 4)

    def tasks(self, pf) -> dict:
        """{uid: record} with dates as 'YYYY-MM-DDTHH:MM' and durations/slack in days."""
        props = pf.getProjectProperties()
        out = {}
        for t in pf.getTasks():
            preds = []
            for r in t.getPredecessors():
                lag = r.getLag()
                preds.append((int(r.getPredecessorTask().getUniqueID()),
                              REL[str(r.getType().name())], float(lag.getDuration()),
                              str(lag.getUnits().name())))
            uid = int(t.getUniqueID())
            out[uid] = {
                "uid": uid,
                "id": int(t.getID()),
                "name": str(t.getName()),
                "outline_level": int(t.getOutlineLevel()),
                "summary": bool(t.getSummary()),
                "milestone": bool(t.getMilestone()),
                "start": _dt(t.getStart()), "finish": _dt(t.getFinish()),
                "early_start": _dt(t.getEarlyStart()), "early_finish": _dt(t.getEarlyFinish()),
                "late_start": _dt(t.getLateStart()), "late_finish": _dt(t.getLateFinish()),
                "duration_days": self.days(t.getDuration(), props),
                "total_slack_days": self.days(t.getTotalSlack(), props),
                "free_slack_days": self.days(t.getFreeSlack(), props),
                "critical": bool(t.getCritical()),
                "predecessors": preds,
            }
        return out


def _dt(value):
    if value is None:
        return None
    return str(value.toString())[:16]


_MPXJ = None


def mpxj() -> Mpxj:
    global _MPXJ
    if _MPXJ is None:
        _MPXJ = Mpxj()
    return _MPXJ


# -- comparing with planner --------------------------------------------------------------------
COMPARED = ("start", "finish", "early_start", "early_finish", "late_start", "late_finish",
            "duration_days", "total_slack_days", "free_slack_days", "critical")


def planner_records(sched) -> dict:
    """planner's schedule in the harness's form, by MS Project UID (as the exporter assigns)."""
    from planner.io.mspdi import task_uids

    plan = sched.plan
    cal = plan.calendar
    hs, hf = cal.hours

    def at(k):
        return f"{sched.calendar.date(k // 2).isoformat()}T{hf if k & 1 else hs}"

    uids, _ = task_uids(plan)
    top = [i for i, t in enumerate(plan.tasks) if t.parent is None]
    first, last = min(sched.start[i] for i in top), max(sched.finish[i] for i in top)
    es, ef = min(sched.es[i] for i in top), max(sched.ef[i] for i in top)
    manual = sched.net.fixed or {}          # MPXJ rolls up a manual task's own dates
    ls = min(sched.es[i] if i in manual else sched.ls[i] for i in top)
    lf = max(sched.ef[i] if i in manual else sched.lf[i] for i in top)
    total = float(min((ls + 1) // 2 - (es + 1) // 2, (lf + 1) // 2 - (ef + 1) // 2))
    prog = sched.progress
    critical = any(sched.critical[i] for i in top)
    if prog is not None and any(a is not None for a in prog.astart):
        total = float((lf + 1) // 2 - (ef + 1) // 2)     # started: its finish float, and
        #                                                 critical by it unless 100 % done
        leaves = [i for i, t in enumerate(plan.tasks) if not t.summary]
        days = sum(sched.duration[i] for i in leaves)
        done = sum(prog.actual[i] for i in leaves)
        critical = total <= 0 and not (days and (200 * done + days) // (2 * days) == 100)
    out = {0: {     # the project summary task: the roll-up of the top-level tasks
        "start": at(first), "finish": at(last), "early_start": at(es), "early_finish": at(ef),
        "late_start": at(ls), "late_finish": at(lf),
        "duration_days": float((last + 1) // 2 - (first + 1) // 2),
        "total_slack_days": total, "free_slack_days": max(total, 0.0),
        "critical": critical}}
    for i, t in enumerate(plan.tasks):
        out[uids[i]] = {
            "start": at(sched.start[i]), "finish": at(sched.finish[i]),
            "early_start": at(sched.es[i]), "early_finish": at(sched.ef[i]),
            "late_start": at(sched.ls[i]), "late_finish": at(sched.lf[i]),
            "duration_days": float(sched.duration[i]),
            "total_slack_days": float(sched.total_float[i]),
            "free_slack_days": float(sched.free_float[i]),
            "critical": bool(sched.critical[i]),
        }
    return out


def differences(sched, mpxj_tasks: dict, fields=COMPARED) -> list[tuple]:
    """(uid, field, planner, mpxj) for every value MPXJ computes differently."""
    mine = planner_records(sched)
    out = []
    for uid, rec in mine.items():
        theirs = mpxj_tasks.get(uid)
        if theirs is None:
            out.append((uid, "missing", None, None))
            continue
        for f in fields:
            a, b = rec[f], theirs[f]
            if isinstance(a, float) and isinstance(b, float) and abs(a - b) < 1e-3:
                continue
            if a != b:
                out.append((uid, f, a, b))
    return out


def known_mpxj_quirk(sched, uid_index, diff) -> bool:
    """MPXJ 16's MicrosoftSlackCalculator gives a summary task free slack 0 when its early
    start and early finish coincide and one of its children has a successor: it measures the
    summary's early finish against its own early start (calculateVariance(task, successor)
    never looks at the successor).  planner gives such a summary its total slack, as MPXJ does
    for every other summary.  Only that exact case is excused."""
    uid, field, mine, theirs = diff
    i = uid_index.get(uid)
    if i is None:
        return False
    plan = sched.plan
    t = plan.tasks[i]
    if field != "free_slack_days" or not t.summary or theirs != 0.0:
        return False
    if (sched.ef[i] + 1) // 2 != (sched.es[i] + 1) // 2:
        return False
    kids = {c.id for c in plan.tasks if c.parent == t.id}
    return any(link.pred in kids for s in plan.tasks for link in s.predecessors)
