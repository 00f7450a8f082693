"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import language, play, state, views

__all__ = ["language", "play", "state", "views"]
