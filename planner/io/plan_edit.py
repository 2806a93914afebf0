"""Write a levelled plan as the plan file it came from, with only the ``leveling_delay`` keys
changed: comments, key order, quoting, flow mappings and blank lines stay as the user wrote them.

A plan's comments carry meaning (the seed plan's resource assumptions are comments), so
``planner level -o`` edits the text instead of writing the plan anew.  Each task's mapping is
found by its document path (``Task.src``) in the file's YAML node tree; a delay is replaced in
place, removed with its line, or added after the task's ``duration:`` line (in a flow mapping
``{...}``, before the closing brace).  The edited text is read back and checked to give the same
delays; when it cannot be edited so (a JSON plan, an unusual layout) the caller writes the plan
whole instead.
"""
from __future__ import annotations

import yaml

from ..errors import PlanError
from ..model import Plan
from .documents import read_text, write_atomic

KEY = "leveling_delay"


def _node_at(root, path):
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode)
                         and k.value == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            return None
    return node


def _line_span(text: str, index: int) -> tuple[int, int]:
    """Start and end (after the newline) of the line holding ``index``."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, (len(text) if end < 0 else end + 1)


def _edit(text: str, node, delay: int):
    """``(start, end, replacement)`` that sets ``delay`` on task mapping ``node``, or None."""
    pairs = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    found = next(((k, v) for k, v in pairs if k.value == KEY), None)
    if found is not None:
        key, value = found
        if delay:
            return value.start_mark.index, value.end_mark.index, str(delay)
        if node.flow_style:
            prev = max((v.end_mark.index for k, v in pairs if v.end_mark.index <=
                        key.start_mark.index), default=None)
            if prev is None:
                return None
            return prev, value.end_mark.index, ""
        start, end = _line_span(text, key.start_mark.index)
        if text[start:key.start_mark.index].strip() or text[value.end_mark.index:end].strip():
            return None                           # the key shares its line with another one
        return start, end, ""
    if not delay:
        return 0, 0, ""                            # nothing to remove
    if node.flow_style:
        close = node.end_mark.index - 1
        if text[close] != "}":
            return None
        return close, close, f", {KEY}: {delay}"
    anchor = next((v for k, v in pairs if k.value == "duration"), None)
    if anchor is None or anchor.end_mark.line != anchor.start_mark.line:
        return None
    indent = next(k for k, v in pairs if k.value == "duration").start_mark.column
    _start, end = _line_span(text, anchor.end_mark.index)
    if text[anchor.end_mark.index:end].strip() and not \
            text[anchor.end_mark.index:end].strip().startswith("#"):
        return None
    return end, end, " " * indent + f"{KEY}: {delay}\n"


def edited_plan_text(source: str, plan: Plan) -> str | None:
    """The text of plan file ``source`` with every task's ``leveling_delay`` set to the one in
    ``plan`` (read from that file, then levelled), or None when the text cannot be edited."""
    if not source.lower().endswith((".yaml", ".yml")):
        return None
    text = read_text(source)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    edits = []
    for t in plan.tasks:
        node = _node_at(root, t.src) if t.src else None
        if not isinstance(node, yaml.MappingNode):
            return None
        edit = _edit(text, node, t.leveling_delay)
        if edit is None:
            return None
        if edit[0] != edit[1] or edit[2]:
            edits.append(edit)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text if _same_delays(text, source, plan) else None


def _same_delays(text: str, source: str, plan: Plan) -> bool:
    from .yaml_plan import plan_from_data

    try:
        again = plan_from_data(yaml.safe_load(text), source)
    except (PlanError, yaml.YAMLError):
        return False
    return [(t.id, t.leveling_delay) for t in again.tasks] == \
        [(t.id, t.leveling_delay) for t in plan.tasks]


def write_levelled_plan(source: str | None, plan: Plan, output: str) -> bool:
    """Write ``plan`` to ``output`` as ``source`` with only its delays changed; True when done
    so, False when the caller must write the plan whole (nothing is written then)."""
    if source is None or not output.lower().endswith((".yaml", ".yml")):
        return False
    text = edited_plan_text(source, plan)
    if text is None:
        return False
    write_atomic(output, text)
    return True
