"""Gantt files and the command line: valid PNG/SVG/PDF of the right size, deterministic
bytes, written whole or not at all; `planner gantt` with its options and errors."""
import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, SEED_PLAN, run_cli
from gantt_helpers import png_size
from planner.render.gantt import PAPER, gantt_bytes, render_gantt


def test_png_is_one_a3_page_at_150_dpi(tmp_path, seed_schedule):
    out = tmp_path / "seed.png"
    layout = render_gantt(seed_schedule, str(out))
    data = out.read_bytes()
    assert (layout.width_in, layout.height_in) == PAPER["A3"]         # fits one A3 page
    assert png_size(data) == layout.pixels == (2481, 1753)
    assert b"pHYs" in data and b"Software" in data
    assert layout.font_size >= 7.0 and layout.row_height_in >= 0.16
    assert not any(r.truncated for r in layout.rows)                  # no name shortened
    layout200 = render_gantt(seed_schedule, str(out), dpi=200)
    assert png_size(out.read_bytes()) == layout200.pixels == (3308, 2338)


def test_svg_and_pdf_are_valid_and_deterministic(tmp_path, seed_schedule):
    svg1, lay = gantt_bytes(seed_schedule, "svg", links=True)
    svg2, _ = gantt_bytes(seed_schedule, "svg", links=True)
    assert svg1 == svg2
    root = ET.fromstring(svg1)
    assert root.tag.endswith("svg")
    assert (root.get("width"), root.get("height")) == ("1190.88pt", "841.68pt")   # A3 landscape
    titles = [e.text for e in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith("10 Beslutning om tittel, stillingsbrøk, rapporteringsvei og "
                            "mandat for Digitaliseringssjefene (2023-09-22") for t in titles)
    assert b"<dc:date>" not in svg1
    pdf1, _ = gantt_bytes(seed_schedule, "pdf")
    pdf2, _ = gantt_bytes(seed_schedule, "pdf")
    assert pdf1 == pdf2 and pdf1.startswith(b"%PDF-") and pdf1.rstrip().endswith(b"%%EOF")
    assert re.search(rb"/MediaBox \[ ?0 0 1190\.88 841\.68 ?\]", pdf1)
    assert b"/CreationDate" not in pdf1
    png1, _ = gantt_bytes(seed_schedule, "png", status_date=dt.date(2024, 1, 15))
    png2, _ = gantt_bytes(seed_schedule, "png", status_date=dt.date(2024, 1, 15))
    assert png1 == png2


def test_file_is_written_whole_or_not_at_all(tmp_path, seed_schedule):
    from planner.errors import PlanError

    with pytest.raises(PlanError, match="must end in .png, .svg or .pdf"):
        render_gantt(seed_schedule, str(tmp_path / "chart.jpg"))
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_the_chart(tmp_path):
    out = tmp_path / "plan.png"
    code, stdout, err = run_cli("gantt", SEED_PLAN, "-o", str(out), "--links",
                                "--status-date", "2024-01-15")
    assert code == 0, err
    assert png_size(out.read_bytes()) == (2481, 1753)
    assert stdout == "" and err.strip() == f"{out}: 54 tasks, 2481 x 1753 px at 150 dpi"
    pdf = tmp_path / "plan.pdf"
    assert run_cli("gantt", SEED_PLAN, "-o", str(pdf), "--lang", "en", "--paper", "a2")[0] == 0
    assert re.search(rb"/MediaBox \[ ?0 0 1684\.08 1190\.88 ?\]", pdf.read_bytes())


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/x.jpg"], "must end in .png, .svg or .pdf"),
    (["-o", "{tmp}/x.png", "--status-date", "15.13.2024"], "--status-date: '15.13.2024' is not"),
    (["-o", "{tmp}/missing/x.png"], "cannot write"),
])
def test_cli_bad_input_exits_2_without_a_file(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    code, out, err = run_cli("gantt", SEED_PLAN, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_matplotlib_is_imported_only_by_the_gantt_command():
    code = ("import sys, planner.cli, planner.render\n"
            "sys.stderr.write(repr('matplotlib' in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr.strip() == "False", proc.stderr


def test_cli_draws_a_scenario_over_its_baseline(tmp_path):
    out = tmp_path / "whatif.svg"
    code, _out, err = run_cli("gantt", SEED_PLAN, "--set", "16.duration=60", "-o", str(out),
                              "--lang", "en")
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    # the title names the scenario and the finish change that `planner whatif` reports
    assert "Scenario: - -set 16.duration=60" in svg      # (an SVG comment cannot hold "--")
    assert "change +20 working days (+61 calendar days)" in svg
    code, _out, err = run_cli("gantt", SEED_PLAN, "--set", "99.duration=60", "-o",
                              str(tmp_path / "x.png"))
    assert code == 2 and "no task '99'" in err and not (tmp_path / "x.png").exists()
