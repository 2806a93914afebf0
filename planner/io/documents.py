"""Reading YAML and JSON documents safely, fast, and with line numbers for errors.

Valid input takes the fast path: PyYAML's C loader (``CSafeLoader``, safe_load-level safety) or
the ``json`` module.  Only when something is wrong is the document composed again to find the
line of the offending node (see :func:`planner.errors.locate_line`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat

import yaml

from ..errors import PlanError
from ..model import MAX_DAYS, MAX_UNITS, MAX_YEAR, MIN_YEAR  # noqa: F401 - the field limits
from .limits import MAX_DEPTH, MAX_INPUT_BYTES, check_size, check_yaml_text, json_error_line
from .output import note_input, write_file

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def read_bytes(path: str) -> bytes:
    """A regular file's bytes, at most ``MAX_INPUT_BYTES``.  A FIFO, a device or a socket is
    refused without blocking (the file is opened non-blocking and checked with ``fstat``)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) |
                     getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PlanError("no such file", file=path, line=0) from None
    except IsADirectoryError:
        raise PlanError("is a directory, not a file", file=path, line=0) from None
    except OSError as exc:
        raise PlanError(f"cannot read: {exc.strerror}", file=path, line=0) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise PlanError("is a directory, not a file", file=path, line=0)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a file")
            raise PlanError(f"is {kind}, not a regular file: planner reads plans, calendars "
                            f"and scenarios from files", file=path, line=0)
        check_size(st.st_size, path)
        note_input(st, path)
        chunks = []
        size = 0
        while size <= MAX_INPUT_BYTES:
            chunk = os.read(fd, min(1 << 22, MAX_INPUT_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        check_size(size, path)
        return b"".join(chunks)
    except OSError as exc:
        raise PlanError(f"cannot read: {exc.strerror}", file=path, line=0) from None
    finally:
        os.close(fd)


def read_text(path: str, encoding: str = "utf-8-sig") -> str:
    raw = read_bytes(path)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(f"not UTF-8 text (byte {raw[exc.start]:#04x})", file=path,
                        line=line) from None


class IntText(int):
    """An integer that remembers how it was written (``+40`` and ``40`` differ in overlays)."""

    text: str = ""


class _Refused(yaml.MarkedYAMLError):
    """A document the loader will not build: a duplicate key, an unreadable number."""

    def __init__(self, message: str, mark):
        super().__init__(problem=message, problem_mark=mark)
        self.message = message


class _Loader(SafeLoader):
    """The C loader with safe_load's types, refusing duplicate keys and giving an impossible
    date (``2023-02-30``) or an over-long number back as text, to be reported where it is
    used."""

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        explicit = sum(k.tag != "tag:yaml.org,2002:merge" for k, _v in node.value)
        self.flatten_mapping(node)
        pairs = node.value
        merged = len(pairs) - explicit
        mapping: dict = {}
        for k, (key_node, value_node) in enumerate(pairs):
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise _Refused("a mapping key must be text or a number, not a list or a "
                               "mapping", key_node.start_mark) from None
            if k >= merged and key in mapping and _explicit_before(self, pairs, merged, k, key):
                raise _Refused(f"duplicate key {short(key)} (the second replaces the first; "
                               f"merge them or rename one)", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _explicit_before(loader, pairs, merged, k, key) -> bool:
    """Whether ``key`` appears among the explicit keys before pair ``k`` (merged keys
    ``<<: *base`` may be overridden)."""
    return any(loader.construct_object(kn) == key for kn, _v in pairs[merged:k])


def _construct_int(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        return node.value


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class _TextIntLoader(_Loader):
    pass


def _construct_int_text(loader, node):
    value = _construct_int(loader, node)
    if not isinstance(value, int):
        return value
    value = IntText(value)
    value.text = node.value
    return value


_TextIntLoader.add_constructor("tag:yaml.org,2002:int", _construct_int_text)


def load_document(path: str, keep_int_text: bool = False):
    """Parse a ``.yaml``/``.yml`` or ``.json`` file into plain Python data.

    ``keep_int_text`` makes YAML integers :class:`IntText`, so ``+40`` can be told from ``40``.
    Duplicate keys, alias bombs and files past the limits of :mod:`planner.io.limits` are
    refused with ``FILE:LINE: message``.
    """
    text = read_text(path)
    if path.lower().endswith(".json"):
        return _load_json(text, path)
    check_yaml_text(text, path)
    try:
        return yaml.load(text, Loader=_TextIntLoader if keep_int_text else _Loader)
    except _Refused as exc:
        raise PlanError(exc.message, file=path, line=exc.problem_mark.line + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise PlanError(f"YAML syntax error: {what}", file=path, line=line) from None
    except yaml.YAMLError as exc:
        raise PlanError(f"YAML error: {short(str(exc), 80)}", file=path, line=1) from None


class _DuplicateJSONKey(ValueError):
    pass


def _json_object(pairs):
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set = set()
        raise _DuplicateJSONKey(next(k for k, _v in pairs if k in seen or seen.add(k)))
    return out


class _JSONConstant(ValueError):
    pass


def _json_constant(name):
    raise _JSONConstant(f"{name} is not a number in JSON")


_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|"
                             r"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _load_json(text: str, path: str):
    if "\\u" in text:
        m = _LONE_SURROGATE.search(text)
        if m:
            raise PlanError(f"JSON: {m.group(0)} is half of a UTF-16 pair, not a character",
                            file=path, line=text.count("\n", 0, m.start()) + 1)
    try:
        return json.loads(text, object_pairs_hook=_json_object, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise PlanError(f"JSON syntax error: {exc.msg}", file=path, line=exc.lineno) from None
    except _DuplicateJSONKey as exc:
        key = exc.args[0]
        line = 1
        try:                                   # JSON is YAML: the YAML loader knows the line
            yaml.load(text, Loader=_Loader)
        except _Refused as found:
            line = found.problem_mark.line + 1
        except yaml.YAMLError:
            pass
        raise PlanError(f"duplicate key {short(key)} (the second replaces the first; merge "
                        f"them or rename one)", file=path, line=line) from None
    except RecursionError as exc:
        raise PlanError(f"nested more than about {MAX_DEPTH} levels deep", file=path,
                        line=json_error_line(text, exc)) from None
    except _JSONConstant as exc:
        raise PlanError(f"JSON: {exc}", file=path, line=json_error_line(text, exc)) from None
    except ValueError as exc:
        what = "a number with too many digits" if "digits" in str(exc) else short(str(exc), 60)
        raise PlanError(f"JSON: {what}", file=path, line=json_error_line(text, exc)) from None


def write_atomic(path: str, data: bytes | str) -> None:
    """Write a whole file or nothing (:func:`planner.io.output.write_file`)."""
    write_file(path, data)


def short(value, limit: int = 40) -> str:
    """``repr(value)`` cut to about ``limit`` characters, never walking deep structures: error
    messages quote what the user wrote, not a whole file."""
    if isinstance(value, (list, tuple, dict)):
        text = _short_container(value, 2)
    else:
        text = repr(value) if not isinstance(value, str) or len(value) <= 4 * limit \
            else repr(value[:4 * limit])
    if len(text) > limit:
        text = text[:limit - 3].rstrip() + "..."
        if isinstance(value, str):
            text += text[0]
    return text


def _short_container(value, depth: int) -> str:
    if isinstance(value, dict):
        open_, close, items = "{", "}", [f"{short(k, 20)}: {_part(v, depth)}"
                                          for k, v in list(value.items())[:4]]
    else:
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        items = [_part(v, depth) for v in value[:4]]
    more = ", ..." if len(value) > 4 else ""
    return open_ + ", ".join(items) + more + close


def _part(v, depth: int) -> str:
    if isinstance(v, (list, tuple, dict)):
        return _short_container(v, depth - 1) if depth > 0 else "[...]"
    return short(v, 20)


# -- typed field readers: each raises PlanError with the path of the offending value -----------
_WHOLE = re.compile(r"[+-]?[0-9]{1,15}")
_ISO_LIKE = re.compile(r"\d{1,4}-\d{1,2}-\d{1,2}")


def as_date(value, path) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return check_year(value, path)
    if isinstance(value, str) and len(value) < 40:
        s = value.strip()
        try:
            return check_year(dt.date.fromisoformat(s), path)
        except ValueError as exc:
            if _ISO_LIKE.fullmatch(s):
                raise PlanError(f"{short(value)} is not a date: {exc}", path=path) from None
        for fmt in ("%d.%m.%Y", "%d.%m.%y"):
            try:
                return check_year(dt.datetime.strptime(s, fmt).date(), path)
            except ValueError:
                pass
    raise PlanError(f"{short(value)} is not a date (write YYYY-MM-DD, e.g. 2023-06-14)",
                    path=path)


def check_year(d: dt.date, path) -> dt.date:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise PlanError(f"{d.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR} that "
                        f"planner schedules in", path=path)
    return d


def as_str(value, path, what="text") -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise PlanError(f"{what} must be text, not {_kind(value)}", path=path)
    if isinstance(value, (bytes, bytearray)):
        raise PlanError(f"{what} must be text, not binary data", path=path)
    if isinstance(value, float) and not math.isfinite(value):
        raise PlanError(f"{what} must be text, not {value}", path=path)
    return str(value)


def as_text(value, path, what="notes") -> str:
    """Free text (notes, descriptions): empty is fine; a list or mapping is not text."""
    if value is None:
        return ""
    return as_str(value, path, what)


def as_int(value, path, what="value", lo: int | None = None, hi: int | None = None) -> int:
    """A whole number (``12``, ``12.0``, ``"+12"``), within ``lo``..``hi`` when given."""
    n = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = int(value)
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        n = int(value)
    elif isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        n = int(value.strip())
    if n is None:
        raise PlanError(f"{what} must be a whole number, not {short(value)}", path=path)
    return in_range(n, path, what, lo, hi)


def as_number(value, path, what="value", lo: float | None = None, hi: float | None = None,
              positive: bool = False) -> float:
    """A finite number (never NaN or infinity), positive when asked, within ``lo``..``hi``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            (isinstance(value, float) and not math.isfinite(value)):
        raise PlanError(f"{what} must be a number, not {short(value)}", path=path)
    x = float(value)
    if positive and x <= 0:
        raise PlanError(f"{what} must be more than 0, not {short(value)}", path=path)
    return in_range(x, path, what, lo, hi)


def in_range(x, path, what, lo=None, hi=None):
    if (lo is not None and x < lo) or (hi is not None and x > hi):
        bounds = f"from {lo:g} to {hi:g}" if lo is not None and hi is not None else \
            (f"at least {lo:g}" if lo is not None else f"at most {hi:g}")
        raise PlanError(f"{what} must be {bounds}, not {x:g}", path=path)
    return x


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
            hint = _closest(str(key), allowed) if len(str(key)) < 40 else None
            extra = f" (did you mean {hint!r}?)" if hint else ""
            raise PlanError(f"unknown field {short(key)} in {what}{extra}; expected one of: "
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
        return f"the number {short(value)}"
    return short(value)
