"""Family 1: output paths.  Devices stay devices, links and modes are kept, inputs are never
overwritten, multi-file outputs are all-or-nothing, signals leave nothing behind."""
from __future__ import annotations

import contextlib
import os
import stat

from hostile_plans import PLAN, SCENARIO, mkdir, plan, symlink
from hostile_runner import Case

UMASK = os.umask(0o022)
os.umask(UMASK)
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _mode(folder, name):
    return stat.S_IMODE(os.lstat(os.path.join(folder, name)).st_mode)


def _chmod(name, mode):
    def setup(folder):
        os.chmod(os.path.join(folder, name), mode)
    return setup




def _hardlink(name, target):
    def setup(folder):
        os.link(os.path.join(folder, target), os.path.join(folder, name))
    return setup




def _unchanged(name, text):
    def check(folder, _res):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as fh:
            assert fh.read() == text, f"{name} was changed"
    return check


def _all(*checks):
    def check(folder, res):
        for c in checks:
            c(folder, res)
    return check


def _csv_in(name):
    def check(folder, _res):
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            text = fh.read()
        assert text.startswith("id,") and "Analysis" in text, text[:200]
    return check


def _is_link_to(name, target):
    def check(folder, _res):
        path = os.path.join(folder, name)
        assert os.path.islink(path), f"{name} is no longer a symlink"
        assert os.readlink(path) == target
    return check


def _mode_is(name, mode):
    def check(folder, _res):
        assert _mode(folder, name) == mode, f"{name} has mode {_mode(folder, name):o}"
    return check


def _char_device(path):
    def check(_folder, _res):
        assert stat.S_ISCHR(os.stat(path).st_mode), f"{path} is no longer a device"
    return check


def _fifo_reader(name, into):
    """Make a FIFO and a thread that reads it into ``into`` (a list)."""
    def setup(folder):
        import threading

        path = os.path.join(folder, name)
        os.mkfifo(path)

        def read():
            with open(path, "rb") as fh:
                into.append(fh.read())
        threading.Thread(target=read, daemon=True).start()
    return setup


def _fifo_got(into, name):
    def check(folder, _res):
        import time

        for _ in range(100):
            if into:
                break
            time.sleep(0.05)
        assert into and into[0].startswith(b"id,"), into[:1]
        assert stat.S_ISFIFO(os.lstat(os.path.join(folder, name)).st_mode)
    return check


def _charts(folder_name, count):
    def check(folder, _res):
        names = sorted(os.listdir(os.path.join(folder, folder_name)))
        assert len(names) == count and all(n.endswith(".png") for n in names), names
    return check


TWO_LIKE_NAMED = plan(resources="  - {id: a b, name: A B, capacity: 1}\n"
                                "  - {id: a_b, name: A_B, capacity: 1}\n"
                                "  - {id: dev, name: Developer, capacity: 1}\n",
                      task2="{id: 2, name: Analysis, duration: 5, "
                            "resources: {dev: 1, 'a b': 1, a_b: 1}}")


