"""Where the kiosk key is protected: sealed by the machine's TPM 2.0 where there is one, so a
copy of the data disk alone opens nothing; otherwise kept as a plain file beside the data, with
a warning the technician sees.

One small interface, `KeySealer`, so each platform adds its own: Linux uses systemd-creds
(`systemd-creds encrypt --with-key=tpm2`, systemd ≥ 250), which binds the blob to this
machine's TPM. Windows would use DPAPI or the TPM platform crypto provider (not built yet:
see README, "Where the kiosk key lives").
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Protocol

SEALED_MAGIC = b"KIOSK-SEALED-KEY/1 "
# The name systemd-creds binds into the credential: a blob sealed for something else fails.
CREDENTIAL_NAME = "service-centre-kiosk-outbox-key"
_TIMEOUT_S = 30


class SealingError(Exception):
    """The sealer could not seal or unseal (no TPM any more, another machine, damage)."""


class KeySealer(Protocol):
    # Translation key of the technician's warning when the key is not protected off the disk.
    warning_key: str | None

    def seal(self, secret: bytes) -> bytes: ...

    def unseal(self, blob: bytes) -> bytes: ...


class PlainFileSealer:
    """No protection beyond the file's mode: whoever copies the disk has the key."""

    warning_key: str | None = "outbox.key.on_data_disk"

    def seal(self, secret: bytes) -> bytes:
        return secret

    def unseal(self, blob: bytes) -> bytes:
        return blob


class SystemdCredsTpmSealer:
    """The key sealed by the TPM through systemd-creds; unsealing needs this very machine."""

    warning_key: str | None = None

    def __init__(self, program: str) -> None:
        self._program = program

    def seal(self, secret: bytes) -> bytes:
        return SEALED_MAGIC + self._run(
            ["encrypt", "--with-key=tpm2", f"--name={CREDENTIAL_NAME}", "-", "-"], secret
        )

    def unseal(self, blob: bytes) -> bytes:
        if not blob.startswith(SEALED_MAGIC):
            return blob  # a key written before the TPM was used: sealed on its next write
        return self._run(
            ["decrypt", f"--name={CREDENTIAL_NAME}", "-", "-"], blob[len(SEALED_MAGIC) :]
        )

    def _run(self, arguments: list[str], data: bytes) -> bytes:
        try:
            done = subprocess.run(
                [self._program, *arguments], input=data, capture_output=True, timeout=_TIMEOUT_S
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SealingError(f"systemd-creds did not run: {exc}") from exc
        if done.returncode != 0:
            raise SealingError(done.stderr.decode(errors="replace").strip()[:300])
        return done.stdout


def tpm_sealer() -> SystemdCredsTpmSealer | None:
    """The TPM sealer when systemd-creds reports a usable TPM 2.0 ("has-tpm2" exits 0 only when
    firmware, driver and system all support it), else None."""
    program = shutil.which("systemd-creds")
    if program is None:
        return None
    try:
        probe = subprocess.run(
            [program, "has-tpm2"], capture_output=True, timeout=_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return SystemdCredsTpmSealer(program) if probe.returncode == 0 else None


def best_sealer() -> KeySealer:
    """The strongest protection this machine offers; the plain file as the fallback."""
    return tpm_sealer() or PlainFileSealer()
