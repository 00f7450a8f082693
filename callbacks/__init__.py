"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import exports, language, play, state, views

__all__ = ["exports", "language", "play", "state", "views"]
