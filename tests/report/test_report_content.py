"""What the report says, read from its HTML and Markdown: every section in both languages, the
dates in each language's format, one file with nothing outside it, the same bytes each time,
and bad input as one line."""
import re

import pytest

from .report_helpers import ESTIMATES, HISTORY, SEED_PLAN, STATUS, run_report

TITLES = {
    "nb": ["Status i korte trekk", "Nøkkeldatoer", "Milepælstrend", "Denne perioden og neste",
           "Kritisk linje", "Gantt-diagram", "Risiko for sluttdato", "Ressurser",
           "Om rapporten"],
    "en": ["Status at a glance", "Key dates", "Milestone trend", "This period and the next",
           "Critical path", "Gantt chart", "Finish-date risk", "Resources",
           "About this report"],
}
IDS = ["summary", "dates", "trend", "period", "critical", "gantt", "risks", "resources",
       "footer"]


def sections(html: str) -> list[tuple[str, str]]:
    """(id, title) of every section, in order."""
    return re.findall(r'<(?:section|footer) id="(\w+)"[^>]*>\n<h2>([^<]+)</h2>', html)


def section_html(html: str, key: str) -> str:
    m = re.search(rf'<(section|footer) id="{key}".*?</\1>', html, re.S)
    assert m, key
    return m.group(0)


def text(fragment: str) -> str:
    """The visible text of an HTML fragment, tags dropped, entities for & < > " read."""
    t = re.sub(r"<svg.*?</svg>", " ", fragment, flags=re.S)
    t = re.sub(r"<[^>]+>", " ", t)
    t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    return re.sub(r"\s+", " ", t.replace("&amp;", "&")).strip()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_section_in_order_in_both_languages(seed_html, lang):
    html = seed_html[lang]
    assert sections(html) == list(zip(IDS, TITLES[lang]))
    assert f'<html lang="{lang}">' in html
    other = "en" if lang == "nb" else "nb"
    for title in TITLES[other]:
        if title not in TITLES[lang]:
            assert title not in html


def test_dates_in_norwegian_and_english(seed_html):
    nb, en = text(seed_html["nb"]), text(seed_html["en"])
    # the status date and the baseline finish: long and short forms
    assert "Statusrapport per tirsdag 31. oktober 2023" in nb
    assert "Status report as of Tuesday 31 October 2023" in en
    assert "fredag 28. juni 2024 (28.06.24)" in nb
    assert "Friday 28 June 2024 (2024-06-28)" in en
    # key dates: phase 3 (Design) in the baseline 08.03.24, phase 19 25.06.24
    dates = text(section_html(seed_html["nb"], "dates"))
    assert "3 Design fasen - vurdere og beslutte (fase) 08.03.24" in dates
    assert "19 Operasjonalisering av SSIKS-IT (fase) 25.06.24" in dates
    assert "19 Operasjonalisering av SSIKS-IT (phase) 2024-06-25" in \
        text(section_html(seed_html["en"], "dates"))
    # no ISO date in the Norwegian text (file names aside), no Norwegian date in the English
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", re.sub(r"\S+\.yaml", "", nb))
    assert not re.search(r"\b\d\d\.\d\d\.\d\d\b", en)


def test_the_page_stands_alone(seed_html):
    for html in seed_html.values():
        assert not re.search(r"https?://", html)
        assert "<script" not in html and "<link" not in html and "<iframe" not in html
        # every reference is inside the page: anchors and chart ids
        refs = set(re.findall(r'(?:href|src)="([^"]*)"', html))
        assert refs and all(r.startswith("#") for r in refs), refs - {r for r in refs
                                                                      if r.startswith("#")}
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        assert {r[1:] for r in refs} <= ids                # no dangling reference
        assert len(re.findall(r'\bid="', html)) == len(ids)  # no id twice


def test_print_css_is_a4_with_no_cut_charts(seed_html):
    css = re.search(r"<style>(.*?)</style>", seed_html["nb"], re.S).group(1)
    printing = css[css.index("@media print"):]
    assert "@page { size: A4;" in printing
    assert "break-before: page" in printing
    assert re.search(r"figure \{ break-inside: avoid; \}", printing)
    assert "max-width: 100%" in printing


