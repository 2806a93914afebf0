"""The ``planner`` command line: a thin click layer over the library.

:mod:`planner.cli.base` holds the click group and the shared options; each command module
(schedule/validate/explain, what-if, MS Project, charts, resources, tracking) adds its
commands to it.
"""
from .base import main
from . import plan, whatif, msproject, charts, resources, risk  # noqa: F401  (registers the commands)
from . import tracking  # noqa: F401
from . import report  # noqa: F401

__all__ = ["main"]
