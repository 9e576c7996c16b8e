"""A stand-in for the provincial system: implements the contract for demos and tests, keeps
what it receives in its own SQLite, and fails on command (faults.py)."""