def test_the_same_inputs_give_the_same_bytes(seed_reports):
    """The same command again, in a new process (another hash seed), over the same file."""
    from .report_helpers import seed_args

    path = seed_reports["nb"]
    first = open(path, "rb").read()
    code, _out, err = run_report(*seed_args("nb", path))
    assert code == 0, err
    assert open(path, "rb").read() == first


def test_a_date_stamp_only_when_asked(seed_html, write_plan, tmp_path):
    import datetime as dt

    plan = write_plan("project: {name: Lite, start: 2024-01-08}\n"
                      "tasks:\n  - {id: A, name: Alpha, duration: 3}\n")
    out = tmp_path / "stamped.html"
    code, _o, err = run_report(plan, "--date-stamp", "-o", str(out))
    assert code == 0, err
    today = dt.date.today()
    from planner.render.report.words import date_long

    footer = text(section_html(out.read_text(encoding="utf-8"), "footer"))
    assert f"Laget {date_long(today, 'nb')}" in footer
    assert "Laget" not in text(section_html(seed_html["nb"], "footer"))


def test_the_footer_says_what_made_the_report(seed_html):
    footer = text(section_html(seed_html["nb"], "footer"))
    assert f"Planfil {SEED_PLAN}" in footer
    assert f"Statusfil {STATUS} Statusdato tirsdag 31. oktober 2023 (31.10.23)" in footer
    assert "Grunnplan baseline" in footer
    assert f"Historikk {', '.join(HISTORY)}" in footer
    assert f"Estimatfil {ESTIMATES}" in footer
    assert "planner-versjon 0.1.0" in footer
    assert re.search(r"Kommando planner report plans/ssiks_it\.yaml --status \S+ --history "
                     r".* --baseline baseline --estimates \S+ -o \S+report\.html$", footer)


def test_markdown_has_the_same_sections(seed_reports):
    md = open(seed_reports["md"], encoding="utf-8").read()
    assert re.findall(r"^## (.+)$", md, re.M) == TITLES["nb"]
    assert md.startswith("# Plan for etablering av nytt IT-samarbeid")
    assert "| ID | Fase / milepæl |" in md
    assert "](data:image/svg+xml;base64," in md           # the Gantt chart travels along


def test_a_report_without_resources_says_so(write_plan, tmp_path):
    plan = write_plan("project: {name: Lite, start: 2024-01-08}\n"
                      "tasks:\n  - {id: A, name: Alpha, duration: 3}\n"
                      "  - {id: B, name: Beta, duration: 2, predecessors: [A]}\n")
    out = tmp_path / "r.html"
    code, _o, err = run_report(plan, "--lang", "en", "-o", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert text(section_html(html, "resources")).endswith("The plan has no resources.")
    assert "No risk analysis: give --estimates FILE" in text(section_html(html, "risks"))
    assert "No status: give --status FILE" in text(section_html(html, "period"))
    assert "Friday 12 January 2024" in text(section_html(html, "summary"))


def test_bad_input_is_one_line_and_writes_nothing(write_plan, tmp_path):
    out = tmp_path / "r.html"
    code, _o, err = run_report(SEED_PLAN, "-o", str(tmp_path / "r.txt"))
    assert code == 2 and err.strip().count("\n") == 0
    assert "must end in .html or .md" in err
    plan = write_plan("project:\n  name: X\n  start: 2024-01-08\n  report:\n"
                      "    amber_days: -2\ntasks:\n  - {id: A, name: A, duration: 1}\n")
    code, _o, err = run_report(plan, "-o", str(out))
    assert code == 2 and err.strip() == f"{plan}:5: amber_days must be 0 or more working " \
                                        f"days, not -2"
    plan = write_plan("project:\n  name: X\n  start: 2024-01-08\n  report:\n"
                      "    amber: 5\ntasks:\n  - {id: A, name: A, duration: 1}\n", "p2.yaml")
    code, _o, err = run_report(plan, "-o", str(out))
    assert code == 2 and err.startswith(f"{plan}:5: ") and "amber_days" in err
    assert not out.exists()
