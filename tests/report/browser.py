"""Headless Chromium for the report tests: a page loaded over the DevTools protocol (through
``--remote-debugging-pipe``, no sockets) with every console message, script error and network
request recorded, and Chromium's own ``--screenshot`` and ``--print-to-pdf``.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it when it is missing).  Every
run gets a new empty profile and no network: ``--host-resolver-rules`` maps every host name to
nothing, so a page that tried to fetch would fail to, and the request is still recorded.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def run_flags(exe: str, url: str, *flags: str, timeout: float = 90) -> subprocess.CompletedProcess:
    """Chromium once with ``flags`` (e.g. ``--screenshot=PATH``) on ``url``, in a new empty
    profile."""
    with tempfile.TemporaryDirectory(prefix="planner-chromium-") as profile:
        return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *flags, url],
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


class Browser:
    """One Chromium process driven over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out, JSON
    messages ended by a NUL byte)."""

    def __init__(self, exe: str, timeout: float = 60):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="planner-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds():                  # in the child: the pipe ends become fds 3 and 4
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe",
             "--window-size=1280,2000", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=fds, pass_fds=(3, 4))
        os.close(to_child_r)
        os.close(from_child_w)
        self._next = 0
        self._buf = b""
        self.events: list = []
        self._stderr: list = []
        threading.Thread(target=lambda: self._stderr.extend(self.proc.stderr), daemon=True
                         ).start()

    # -- the protocol ----------------------------------------------------------------------
    def _read(self) -> dict:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe: "
                                   + b"".join(self._stderr[-20:]).decode(errors="replace"))
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def wait_for(self, method: str, since: int = 0) -> dict:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for e in self.events[since:]:
                if e.get("method") == method:
                    return e
            self.events.append(self._read())
        raise TimeoutError(method)

    # -- a page ----------------------------------------------------------------------------
    def load(self, url: str) -> "PageRun":
        """Open ``url`` in a new tab and wait for its load event; returns what happened."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target,
                                                     "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        start = len(self.events)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", start)
        # anything the page does right after its load event (timers, late requests)
        self.send("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 300))",
                                       "awaitPromise": True}, session=session)
        mine = [e for e in self.events[start:] if e.get("sessionId") == session]
        return PageRun(self, session, target, mine)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:           # noqa: BLE001 (already gone)
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


class PageRun:
    """A loaded page: its console errors, script errors and network requests."""

    def __init__(self, browser: Browser, session: str, target: str, events: list):
        self.browser, self.session, self.target, self.events = browser, session, target, events

    def _of(self, method: str) -> list:
        return [e["params"] for e in self.events if e.get("method") == method]

    @property
    def errors(self) -> list[str]:
        """Script exceptions, console.error/assert calls and browser log entries of level
        error or warning."""
        out = [p["exceptionDetails"].get("text", "") + " "
               + str(p["exceptionDetails"].get("exception", {}).get("description", ""))
               for p in self._of("Runtime.exceptionThrown")]
        out += [" ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
                for p in self._of("Runtime.consoleAPICalled")
                if p["type"] in ("error", "assert", "warning")]
        out += [f"{p['entry']['source']}: {p['entry']['text']}"
                for p in self._of("Log.entryAdded")
                if p["entry"]["level"] in ("error", "warning")]
        return out

    @property
    def requests(self) -> list[str]:
        """The URL of every request the page made (the page itself included)."""
        return [p["request"]["url"] for p in self._of("Network.requestWillBeSent")]

    def evaluate(self, expression: str):
        res = self.browser.send("Runtime.evaluate", {"expression": expression,
                                                     "returnByValue": True},
                                session=self.session)
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")
