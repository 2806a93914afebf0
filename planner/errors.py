"""Errors that reach the user as one line: ``FILE:LINE: message``.

Input problems are raised as :class:`PlanError`.  Where the line is not known when the problem is
found (the model keeps a *path* into the source document instead, e.g. ``("tasks", 0, "tasks", 3,
"duration")``), the line is looked up only when the error is printed, by :func:`locate_line`.  This
keeps the fast path (valid input) free of per-node line bookkeeping.
"""
from __future__ import annotations

from typing import Sequence

Path = tuple  # a path into a YAML/JSON document: mapping keys and list indices


class PlanError(Exception):
    """Bad input: a plan, calendar, scenario or option that cannot be used as given."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 path: Sequence | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.path = tuple(path) if path is not None else None

    def where(self, file: str | None = None, path: Sequence | None = None) -> "PlanError":
        """Fill in the source file and document path if they are not known yet."""
        if self.file is None and file is not None:
            self.file = file
        if self.path is None and path is not None:
            self.path = tuple(path)
        return self

    def format(self) -> str:
        line = self.line
        if line is None and self.file and self.path is not None:
            line = locate_line(self.file, self.path)
        if self.file and line == 0:      # about the file as a whole (missing, unreadable)
            return f"{self.file}: {self.message}"
        if self.file:
            return f"{self.file}:{line or 1}: {self.message}"
        return self.message

    def __str__(self) -> str:  # pragma: no cover - used by tracebacks only
        return self.format()


class CheckFailed(Exception):
    """A check the user asked for did not pass (exit code 1), e.g. a missed deadline."""


def locate_line(file: str, path: Sequence) -> int | None:
    """Return the 1-based line of the node at ``path`` in a YAML or JSON file.

    Walks as far along the path as the document allows, so a path to a missing key gives the
    line of the mapping that should have held it.
    """
    import yaml

    try:
        with open(file, encoding="utf-8") as fh:
            text = fh.read()
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        node = yaml.compose(text, Loader=loader)
    except Exception:
        return None
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for step in path:
        nxt = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and _same_key(key.value, step):
                    nxt = value
                    line = key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if 0 <= step < len(node.value):
                nxt = node.value[step]
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _same_key(text: str, step) -> bool:
    return text == str(step) or (isinstance(step, str) and text.strip("'\"") == step)
