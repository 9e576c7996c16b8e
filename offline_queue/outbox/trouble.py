"""A background loop's run of failures: waits that grow while the trouble lasts, and one log
line when it starts and one when it ends, never one per attempt.

A full disk or a broken database fails every step the same way; retrying at once spins a core
and writes a traceback per attempt (issue 15 measured 17,000 in 5 s). With this, a loop that
fails waits 0.5 s, 1 s, 2 s … up to a minute between tries, and the log says "failing since
…, because …" once, then "works again after N failed tries".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from foundation.errors import message_key_of
from offline_queue.outbox.space import is_disk_full

FIRST_WAIT_S = 0.5
MAX_WAIT_S = 60.0


@dataclass
class Trouble:
    """`failed()` after a failed step returns how long to wait; `recovered()` after a good one."""

    what: str  # e.g. "the outbox uploader", for the log lines
    log: logging.Logger
    failures: int = 0
    # Translation key of the current trouble for the technician screen (None: none).
    message_key: str | None = None

    def failed(self, exc: BaseException) -> float:
        self.failures += 1
        key = _trouble_key(exc)
        if self.failures == 1 or key != self.message_key:
            # The first failure of a run (or a new kind of failure) is logged with its cause;
            # the repeats are only counted.
            self.log.error(
                "%s is failing and backs off: %s: %s",
                self.what,
                type(exc).__name__,
                exc,
                exc_info=self.failures == 1,
            )
        self.message_key = key
        return min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** min(self.failures - 1, 16))

    def recovered(self) -> None:
        if self.failures:
            self.log.warning("%s works again after %d failed tries", self.what, self.failures)
        self.failures = 0
        self.message_key = None


def _trouble_key(exc: BaseException) -> str:
    """What the technician reads (config/i18n/outbox.toml, [outbox.trouble])."""
    full = is_disk_full(exc) or message_key_of(exc, "") == "outbox.error.disk_full"
    return "outbox.trouble.disk_full" if full else "outbox.trouble.storage"
