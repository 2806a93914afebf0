"""The seed plan's board report, made once per test session in each language and shared by the
content and browser tests (a report draws charts and runs a risk analysis: seconds)."""
import pytest

from .report_helpers import run_report, seed_args


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory):
    """``{"nb": path, "en": path, "md": path}`` of the seed plan's report."""
    folder = tmp_path_factory.mktemp("report")
    out = {}
    for key, lang, name in (("nb", "nb", "report.html"), ("en", "en", "report-en.html"),
                            ("md", "nb", "report.md")):
        path = str(folder / name)
        code, _out, err = run_report(*seed_args(lang, path))
        assert code == 0, err
        out[key] = path
    return out


@pytest.fixture(scope="session")
def seed_html(seed_reports):
    return {lang: open(seed_reports[lang], encoding="utf-8").read() for lang in ("nb", "en")}
