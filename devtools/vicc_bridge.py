"""Puts a virtual chip card (`devtools.icao_card`) behind pcscd's virtual reader (Debian's
vsmartcard `vpcd`), so the real PC/SC stack — pcscd, the vpcd driver, pyscard — reads it
exactly as it reads a card.

Only tests, benches and demos use this module: it imports `virtualsmartcard` (GPL-3, a Debian
package, never bundled into the kiosk). It always connects to 127.0.0.1; vpcd slots are ports
35963 and 35964. Run `python -m devtools.vicc_bridge` to lay a demo card on the reader.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import socket
import threading
import time
from pathlib import Path
from typing import Any

from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC

from devtools.icao_card import IcaoCard

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963


def reader_name(port: int = VPCD_PORT) -> str:
    """The PC/SC name pcscd gives the vpcd slot listening on `port`."""
    return f"Virtual PCD 00 {port - VPCD_PORT:02d}"


def vpcd_listening(port: int = VPCD_PORT) -> bool:
    """Whether vpcd (inside pcscd) listens on `port`, read from /proc so no probe connection
    is made (vpcd would take any connection for a card)."""
    wanted = f":{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[1].endswith(wanted) and fields[3] == "0A":  # 0A = LISTEN
                return True
    return False


class _QuietLibraryLog(logging.Filter):
    """virtualsmartcard logs every APDU (hex dumps) and a SAM warning through the root logger;
    only its errors are worth keeping."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR or "virtualsmartcard" not in record.pathname


def _quieten_library() -> None:
    root = logging.getLogger()
    if not any(isinstance(f, _QuietLibraryLog) for f in root.filters):
        root.addFilter(_QuietLibraryLog())


