"""Every file planner writes goes through here: whole or not at all, never over an input.

The rules (docs/security.md says why):

* A regular file is written to a temporary file created exclusively, with an unpredictable name
  (:func:`tempfile.mkstemp`), in the target's own folder; it is flushed to disk and renamed over
  the target (:func:`os.replace`), so a reader sees the old file or the new one, never a part.
  The temporary file is removed on any error, on SIGINT/SIGTERM/SIGHUP (the process then exits
  130/143/129) and on any other exit of the write.
* An existing target keeps its permission bits (and owner and group, where allowed); a new file
  gets the usual ``0666 & ~umask``.
* A symbolic link is written through: its target is replaced and the link stays, as the shell's
  ``>`` does.
* ``-`` is standard output; a character device (``/dev/null``, a terminal), a FIFO and
  ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` are written straight, with no temporary file
  and no rename, so the device stays a device.  A block device is refused.
* While a command runs (:func:`input_session`), every file it reads is remembered by device and
  inode; an output that is one of them (by any name: a symlink, a hard link) is refused.
* :func:`write_files` writes several files all-or-nothing: every temporary file is written
  first, and only when all are complete are they renamed into place.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import sys
import tempfile
import threading

from ..errors import PlanError

_LIVE: set = set()          # temporary files being written: removed on a signal
_INPUTS: dict | None = None  # (st_dev, st_ino) -> name, while a command session runs
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))
_STANDARD_STREAMS = re.compile(r"^/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|\d+)/fd/\d+)$")


# -- inputs ------------------------------------------------------------------------------------
@contextlib.contextmanager
def input_session():
    """Remember the files read inside the block, so that no output replaces one of them."""
    global _INPUTS
    outer = _INPUTS
    _INPUTS = {}
    try:
        yield
    finally:
        _INPUTS = outer


def note_input(st: os.stat_result, name: str) -> None:
    """Record a file that was read (its ``os.stat``/``os.fstat`` result) as an input."""
    if _INPUTS is not None and stat.S_ISREG(st.st_mode):
        _INPUTS.setdefault((st.st_dev, st.st_ino), name)


def updating(path: str) -> None:
    """Declare that this command updates ``path`` on purpose (a file it reads, adds to and
    writes back, as ``planner baseline save`` does with the baselines file), so that writing
    it is not refused as overwriting an input."""
    if not _INPUTS:
        return
    try:
        st = os.stat(path)
    except OSError:
        return
    _INPUTS.pop((st.st_dev, st.st_ino), None)


def refuse_input(path: str) -> None:
    """A PlanError when ``path`` (following links) is a file read in this command session."""
    if not _INPUTS or path == "-":
        return
    try:
        st = os.stat(path)
    except OSError:
        return
    name = _INPUTS.get((st.st_dev, st.st_ino))
    if name is not None:
        same = "" if os.path.abspath(name) == os.path.abspath(path) else f" ({name})"
        raise PlanError(f"is an input of this command{same}: refusing to overwrite it; write "
                        f"the output to another file", file=path, line=0)


# -- writing -----------------------------------------------------------------------------------
class _Pending:
    """One output prepared by :func:`_prepare`: a finished temporary file waiting to be
    renamed over ``target``, or (``tmp`` None) an output already written straight."""

    __slots__ = ("path", "target", "tmp")

    def __init__(self, path, target, tmp):
        self.path, self.target, self.tmp = path, target, tmp

    def commit(self) -> None:
        if self.tmp is None:
            return
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.path, exc) from None
        _LIVE.discard(self.tmp)
        self.tmp = None
        _sync_folder(os.path.dirname(self.target))

    def abort(self) -> None:
        if self.tmp is not None:
            _unlink(self.tmp)
            _LIVE.discard(self.tmp)
            self.tmp = None


def write_file(path: str, data: bytes | str) -> None:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was (see the module notes)."""
    with _cleanup_on_signals():
        _prepare(path, data).commit()


def write_files(paths_and_data) -> list[str]:
    """Write several files all-or-nothing: ``[(path, data), ...]``; returns the paths.

    Two outputs that are the same file (by name, or through a link) are refused."""
    items = list(paths_and_data)
    seen: dict = {}
    for path, _data in items:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise PlanError(f"would be written twice (also as {seen[key]})", file=path, line=0)
        seen[key] = path
    pending: list[_Pending] = []
    with _cleanup_on_signals():
        try:
            for path, data in items:
                pending.append(_prepare(path, data, straight_ok=False))
            for p in pending:
                p.commit()
        except BaseException:
            for p in pending:
                p.abort()
            raise
    return [path for path, _data in items]


def _prepare(path: str, data: bytes | str, straight_ok: bool = True) -> _Pending:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path == "-":
        if not straight_ok:
            raise PlanError("cannot be one of several outputs", file=path, line=0)
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            out.write(data)
        sys.stdout.flush()
        return _Pending(path, path, None)
    refuse_input(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise PlanError("is a folder, not a file", file=path, line=0)
    if st is not None and stat.S_ISBLK(st.st_mode):
        raise PlanError("is a block device: planner does not write to disks", file=path, line=0)
    straight = (st is not None and not stat.S_ISREG(st.st_mode)) or \
        _STANDARD_STREAMS.match(os.path.abspath(path)) is not None
    if straight:
        if not straight_ok:
            raise PlanError("is not a regular file", file=path, line=0)
        _write_straight(path, data)
        return _Pending(path, path, None)
    target = os.path.realpath(path)          # a symlink is written through to its target
    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.",
                                   suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    _LIVE.add(tmp)
    pending = _Pending(path, target, tmp)
    try:
        try:
            _write_all(fd, data)
            _copy_mode(fd, st)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        pending.abort()
        raise _cannot_write(path, exc) from None
    except BaseException:
        pending.abort()
        raise
    return pending


def _write_straight(path: str, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        _write_all(fd, data)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view[:1 << 20])
        view = view[n:]


def _copy_mode(fd: int, st) -> None:
    """The existing file's permission bits and owner; a new file gets 0666 & ~umask."""
    if st is None:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError:
            pass                  # not allowed (not root): the file becomes the writer's


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


_UMASK_LOCK = threading.Lock()


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _cannot_write(path: str, exc: OSError) -> PlanError:
    return PlanError(f"cannot write: {exc.strerror or exc}", file=path, line=0)


# -- signals -----------------------------------------------------------------------------------
def _on_signal(signum, _frame):
    for tmp in list(_LIVE):
        _unlink(tmp)
    _LIVE.clear()
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _cleanup_on_signals():
    """While the block runs, SIGINT/SIGTERM/SIGHUP remove the temporary files and exit
    128 + the signal number (130, 143, 129).  Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {}
    try:
        for s in _SIGNALS:
            old[s] = signal.signal(s, _on_signal)
    except (ValueError, OSError):
        pass
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
