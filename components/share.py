"""Share and export controls: a download menu per chart, the copy-link button and the embed-code dialog."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from core.i18n.catalog import t

# Menu entries, in order: (format id, catalog key of its label).
IMAGE_ITEMS = (("png-1920", "export.png_1920"), ("png-1280", "export.png_1280"), ("svg", "export.svg"))
DATA_ITEMS = (
    ("view-csv", "export.view_csv"),
    ("view-xlsx", "export.view_xlsx"),
    ("series-csv", "export.series_csv"),
    ("series-xlsx", "export.series_xlsx"),
)


PAGE_DATA_ITEMS = (("view-csv", "export.chart_csv"), ("view-xlsx", "export.chart_xlsx"))
PROFILE_DATA_ITEMS = (("view-csv", "export.profile_csv"), ("view-xlsx", "export.profile_xlsx"))


def export_menu(chart: str, lang: str, kind: str = "dashboard") -> dbc.DropdownMenu:
    """Images for slides (title, subtitle, source and date baked in), data files, and the embed code.

    `kind`: a dashboard chart (its view and its full series), a chart of a profile or corridor view (its own
    data), or a profile's own data (headline figures and comparison; no image). Re-rendered whole when the
    language changes (the export callbacks ignore the fresh zero click counts)."""
    data_items = {"dashboard": DATA_ITEMS, "page": PAGE_DATA_ITEMS, "profile": PROFILE_DATA_ITEMS}[kind]
    items: list[Any] = []
    if kind != "profile":
        items.append(dbc.DropdownMenuItem(t("export.images", lang), header=True))
        items += [
            dbc.DropdownMenuItem(t(key, lang), id=ids.image_export(chart, fmt), n_clicks=0) for fmt, key in IMAGE_ITEMS
        ]
    items.append(dbc.DropdownMenuItem(t("export.data", lang), header=True))
    items += [dbc.DropdownMenuItem(t(key, lang), id=ids.data_export(chart, fmt), n_clicks=0) for fmt, key in data_items]
    if kind != "profile":
        items.append(dbc.DropdownMenuItem(divider=True))
        items.append(dbc.DropdownMenuItem(t("export.embed", lang), id=ids.embed_open(chart), n_clicks=0))
    return dbc.DropdownMenu(
        items,
        label=t("export.menu", lang),
        size="sm",
        color="secondary",
        align_end=True,
        className="export-menu d-print-none",
    )


def copy_link(text: dict[tuple[str, str], Any]) -> html.Div:
    return html.Div(
        [
            html.Button(
                text[(ids.COPY_LINK, "children")],
                id=ids.COPY_LINK,
                type="button",
                className="btn btn-outline-light btn-sm",
            ),
            html.Span(id=ids.COPY_STATUS, className="copy-status", role="status"),
        ],
        className="copy-link d-print-none",
    )


def embed_dialog(text: dict[tuple[str, str], Any]) -> dbc.Modal:
    """The iframe snippet for a chart, live (follows data updates) or pinned to this data version."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(text[(ids.EMBED_TITLE, "children")], id=ids.EMBED_TITLE)),
            dbc.ModalBody(
                [
                    dbc.RadioItems(
                        id=ids.EMBED_KIND,
                        options=text[(ids.EMBED_KIND, "options")],
                        value="live",
                        inline=True,
                        className="mb-2",
                    ),
                    dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, className="form-control embed-code", rows=4),
                    html.Button(
                        text[(ids.EMBED_COPY, "children")],
                        id=ids.EMBED_COPY,
                        type="button",
                        className="btn btn-primary btn-sm mt-2",
                    ),
                ]
            ),
        ],
        id=ids.EMBED_MODAL,
        is_open=False,
        size="lg",
    )
