"""The contract's item id: what may travel as an idempotency key, in a header and in a path.
Its own module so the outbox, the client and the stand-in check ids alike without the outbox
loading the HTTP client."""

from __future__ import annotations

import re

# Ids travel in headers and paths: keep them to characters that need no escaping anywhere.
ITEM_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
