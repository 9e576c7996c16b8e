"""Kiosk core: domain, journeys (plain state machines), services and app wiring. No Qt widgets."""
