"""Bad estimates files: one line ``FILE:LINE: message``, exit 2, nothing written."""
import os

import pytest
from conftest import run_cli
from risk_helpers import SEED_PLAN, seed_plan

from planner.errors import PlanError
from planner.io.estimates_yaml import load_estimates
from planner.risk.engine import simulate

CASES = [
    # (file text, line, words in the message)
    ('estimates:\n  "4": {optimistic: 30, most_likely: 25, pessimistic: 40}\n', 2,
     "optimistic <= most_likely <= pessimistic, not 30, 25, 40"),
    ('estimates:\n  "4": {optimistic: 30, most_likely: 35, pessimistic: 32}\n', 2,
     "optimistic <= most_likely <= pessimistic"),
    ('estimates:\n  "4":\n    optimistic: -5\n    pessimistic: 40\n', 3,
     "-5 working days: an estimate cannot be negative"),
    ('risks:\n  - id: R1\n    tasks: ["16"]\n    probability: 1.5\n    delay_days: 10\n', 4,
     "probability must be a number from 0 to 1, not 1.5"),
    ('risks:\n  - id: R1\n    tasks: ["16"]\n    probability: -0.1\n    delay_days: 10\n', 4,
     "probability must be a number from 0 to 1"),
    ('risks:\n  - id: R1\n    tasks: ["16"]\n    probability: 0.2\n    delay_days: -3\n', 5,
     "cannot be negative"),
    ('estimates:\n  "4": {optimistic: 30, pessimistic: 40}\n  "99": {optimistic: 1, '
     'pessimistic: 2}\n', 3, "names task '99', which is not in the plan"),
    ('risks:\n  - id: R1\n    probability: 0.2\n    delay_days: 5\n    tasks:\n      - "16"\n'
     '      - "77"\n', 7, "risk R1 names task '77', which is not in the plan"),
    ('profiles:\n  p:\n    optimistic: -10%\n    pessimistic: +50%\n    tasks: ["6", "x"]\n',
     5, "profile 'p' names task 'x'"),
    ('profiles:\n  p:\n    optimistic: -10\n    pessimistic: +50%\n    tasks: ["6"]\n', 3,
     "percentages of the planned duration, like -10% or +50%"),
    ('correlations:\n  - tasks: ["4", "5"]\n    coefficient: 1.2\n', 3,
     "coefficient must be a number from -1 to 1"),
    ('correlations:\n  - {tasks: ["4", "42"], coefficient: 0.5}\n', 2,
     "task 4 is correlated but has no uncertain estimate"),
    ('estimates:\n  "3": {optimistic: 100, pessimistic: 200}\n', 2,
     "task 3 is a summary"),
    ('estimates:\n  "4": {optimistic: 30, pessimistic: 40, distrbution: pert}\n', 2,
     "unknown field 'distrbution'"),
]


@pytest.mark.parametrize("text, line, words", CASES)
def test_bad_estimates_give_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "est.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        plan = seed_plan()
        simulate(plan, load_estimates(str(path), plan), 10)
    message = info.value.format()
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message


INVALID_MATRIX = """\
estimates:
  "4": {optimistic: 20, pessimistic: 40}
  "5": {optimistic: 20, pessimistic: 40}
  "33": {optimistic: 10, pessimistic: 20}
correlations:
  - {tasks: ["4", "5", "33"], coefficient: -0.9}
"""


def test_an_invalid_correlation_matrix_fails_on_the_command_line(tmp_path):
    est = tmp_path / "est.yaml"
    est.write_text(INVALID_MATRIX, encoding="utf-8")
    chart = tmp_path / "risk.png"
    code, out, err = run_cli("risk", SEED_PLAN, "--estimates", str(est), "-o", str(chart))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        f"{est}:6: the correlations do not form a valid correlation matrix (it is not positive "
        f"semi-definite, smallest eigenvalue -0.816): tasks cannot all be that strongly "
        f"(anti-)correlated with each other; weaken some coefficients"]
    assert not os.path.exists(chart)


@pytest.mark.parametrize("args, message", [
    (["-n", "0"], "error: -n must be at least 1 iteration, not 0"),
    (["-n", "-5"], "error: -n must be at least 1 iteration, not -5"),
    (["--seed", "-1"], "error: --seed must be 0 or more, not -1"),
    (["--by", "28.13.24"], "error: --by: '28.13.24' is not a date"),
    (["-o", "risk.txt"], "error: cannot tell the chart format from 'risk.txt'"),
])
def test_bad_options(args, message):
    code, out, err = run_cli("risk", SEED_PLAN, "--estimates", "risk/ssiks_it_estimates.yaml",
                             *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith(message)


def test_nothing_uncertain(tmp_path):
    code, out, err = run_cli("risk", SEED_PLAN)
    assert code == 2 and out == ""
    assert err.startswith(f"{SEED_PLAN}: nothing is uncertain: give --estimates FILE")


def test_a_missing_estimates_file():
    code, _out, err = run_cli("risk", SEED_PLAN, "--estimates", "nope.yaml")
    assert code == 2 and err.strip() == "nope.yaml: no such file"