class _QuickAckSocket:
    """vpcd writes the length and the APDU separately; with delayed ACKs every APDU would then
    stall 40 ms. Re-arming TCP_QUICKACK before each read keeps a round trip well under 1 ms."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def recv(self, size: int) -> bytes:
        if hasattr(socket, "TCP_QUICKACK"):
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return self._sock.recv(size)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _CardOS(SmartcardOS):
    """The card as the slot shows it, with the two faults a hand or a chip can cause."""

    def __init__(self, slot: VirtualCardSlot) -> None:
        self._slot = slot

    def getATR(self) -> bytes:
        return self._slot.card.getATR()

    def powerUp(self) -> None:
        self._slot.card.reset()

    def reset(self) -> None:
        self._slot.card.reset()

    def execute(self, msg: bytes) -> bytes:
        slot = self._slot
        slot.apdus += 1
        if slot.delay_seconds:
            time.sleep(slot.delay_seconds)  # a slower chip or a weaker field
        if slot.remove_after is not None and slot.apdus > slot.remove_after:
            slot.disconnect()
            return b""
        if slot.hang_after is not None and slot.apdus > slot.hang_after:
            slot.released.wait()
            return b""
        return slot.card.execute(bytes(msg))


class VirtualCardSlot:
    """One virtual card in one vpcd slot: `insert()` connects it, `remove()` takes it away.

    `remove_after=n` pulls the card out when the reader sends APDU n+1 (a hand taking the card
    mid-read); `hang_after=n` makes the card stop answering from APDU n+1 (a dead chip);
    `delay_seconds` adds that long to every APDU.
    """

    def __init__(
        self,
        card: IcaoCard,
        port: int = VPCD_PORT,
        *,
        remove_after: int | None = None,
        hang_after: int | None = None,
        delay_seconds: float = 0.0,
    ) -> None:
        self.card = card
        self.delay_seconds = delay_seconds
        self.port = port
        self.remove_after = remove_after
        self.hang_after = hang_after
        self.apdus = 0
        self.released = threading.Event()
        self._icc: VirtualICC | None = None
        self._thread: threading.Thread | None = None

    @property
    def reader(self) -> str:
        return reader_name(self.port)

    def insert(self, timeout: float = 8.0) -> None:
        """Connect to vpcd and wait until pcscd reports the card present."""
        _quieten_library()
        wait_for_reader(self.reader, present=False, timeout=timeout)
        for _attempt in range(2):
            self.apdus = 0
            self.released.clear()
            icc = VirtualICC(None, "iso7816", VPCD_HOST, self.port, logginglevel=logging.WARNING)
            icc.os = _CardOS(self)
            icc.sock = _QuickAckSocket(icc.sock)
            self._icc = icc
            self._thread = threading.Thread(
                target=self._serve, name=f"vicc:{self.port}", daemon=True
            )
            self._thread.start()
            if wait_for_reader(self.reader, present=True, timeout=timeout / 2, raise_=False):
                return
            self.remove()  # vpcd dropped a connection made while it was still closing the last
        raise TimeoutError(f"pcscd never saw the virtual card in {self.reader}")

    def _serve(self) -> None:
        icc = self._icc
        # the loop ends by an error or sys.exit() when the connection closes: card taken away
        with contextlib.suppress(OSError, SystemExit):
            icc.run()

    def disconnect(self) -> None:
        """Cut the card's connection to vpcd, as lifting the card off the reader does."""
        if self._icc is not None:
            with contextlib.suppress(OSError):
                self._icc.sock.shutdown(socket.SHUT_RDWR)

    def wait(self) -> None:
        """Block until the card is taken away (for the demo command)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(1.0)

    def remove(self, timeout: float = 8.0) -> None:
        """Take the card away and wait until pcscd reports the reader empty."""
        self.released.set()
        self.disconnect()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._icc is not None:
            self._icc.sock.close()
        self._icc = None
        self._thread = None
        wait_for_reader(self.reader, present=False, timeout=timeout, raise_=False)


def wait_for_reader(name: str, *, present: bool, timeout: float, raise_: bool = True) -> bool:
    """Poll pcscd until the reader `name` shows a card (or shows none)."""
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        raise RuntimeError("pcscd is not running")
    try:
        end = time.monotonic() + timeout
        state = scard.SCARD_STATE_UNAWARE
        while True:
            hresult, states = scard.SCardGetStatusChange(context, 100, [(name, state)])
            if hresult == scard.SCARD_S_SUCCESS:
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if bool(state & scard.SCARD_STATE_PRESENT) == present:
                    return True
            if time.monotonic() > end:
                if raise_:
                    raise TimeoutError(f"{name} did not become {'present' if present else 'empty'}")
                return False
    finally:
        scard.SCardReleaseContext(context)


def main() -> None:
    """Lay a demo card (PACE and BAC, Active Authentication) on vpcd's first slot until
    interrupted: the kiosk's PC/SC driver reads it as a real card."""
    import datetime as dt

    from devtools.icao_card import CardBehaviour
    from devtools.icao_card_files import Holder, build
    from devtools.icao_issuer import Issuer

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=VPCD_PORT)
    parser.add_argument("--csca-dir", type=Path, help="write the demo CSCA certificate here")
    args = parser.parse_args()
    holder = Holder(
        id_number="019196000123",
        full_name="Hoàng Thị Ngọc Ánh",
        birth=dt.date(1996, 4, 2),
        sex="Nữ",
        issue=dt.date(2023, 9, 14),
        expiry=dt.date(2036, 4, 2),
    )
    signer = Issuer()
    if args.csca_dir:
        args.csca_dir.mkdir(parents=True, exist_ok=True)
        (args.csca_dir / "demo-csca.pem").write_bytes(signer.csca_pem())
    contents = build(holder, signer, portrait=True)
    slot = VirtualCardSlot(IcaoCard(contents.files, contents.secrets, CardBehaviour()), args.port)
    slot.insert()
    print(f"Demo card present in {slot.reader}; ID number {holder.id_number}, born 02/04/1996")
    try:
        slot.wait()
    except KeyboardInterrupt:
        pass
    finally:
        slot.remove()


if __name__ == "__main__":
    main()
