"""Reading a Dash layout in tests: its components by id, and its whole content as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dash.development.base_component import Component


def walk(node: Any) -> Iterator[Component]:
    """Every component of a layout, depth first (children and component-valued props such as labels)."""
    if isinstance(node, list | tuple):
        for child in node:
            yield from walk(child)
    elif isinstance(node, Component):
        yield node
        for name in node._prop_names:
            value = getattr(node, name, None)
            if isinstance(value, Component | list | tuple):
                yield from walk(value)


def by_id(layout: Any) -> dict[Any, Component]:
    """Components with an id, by id (pattern-matching ids as their JSON text); duplicates raise."""
    found: dict[Any, Component] = {}
    for component in walk(layout):
        identifier = getattr(component, "id", None)
        if identifier is None:
            continue
        key = json.dumps(identifier, sort_keys=True) if isinstance(identifier, dict) else identifier
        assert key not in found, f"duplicate id {key}"
        found[key] = component
    return found


def text_of(layout: Any) -> str:
    """The layout as the JSON the browser receives."""
    return json.dumps(layout, default=lambda c: c.to_plotly_json())
