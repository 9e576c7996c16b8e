"""Device layer: one interface per device kind, real drivers and simulators (no Qt, no kiosk)."""

import os as _os

import platformdirs as _platformdirs

# python-escpos parses its 1 MB printer-capabilities file on import and caches the result in a
# *new* temporary folder each time (≈ 130 ms per start, and litter in /tmp) unless told where.
_cache = _platformdirs.user_cache_dir("service-centre-kiosk", appauthor=False)
_os.makedirs(_cache, exist_ok=True)
_os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", _cache)
