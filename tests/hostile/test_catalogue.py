"""The hostile catalogue (make_catalogue.py): every case holds its exit code and message shape,
with no traceback, no hang, no temporary or partial file."""
import pytest

from make_catalogue import all_cases, run_one

CASES = all_cases()


def test_the_catalogue_covers_every_family_with_150_cases():
    families = {c.family for c in CASES}
    assert families >= {1, 2, 3, 4, 5, 6}
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(case):
    res, problems = run_one(case)
    assert not problems, "\n".join(problems)
