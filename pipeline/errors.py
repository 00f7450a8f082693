"""The one exception the build raises for bad input: its message names the file, row and column."""


class RawDataError(Exception):
    """A raw or reference file is missing or malformed; the message is one line naming where."""
