"""A page's layout written as plain HTML: the first paint, before (and without) any script.

The server sends this HTML with the page; the interactive app later draws the same layout (components/pages.py)
and takes its place (assets/boot.js), so each component is written as the markup its Dash component renders when
it is closed and idle: the same classes and boxes, hence no jump at the swap. Charts are their static SVG
(core.charts.stills) in a box of the size the interactive chart takes. Ids are left out (the app's own elements
carry them) and kept as data-id, so the focus can follow to the app's element; controls are inert until the app
runs, links and the text are live. A component type this module does not know raises: a new one must be taught
here (tests/test_static.py writes every page)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from dash.development.base_component import Component

from components import ids
from core.charts import stills
from core.charts.model import Chart

# Props of html components written as attributes, under their HTML name.
RENAMED = {"className": "class", "htmlFor": "for", "hrefLang": "hreflang", "colSpan": "colspan", "rowSpan": "rowspan"}
SKIPPED = {"children", "id", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "style", "key"}
VOID = {"area", "br", "col", "hr", "img", "input", "wbr"}
TAGS = {"ObjectEl": "object", "MapEl": "map"}
NOTHING = {"Store", "Location", "Interval", "Download", "Modal"}  # draw nothing while closed or idle
CAMEL = re.compile(r"[A-Z]")
KEPT_IDS = {"main"}  # in-page targets (the skip link's), needed before the app runs; no Dash code looks them up
# Ids that other elements of the first paint point at: a chart's name and description (its box's aria-labelledby and
# aria-describedby), a control's visible label (the inert control's aria-labelledby) and in-page link targets.
KEPT_PREFIXES = (ids.WORDS_PREFIX, ids.LABEL_PREFIX, *ids.ANCHORS)
SLIDER_THUMB = 8  # px: Dash's slider keeps marks and thumb this far inside each end


def _attr(name: str, value: Any) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    return f' {name}="{html.escape(str(value), quote=True)}"'


def _css(style: Mapping[str, Any] | None) -> str:
    if not style:
        return ""
    declarations = (f"{CAMEL.sub(lambda m: '-' + m.group(0).lower(), key)}: {value}" for key, value in style.items())
    return _attr("style", "; ".join(declarations))


def _data_id(component: Component) -> str:
    identifier = getattr(component, "id", None)
    if identifier is None:
        return ""
    if isinstance(identifier, str) and (identifier in KEPT_IDS or identifier.startswith(KEPT_PREFIXES)):
        return _attr("id", identifier)
    return _attr("data-id", identifier if isinstance(identifier, str) else json.dumps(identifier, sort_keys=True))


def _html(component: Component, inner: str) -> str:
    """An html.* component: its tag, attributes (aria-*, data-* included) and children."""
    tag = TAGS.get(component._type, component._type.lower())
    props = component.to_plotly_json()["props"]  # declared props and aria-*/data-* attributes
    attrs = "".join(_attr(RENAMED.get(name, name), value) for name, value in props.items() if name not in SKIPPED)
    attrs += _css(props.get("style")) + _data_id(component)
    return f"<{tag}{attrs}>" if tag in VOID else f"<{tag}{attrs}>{inner}</{tag}>"


class Writer:
    """Writes one page: `charts` are the page's charts by id (their stills fill the graphs)."""

    def __init__(self, charts: Mapping[str, Chart], sizes: Mapping[str, tuple[int, int]]) -> None:
        self.charts = charts
        self.sizes = sizes  # the box each chart is drawn in, by chart id (nominal: the SVG scales to its box)
        self.special: dict[str, Callable[[Any], str]] = {
            "Graph": self.graph,
            "Slider": self.slider,
            "Container": self.container,
            "Row": lambda c: self.div(c, "row"),
            "Col": self.col,
            "Label": self.label,
            "RadioItems": self.radio_items,
            "DropdownMenu": self.dropdown_menu,
            "Alert": self.alert,
            "Select": self.select,
            "Input": self.text_input,
        }

    def write(self, node: Any) -> str:
        if node is None or isinstance(node, bool):
            return ""
        if isinstance(node, str | int | float):
            return html.escape(str(node))
        if isinstance(node, list | tuple):
            return "".join(self.write(child) for child in node)
        if not isinstance(node, Component):
            raise TypeError(f"not a component: {type(node).__name__}")
        if node._type in NOTHING:
            return ""
        if node._namespace == "dash_html_components":
            return _html(node, self.write(getattr(node, "children", None)))
        if node._type in self.special:
            return self.special[node._type](node)
        raise TypeError(f"components/static.py cannot write {node._namespace}.{node._type}")

    def div(self, component: Any, base: str) -> str:
        return f"<div{_attr('class', _classes(base, component))}>{self.write(_p(component, 'children'))}</div>"

    def label(self, component: Any) -> str:
        inner = self.write(_p(component, "children"))
        return f"<label{_attr('class', _classes('form-label', component))}{_data_id(component)}>{inner}</label>"

    def container(self, component: Any) -> str:
        return self.div(component, "container-fluid" if getattr(component, "fluid", False) else "container")

    def col(self, component: Any) -> str:
        sizes = [("xs", "col-{}"), ("sm", "col-sm-{}"), ("md", "col-md-{}"), ("lg", "col-lg-{}"), ("xl", "col-xl-{}")]
        widths = [pattern.format(getattr(component, name)) for name, pattern in sizes if getattr(component, name, None)]
        return self.div(component, " ".join(widths) or "col")

    def graph(self, component: Any) -> str:
        """The chart's still in the box the interactive chart takes (a bare box when it has none)."""
        chart = self.charts.get(_p(component, "id"))
        width, height = self.sizes.get(_p(component, "id"), (540, chart.height if chart else 300))
        svg = stills.still(chart, width, height) if chart is not None else None
        natural = chart is not None and chart.kind == "ranking"  # as tall as its rows, like the figure
        box = f' style="height: {_svg_height(svg)}px"' if natural and svg else ""
        inner = f'<div class="static-chart"{box}>{_fit(svg)}</div>' if svg else '<div class="static-chart"></div>'
        style = _css(_p(component, "style")) if _p(component, "style") else _attr("style", "height: 100%")
        return f"<div{_attr('class', _classes('dash-graph', component))}{style}{_data_id(component)}>{inner}</div>"

    def slider(self, component: Any) -> str:
        """A dcc.Slider at rest: the track, the marks and the thumb where the value is."""
        low, high = float(_p(component, "min")), float(_p(component, "max"))

        def left(value: float) -> str:
            share = (value - low) / (high - low) if high > low else 0.0
            offset = SLIDER_THUMB - 2 * SLIDER_THUMB * share
            return f"calc({share * 100:g}% + {offset:g}px)"

        marks = "".join(
            f'<div class="dash-slider-mark" style="left: {left(float(v))}; bottom: 0px; transform: translateX(-50%);">'
            f"{html.escape(str(label))}</div>"
            for v, label in (_p(component, "marks") or {}).items()
        )
        at = left(float(_p(component, "value")))
        thumb = (
            f'<span style="position: absolute; left: {at}; transform: translateX(-50%);">'
            '<span class="dash-slider-thumb"></span></span>'
        )
        return (
            f'<div class="dash-slider-container"{_data_id(component)}><div class="dash-slider-wrapper">'
            f'<span class="dash-slider-root{" has-marks" if marks else ""}">'
            f'<span class="dash-slider-track"></span>{marks}{thumb}</span></div></div>'
        )

    def radio_items(self, component: Any) -> str:
        """dbc.RadioItems drawn as buttons: each option's (inert) input and label, the chosen one active."""
        inline = " form-check-inline" if _p(component, "inline") else ""
        options = []
        for option in _p(component, "options"):
            checked = option["value"] == _p(component, "value")
            chosen = _p(component, "labelCheckedClassName") if checked else ""
            label_class = " ".join(c for c in ("form-check-label", _p(component, "labelClassName"), chosen) if c)
            input_class = " ".join(c for c in ("form-check-input", _p(component, "inputClassName")) if c)
            options.append(
                f'<div class="form-check{inline}"><input type="radio" tabindex="-1"'
                f"{_attr('class', input_class)}{_attr('checked', checked)}{_attr('aria-label', option['label'])}>"
                f"<label{_attr('class', label_class)}>{self.write(option['label'])}</label></div>"
            )
        return f"<div{_attr('class', _p(component, 'className'))}{_data_id(component)}>{''.join(options)}</div>"

    def select(self, component: Any) -> str:
        """A dbc.Select: a native <select> with its options, the value chosen (inert until the app runs)."""
        size = _p(component, "size")
        classes = "form-select" + (f" form-select-{size}" if size else "")
        options = "".join(
            f"<option{_attr('value', o['value'])}{_attr('selected', o['value'] == _p(component, 'value'))}>"
            f"{html.escape(str(o['label']))}</option>"
            for o in _p(component, "options") or []
        )
        named = _attr("aria-labelledby", ids.LABEL_PREFIX + _p(component, "id"))
        return f'<select tabindex="-1"{_attr("class", classes)}{named}{_data_id(component)}>{options}</select>'

    def text_input(self, component: Any) -> str:
        """A dcc.Input: the field with its placeholder (its suggestions list is the app's)."""
        return (
            f'<input tabindex="-1"{_attr("type", _p(component, "type") or "text")}'
            f"{_attr('class', _p(component, 'className'))}{_attr('placeholder', _p(component, 'placeholder'))}"
            f"{_attr('value', _p(component, 'value'))}"
            f"{_attr('aria-labelledby', ids.LABEL_PREFIX + _p(component, 'id'))}"
            f"{_data_id(component)}>"
        )

    def dropdown_menu(self, component: Any) -> str:
        """A closed dbc.DropdownMenu: its toggle button only."""
        color, size = _p(component, "color") or "primary", _p(component, "size")
        button = f"dropdown-toggle btn btn-{color}" + (f" btn-{size}" if size else "")
        return (
            f"<div{_attr('class', _classes('dropdown', component))}>"
            f'<button type="button" tabindex="-1" aria-expanded="false"{_attr("class", button)}>'
            f"{html.escape(str(_p(component, 'label')))}</button></div>"
        )

    def alert(self, component: Any) -> str:
        classes = _classes(f"alert alert-{_p(component, 'color') or 'primary'} fade show", component)
        if _p(component, "dismissable"):
            classes += " alert-dismissible"
        close = '<button type="button" class="btn-close" tabindex="-1" aria-hidden="true"></button>'
        body = self.write(_p(component, "children"))
        closer = close if _p(component, "dismissable") else ""
        return f'<div role="alert"{_attr("class", classes)}>{body}{closer}</div>'


def _p(component: Any, name: str) -> Any:
    """A prop of a Dash component, None when it was not given (Dash raises AttributeError for those)."""
    return getattr(component, name, None)


def _classes(base: str, component: Any) -> str:
    extra = _p(component, "className")
    return f"{base} {extra}" if extra else base


SVG_ROOT = re.compile(r'^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"')


def _svg_height(svg: str) -> str:
    found = SVG_ROOT.match(svg)
    return found.group(3) if found else "300"


def _fit(svg: str) -> str:
    """The SVG scaled into its box (its viewBox kept, its aspect too)."""
    return SVG_ROOT.sub(r'<svg\1 width="100%" height="100%" preserveAspectRatio="xMidYMin meet"', svg, count=1)


def page(layout: Any, charts: Mapping[str, Chart], sizes: Mapping[str, tuple[int, int]]) -> str:
    """The page's layout as HTML."""
    return Writer(charts, sizes).write(layout)
