"""Device layer: one interface per device kind, real drivers and simulators (no Qt, no kiosk)."""
