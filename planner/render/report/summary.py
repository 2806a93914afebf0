"""The first section: where the project stands in one glance.  The forecast finish against the
baseline in working and calendar days, a red/amber/green judgement of the schedule with the rule
that gave it, the share of the work done, and the odds of the finish when a risk analysis was
run."""
from __future__ import annotations

import datetime as dt

from .doc import Cell, Facts, Missing, Para, Rag, Section
from .inputs import ReportData
from .words import WORDS, count, date_long, date_short, percent, signed


def schedule_rag(variance_days: int, amber_days: int) -> str:
    """``green`` when the forecast finish is on or before the baseline finish (a variance of 0
    or fewer working days), ``amber`` up to ``amber_days`` working days later, ``red`` beyond.

    >>> schedule_rag(0, 10), schedule_rag(10, 10), schedule_rag(11, 10), schedule_rag(-3, 10)
    ('green', 'amber', 'red', 'green')
    """
    if variance_days <= 0:
        return "green"
    return "amber" if variance_days <= amber_days else "red"


def finish_variance(data: ReportData) -> tuple[int, int] | None:
    """The forecast finish against the reference's: (working days, calendar days), positive
    when later; None without a reference."""
    ref = data.reference
    if ref is None:
        return None
    from ...tracking import project_variance

    return project_variance(data.sched, ref)


def work_done(data: ReportData) -> tuple[int, int] | None:
    """(working days done, working days in all) over the leaf tasks, or None without a
    status."""
    sched = data.sched
    prog = getattr(sched, "progress", None)
    if not data.status_path or prog is None:
        return None
    done = total = 0
    for i, t in enumerate(sched.plan.tasks):
        if not t.summary:
            done += prog.actual[i]
            total += prog.actual[i] + prog.remaining[i]
    return done, total


def largest_delays(data: ReportData, n: int = 3) -> str:
    """The late tasks that slipped most (critical ones first), a line each:
    ``12 Beslutning om ... (+16)``; empty without a status."""
    rep = data.status
    if rep is None:
        return ""
    late = sorted((r for r in rep.late if (r["finish_variance_days"] or 0) > 0),
                  key=lambda r: (not r["critical"], -r["finish_variance_days"]))
    return "\n".join(f"{r['id']} {r['name']} ({signed(r['finish_variance_days'], data.lang)})"
                     for r in late[:n])


def longer_than_planned(data: ReportData, n: int = 3) -> str:
    """The tasks whose forecast duration grew most against the reference (re-estimated, or
    taking longer than planned): ``16 Anskaffe ... (35 → 45 arbeidsdager)``; empty without
    a status."""
    ref, sched = data.reference, data.sched
    if ref is None or data.status_path is None:
        return ""
    grown = []
    for i, t in enumerate(sched.plan.tasks):
        b = ref.tasks.get(t.id)
        if not t.summary and b is not None and sched.duration[i] > b.duration:
            grown.append((-(sched.duration[i] - b.duration), i, b.duration, sched.duration[i]))
    grown.sort()
    tasks = sched.plan.tasks
    days = WORDS[data.lang]["wd"][1]
    return "\n".join(f"{tasks[i].id} {tasks[i].name} ({was} → {now} {days})"
                     for _g, i, was, now in grown[:n])


def season_notes(data: ReportData, var: tuple[int, int]) -> list[str]:
    """A line for each holiday season between the baseline finish and the forecast finish:
    it is why a slip in working days is so much longer in calendar days."""
    from ...calendar import season_ranges

    lang = data.lang
    w = WORDS[lang]
    sched = data.sched
    lo, hi = data.reference.finish, sched.project_finish
    found = []
    for rule in sched.calendar.cal.seasons:
        for year in range(lo.year, hi.year + 1):
            for a, b in season_ranges(rule, year):
                if lo < a and b < hi:
                    name = (lang == "en" and rule.label_en) or rule.label or rule.name
                    if lang == "nb":
                        name = name[:1].lower() + name[1:]
                    found.append((a, b, name))
    return [w["season_slip"].format(season=name, a=date_short(a, lang), b=date_short(b, lang),
                                    wd=count(var[0], w["wd"]), cd=count(var[1], w["cd"]))
            for a, b, name in sorted(found)]


