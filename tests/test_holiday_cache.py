"""The on-disk holiday cache: the library's dates exactly, rebuilt when stale or damaged, and a
warm run that never imports `holidays`."""
import datetime as dt
import json
import os
import subprocess
import sys

import holidays
import pytest

from conftest import ROOT, SEED_PLAN
from planner import holiday_cache
from planner.holiday_cache import cache_path, check_country, holiday_dates


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    holiday_cache.forget()
    yield
    holiday_cache.forget()


def _library(country, first, last, **kw):
    if country == "NO":
        found = holidays.Norway(include_sundays=False, years=range(first, last + 1), **kw)
    else:
        found = holidays.country_holidays(country, years=range(first, last + 1), **kw)
    return tuple(sorted(found.items()))


@pytest.mark.parametrize("country,language,first,last", [
    ("NO", "no", 2022, 2026), ("NO", "en_US", 2023, 2024), ("SE", None, 2020, 2030),
    ("DE", None, 2024, 2024)])
def test_cached_dates_are_the_librarys(country, language, first, last):
    kw = {"language": language} if language else {}
    expected = _library(country, first, last, **kw)
    assert holiday_dates(country, None, language, first, last) == expected      # computed
    assert os.path.exists(cache_path())
    holiday_cache.forget()
    assert holiday_dates(country, None, language, first, last) == expected      # from the file
    assert all(isinstance(d, dt.date) for d, _ in expected)


def test_the_file_names_the_holidays_version_and_path_follows_xdg(tmp_path):
    holiday_dates("NO", None, "no", 2024, 2024)
    assert cache_path() == str(tmp_path / "cache" / "planner" / "holidays.json")
    data = json.loads(open(cache_path(), encoding="utf-8").read())
    assert data["holidays"] == holidays.__version__
    assert data["ranges"]["NO||no|2024|2024"][0] == ["2024-01-01", "Første nyttårsdag"]


def _write_cache(text):
    os.makedirs(os.path.dirname(cache_path()), exist_ok=True)
    with open(cache_path(), "w", encoding="utf-8") as fh:
        fh.write(text)


def test_a_stale_version_is_rebuilt():
    bogus = [["2024-07-01", "Not a holiday"]]
    _write_cache(json.dumps({"format": 1, "holidays": "0.1", "countries": ["NO"],
                             "ranges": {"NO||no|2024|2024": bogus}}))
    assert holiday_dates("NO", None, "no", 2024, 2024) == _library("NO", 2024, 2024, language="no")
    data = json.loads(open(cache_path(), encoding="utf-8").read())
    assert data["holidays"] == holidays.__version__
    assert ["2024-07-01", "Not a holiday"] not in data["ranges"]["NO||no|2024|2024"]


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "", '{"format": 1, "holidays": "%s", '
                                  '"countries": [], "ranges": {"NO||no|2024|2024": [[1, 2]]}}'
                                  % holidays.__version__])
def test_a_corrupt_file_is_ignored_and_rewritten(text):
    _write_cache(text)
    assert holiday_dates("NO", None, "no", 2024, 2024) == _library("NO", 2024, 2024, language="no")
    data = json.loads(open(cache_path(), encoding="utf-8").read())
    assert data["ranges"]["NO||no|2024|2024"][1] == ["2024-03-28", "Skjærtorsdag"]


def test_unknown_country_and_unwritable_cache(tmp_path, monkeypatch):
    assert check_country("NO") and not check_country("XX")
    with pytest.raises(NotImplementedError):
        holiday_dates("XX", None, None, 2024, 2024)
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))       # cannot make a folder here
    holiday_cache.forget()
    assert holiday_dates("NO", None, "no", 2024, 2024) == _library("NO", 2024, 2024, language="no")


def test_a_warm_run_does_not_import_holidays(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=ROOT)
    code = ("import sys, runpy; sys.argv = ['planner', 'schedule', %r]\n"
            "try:\n    runpy.run_module('planner', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('holidays' in sys.modules, file=sys.stderr)" % SEED_PLAN)
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, cwd=ROOT) for _ in range(2)]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout and "28.06.24" in runs[0].stdout
