"""Citizen journeys as plain state machines: named states, events as methods, no Qt."""
