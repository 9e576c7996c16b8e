"""The chip's portrait in a form the screen can draw: JPEG as it is, JPEG 2000 (which Qt's
image plugins do not read) converted to PNG in memory."""

from __future__ import annotations

import io

from PIL import Image

from hardware.card_reader import ImageFormat, Portrait


def displayable_portrait(portrait: Portrait) -> tuple[str, bytes]:
    """(MIME type, image bytes) for display; raises ValueError if the image does not decode."""
    if portrait.format is ImageFormat.JPEG:
        return "image/jpeg", portrait.data
    try:
        with Image.open(io.BytesIO(portrait.data)) as image:
            out = io.BytesIO()
            image.convert("RGB").save(out, format="PNG")
    except OSError as exc:
        raise ValueError("portrait image does not decode") from exc
    return "image/png", out.getvalue()
