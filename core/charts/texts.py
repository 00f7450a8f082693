"""The words charts share: indicator labels, group names, the sources line, unit names (from the metadata of the
edition being served and the message catalog)."""

from __future__ import annotations

from collections.abc import Iterable

from core.data import queries
from core.data.store import get_store
from core.i18n.catalog import t


def label(indicator: str, lang: str, field: str = "label") -> str:
    """An indicator's label ("label"), its short form for axes ("short_label") or another text field."""
    return str(queries.indicator_meta(indicator)[field][lang])


def group_name(group: str, lang: str) -> str:
    return str(get_store().meta["groups"][group]["name"][lang])


def subject_name(subject: str, lang: str) -> str:
    """A group's or a country's name."""
    groups = get_store().meta["groups"]
    return group_name(subject, lang) if subject in groups else queries.country_name(subject, lang)


def sources_line(source_ids: Iterable[str], lang: str) -> str:
    """Short publisher names of the sources, each once, "; "-joined: the line under every chart."""
    return "; ".join(dict.fromkeys(t(f"source.{source}", lang) for source in source_ids))


def indicator_sources(indicator: str, lang: str) -> str:
    return sources_line(queries.indicator_meta(indicator)["source"], lang)


def unit(indicator: str) -> str:
    return str(queries.indicator_meta(indicator)["unit"])
