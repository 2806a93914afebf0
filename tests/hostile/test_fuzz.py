"""Fuzzing: plan YAML and MSPDI files mutated at random (hypothesis, derandomized, a small
budget) never give a traceback, a hang, an exit code other than 0/1/2 or a partial file."""
import json
import os
import tempfile

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_plans import PLAN
from hostile_runner import Case, listing, prepare, run, verify

FUZZ = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TOKENS = [":", ": ", "[", "]", "{", "}", ",", "- ", "&a ", "*a", "<<: *a", "\t", "\n", "\r\n",
          "#", '"', "'", "!!", "!!python/object:os.system", "?", "|", ">", "%YAML 1.1\n", "---\n",
          "\x00", "\x07", "\ufeff", "1e400", "1.0e+400", ".nan", ".inf", "-.inf", "9" * 400,
          "2023-02-30", "0000-01-01", "9999-12-31", "²", "١٢", "🎉", "\u202e", "FS+", "SS-5",
          "ed", "x1e400", "+-5", "null", "~", "true", "-1", "0", "00:00", "25:99", "\\u0000"]

#: values a field may be replaced with: what YAML can hold, and what users mistype
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 20, 10 ** 20)
    | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(TOKENS)
    | st.text(max_size=30) | st.dates().map(lambda d: d),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=6)


def run_case(files, args, out_name):
    """Run ``args`` over ``files``; the common checks, and the output whole or absent."""
    case = Case("fuzz", 0, args, files, (0, 1, 2), timeout=20, max_err=100_000)
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        prepare(case, folder)
        before = listing(folder)
        res = run(case, folder)
        case.creates = (out_name,) if res.code in (0, 1) else ()
        problems = verify(case, folder, before, res)
        assert not problems, "\n".join(problems) + f"\n{files}"
        out = os.path.join(folder, out_name)
        if os.path.exists(out):              # whole: it parses
            with open(out, encoding="utf-8") as fh:
                body = fh.read()
            if out_name.endswith(".json"):
                json.loads(body)
            elif out_name.endswith(".yaml"):
                assert yaml.safe_load(body)["tasks"]
            else:
                assert body.strip()
        return res


def _mutate_text(text, edits):
    for pos, cut, token in edits:
        pos = pos % (len(text) + 1)
        text = text[:pos] + token + text[pos + cut:]
    return text


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 5),
                          st.sampled_from(TOKENS) | st.text(max_size=4)), min_size=1,
                max_size=4))
def test_plan_text_mutations(edits):
    text = _mutate_text(PLAN, edits)
    run_case({"p.yaml": text}, ["schedule", "p.yaml", "--format", "json", "-o",
                                         "out.json"], "out.json")


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for k, v in enumerate(data):
            yield from _paths(v, prefix + (k,))


def _replace(data, path, value):
    if not path:
        return value
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


@FUZZ
@given(st.data())
def test_plan_value_mutations(data):
    doc = yaml.safe_load(PLAN)
    paths = list(_paths(doc))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        doc = _replace(doc, path, data.draw(VALUES))
        paths = list(_paths(doc))
    fmt = data.draw(st.sampled_from(["yaml", "json"]))
    if fmt == "json":
        text = json.dumps(doc, default=str)
    else:
        text = yaml.safe_dump(doc, allow_unicode=True)
    command = data.draw(st.sampled_from([
        ["schedule", f"p.{fmt}", "--format", "csv", "-o", "out.csv"],
        ["export", f"p.{fmt}", "-o", "out.csv"],
        ["load", f"p.{fmt}", "--format", "json"],
    ]))
    res = run_case({f"p.{fmt}": text}, command, "out.csv")
    if command[0] == "load" and res.code in (0, 1):
        json.loads(res.out)               # valid JSON: never NaN


def _exported_xml():
    from planner.io.mspdi import schedule_to_mspdi
    from planner.io.yaml_plan import plan_from_data
    from planner.schedule import schedule

    return schedule_to_mspdi(schedule(plan_from_data(yaml.safe_load(PLAN), None)))


XML = _exported_xml()
XML_TEXTS = ["", " ", "-1", "0", "1", "99999999999999999999", "1e400", "NaN", "INF", "-INF",
             "9999-12-31T23:59:59", "0001-01-01T00:00:00", "2023-02-30T08:00:00", "PT25H99M0S",
             "PT-8H0M0S", "P99999999DT0H", "25:99:00", "²", "١٢", "&amp;", "&lt;x&gt;", "🎉",
             "\t", "a\u202eb"]


@FUZZ
@given(st.data())
def test_mspdi_mutations(data):
    import re

    spans = [m.span(1) for m in re.finditer(r">([^<>]*)</", XML)]
    text = XML
    for _ in range(data.draw(st.integers(1, 4))):
        a, b = data.draw(st.sampled_from(spans))
        new = data.draw(st.sampled_from(XML_TEXTS) | st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<&"),
            max_size=6))
        text = text[:a] + new + text[b:]
        spans = [m.span(1) for m in re.finditer(r">([^<>]*)</", text)]
    if data.draw(st.booleans()):
        tags = re.findall(r"<(\w+)>", text)
        tag = data.draw(st.sampled_from(tags))
        text = re.sub(rf"<{tag}>[^<]*</{tag}>", "", text, count=1)
    run_case({"p.xml": text}, ["import", "p.xml", "-o", "out.yaml"], "out.yaml")
