"""Thin QObject view-models: they expose journey state to QML and forward taps to journeys."""
