"""A stand-in for systemd in the tests (there is none running here): what systemd.service(5)
documents for `Type=notify`, `NotifyAccess=main`, `WatchdogSec=`, `TimeoutAbortSec=`,
`Restart=always` and `RestartSec=`, reproduced over the real sd_notify protocol.

It listens on a datagram socket passed as NOTIFY_SOCKET (with WATCHDOG_USEC), accepts messages
only from the main process (the sender's pid, from SCM_CREDENTIALS), counts the start-up done at
READY=1, and from then on expects WATCHDOG=1 within every period: when one is missed it sends
SIGABRT (systemd's default WatchdogSignal), SIGKILL after TimeoutAbortSec, waits RestartSec and
starts the command again. It also restarts a main process that exits, as Restart=always does.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Event:
    at: float
    what: str  # started, ready, watchdog, watchdog_timeout, exited
    pid: int


@dataclass
class ServiceManager:
    command: list[str]
    socket_path: Path
    watchdog_s: float
    abort_timeout_s: float
    restart_s: float
    env: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(str(self.socket_path))
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> ServiceManager:
        self._thread.start()
        return self

    def _record(self, what: str, pid: int) -> None:
        with self._lock:
            self.events.append(Event(time.monotonic(), what, pid))

    def of(self, what: str) -> list[Event]:
        with self._lock:
            return [e for e in self.events if e.what == what]

    def _spawn(self) -> subprocess.Popen:
        env = {
            **os.environ,
            **self.env,
            "NOTIFY_SOCKET": str(self.socket_path),
            "WATCHDOG_USEC": str(int(self.watchdog_s * 1_000_000)),
        }
        process = subprocess.Popen(
            self.command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._record("started", process.pid)
        return process

    def _messages(self) -> list[tuple[int, str]]:
        try:
            data, ancillary, _, _ = self._sock.recvmsg(4096, socket.CMSG_SPACE(12))
        except TimeoutError:
            return []
        pid = 0
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", payload[:12])[0]
        return [(pid, line) for line in data.decode().splitlines()]

    def _run(self) -> None:
        while not self._stop.is_set():
            process = self.process = self._spawn()
            ready = False
            deadline = float("inf")
            while not self._stop.is_set():
                for pid, message in self._messages():
                    if pid != process.pid:  # NotifyAccess=main
                        continue
                    if message == "READY=1":
                        ready = True
                        self._record("ready", pid)
                    if message == "WATCHDOG=1":
                        self._record("watchdog", pid)
                    if ready and message in ("READY=1", "WATCHDOG=1"):
                        deadline = time.monotonic() + self.watchdog_s
                if process.poll() is not None:
                    self._record("exited", process.pid)
                    break
                if time.monotonic() > deadline:
                    self._record("watchdog_timeout", process.pid)
                    process.send_signal(signal.SIGABRT)
                    try:
                        process.wait(self.abort_timeout_s)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
                    self._record("exited", process.pid)
                    break
            if self._stop.wait(self.restart_s):
                break

    def stop(self) -> int | None:
        """Stop as systemd does (SIGTERM, SIGKILL after 10 s); the main process's exit status."""
        self._stop.set()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._thread.join(timeout=15)
        self._sock.close()
        return self.process.returncode if self.process is not None else None
