"""Schedule health checks in the spirit of the DCMA 14-point assessment.

They do not make a plan invalid: they point at what a scheduling reviewer would ask about
(open ends, leads, long lags, start-to-finish links, hard constraints, very long tasks, large or
negative float).  Thresholds follow DCMA's usual ones: 44 working days for "long", 5 % of tasks
or links for "many".
"""
from __future__ import annotations

from dataclasses import dataclass

from .schedule import Schedule

LONG_DAYS = 44
HARD = ("MSO", "MFO", "SNLT", "FNLT")


@dataclass(slots=True)
class Finding:
    check: str
    items: list           # task ids or link labels
    total: int            # what the share is counted out of
    limit: float | None   # the share DCMA accepts (None: any is worth a look)
    note: str

    @property
    def share(self) -> float:
        return len(self.items) / self.total if self.total else 0.0

    @property
    def over(self) -> bool:
        if not self.items:
            return False
        return self.limit is None or self.share > self.limit


def health(sched: Schedule) -> list[Finding]:
    plan = sched.plan
    leaves = [i for i, t in enumerate(plan.tasks) if not t.summary]
    ids = [t.id for t in plan.tasks]
    has_succ = set()
    links = []
    for t in plan.tasks:
        for lk in t.predecessors:
            has_succ.add(lk.pred)
            links.append((lk, t.id))
    first = min(leaves, key=lambda i: (sched.es[i], i))
    last_key = sched.project_finish_key
    no_pred = [ids[i] for i in leaves if not plan.tasks[i].predecessors and i != first
               and not _parent_has_preds(plan, i)]
    no_succ = [ids[i] for i in leaves if ids[i] not in has_succ and sched.ef[i] != last_key
               and not _parent_has_succ(plan, i, has_succ)]
    n_links = len(links)
    leads = [_label(lk, s) for lk, s in links if lk.lag < 0]
    lags = [_label(lk, s) for lk, s in links if lk.lag > 0]
    sf = [_label(lk, s) for lk, s in links if lk.type == "SF"]
    non_fs = [_label(lk, s) for lk, s in links if lk.type != "FS"]
    hard = [t.id for t in plan.tasks if t.constraint is not None and t.constraint.type in HARD]
    high_float = [ids[i] for i in leaves if sched.total_float[i] > LONG_DAYS]
    negative = [ids[i] for i in leaves if sched.total_float[i] < 0]
    long_tasks = [ids[i] for i in leaves if sched.duration[i] > LONG_DAYS]
    n = len(leaves)
    return [
        Finding("missing predecessors", no_pred, n, 0.05,
                "tasks that can start at the project start only because nothing holds them"),
        Finding("missing successors", no_succ, n, 0.05,
                "tasks whose delay would not show in any later date (open ends)"),
        Finding("leads (negative lags)", leads, n_links, None,
                "a successor planned to start before its predecessor finishes"),
        Finding("lags", lags, n_links, 0.05, "waiting time written into links"),
        Finding("start-to-finish links", sf, n_links, None, "rarely what is meant"),
        Finding("links other than finish-to-start", non_fs, n_links, 0.10, ""),
        Finding("hard constraints", hard, n, 0.05,
                "dates that override the logic (MSO, MFO, SNLT, FNLT)"),
        Finding(f"float over {LONG_DAYS} working days", high_float, n, 0.05,
                "often a sign of missing links"),
        Finding("negative float", negative, n, None, "the plan cannot meet a constraint or deadline"),
        Finding(f"durations over {LONG_DAYS} working days", long_tasks, n, 0.05,
                "hard to track; consider splitting"),
    ]


def _label(lk, succ) -> str:
    return f"{lk.label()}->{succ}"


def _ancestors(plan, i):
    parents = {t.id: t for t in plan.tasks}
    p = plan.tasks[i].parent
    while p is not None:
        yield parents[p]
        p = parents[p].parent


def _parent_has_preds(plan, i) -> bool:
    return any(a.predecessors for a in _ancestors(plan, i))


def _parent_has_succ(plan, i, has_succ) -> bool:
    return any(a.id in has_succ for a in _ancestors(plan, i))


CHECKS_NB = {
    "missing predecessors": "mangler forgjenger", "missing successors": "mangler etterfølger",
    "leads (negative lags)": "overlapp (negativ forsinkelse)", "lags": "forsinkelser",
    "start-to-finish links": "start-til-slutt-koblinger",
    "links other than finish-to-start": "andre koblinger enn slutt-til-start",
    "hard constraints": "harde begrensninger",
    f"float over {LONG_DAYS} working days": f"slakk over {LONG_DAYS} arbeidsdager",
    "negative float": "negativ slakk",
    f"durations over {LONG_DAYS} working days": f"varighet over {LONG_DAYS} arbeidsdager",
}
WORDS = {
    "en": {"title": "Schedule checks (DCMA-style; for review, not errors):", "ok": "ok",
           "look": "look", "none": "none", "of": "of",
           "summary": "{src}: OK: {n} tasks ({s} summaries), {links} links, {res} resources; "
                      "calendar {cal} ({seasons}); {a} to {b}, {d} working days",
           "no_seasons": "no seasons"},
    "nb": {"title": "Kontroll av planen (DCMA-stil; til gjennomgang, ikke feil):", "ok": "ok",
           "look": "se", "none": "ingen", "of": "av",
           "summary": "{src}: OK: {n} aktiviteter ({s} sammendrag), {links} koblinger, {res} "
                      "ressurser; kalender {cal} ({seasons}); {a} til {b}, {d} arbeidsdager",
           "no_seasons": "ingen ferieperioder"},
}


def validate_summary(source: str, sched: Schedule, lang: str = "en") -> str:
    """The line ``planner validate`` prints for a sound plan."""
    w = WORDS[lang]
    p = sched.plan
    cal = p.calendar

    def day(d):
        return d.isoformat() if lang == "en" else f"{d:%d.%m.%y}"

    return w["summary"].format(
        src=source, n=len(p.tasks), s=sum(t.summary for t in p.tasks),
        links=sum(len(t.predecessors) for t in p.tasks), res=len(p.resources), cal=cal.name,
        seasons=", ".join(s.name for s in cal.seasons) or w["no_seasons"],
        a=day(sched.project_start), b=day(sched.project_finish), d=sched.project_duration)


def render_health(findings: list[Finding], limit: int = 12, lang: str = "en") -> str:
    w = WORDS[lang]
    out = [w["title"]]
    names = [CHECKS_NB.get(f.check, f.check) if lang == "nb" else f.check for f in findings]
    width = max(len(n) for n in names)
    for f, name in zip(findings, names):
        if not f.items:
            status = w["ok"]
            detail = w["none"]
        else:
            status = w["look"] if f.over else w["ok"]
            shown = ", ".join(f.items[:limit]) + (f", +{len(f.items) - limit}"
                                                   if len(f.items) > limit else "")
            detail = f"{len(f.items)} {w['of']} {f.total} ({100 * f.share:.0f}%): {shown}"
        out.append(f"  {status:<4} {name.ljust(width)}  {detail}")
    return "\n".join(out) + "\n"
