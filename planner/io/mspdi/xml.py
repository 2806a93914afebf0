"""MSPDI as XML text: safe parsing (defusedxml), the line of an element, a deterministic writer.

Parsing refuses document type declarations, entities and external references (an XML bomb or
XXE cannot get through) and reports a broken file as ``FILE:LINE: message``.  Line numbers of
elements are found only when an error needs one, by parsing the bytes again with expat, so a
valid file takes ElementTree's fast path.

>>> w = XmlWriter(); w.open("Project"); w.el("Name", "A & B"); w.el("Manual", False)
>>> w.close("Project"); print(w.text(), end="")
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project>
  <Name>A &amp; B</Name>
  <Manual>0</Manual>
</Project>
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ...errors import PlanError
from .fields import NS, NS_2007

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PICTURES = re.compile("[\u2400-\u2408\u240b\u240c\u240e-\u241f]")


def xml_text(value: str) -> str:
    r"""``value`` as element text that XML 1.0 can hold and gives back exactly: ``&``, ``<``,
    ``>`` escaped, a carriage return as ``&#13;`` (a parser would turn a raw one into a line
    feed), and the control characters XML 1.0 cannot hold at all as their Unicode control
    pictures (U+0007 as U+2407 '␇', which MS Project shows), which :func:`from_xml_text` turns
    back; U+FFFE and U+FFFF, which are no characters, as U+FFFD.

    >>> xml_text("a & b\r\n\x07"), from_xml_text("a & b\r\n\u2407")
    ('a &amp; b&#13;\n␇', 'a & b\r\n\x07')
    """
    text = _NOT_XML.sub(lambda m: "\ufffd" if m.group(0) in "\ufffe\uffff" else
                        chr(0x2400 + ord(m.group(0))), value)
    return escape(text).replace("\r", "&#13;")


def from_xml_text(text: str) -> str:
    """The inverse of :func:`xml_text` on a parsed element's text (a name written by planner
    that already held a control picture comes back as the control character)."""
    return _PICTURES.sub(lambda m: chr(ord(m.group(0)) - 0x2400), text)


# -- reading ----------------------------------------------------------------------------------
def local(tag) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(el, name):
    """The first child of ``el`` called ``name`` in any namespace (None when there is none)."""
    if el is None:
        return None
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def parse(path: str):
    """The bytes of an MSPDI file and its root element; a ``PlanError`` with the line when the
    file is not well-formed, unsafe, or not MS Project XML."""
    import xml.etree.ElementTree as ET

    from ..documents import read_bytes

    raw = read_bytes(path)

    import defusedxml
    import defusedxml.ElementTree as DET

    def line_of_marker(marker: bytes) -> int:
        at = raw.find(marker)
        return raw[:at].count(b"\n") + 1 if at >= 0 else 1

    try:
        root = DET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DET.DTDForbidden:
        raise PlanError("the file has a document type declaration (<!DOCTYPE ...>); MS Project "
                        "XML has none, and one can hide entity expansion (an XML bomb) or "
                        "external references: refused", file=path,
                        line=line_of_marker(b"<!DOCTYPE")) from None
    except (DET.EntitiesForbidden, DET.ExternalReferenceForbidden,
            defusedxml.DefusedXmlException) as exc:      # the DTD check comes first
        raise PlanError(f"unsafe XML refused: {exc}", file=path,
                        line=line_of_marker(b"<!")) from None
    except ET.ParseError as exc:
        line, col = exc.position
        what = str(exc).split(":", 1)[0]
        raise PlanError(f"not well-formed XML: {what} (column {col + 1})", file=path,
                        line=line) from None
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "Project" or ns not in (NS, NS_2007, ""):
        where = f" in namespace {ns!r}" if ns else ""
        raise PlanError(f"not an MS Project XML (MSPDI) file: the root element is "
                        f"<{local(root.tag)}>{where}, expected <Project xmlns=\"{NS}\">",
                        file=path, line=line_of(raw, root, root) or 1)
    return raw, root


def _index_path(root, target) -> list | None:
    """Positions of ``target`` among element children, from the root down."""
    stack = [(root, [])]
    while stack:
        el, path = stack.pop()
        if el is target:
            return path
        for k, c in enumerate(el):
            stack.append((c, path + [k]))
    return None


class _Found(Exception):
    pass


def line_of(raw: bytes, root, target) -> int | None:
    """The line where ``target`` starts, found by parsing again with expat (only on errors, so
    valid files take the fast path).  ``raw`` has already passed defusedxml."""
    import xml.parsers.expat

    path = _index_path(root, target)
    if path is None:
        return None
    counts = [0]
    cur: list = []
    found: list = []
    parser = xml.parsers.expat.ParserCreate()

    def start(_name, _attrs):
        cur.append(counts[-1])
        counts[-1] += 1
        counts.append(0)
        if cur[1:] == path:
            found.append(parser.CurrentLineNumber)
            raise _Found

    def end(_name):
        cur.pop()
        counts.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(raw, True)
    except _Found:
        pass
    except xml.parsers.expat.ExpatError:
        return None
    return found[0] if found else None


# -- writing ----------------------------------------------------------------------------------
class XmlWriter:
    """A tiny deterministic XML writer: two-space indentation, elements in the order given."""

    def __init__(self):
        self.parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
        self.depth = 0

    def open(self, tag: str, attrs: str = "") -> None:
        self.parts.append(f"{'  ' * self.depth}<{tag}{attrs}>\n")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.parts.append(f"{'  ' * self.depth}</{tag}>\n")

    def el(self, tag: str, value) -> None:
        """``<tag>value</tag>``; nothing for None, ``1``/``0`` for a bool."""
        if value is None:
            return
        if isinstance(value, bool):
            value = "1" if value else "0"
        self.parts.append(f"{'  ' * self.depth}<{tag}>{xml_text(str(value))}</{tag}>\n")

    def text(self) -> str:
        return "".join(self.parts)
