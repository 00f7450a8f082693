"""Small building blocks shared by the pages: the graph configuration and labelled controls."""

from __future__ import annotations

import dash_bootstrap_components as dbc

from components import ids

GRAPH_CONFIG = {
    # No plotly toolbar: its bare PNG lacks title, source and date, and its tooltips are English only; each
    # chart's Download menu makes slide images in the page's language instead.
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": True,
    # plotly's geo subplot fetches world_110m.json whenever locationmode is set; serve a local stub instead.
    "topojsonURL": "/assets/topojson/",
}


def labelled(control_id: str, label: str, control: object, width: dict[str, int]) -> dbc.Col:
    label_el = dbc.Label(label, html_for=control_id, id=ids.LABEL_PREFIX + control_id, className="control-label")
    return dbc.Col([label_el, control], **width)


def toggle(control_id: str, options: list[dict[str, str]], extra_class: str) -> dbc.RadioItems:
    """A group of radio buttons drawn as a button bar (keyboard: arrow keys move between options)."""
    return dbc.RadioItems(
        id=control_id, options=options, inline=True, className=f"btn-group {extra_class}",
        inputClassName="btn-check", labelClassName="btn btn-outline-secondary btn-sm", labelCheckedClassName="active",
    )  # fmt: skip
