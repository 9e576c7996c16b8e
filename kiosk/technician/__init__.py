"""Technician mode: PIN-protected device status, self-tests and where to look next."""
