"""The floor every room stands on: the kiosk's user-facing error base (`foundation.errors`) and
its lazy-import convention (`foundation.lazy_imports`). It imports none of the rooms, so
`hardware`, `offline_queue`, `kiosk` and `ui` may all import it."""