def cases() -> list[Case]:
    csv = ["schedule", "p.yaml", "--format", "csv", "-o"]
    fifo_data: list = []
    out = [
        Case("out-new-file-mode", 1, csv + ["out.csv"], {"p.yaml": PLAN}, 0, creates=("out.csv",),
             check=_all(_csv_in("out.csv"), _mode_is("out.csv", 0o666 & ~UMASK))),
        Case("out-keeps-0600", 1, csv + ["out.csv"], {"p.yaml": PLAN, "out.csv": "old"}, 0,
             setup=_chmod("out.csv", 0o600),
             check=_all(_csv_in("out.csv"), _mode_is("out.csv", 0o600))),
        Case("out-keeps-0640", 1, csv + ["out.csv"], {"p.yaml": PLAN, "out.csv": "old"}, 0,
             setup=_chmod("out.csv", 0o640), check=_mode_is("out.csv", 0o640)),
        Case("out-keeps-0444", 1, csv + ["out.csv"], {"p.yaml": PLAN, "out.csv": "old"}, 0,
             setup=_chmod("out.csv", 0o444), check=_mode_is("out.csv", 0o444)),
        Case("out-symlink-written-through", 1, csv + ["link.csv"],
             {"p.yaml": PLAN, "real.csv": "old"}, 0, setup=symlink("link.csv", "real.csv"),
             check=_all(_is_link_to("link.csv", "real.csv"), _csv_in("real.csv"))),
        Case("out-dangling-symlink", 1, csv + ["link.csv"], {"p.yaml": PLAN}, 0,
             setup=symlink("link.csv", "made.csv"), creates=("made.csv",),
             check=_all(_is_link_to("link.csv", "made.csv"), _csv_in("made.csv"))),
        Case("out-symlink-into-folder", 1, csv + ["link.csv"], {"p.yaml": PLAN, "sub/real.csv": ""},
             0, setup=symlink("link.csv", "sub/real.csv"),
             check=_all(_is_link_to("link.csv", "sub/real.csv"), _csv_in("sub/real.csv"))),
        Case("out-planted-temp-link-not-followed", 1, csv + ["out.csv"],
             {"p.yaml": PLAN, "victim.txt": "keep me"}, 0, creates=("out.csv",),
             setup=lambda d: [os.symlink("victim.txt", os.path.join(d, f".out.csv.{pid}.tmp"))
                              for pid in range(os.getpid() - 2, os.getpid() + 3)],
             check=_all(_unchanged("victim.txt", "keep me"), _csv_in("out.csv"))),
        Case("out-dev-null", 1, csv + ["/dev/null"], {"p.yaml": PLAN}, 0,
             check=_char_device("/dev/null")),
        Case("out-dash-is-stdout", 1, csv + ["-"], {"p.yaml": PLAN}, 0, out=r"^id,"),
        Case("out-dev-stdout", 1, csv + ["/dev/stdout"], {"p.yaml": PLAN}, 0, out=r"^id,",
             subprocess=True, check=_char_device("/dev/null")),
        Case("out-dev-full", 1, csv + ["/dev/full"], {"p.yaml": PLAN}, 2,
             r"^/dev/full: cannot write: No space left on device$"),
        Case("out-fifo-written-straight", 1, csv + ["pipe"], {"p.yaml": PLAN}, 0,
             setup=_fifo_reader("pipe", fifo_data), check=_fifo_got(fifo_data, "pipe")),
        Case("out-is-folder", 1, csv + ["sub"], {"p.yaml": PLAN}, 2, r"is a directory",
             setup=mkdir("sub"), usage=True),
        Case("out-missing-folder", 1, csv + ["no/such/out.csv"], {"p.yaml": PLAN}, 2,
             r"^no/such/out\.csv: cannot write: No such file or directory$"),
        Case("out-schedule-onto-plan", 1, csv + ["p.yaml"], {"p.yaml": PLAN}, 2,
             r"^p\.yaml: is an input of this command", check=_unchanged("p.yaml", PLAN)),
        Case("out-export-onto-plan", 1, ["export", "p.yaml", "-o", "p.yaml"], {"p.yaml": PLAN},
             2, r"^(p\.yaml: is an input|error: -o p\.yaml: MS Project XML)",
             check=_unchanged("p.yaml", PLAN)),
        Case("out-export-onto-plan-via-symlink", 1, ["export", "p.yaml", "-o", "l.xml"],
             {"p.yaml": PLAN}, 2, r"^l\.xml: is an input of this command \(p\.yaml\)",
             setup=symlink("l.xml", "p.yaml"), check=_unchanged("p.yaml", PLAN)),
        Case("out-export-onto-plan-via-hardlink", 1, ["export", "p.yaml", "-o", "h.xml"],
             {"p.yaml": PLAN}, 2, r"^h\.xml: is an input", setup=_hardlink("h.xml", "p.yaml"),
             check=_unchanged("p.yaml", PLAN)),
        Case("out-schedule-onto-plan-dotted-path", 1, csv + ["./sub/../p.yaml"],
             {"p.yaml": PLAN}, 2, r"^\./sub/\.\./p\.yaml: is an input", setup=mkdir("sub"),
             check=_unchanged("p.yaml", PLAN)),
        Case("out-schedule-onto-scenario", 1, csv + ["s.yaml", "--scenario", "s.yaml"],
             {"p.yaml": PLAN, "s.yaml": SCENARIO}, 2, r"^s\.yaml: is an input",
             check=_unchanged("s.yaml", SCENARIO)),
        Case("out-whatif-onto-scenario", 1, ["whatif", "p.yaml", "s.yaml", "-o", "s.yaml"],
             {"p.yaml": PLAN, "s.yaml": SCENARIO}, 2, r"^s\.yaml: is an input",
             check=_unchanged("s.yaml", SCENARIO)),
        Case("out-export-onto-calendar", 1, ["export", "p.yaml", "-o", "cal.xml"],
             {"p.yaml": PLAN.replace("{base: norway, seasons: [summer]}", "mine"),
              "calendars/mine.yaml": "name: mine\nyears: {first: 2000, last: 2100}\n"}, 2,
             r"^cal\.xml: is an input of this command \(calendars/mine\.yaml\)",
             setup=_hardlink("cal.xml", "calendars/mine.yaml")),
        Case("out-level-onto-plan", 1, ["level", "p.yaml", "-q", "--time-limit", "2", "-o",
                                        "p.yaml"], {"p.yaml": PLAN}, 2, r"^p\.yaml: is an input",
             check=_unchanged("p.yaml", PLAN), timeout=30),
        Case("out-import-onto-source", 1, ["import", "p.xml", "-o", "p.xml"], {"p.yaml": PLAN}, 2,
             r"^p\.xml: is an input", setup=_export("p.yaml", "p.xml")),
        Case("out-deterministic", 1, ["schedule", "p.yaml", "--format", "json", "-o", "a.json"],
             {"p.yaml": PLAN}, 0, creates=("a.json",), check=_twice_same),
        Case("load-charts-collision-free", 1, ["load", "p.yaml", "-o", "charts"],
             {"p.yaml": TWO_LIKE_NAMED}, (0, 1),
             creates=("charts", "charts/load.png", "charts/load_a_b.png", "charts/load_dev.png",
                      "charts/load_a_b-7dbde935.png"),
             check=_charts("charts", 4), note="'a b' is load_a_b-<sha1 of 'a b'>.png; "
                                               "load.png holds all three"),
        Case("load-charts-folder-is-file", 1, ["load", "p.yaml", "-o", "f"],
             {"p.yaml": PLAN, "f": "x"}, 2, r"is a file", usage=True),
        Case("load-charts-all-or-nothing", 1, ["load", "p.yaml", "-o", "charts"],
             {"p.yaml": TWO_LIKE_NAMED}, 2, r"^charts/load_dev\.png: is a folder",
             setup=mkdir("charts/load_dev.png"), check=_only_in("charts", ["load_dev.png"])),
        Case("signal-term-during-write", 1, ["export", "p.yaml", "-o", "out.xml"],
             {"p.yaml": PLAN}, 143, around=_signal_in_write("SIGTERM"),
             check=_only_files(["p.yaml"])),
        Case("signal-int-during-write", 1, ["export", "p.yaml", "-o", "out.xml"],
             {"p.yaml": PLAN}, 130, around=_signal_in_write("SIGINT"),
             check=_only_files(["p.yaml"])),
        Case("signal-term-subprocess", 1, [], {"p.yaml": PLAN}, 0, out=r"exit 143",
             call=_signal_subprocess, check=_only_files(["p.yaml"])),
        Case("disk-full-in-charts", 1, ["load", "p.yaml", "-o", "charts"],
             {"p.yaml": TWO_LIKE_NAMED}, 2,
             r"^charts/load_\S+\.png: cannot write: No space left on device$",
             around=_disk_full(2)),
        Case("disk-full-single", 1, csv + ["out.csv"], {"p.yaml": PLAN}, 2,
             r"^out\.csv: cannot write: No space left on device$", around=_disk_full(1)),
        Case("read-only-folder", 1, csv + ["out.csv"], {"p.yaml": PLAN}, 2,
             r"^out\.csv: cannot write: Permission denied$", around=_denied),
        Case("load-charts-read-only-folder-simulated", 1, ["load", "p.yaml", "-o", "ro"],
             {"p.yaml": PLAN}, 2, r"^ro/load\.png: cannot write: Permission denied$",
             setup=mkdir("ro"), around=_denied),
    ]
    if not ROOT_USER:
        out.append(Case("load-charts-read-only-folder", 1, ["load", "p.yaml", "-o", "ro"],
                        {"p.yaml": PLAN}, 2, r"^ro/load\.png: cannot write: Permission denied",
                        setup=mkdir("ro", mode=0o555)))
    return out


