"""The report assembled: its title and the sections in the order the board reads them
(PRINCE2's highlight report): the status in one glance, key dates, the milestone trend, this
period and the next, the critical path, the Gantt chart, the risks, the resources, and what the
report was made from."""
from __future__ import annotations

from .dates import dates_section
from .doc import Report
from .figures import gantt_section, trend_section
from .inputs import ReportData
from .period import critical_section, period_section
from .resources import footer_section, resources_section
from .risks import risks_section
from .summary import summary_section
from .words import WORDS, check_lang, date_long

#: the sections, in order (tests and docs rely on these keys)
SECTIONS = ("summary", "dates", "trend", "period", "critical", "gantt", "risks", "resources",
            "footer")

BUILDERS = (summary_section, dates_section, trend_section, period_section, critical_section,
            gantt_section, risks_section, resources_section, footer_section)


def build_report(data: ReportData) -> Report:
    """The document of ``data``: every section of :data:`SECTIONS`, each with its content or a
    line saying which input it lacks."""
    check_lang(data.lang)
    w = WORDS[data.lang]
    sd = data.status_date
    subtitle = w["report_as_of"].format(date=date_long(sd, data.lang)) if sd is not None \
        else w["no_status_title"]
    rep = Report(data.lang, data.sched.plan.name, subtitle)
    rep.sections = [build(data) for build in BUILDERS]
    return rep
