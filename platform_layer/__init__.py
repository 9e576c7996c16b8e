"""Every call of the kiosk that differs between operating systems, in one place.

The Linux side is what runs and is tested (tests/fleet/test_platform_layer.py). Each Windows
branch raises `NotOnThisPlatform` naming what a Windows build still needs, rather than
pretending: nothing here is called done for Windows until it has run on Windows (README,
"Windows"). Every other package may import this one; it imports none of them.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

IS_WINDOWS = sys.platform == "win32"

# A printer device node as Linux names it (usblp); Windows would name a port such as "USB001".
DEFAULT_PRINTER_DEVICE = "/dev/usb/lp0"


class NotOnThisPlatform(NotImplementedError):
    """The call has no implementation on this operating system yet; the text says which."""


class AlreadyLocked(RuntimeError):
    """Another process holds the lock file."""


def _windows_needs(what: str) -> NotOnThisPlatform:
    return NotOnThisPlatform(f"a Windows build still needs {what}")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new name in `folder` survive a power cut."""
    if IS_WINDOWS:
        raise _windows_needs("MoveFileExW(MOVEFILE_WRITE_THROUGH) instead of a folder fsync")
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes, *, durable: bool) -> None:
    """Write `path` under a unique temporary name beside it, then rename it into place, so no
    reader (another kiosk, another test worker) ever sees half a file. `durable`: also make the
    content and the rename survive a power cut (not needed for a cache that can be rebuilt)."""
    import tempfile  # only on a write: off the start-up path of every caller

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def is_private(path: Path) -> bool:
    """True when neither group nor others may read or write `path` (a key or a secret)."""
    if IS_WINDOWS:
        raise _windows_needs("a check of the file's ACL (owner and SYSTEM only)")
    return not stat.S_IMODE(path.stat().st_mode) & 0o077


def file_mode(path: Path) -> int:
    """The permission bits, for messages that tell a technician what to fix."""
    return stat.S_IMODE(path.stat().st_mode)


def make_private(path: Path) -> None:
    """Owner only: 0700 for a folder, 0600 for a file."""
    if IS_WINDOWS:
        raise _windows_needs("an ACL granting the kiosk user and SYSTEM only")
    path.chmod(0o700 if path.is_dir() else 0o600)


def set_executable(path: Path, executable: bool) -> None:
    """A release file's mode as its manifest states it (0755 or 0644)."""
    if IS_WINDOWS:
        raise _windows_needs("nothing (Windows has no executable bit): make this a no-op there")
    path.chmod(0o755 if executable else 0o644)


def is_executable(path: Path) -> bool:
    if IS_WINDOWS:
        raise _windows_needs("executability by file extension (.exe, .dll)")
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o111)


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold `path` locked for the block; raises AlreadyLocked at once if another process has
    it. The kernel drops the lock when the process dies, so a crash never leaves it stuck."""
    if IS_WINDOWS:
        raise _windows_needs("msvcrt.locking (LK_NBLCK) on the lock file")
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise AlreadyLocked(f"{path} is held by another process") from exc
        yield
    finally:
        os.close(fd)


def on_termination(handler: Callable[[], None]) -> None:
    """Call `handler` when the service manager asks the kiosk to stop (SIGTERM) or the
    session ends (SIGHUP). Python runs signal handlers on the main thread."""
    if IS_WINDOWS:
        raise _windows_needs("SetConsoleCtrlHandler / a service control handler (SERVICE_STOP)")
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: handler())


def switch_link(link: Path, target: Path) -> None:
    """Point `link` at `target` atomically: readers see the old target or the new one, never
    none. This is how a release or a configuration bundle is switched in and rolled back."""
    if IS_WINDOWS:
        raise _windows_needs("a directory junction swapped with MoveFileEx, or a launcher file")
    temporary = link.with_name(f".{link.name}.switch")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target, target_is_directory=True)
    os.replace(temporary, link)
    fsync_dir(link.parent)


def link_target(link: Path) -> Path | None:
    """Where `link` points (resolved against its folder), or None when there is no link."""
    if IS_WINDOWS:
        raise _windows_needs("reading a directory junction")
    if not link.is_symlink():
        return None
    target = Path(os.readlink(link))
    return target if target.is_absolute() else link.parent / target


def notify_service_manager(message: str) -> bool:
    """Tell the service manager our state (sd_notify: "READY=1", "WATCHDOG=1", "STOPPING=1").

    A datagram to $NOTIFY_SOCKET, which systemd sets for Type=notify units; a leading "@" is
    Linux's abstract namespace. Returns False when no service manager listens (a terminal, a
    test). Never blocks: the Qt thread calls this to feed the watchdog.
    """
    if IS_WINDOWS:
        raise _windows_needs("SetServiceStatus from a service control dispatcher")
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
        sock.setblocking(False)
        try:
            sock.sendto(message.encode(), address)
        except OSError:
            return False
    return True


def watchdog_interval_seconds() -> float | None:
    """The service manager's watchdog period (WatchdogSec), if it watches this very process."""
    if IS_WINDOWS:
        raise _windows_needs("a watchdog of its own: Windows services have none")
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0 or (pid and pid != str(os.getpid())):
        return None
    return int(usec) / 1_000_000


def release_free_memory() -> bool:
    """Hand the memory the C library's allocator holds free back to the system (glibc's
    malloc_trim). Freed memory otherwise stays with the process: the soak saw the threads'
    arenas keep 15-40 MB after camera frames and tickets while the memory in use stayed flat.
    True when some went back; False where the C library has no such call (musl). Call it off
    the Qt thread: it walks every arena."""
    if IS_WINDOWS:
        raise _windows_needs("_heapmin for the C runtime's heap")
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    return bool(trim(0)) if trim is not None else False
