"""Share and export controls: a download menu per chart, the copy-link button and the embed-code dialog."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.attributes import attrs
from core.i18n.catalog import t

# Menu entries, in order: (format id, catalog key of its label).
IMAGE_ITEMS = (("png-1920", "export.png_1920"), ("png-1280", "export.png_1280"), ("svg", "export.svg"))
VIEW_ITEMS = (("view-csv", "export.chart_csv"), ("view-xlsx", "export.chart_xlsx"))
SERIES_ITEMS = (("series-csv", "export.series_csv"), ("series-xlsx", "export.series_xlsx"))
PROFILE_ITEMS = (("view-csv", "export.profile_csv"), ("view-xlsx", "export.profile_xlsx"))


def _header(text: str) -> html.Div:
    """A group's label in a menu (dbc's header item is a heading without a level; a chart's menu needs none)."""
    return html.Div(text, className="dropdown-header")


def _menu(items: list[Any], lang: str) -> dbc.DropdownMenu:
    return dbc.DropdownMenu(
        items,
        label=t("export.menu", lang),
        size="sm",
        color="secondary",
        align_end=True,
        className="export-menu d-print-none",
    )


def export_menu(chart: str, lang: str, series: bool = False) -> dbc.DropdownMenu:
    """Images for slides (title, subtitle, source and date baked in) and the briefing pack (assets/pack.js), the
    chart's data (and, for a dashboard chart, the indicator's full series), and the embed code."""
    items: list[Any] = [_header(t("export.images", lang))]
    items += [dbc.DropdownMenuItem(t(k, lang), id=ids.image_export(chart, f), n_clicks=0) for f, k in IMAGE_ITEMS]
    items.append(dbc.DropdownMenuItem(t("pack.add", lang), id=ids.pack_add(chart), n_clicks=0))
    items.append(_header(t("export.data", lang)))
    data = (*VIEW_ITEMS, *SERIES_ITEMS) if series else VIEW_ITEMS
    items += [dbc.DropdownMenuItem(t(k, lang), id=ids.data_export(chart, f), n_clicks=0) for f, k in data]
    items.append(data_link_item(chart, lang))
    items.append(dbc.DropdownMenuItem(divider=True))
    items.append(dbc.DropdownMenuItem(t("export.embed", lang), id=ids.embed_open(chart), n_clicks=0))
    return _menu(items, lang)


THEN_AND_NOW_ITEMS = (("view-csv", "thennow.download"), ("view-xlsx", "thennow.download_xlsx"))


def profile_menu(lang: str) -> dbc.DropdownMenu:
    """A profile's own data: its headline figures and the comparison with its groups."""
    return page_data_menu(ids.PROFILE_DATA, PROFILE_ITEMS, lang)


def page_data_menu(name: str, entries: tuple[tuple[str, str], ...], lang: str) -> dbc.DropdownMenu:
    """A page's own data file (`name` stands where a chart id stands in the menu's ids), its data link too."""
    items: list[Any] = [_header(t("export.data", lang))]
    items += [dbc.DropdownMenuItem(t(k, lang), id=ids.data_export(name, f), n_clicks=0) for f, k in entries]
    items.append(data_link_item(name, lang))
    return _menu(items, lang)


def data_link_item(chart: str, lang: str) -> dbc.DropdownMenuItem:
    """Copies the address of the chart's numbers (core/web/opendata.py): a notebook or a spreadsheet reads it."""
    return dbc.DropdownMenuItem(t("export.copy_data_link", lang), id=ids.data_link(chart), n_clicks=0)


def copy_link(lang: str) -> html.Div:
    button = html.Button(
        t("share.copy_link", lang), id=ids.COPY_LINK, type="button", className="btn btn-outline-light btn-sm"
    )
    return html.Div(
        [button, html.Span(id=ids.COPY_STATUS, className="copy-status", role="status")],
        className="copy-link d-print-none",
    )


def embed_dialog(lang: str, edition: str) -> dbc.Modal:
    """The iframe snippet for a chart, live (follows data updates) or pinned to this data edition (its name)."""
    kinds = [{"label": t(f"export.embed_{kind}", lang, edition=edition), "value": kind} for kind in ("live", "pinned")]
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(t("export.embed_title", lang), id=ids.EMBED_TITLE)),
            dbc.ModalBody(
                [
                    html.Div(
                        dbc.RadioItems(id=ids.EMBED_KIND, options=kinds, value="live", inline=True, className="mb-2"),
                        role="radiogroup",
                        **attrs({"aria-label": t("export.embed_kind", lang)}),
                    ),
                    dbc.Label(t("export.embed_code", lang), html_for=ids.EMBED_CODE, className="form-label"),
                    dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, className="form-control embed-code", rows=4),
                    html.Button(
                        t("export.embed_copy", lang),
                        id=ids.EMBED_COPY,
                        type="button",
                        className="btn btn-primary btn-sm mt-2",
                    ),
                ]
            ),
        ],
        id=ids.EMBED_MODAL,
        labelledby=ids.EMBED_TITLE,
        is_open=False,
        size="lg",
    )
