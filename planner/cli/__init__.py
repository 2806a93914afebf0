"""The ``planner`` command line: a thin click layer over the library.

:mod:`planner.cli.base` holds the click group and the shared options; each command module
(schedule/validate/explain, what-if, MS Project, charts, resources) adds its commands to it.
"""
from .base import main
from . import plan, whatif, msproject, charts, resources, risk  # noqa: F401  (registers the commands)

__all__ = ["main"]
