"""Running one hostile case and checking what every case must hold.

A :class:`Case` is a command line (or a library call) over files it writes into an empty
folder, with the exit code and the shape of the message it must give.  Every case, whatever it
expects, must also: end within its timeout, print no traceback, leave no temporary file, and
leave behind no file it did not promise (a failed command writes nothing).
"""
from __future__ import annotations

import dataclasses
import gc
import os
import re
import signal
import subprocess
import sys
import time
from typing import Callable

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

#: the shape of a bad-input message: ``FILE:LINE: message``, ``FILE: message`` (the file as a
#: whole) or ``error: message`` (an option, no file)
ONE_LINE = re.compile(r"^(?:error: \S.*|[^\s:][^:]*(?::\d+)?: \S.*)$")


@dataclasses.dataclass
class Case:
    id: str
    family: int
    args: list = dataclasses.field(default_factory=list)   # "{d}" is the case's folder
    files: dict = dataclasses.field(default_factory=dict)  # name -> str | bytes
    exit: int | tuple = 2
    err: str = ""              # regex the standard error must contain (re.search)
    out: str | None = None     # regex the standard output must contain
    creates: tuple = ()        # files (relative) that may be new afterwards
    setup: Callable | None = None   # setup(folder) before the run
    check: Callable | None = None   # check(folder, result) after the run: assert
    call: Callable | None = None    # a library call instead of a command: call(folder)
    around: Callable | None = None  # around(folder): a context manager the run happens in
    usage: bool = False        # click's own usage error (several lines)
    subprocess: bool = False   # run in a fresh process (FIFOs, signals, /dev/stdout)
    timeout: float = 10.0
    max_err: int = 400         # the message is at most this long
    note: str = ""

    def __post_init__(self):
        if isinstance(self.exit, int):
            self.exit = (self.exit,)


@dataclasses.dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float
    exception: BaseException | None = None


class Timeout(BaseException):
    pass


def prepare(case: Case, folder: str) -> None:
    for name, content in case.files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) \
                as fh:
            fh.write(content)
    if case.setup is not None:
        case.setup(folder)


def listing(folder: str) -> set:
    out = set()
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            out.add(os.path.relpath(os.path.join(base, name), folder))
    return out


def run(case: Case, folder: str) -> Result:
    import contextlib

    args = [a.replace("{d}", folder) if isinstance(a, str) else a for a in case.args]
    if case.subprocess:
        return _run_subprocess(args, folder, case.timeout)
    with case.around(folder) if case.around else contextlib.nullcontext():
        if case.call is not None:
            return _run_call(case, folder)
        return _run_in_process(args, folder, case.timeout)


def _alarm(_signum, _frame):
    raise Timeout()


def _run_in_process(args, folder, timeout) -> Result:
    from click.testing import CliRunner

    from planner.cli import main

    old_cwd = os.getcwd()
    old = signal.signal(signal.SIGALRM, _alarm)
    os.chdir(folder)
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            res = CliRunner().invoke(main, args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except Timeout:
        return Result(-1, "", f"timed out after {timeout} s", time.perf_counter() - start,
                      Timeout())
    finally:
        signal.signal(signal.SIGALRM, old)
        os.chdir(old_cwd)
        gc.enable()                      # the CLI pauses the collector for its run
    exc = res.exception if not isinstance(res.exception, SystemExit) else None
    err = res.stderr
    if exc is not None:
        import traceback

        err += "Traceback (in process):\n" + "".join(traceback.format_exception(exc))
    return Result(res.exit_code, res.stdout, err, time.perf_counter() - start, exc)


def _run_subprocess(args, folder, timeout) -> Result:
    env = dict(os.environ, PYTHONPATH=ROOT)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "planner", *args], cwd=folder, env=env,
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Result(-1, "", f"timed out after {timeout} s", time.perf_counter() - start,
                      Timeout())
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                  proc.stderr.decode("utf-8", "replace"), time.perf_counter() - start)


def _run_call(case: Case, folder: str) -> Result:
    """A library call: a PlanError counts as exit 2 with its one line on standard error."""
    from planner.errors import CheckFailed, PlanError

    old_cwd = os.getcwd()
    old = signal.signal(signal.SIGALRM, _alarm)
    os.chdir(folder)
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, case.timeout)
        try:
            out = case.call(folder)
            return Result(0, "" if out is None else str(out), "", time.perf_counter() - start)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except PlanError as exc:
        return Result(2, "", exc.format() + "\n", time.perf_counter() - start)
    except CheckFailed as exc:
        return Result(1, "", f"check failed: {exc}\n", time.perf_counter() - start)
    except SystemExit as exc:
        return Result(exc.code if isinstance(exc.code, int) else 1, "", "",
                      time.perf_counter() - start)
    except Timeout as exc:
        return Result(-1, "", f"timed out after {case.timeout} s", time.perf_counter() - start,
                      exc)
    except Exception as exc:  # noqa: BLE001 - a traceback is what the case must not give
        import traceback

        return Result(99, "", "Traceback (library call):\n" +
                      "".join(traceback.format_exception(exc)), time.perf_counter() - start, exc)
    finally:
        signal.signal(signal.SIGALRM, old)
        os.chdir(old_cwd)


def verify(case: Case, folder: str, before: set, res: Result) -> list[str]:
    """Everything wrong with ``res``, as sentences (empty when the case holds)."""
    problems = []
    if isinstance(res.exception, Timeout):
        return [f"hung: no answer within {case.timeout} s"]
    if "Traceback" in res.err or "Traceback" in res.out or res.exception is not None:
        problems.append("traceback:\n" + res.err[-2000:])
    if res.code not in case.exit:
        problems.append(f"exit {res.code}, expected {case.exit}; stderr: {res.err[-800:]!r}")
    if case.err and not re.search(case.err, res.err, re.MULTILINE):
        problems.append(f"stderr {res.err[-800:]!r} does not match {case.err!r}")
    if case.out is not None and not re.search(case.out, res.out, re.MULTILINE):
        problems.append(f"stdout {res.out[-400:]!r} does not match {case.out!r}")
    if res.code == 2 and not case.usage:
        lines = [x for x in res.err.splitlines() if x.strip() and not x.startswith("note: ")]
        if len(lines) != 1 or not ONE_LINE.match(lines[0]):
            problems.append(f"not one FILE:LINE: message line: {res.err[-800:]!r}")
        elif len(lines[0]) > case.max_err:
            problems.append(f"message of {len(lines[0])} characters (at most {case.max_err})")
    after = listing(folder)
    temps = sorted(p for p in after - before if os.path.basename(p).endswith(".tmp"))
    if temps:
        problems.append(f"temporary files left: {temps}")
    new = sorted(after - before - set(case.creates) - set(temps))
    if new:
        problems.append(f"files written that should not be: {new}")
    if case.check is not None and not problems:
        try:
            case.check(folder, res)
        except AssertionError as exc:
            problems.append(f"check failed: {exc}")
    return problems
