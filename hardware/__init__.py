"""Device layer: one interface per device kind, real drivers and simulators (no Qt, no kiosk)."""

import platformdirs as _platformdirs

from hardware import escpos_cache as _escpos_cache

# python-escpos caches its parsed printer profiles in a *new* temporary folder per start unless
# told where (≈ 130 ms per start and litter in /tmp); the cache is written safely for two starts.
_escpos_cache.prepare(_platformdirs.user_cache_dir("service-centre-kiosk", appauthor=False))
