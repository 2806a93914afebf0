"""The examples in planner.schedule's docstrings run and print what they say."""
import doctest
import importlib

import pytest

MODULES = ["keys", "network", "passes", "rollup", "result", "checks", "cpm"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"planner.schedule.{name}")
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert attempted > 0 and failed == 0


def test_every_public_function_has_an_example():
    import inspect

    import planner.schedule as pkg

    for name in pkg.__all__:
        obj = getattr(pkg, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert ">>>" in (obj.__doc__ or ""), name
