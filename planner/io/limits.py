"""Limits on what planner reads, checked before a document is parsed (docs/security.md).

A plan is small; a hostile file need not be.  Each limit is a one-line ``FILE:LINE`` error
reached in well under a second, sized so that the largest plan of the benchmarks (100 000 tasks,
9 MB of YAML, 0.9 million values) passes with room to spare:

* ``MAX_INPUT_BYTES``: the file's size, read from ``fstat`` before a byte is read;
* ``MAX_VALUES``: the number of values (scalars, lists, mappings), estimated from a count of
  separators with ``bytes.count`` (gigabytes a second) before the parser builds any node;
* ``MAX_ALIAS_VALUES``: what YAML aliases (``*name``) may add when their anchors are expanded,
  counted over the parser's events only when the text has something like an anchor in it; an
  alias of a collection that contains itself is refused;
* nesting depth: libyaml stops at 1000 levels, and JSON's parser at its recursion limit
  (about 1000); both become one-line errors.
"""
from __future__ import annotations

import re

from ..errors import PlanError

MAX_INPUT_BYTES = 32 * 1024 * 1024
MAX_VALUES = 1_500_000
MAX_ALIAS_VALUES = 100_000
MAX_DEPTH = 1000

#: something that may start an anchor: ``&name`` after a space, a line start or ``[{,``
_ANCHOR = re.compile(r"(?:^|[\s\[\{,])&[^\s\[\]\{\},]", re.MULTILINE)
_SEPARATORS = (",", "\n", "- ", ": ", "[", "{")


def check_size(size: int, path: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise PlanError(f"is {size / 1048576:.1f} MB; planner reads files of up to "
                        f"{MAX_INPUT_BYTES // 1048576} MB", file=path, line=0)


def check_yaml_text(text: str, path: str) -> None:
    """Refuse a YAML text with too many values or too much alias expansion, before parsing."""
    estimate = sum(text.count(s) for s in _SEPARATORS)
    if estimate > MAX_VALUES:
        line = _line_of_separator(text, MAX_VALUES)
        raise PlanError(f"more than {MAX_VALUES:,} values (lines, items, keys): planner reads "
                        f"plans up to that size", file=path, line=line)
    if _ANCHOR.search(text):
        _check_aliases(text, path)


def _line_of_separator(text: str, n: int) -> int:
    """The line on which the ``n``-th separator (as counted above) falls."""
    chunk = 1 << 20
    seen = 0
    for start in range(0, len(text), chunk):
        part = text[start:start + chunk]
        here = sum(part.count(s) for s in _SEPARATORS)
        if seen + here >= n:
            for m in re.finditer("|".join(re.escape(s) for s in _SEPARATORS), part):
                seen += 1
                if seen >= n:
                    return text.count("\n", 0, start + m.start()) + 1
        seen += here
    return text.count("\n") + 1


def _check_aliases(text: str, path: str) -> None:
    """Walk the parser's events: the expanded size of every anchored node, and what each alias
    adds.  Errors name the alias's line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sizes: dict = {}          # anchor -> values in the anchored node, expanded
    stack: list = []          # [anchor or None, values so far] per open collection
    added = 0
    try:
        for ev in yaml.parse(text, Loader=loader):
            if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append([ev.anchor, 1])
                continue
            if isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, count = stack.pop()
                if anchor is not None:
                    sizes[anchor] = count
                if stack:
                    stack[-1][1] += count
                continue
            if isinstance(ev, yaml.ScalarEvent):
                if ev.anchor is not None:
                    sizes[ev.anchor] = 1
                if stack:
                    stack[-1][1] += 1
                continue
            if isinstance(ev, yaml.AliasEvent):
                line = ev.start_mark.line + 1
                if any(entry[0] == ev.anchor for entry in stack):
                    raise PlanError(f"alias *{ev.anchor} refers to a collection that contains "
                                    f"it (a recursive structure)", file=path, line=line)
                size = sizes.get(ev.anchor, 1)
                added += size
                if added > MAX_ALIAS_VALUES:
                    raise PlanError(f"aliases expand to more than {MAX_ALIAS_VALUES:,} values "
                                    f"(*{ev.anchor} here adds {size:,}): refusing an alias "
                                    f"bomb", file=path, line=line)
                if stack:
                    stack[-1][1] += size
    except yaml.YAMLError:
        return                # a syntax error: the real parse reports it with its line


def json_error_line(text: str, exc: BaseException) -> int:
    """The line a JSON problem that the decoder gives no position for is on: the point where
    the nesting gets too deep, a number with too many digits, or a NaN/Infinity."""
    if isinstance(exc, RecursionError):
        depth = 0
        in_string = escape = False
        for k, c in enumerate(text):
            if in_string:
                if escape:
                    escape = False
                elif c == "\\":
                    escape = True
                elif c == '"':
                    in_string = False
            elif c == '"':
                in_string = True
            elif c in "[{":
                depth += 1
                if depth >= 900:
                    return text.count("\n", 0, k) + 1
            elif c in "]}":
                depth -= 1
        return 1
    pattern = r"-?\b(?:NaN|Infinity)\b" if "JSON" in str(exc) else r"\d{4000,}"
    m = re.search(pattern, text)
    return text.count("\n", 0, m.start()) + 1 if m else 1
