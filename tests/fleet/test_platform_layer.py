"""The Linux side of the platform module, against the real kernel: folder fsync, owner-only
files, a lock another process holds, termination signals, atomic link switches and the
sd_notify datagram a service manager receives."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import platform_layer
from platform_layer import AlreadyLocked


def test_fsync_dir_accepts_a_folder_and_refuses_a_file(tmp_path: Path) -> None:
    platform_layer.fsync_dir(tmp_path)
    (tmp_path / "f").write_text("x")
    with pytest.raises(NotADirectoryError):
        platform_layer.fsync_dir(tmp_path / "f")


def test_private_files_and_modes(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("x")
    secret.chmod(0o644)
    assert not platform_layer.is_private(secret)
    platform_layer.make_private(secret)
    assert platform_layer.is_private(secret) and platform_layer.file_mode(secret) == 0o600
    platform_layer.make_private(tmp_path)
    assert platform_layer.file_mode(tmp_path) == 0o700
    platform_layer.set_executable(secret, True)
    assert platform_layer.is_executable(secret)
    platform_layer.set_executable(secret, False)
    assert not platform_layer.is_executable(secret)


def test_a_lock_held_by_another_process_is_refused_then_freed_by_its_death(
    tmp_path: Path,
) -> None:
    lock = tmp_path / "update.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from platform_layer import exclusive_lock
                with exclusive_lock(Path({str(lock)!r})):
                    print("held", flush=True)
                    time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyLocked), platform_layer.exclusive_lock(lock):
            pass
    finally:
        holder.kill()  # no clean-up code runs: the kernel must drop the lock
        holder.wait()
    with platform_layer.exclusive_lock(lock):
        pass


def test_termination_signals_reach_the_handler() -> None:
    called = threading.Event()
    previous = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGHUP)}
    try:
        platform_layer.on_termination(called.set)
        os.kill(os.getpid(), signal.SIGTERM)
        assert called.wait(2)
        called.clear()
        os.kill(os.getpid(), signal.SIGHUP)
        assert called.wait(2)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def test_switch_link_replaces_the_target_and_can_go_back(tmp_path: Path) -> None:
    old, new = tmp_path / "releases" / "1", tmp_path / "releases" / "2"
    old.mkdir(parents=True)
    new.mkdir()
    current = tmp_path / "current"
    assert platform_layer.link_target(current) is None
    platform_layer.switch_link(current, old)
    platform_layer.switch_link(current, new)
    assert platform_layer.link_target(current) == new
    assert current.resolve() == new.resolve()
    platform_layer.switch_link(current, old)
    assert current.resolve() == old.resolve()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("abstract", [False, True])
def test_notify_reaches_a_listening_service_manager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, abstract: bool
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        if abstract:
            name = f"kiosk-test-{os.getpid()}"
            manager.bind("\0" + name)
            monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        else:
            path = tmp_path / "notify"
            manager.bind(str(path))
            monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        manager.settimeout(2)
        assert platform_layer.notify_service_manager("READY=1")
        assert manager.recv(256) == b"READY=1"


def test_notify_without_a_manager_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not platform_layer.notify_service_manager("WATCHDOG=1")
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody-listens"))
    assert not platform_layer.notify_service_manager("WATCHDOG=1")


def test_watchdog_interval_only_for_the_watched_process(monkeypatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "20000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert platform_layer.watchdog_interval_seconds() == 20.0
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert platform_layer.watchdog_interval_seconds() == 20.0
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert platform_layer.watchdog_interval_seconds() is None
    monkeypatch.setenv("WATCHDOG_USEC", "0")
    monkeypatch.delenv("WATCHDOG_PID")
    assert platform_layer.watchdog_interval_seconds() is None


def test_freed_memory_goes_back_to_the_system() -> None:
    """24 MB written and freed below a block still in use (so the heap cannot just shrink):
    it stays resident until released."""
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    size = 60 * 1024  # under the allocator's mmap threshold: taken from the heap
    blocks = [libc.malloc(size) for _ in range(400)]
    for block in blocks:
        ctypes.memset(block, 1, size)
    for block in blocks[:-1]:
        libc.free(block)
    before = resident_kib()
    assert platform_layer.release_free_memory() is True
    assert before - resident_kib() > 12 * 1024
    libc.free(blocks[-1])


def resident_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