def variance_text(var: tuple[int, int], lang: str) -> str:
    """``+15 arbeidsdager (+21 kalenderdager) senere`` / ``som grunnplanen``."""
    w = WORDS[lang]
    wd, cd = var
    if wd == 0 and cd == 0:
        return w["on_time"]
    word = w["later"] if (wd, cd) > (0, 0) else w["earlier"]
    return f"{count(abs(wd), w['wd'])} ({count(abs(cd), w['cd'])}) {word}"


def summary_section(data: ReportData) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sched = data.sched
    sec = Section("summary", w["summary"])
    fin = sched.project_finish
    var = finish_variance(data)
    ref = data.reference
    sec.add(Para(_headline(fin, ref.finish if ref is not None else None, var, lang), "lead"))
    if var is not None:
        level = schedule_rag(var[0], data.amber_days)
        sec.add(Rag(w["schedule"], level, w[level],
                    w["rule"].format(n=count(data.amber_days, w["wd"]))))
    facts = []
    if data.status_date is not None:
        facts.append((w["status_date"], _date(data.status_date, lang)))
    facts.append((w["forecast_finish"], _date(fin, lang)))
    if ref is not None:
        facts.append((w["baseline_finish"] + _ref_note(data), _date(ref.finish, lang)))
        facts.append((w["variance"], Cell(_signed_variance(var, lang),
                                          "later" if var[0] > 0 else "earlier" if var[0] < 0
                                          else "")))
    late = largest_delays(data)
    if late:
        facts.append((w["largest_delays"], Cell(late, "later")))
    longer = longer_than_planned(data)
    if longer:
        facts.append((w["longer"], longer))
    paths = sched.critical_paths(limit=2)
    if paths:
        more = f" ({w['and_more']})" if len(paths) > 1 else ""
        facts.append((w["path_now"], " → ".join(paths[0]) + more))
    done = work_done(data)
    if done is not None:
        a, b = done
        share = a / b if b else 1.0
        facts.append((w["work_done"], w["work_done_text"].format(pct=percent(share, lang),
                                                                 done=a, total=b)))
    risk = data.risk
    if risk is not None:
        from .risks import risk_facts

        facts.extend(risk_facts(risk, ref.finish if ref is not None else fin, lang))
    sec.add(Facts(facts))
    if var is not None and var[0] > 0:
        sec.add(*[Para(text) for text in season_notes(data, var)])
    if data.status_path is None:
        sec.add(Missing(w["no_status"]))
    if var is None:
        sec.add(Missing(w["no_rag"]))
    if risk is None:
        sec.add(Missing(w["no_estimates"]))
    return sec


def _headline(fin: dt.date, base: dt.date | None, var, lang: str) -> str:
    if lang == "nb":
        text = f"Prosjektet er prognosert ferdig {date_long(fin, lang)}"
        if base is not None:
            text += (f", {variance_text(var, lang)} enn grunnplanens {date_long(base, lang)}"
                     if var != (0, 0) else f", som i grunnplanen")
        return text + "."
    text = f"The project is forecast to finish on {date_long(fin, lang)}"
    if base is not None:
        text += (f", {variance_text(var, lang)} than the baseline's {date_long(base, lang)}"
                 if var != (0, 0) else ", as in the baseline")
    return text + "."


def _date(d: dt.date, lang: str) -> str:
    return f"{date_long(d, lang)} ({date_short(d, lang)})"


def _signed_variance(var, lang: str) -> str:
    w = WORDS[lang]
    return f"{count(var[0], w['wd'], signed=True)}, {count(var[1], w['cd'], signed=True)}"


def _ref_note(data: ReportData) -> str:
    if data.baseline is None:
        w = WORDS[data.lang]
        return f" ({w['plan_as_baseline']})"
    return f" ({data.baseline_name})"
