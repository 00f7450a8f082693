"""What a valid view state may hold, derived once from the data: indicators and their years, focus groups, country
codes, languages, corridor years, groups with a corridor view."""

from __future__ import annotations

import functools

from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES
from core.state.urlstate import Options


@functools.lru_cache(maxsize=1)
def options() -> Options:
    """Valid state values of the current edition (a pinned edition is shown within them: a year it lacks is a gap)."""
    store = get_store()
    meta = store.meta["indicators"]
    return Options(
        years={i: tuple(meta[i]["years"]) for i in store.meta["order"]},
        default_scales={i: "log" if meta[i]["color_scale"] == "sequential-log" else "linear" for i in meta},
        focuses=tuple(store.meta["group_order"]),
        countries=frozenset(store.countries["iso3"]),
        languages=LANGUAGES,
        corridor_years=tuple(sorted(int(y) for y in store.corridors["year"].unique())),
        groups=queries.corridor_groups(),
    )
