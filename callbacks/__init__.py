"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import dashboard, exports, play

__all__ = ["dashboard", "exports", "play"]
