"""Importing this package registers every callback (each module uses dash.callback, none imports app)."""

from callbacks import dashboard, exports, pack, play

__all__ = ["dashboard", "exports", "pack", "play"]
