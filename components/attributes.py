"""aria-* and data-* attributes of html components."""

from __future__ import annotations

from typing import Any


def attrs(values: dict[str, Any]) -> Any:
    """aria-* and data-* attributes of an html component: Dash takes them as keyword arguments that its generated
    signatures do not list, so they pass through here (`**attrs({"aria-label": ...})`)."""
    return values
