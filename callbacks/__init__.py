"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import play, state, views

__all__ = ["play", "state", "views"]
