"""Reading YAML and JSON documents safely, fast, and with line numbers for errors.

Valid input takes the fast path: PyYAML's C loader (``CSafeLoader``, safe_load-level safety) or
the ``json`` module.  Only when something is wrong is the document composed again to find the
line of the offending node (see :func:`planner.errors.locate_line`).
"""
from __future__ import annotations

import datetime as dt
import json
import os

import yaml

from ..errors import PlanError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise PlanError("no such file", file=path, line=0) from None
    except IsADirectoryError:
        raise PlanError("is a directory, not a file", file=path, line=0) from None
    except OSError as exc:
        raise PlanError(f"cannot read: {exc.strerror}", file=path, line=0) from None


def read_text(path: str) -> str:
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(f"not UTF-8 text (byte {raw[exc.start]:#04x})", file=path,
                        line=line) from None


class IntText(int):
    """An integer that remembers how it was written (``+40`` and ``40`` differ in overlays)."""

    text: str = ""


class _TextIntLoader(SafeLoader):
    pass


def _construct_int(loader, node):
    value = IntText(yaml.SafeLoader.construct_yaml_int(loader, node))
    value.text = node.value
    return value


_TextIntLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_document(path: str, keep_int_text: bool = False):
    """Parse a ``.yaml``/``.yml`` or ``.json`` file into plain Python data.

    ``keep_int_text`` makes YAML integers :class:`IntText`, so ``+40`` can be told from ``40``.
    """
    text = read_text(path)
    if path.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanError(f"JSON syntax error: {exc.msg}", file=path, line=exc.lineno) from None
    try:
        return yaml.load(text, Loader=_TextIntLoader if keep_int_text else SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise PlanError(f"YAML syntax error: {what}", file=path, line=line) from None
    except yaml.YAMLError as exc:
        raise PlanError(f"YAML error: {exc}", file=path, line=1) from None


def write_atomic(path: str, data: bytes | str) -> None:
    """Write a whole file or nothing: a temporary file beside it, renamed into place."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PlanError(f"cannot write: {exc.strerror}", file=path, line=0) from None


# -- typed field readers: each raises PlanError with the path of the offending value -----------
def as_date(value, path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            pass
        for fmt in ("%d.%m.%Y", "%d.%m.%y"):
            try:
                return dt.datetime.strptime(s, fmt).date()
            except ValueError:
                pass
    raise PlanError(f"{value!r} is not a date (write YYYY-MM-DD, e.g. 2023-06-14)", path=path)


def as_str(value, path, what="text") -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise PlanError(f"{what} must be text, not {_kind(value)}", path=path)
    return str(value)


def as_int(value, path, what="value") -> int:
    if isinstance(value, bool):
        raise PlanError(f"{what} must be a whole number, not {value!r}", path=path)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        s = value.strip()
        if s.lstrip("+-").isdigit():
            return int(s)
    raise PlanError(f"{what} must be a whole number, not {value!r}", path=path)


def as_mapping(value, path, what="this") -> dict:
    if not isinstance(value, dict):
        raise PlanError(f"{what} must be a mapping (key: value lines), not {_kind(value)}",
                        path=path)
    return value


def as_list(value, path, what="this") -> list:
    if not isinstance(value, list):
        raise PlanError(f"{what} must be a list, not {_kind(value)}", path=path)
    return value


def check_keys(mapping: dict, allowed, path, what: str) -> None:
    for key in mapping:
        if key not in allowed:
            hint = _closest(str(key), allowed)
            extra = f" (did you mean {hint!r}?)" if hint else ""
            raise PlanError(f"unknown field {key!r} in {what}{extra}; expected one of: "
                            f"{', '.join(sorted(allowed))}", path=tuple(path) + (key,))


def _closest(word, options):
    import difflib

    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return found[0] if found else None


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)
