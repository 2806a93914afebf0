"""The report as data: a :class:`Report` of :class:`Section` objects, each a list of blocks
(paragraphs, facts, tables, charts, notes).  The section builders fill it in; the writers
(:mod:`.html`, :mod:`.md`) only format it, so both formats say the same things in the same
order.  All text here is plain (the writers escape it)."""
from __future__ import annotations

from dataclasses import dataclass, field

#: the red/amber/green levels, best first
RAG_LEVELS = ("green", "amber", "red")


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell with a style class: ``later``, ``earlier``, ``done``, ``critical``,
    ``muted``, ``num`` (right-aligned), or a RAG level.  A newline in the text starts a new
    line (a short list)."""

    text: str
    cls: str = ""


@dataclass(slots=True)
class Para:
    text: str
    cls: str = ""                 # "lead" (the headline sentence), "muted", "rule"


@dataclass(slots=True)
class Rag:
    """A red/amber/green judgement: what is judged, the level, and the rule that gave it."""

    subject: str
    level: str                    # one of RAG_LEVELS
    label: str                    # the level in words, e.g. "GUL"
    rule: str


@dataclass(slots=True)
class Facts:
    """Label/value pairs (a definition list); a value may be a :class:`Cell`."""

    rows: list                    # [(label, value)]


@dataclass(slots=True)
class Table:
    head: list                    # column headings
    rows: list                    # lists of str or Cell
    num: tuple = ()               # column indices to right-align
    caption: str = ""


@dataclass(slots=True)
class Chart:
    """A chart as the bytes of an SVG file, with a text alternative; ``name`` is unique in the
    report (the HTML writer prefixes the chart's ids with it)."""

    name: str
    svg: bytes
    alt: str
    caption: str = ""
    wide: bool = False            # fills the page width (the Gantt chart)
    size: tuple = ()              # (width, height) in points, when ``pages`` is given
    pages: list = field(default_factory=list)   # printed as these pages: per page the bands
    #                                             (y0, y1) in points of the chart it shows


@dataclass(slots=True)
class Heading:
    text: str


@dataclass(slots=True)
class Missing:
    """One line saying which input a section lacks, e.g. ``Ingen risikoanalyse: gi
    --estimates``."""

    text: str


@dataclass(slots=True)
class Section:
    key: str                      # summary, dates, trend, period, critical, gantt, risks, ...
    title: str
    blocks: list = field(default_factory=list)

    def add(self, *blocks) -> "Section":
        self.blocks.extend(blocks)
        return self


@dataclass(slots=True)
class Report:
    lang: str
    title: str                    # the project's name
    subtitle: str                 # e.g. "Statusrapport per tirsdag 31. oktober 2023"
    sections: list = field(default_factory=list)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def text_of(value) -> str:
    """The text of a value or a :class:`Cell`."""
    return value.text if isinstance(value, Cell) else str(value)


def class_of(value) -> str:
    return value.cls if isinstance(value, Cell) else ""