def _export(plan_name, xml_name):
    def setup(folder):
        from planner.io.mspdi import write_mspdi
        from planner.io.yaml_plan import load_plan
        from planner.schedule import schedule

        write_mspdi(schedule(load_plan(os.path.join(folder, plan_name))),
                    os.path.join(folder, xml_name))
    return setup


def _twice_same(folder, _res):
    from hostile_runner import _run_in_process

    first = open(os.path.join(folder, "a.json"), "rb").read()
    _run_in_process(["schedule", "p.yaml", "--format", "json", "-o", "b.json"], folder, 10)
    second = open(os.path.join(folder, "b.json"), "rb").read()
    os.unlink(os.path.join(folder, "b.json"))
    assert first == second


def _only_in(sub, names):
    def check(folder, _res):
        assert sorted(os.listdir(os.path.join(folder, sub))) == sorted(names), \
            os.listdir(os.path.join(folder, sub))
    return check


def _only_files(names):
    def check(folder, _res):
        assert sorted(os.listdir(folder)) == sorted(names), os.listdir(folder)
    return check


@contextlib.contextmanager
def _patched(obj, attr, value):
    real = getattr(obj, attr)
    setattr(obj, attr, value)
    try:
        yield real
    finally:
        setattr(obj, attr, real)


def _signal_in_write(name):
    """A signal arriving while the output is being written: the temporary file goes, the
    process exits 128 + signal."""
    import signal

    from planner.io import output

    real = output._write_all

    def write_then_signal(fd, data):
        real(fd, data[: len(data) // 2])
        os.kill(os.getpid(), getattr(signal, name))
        real(fd, data[len(data) // 2:])

    return lambda _folder: _patched(output, "_write_all", write_then_signal)


def _signal_subprocess(folder):
    """A real process killed with SIGTERM in the middle of writing its output."""
    import subprocess
    import sys

    from hostile_runner import ROOT

    code = ("import os, signal, sys\n"
            "from planner.io import output\n"
            "real = output._write_all\n"
            "def w(fd, data):\n"
            "    real(fd, data[:10])\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    real(fd, data[10:])\n"
            "output._write_all = w\n"
            "from planner.cli import main\n"
            "main(['export', 'p.yaml', '-o', 'out.xml'])\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True,
                          env=dict(os.environ, PYTHONPATH=ROOT), timeout=20)
    assert proc.returncode == 143, (proc.returncode, proc.stderr[-500:])
    return "exit 143"


def _disk_full(nth):
    """The disk fills while the ``nth`` file of this run is written."""
    import errno

    from planner.io import output

    real = output._write_all
    calls = []

    def full(fd, data):
        calls.append(1)
        if len(calls) == nth:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    return lambda _folder: _patched(output, "_write_all", full)


def _denied(_folder):
    """A folder the user may not write to (simulated: the tests may run as root)."""
    import errno
    import tempfile

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    return _patched(tempfile, "mkstemp", denied)
