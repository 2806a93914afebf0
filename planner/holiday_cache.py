"""Public holidays from the ``holidays`` package, kept on disk between runs.

Importing ``holidays`` and resolving a country costs about 0.2 s, more than the rest of a
``planner schedule`` run.  The dates it gives for a country, subdivision, language and range of
years never change for one version of the package, so the first run stores them in
``$XDG_CACHE_HOME/planner/holidays.json`` (``~/.cache/planner/`` without XDG_CACHE_HOME) and
later runs read them from there.  The file names the package version it was built with: another
version, or a file that cannot be read, is ignored and rewritten.  The dates are always the
library's own; nothing here knows a holiday.

>>> days = holiday_dates("NO", None, "no", 2024, 2024)
>>> days[0]
(datetime.date(2024, 1, 1), 'Første nyttårsdag')
"""
from __future__ import annotations

import datetime as dt
import json
import os

FORMAT = 1
MAX_RANGES = 64          # ranges kept in the file; the oldest go first

_memory: dict = {}       # this process's view of the file: {"version", "ranges", "countries"}


def cache_path() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "planner", "holidays.json")


def holidays_version() -> str:
    """The installed ``holidays`` version, without importing the package: the name of its
    ``.dist-info`` folder (importlib.metadata when that is not unique)."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is not None and spec.submodule_search_locations:
        root = os.path.dirname(list(spec.submodule_search_locations)[0])
        try:
            found = [n[len("holidays-"):-len(".dist-info")] for n in os.listdir(root)
                     if n.startswith("holidays-") and n.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0]
    from importlib.metadata import version

    return version("holidays")


def _load() -> dict:
    if _memory:
        return _memory
    version = holidays_version()
    data = None
    try:
        path = cache_path()
        if not os.path.isfile(path):        # absent, or a FIFO or device: not read
            raise OSError(path)
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if not (isinstance(data, dict) and data.get("format") == FORMAT
                and data.get("holidays") == version and isinstance(data.get("ranges"), dict)
                and isinstance(data.get("countries"), list)):
            data = None
    except (OSError, ValueError, RecursionError):
        data = None
    _memory.update(data or {"format": FORMAT, "holidays": version, "ranges": {},
                            "countries": []})
    return _memory


def _save() -> None:
    """Write the cache whole or not at all; a cache that cannot be written is no error."""
    path = cache_path()
    ranges = _memory["ranges"]
    while len(ranges) > MAX_RANGES:
        del ranges[next(iter(ranges))]
    text = json.dumps(_memory, ensure_ascii=False, separators=(",", ":"))
    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        import tempfile

        # created exclusively with an unpredictable name: a link planted beside the cache
        # cannot redirect the write (docs/security.md)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".holidays.",
                                   suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _compute(country: str, subdiv: str | None, language: str | None, first: int, last: int):
    import holidays

    kwargs = {"years": range(first, last + 1)}
    if subdiv:
        kwargs["subdiv"] = subdiv
    if language:
        kwargs["language"] = language
    if country.upper() in ("NO", "NOR"):
        # holidays.Norway lists every Sunday too unless told not to
        found = holidays.Norway(include_sundays=False, **kwargs)
    else:
        found = holidays.country_holidays(country, **kwargs)
    return sorted(found.items())


def holiday_dates(country: str, subdiv: str | None, language: str | None,
                  first: int, last: int) -> tuple:
    """``((date, name), ...)`` of ``country``'s public holidays from ``first`` to ``last``, as
    the ``holidays`` package gives them, sorted.  Raises NotImplementedError for an unknown
    country, as the package does."""
    data = _load()
    key = f"{country}|{subdiv or ''}|{language or ''}|{first}|{last}"
    rows = data["ranges"].get(key)
    if rows is not None:
        try:
            return tuple((dt.date.fromisoformat(d), str(n)) for d, n in rows)
        except (TypeError, ValueError):
            pass                                   # a damaged entry: computed again
    found = _compute(country, subdiv, language, first, last)
    data["ranges"].pop(key, None)
    data["ranges"][key] = [[d.isoformat(), n] for d, n in found]
    if country not in data["countries"]:
        data["countries"].append(country)
    _save()
    return tuple(found)


def check_country(country: str) -> bool:
    """Whether the ``holidays`` package knows ``country``; a known one is remembered."""
    data = _load()
    if country in data["countries"]:
        return True
    import holidays

    try:
        holidays.country_holidays(country)
    except NotImplementedError:
        return False
    data["countries"].append(country)
    _save()
    return True


def forget() -> None:
    """Drop this process's copy of the cache (the next call reads the file again)."""
    _memory.clear()
