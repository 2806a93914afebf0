"""The seed plan's report in a real browser (headless Chromium): it loads with no console error
and no network request, its screenshot is a picture and not a blank page, and it prints to a
PDF of several A4 pages.  One Chromium session and one screenshot and PDF run serve every test."""
import io
import re
import threading
from pathlib import Path

import pytest

from .browser import Browser, find_chromium, run_flags

SECTION_IDS = ("summary", "dates", "trend", "period", "critical", "gantt", "risks",
               "resources", "footer")


@pytest.fixture(scope="session")
def chromium():
    exe = find_chromium()
    if exe is None:
        pytest.skip("chromium is not installed and could not be installed (as root: "
                    "apt-get install chromium; .ci/run does this)")
    return exe


@pytest.fixture(scope="session")
def page_runs(chromium, seed_reports, tmp_path_factory):
    """The report loaded over the DevTools protocol, and a page built to misbehave (a script
    error, console.error, a fetch and an image from the web) that shows the checks can fail."""
    bad = tmp_path_factory.mktemp("bad") / "bad.html"
    bad.write_text('<!DOCTYPE html><html><body><p>x</p><img src="https://example.com/a.png">'
                   '<script>console.error("planner-test-error"); fetch("http://example.org/");'
                   'undefined_function();</script></body></html>', encoding="utf-8")
    browser = Browser(chromium)
    try:
        report = browser.load(Path(seed_reports["nb"]).as_uri())
        dom = report.evaluate(
            "JSON.stringify({ready: document.readyState,"
            " sections: [...document.querySelectorAll('main > section, main > footer')]"
            ".map(s => s.id),"
            " svgs: [...document.querySelectorAll('svg.chart:not(.view)')].map(s => {"
            "  const r = s.getBoundingClientRect(); return [s.id || s.parentNode.className,"
            "  Math.round(r.width), Math.round(r.height)]; }),"
            " height: document.documentElement.scrollHeight})")
        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=report.session)
        printed = report.evaluate(
            "JSON.stringify([...document.querySelectorAll('svg.view')].map(s => {"
            " const r = s.getBoundingClientRect(); return [Math.round(r.width),"
            " Math.round(r.height)]; }))")
        misbehaving = browser.load(bad.as_uri())
        yield {"report": report, "dom": dom, "printed": printed, "bad": misbehaving}
    finally:
        browser.close()


@pytest.fixture(scope="session")
def shot_and_pdf(chromium, seed_reports, tmp_path_factory):
    """Chromium's ``--screenshot`` (1280 x 2000) and ``--print-to-pdf`` of the report, run side
    by side."""
    folder = tmp_path_factory.mktemp("chromium")
    png, pdf = folder / "report.png", folder / "report.pdf"
    url = Path(seed_reports["nb"]).as_uri()
    runs = {}
    jobs = [threading.Thread(target=lambda: runs.__setitem__("png", run_flags(
                chromium, url, f"--screenshot={png}", "--window-size=1280,2000"))),
            threading.Thread(target=lambda: runs.__setitem__("pdf", run_flags(
                chromium, url, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")))]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    for key, path in (("png", png), ("pdf", pdf)):
        assert path.exists(), runs[key].stderr[-2000:]
    return png.read_bytes(), pdf.read_bytes()


def test_the_report_loads_with_no_console_error(page_runs):
    import json

    assert page_runs["report"].errors == []
    dom = json.loads(page_runs["dom"])
    assert dom["ready"] == "complete"
    assert dom["sections"] == list(SECTION_IDS)
    assert dom["height"] > 3000                    # the whole report, not an error page
    charts = dom["svgs"]
    assert len(charts) >= 1
    for name, w, h in charts:                      # every chart drawn at a readable size
        assert w >= 600 and h >= 200, (name, w, h)


def test_in_print_the_gantt_chart_is_pages_of_phases(page_runs):
    """Printed, the long Gantt chart is several views of the one drawing, each drawn."""
    import json

    views = json.loads(page_runs["printed"])
    assert len(views) >= 2
    for w, h in views:
        assert w >= 600 and h >= 200, (w, h)


def test_the_checks_see_a_misbehaving_page(page_runs):
    bad = page_runs["bad"]
    text = " ".join(bad.errors)
    assert "planner-test-error" in text and "undefined_function" in text
    assert any(u.startswith("https://example.com/") for u in bad.requests)
    assert any(u.startswith("http://example.org/") for u in bad.requests)


def test_the_report_makes_no_network_request(page_runs, seed_html):
    requests = page_runs["report"].requests
    assert requests and requests[0].startswith("file://")
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    # nor could it: nothing in the file points outside it
    assert re.findall(r"(?:https?:)?//[\w.-]+\.\w", seed_html["nb"]) == []
    assert "<script" not in seed_html["nb"] and "@import" not in seed_html["nb"]


def png_pixels(data: bytes):
    """A PNG as an (height, width, 3) array of 0-255 values (matplotlib reads it)."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np
    from matplotlib import image

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    arr = image.imread(io.BytesIO(data), format="png")
    return np.round(arr[:, :, :3] * 255).astype(np.uint8)


def test_the_screenshot_is_not_blank(shot_and_pdf):
    px = png_pixels(shot_and_pdf[0])
    assert px.shape == (2000, 1280, 3)
    colours = {tuple(p) for p in px.reshape(-1, 3)[::7]}
    inked = float((px.min(axis=2) < 200).mean())
    assert len(colours) >= 100, len(colours)      # text, tables, the RAG badge, charts
    assert inked >= 0.03, inked                   # some of the page is drawn on


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The (width, height) in points of every page of a PDF (Chromium's Skia writes plain page
    objects, each with its MediaBox)."""
    pages = []
    for m in re.finditer(rb"/Type\s*/Page(?![s\w])", data):
        obj = data[data.rfind(b" obj", 0, m.start()):data.find(b"endobj", m.end())]
        box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", obj)
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        pages.append((x1 - x0, y1 - y0))
    return pages


def test_it_prints_to_several_a4_pages(shot_and_pdf):
    data = shot_and_pdf[1]
    assert data[:5] == b"%PDF-"
    pages = pdf_pages(data)
    counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    assert counts and max(counts) == len(pages)    # the root of the page tree counts all
    assert len(pages) >= 4
    for w, h in pages:                             # A4: 595 x 842 pt, either way round
        short, long_ = sorted((w, h))
        assert abs(short - 595.3) < 1.5 and abs(long_ - 841.9) < 1.5, (w, h)
    # text pages upright; the Gantt chart's pages (a run of them, one phase or so each) turned
    assert pages[0][0] < pages[0][1]
    turned = [k for k, (w, h) in enumerate(pages) if w > h]
    assert len(turned) >= 2 and turned == list(range(turned[0], turned[-1] + 1))
