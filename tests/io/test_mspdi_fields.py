"""The MSPDI field map (planner/io/mspdi/fields.py) and the docstring examples of the package."""
from __future__ import annotations

import doctest
import importlib

import pytest

from planner.io.mspdi import fields


@pytest.mark.parametrize("module", ["fields", "xml", "project"])
def test_the_docstring_examples_hold(module):
    mod = importlib.import_module(f"planner.io.mspdi.{module}")
    result = doctest.testmod(mod)
    assert result.attempted > 0 and result.failed == 0


def test_every_code_maps_both_ways():
    for code, name in [(fields.LINK_TYPE_CODE, fields.LINK_TYPE_NAME),
                       (fields.CONSTRAINT_CODE, fields.CONSTRAINT_NAME),
                       (fields.MSP_DAY, fields.PLANNER_DAY)]:
        assert {v: k for k, v in code.items()} == name
    assert sorted(fields.PLANNER_DAY) == list(range(1, 8))       # Sunday = 1 ... Saturday = 7
    assert fields.MSP_DAY[6] == 1 and fields.MSP_DAY[0] == 2


@pytest.mark.parametrize("minutes", [0, 1, 59, 60, 480, 12 * 60 + 30, 100_000])
def test_a_written_duration_reads_back(minutes):
    assert fields.iso_minutes(fields.duration_text(minutes)) == minutes


@pytest.mark.parametrize("text", ["P", "PT", "-P", "8 days", "PT8X", ""])
def test_what_is_not_a_duration(text):
    assert fields.iso_minutes(text) is None


def test_estimated_formats_are_the_plain_ones():
    for fmt in (fields.FMT_MINUTES, fields.FMT_DAYS, fields.FMT_EDAYS, fields.FMT_PERCENT):
        assert fields.plain_format(fmt + 32) == fmt
        assert fields.plain_format(fmt) == fmt


def test_task_ids_travel_as_uids_or_in_the_custom_field():
    assert fields.task_id(7, None) == "7"
    assert fields.task_id(7, "A.1") == "A.1"
    assert fields.task_id(7, "a b") == "7"          # an id planner cannot use: the UID
