"""What a valid view state may hold, derived once per data edition: indicators and their years, focus groups,
country codes, languages, corridor years, groups with a corridor view; and the indicator menu."""

from __future__ import annotations

import functools
from typing import Any, Final

from core.data import queries
from core.data import schema as s
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES
from core.state.urlstate import Options

# The indicator menu, by theme: emigration, immigration, money sent home, skilled emigration. The build lists the
# indicators it has validated (indicators_meta.json `order`, and `staged` for those it documents beside them);
# the menu shows every one of them the edition has, in this order (an earlier edition shows its own).
MENU: Final = (
    s.EMIGRANT_SHARE,
    s.EMIGRANT_STOCK,
    s.FEMALE_SHARE,
    s.IMMIGRANT_SHARE,
    s.IMMIGRANT_STOCK,
    s.IMMIGRANT_FEMALE_SHARE,
    s.REMITTANCES_GDP,
    s.REMITTANCES_USD,
    s.REMITTANCE_COST,
    s.TERTIARY_RATE,
    s.DIOC_TERTIARY,
    s.DIOC_TERTIARY_SHARE,
)


def menu(meta: dict[str, Any] | None = None) -> tuple[str, ...]:
    """The indicators an edition offers, in menu order (the first is the default): its validated ones, in MENU's
    order, then any the menu does not know yet in the edition's own order."""
    meta = meta if meta is not None else get_store().meta
    built = [*meta["order"], *meta.get("staged", ())]
    return (*(i for i in MENU if i in built), *(i for i in built if i not in MENU))


def options() -> Options:
    """Valid state values of the edition being served (the current one outside core.data.store.serving)."""
    return _options(get_store().version)


@functools.lru_cache(maxsize=4)
def _options(version: str) -> Options:
    store = get_store()
    meta = store.meta["indicators"]
    return Options(
        years={i: tuple(meta[i]["years"]) for i in menu(store.meta)},
        default_scales={i: "log" if meta[i]["color_scale"] == "sequential-log" else "linear" for i in meta},
        focuses=tuple(store.meta["group_order"]),
        countries=frozenset(store.countries["iso3"]),
        languages=LANGUAGES,
        corridor_years=tuple(sorted(int(y) for y in store.corridors["year"].unique())),
        groups=queries.corridor_groups(),
    )
