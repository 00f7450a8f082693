"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import exports, language, pages, play, state, views

__all__ = ["exports", "language", "pages", "play", "state", "views"]
