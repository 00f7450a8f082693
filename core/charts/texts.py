"""The words charts share: indicator labels and year labels, group names and notes, the sources line, unit names,
shared caveats and notes, the edition's name (from the metadata of the edition being served and the message
catalog)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.data import queries
from core.data.store import Edition, edition_ids, editions, get_store
from core.i18n.catalog import one_line, t


def label(indicator: str, lang: str, field: str = "label") -> str:
    """An indicator's label ("label"), its short form for axes ("short_label") or another text field."""
    return str(queries.indicator_meta(indicator)[field][lang])


def year_label(indicator: str, year: int) -> str:
    """How a year of an indicator is written: "2015/16" for DIOC's census round (stored as 2015), else the year."""
    labels = queries.indicator_meta(indicator).get("year_labels") or {}
    return str(labels.get(str(year), year))


def titled_year(indicator: str, year: int, lang: str) -> str | None:
    """The year a title should add after the indicator's label; None when the label already names it (DIOC's
    label ends "(2015/16)", its only year)."""
    shown = year_label(indicator, year)
    return None if shown != str(year) and shown in label(indicator, lang) else shown


def group_name(group: str, lang: str, field: str = "name") -> str:
    """A group's name ("name") or its short form ("short_name": "LAC, states and territories", "SICA")."""
    spec = get_store().meta["groups"][group]
    return str((spec.get(field) or spec["name"])[lang])


def subject_name(subject: str, lang: str) -> str:
    """A group's or a country's name."""
    groups = get_store().meta["groups"]
    return group_name(subject, lang) if subject in groups else queries.country_name(subject, lang)


def sources_line(source_ids: Iterable[str], lang: str) -> str:
    """Short publisher names of the sources, each once, "; "-joined: the line under every chart."""
    return "; ".join(dict.fromkeys(t(f"source.{source}", lang) for source in source_ids))


def sources_catalog() -> dict[str, Any]:
    """The sources described in the metadata of the edition served, or, for an edition built before the metadata
    described them, in the current edition's (the same raw folders)."""
    found: dict[str, Any] = get_store().meta.get("sources") or get_store(edition_ids()[0]).meta["sources"]
    return found


def citations(source_ids: Iterable[str], lang: str) -> list[dict[str, str]]:
    """Each source once, as a slide's or a README's list of sources says it: publisher, edition, citation, licence
    and their addresses."""
    known = sources_catalog()
    return [
        {
            "id": ident,
            "publisher": str(known[ident]["publisher"][lang]),
            "edition": str(known[ident]["edition"][lang]),
            "citation": one_line(known[ident]["citation"]),
            "url": str(known[ident]["url"]),
            "licence": str(known[ident]["licence"][lang]),
            "licence_url": str(known[ident]["licence_url"]),
        }
        for ident in dict.fromkeys(source_ids)
        if ident in known
    ]


def sources_term(lang: str) -> str:
    """ "Source" as a label of metadata ("Source:" without its colon)."""
    return t("sources.label", lang).rstrip(" :：\u202f")


def about(spec: dict[str, Any], lang: str, extra: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
    """Definition, unit, sources, `extra` rows, citation, licence and caveats of an indicator or a bilateral table
    (its metadata entry): what the data files of its charts carry."""
    return (
        (t("about.definition", lang), str(spec["definition"][lang])),
        (t("about.unit", lang), t(f"unit.{spec['unit']}", lang)),
        (sources_term(lang), sources_line(spec["source"], lang)),
        *extra,
        (t("about.citation", lang), " ".join(spec["citation"])),
        (t("about.licence", lang), str(spec["licence"][lang])),
        *((t("about.caveats", lang), str(c[lang])) for c in spec["caveats"]),
    )


def indicator_sources(indicator: str, lang: str) -> str:
    return sources_line(queries.indicator_meta(indicator)["source"], lang)


def unit(indicator: str) -> str:
    return str(queries.indicator_meta(indicator)["unit"])


def caveat(caveat_id: str, lang: str) -> str:
    """A caveat shared by several indicators or charts (caveats.yaml); "" in an edition built without it."""
    found = (get_store().meta.get("caveats") or {}).get(caveat_id)
    return one_line(str(found[lang])) if found else ""


def note(note_id: str, lang: str) -> str:
    """A note the UI attaches to a value (caveats.yaml `notes`: anomaly, carried, group_rule); "" when absent."""
    found = (get_store().meta.get("notes") or {}).get(note_id)
    return one_line(str(found[lang])) if found else ""


def group_note(group: str, lang: str) -> str:
    """What a group holds (groups.yaml: "Central America (incl. Mexico): UN M49 subregion, which includes Mexico")."""
    note = get_store().meta["groups"][group].get("note")
    return t("profile.group_note", lang, group=group_name(group, lang), note=one_line(str(note[lang]))) if note else ""


WORLD_CAVEAT = "world_unattributed"  # the group of every country sums the origins; UN DESA's "Other" is left out


def group_caveats(group: str, lang: str) -> tuple[str, ...]:
    """The caveats of a group's totals: how the territories of the Caribbean, South America and LAC are counted
    (groups.yaml `caveat_ids`), and, for the world, that migrants of no known origin are not in it."""
    spec = get_store().meta["groups"][group]
    ids = [*(spec.get("caveat_ids") or ()), *((WORLD_CAVEAT,) if spec["members"]["column"] == "all" else ())]
    return tuple(text for text in (caveat(c, lang) for c in dict.fromkeys(ids)) if text)


def group_notes(group: str, lang: str) -> tuple[str, ...]:
    """group_note and group_caveats together, for the notes that travel with a chart; () for a group without."""
    return tuple(text for text in (group_note(group, lang), *group_caveats(group, lang)) if text)


def edition() -> Edition:
    """The edition being served (named and labelled by the current edition's metadata, which knows every kept one)."""
    version = get_store().version
    found = next((e for e in editions() if e.id == version), None)
    return found or Edition(version, version, {}, False, {}, Path())


def edition_name() -> str:
    """The served edition's short name ("2026-12"), or its id for an edition nobody named."""
    return edition().name


def edition_label(lang: str) -> str:
    """The served edition's name with its sources ("2026-12: UN DESA 2024, WDI 2026-07, ..."), else its name."""
    found = edition()
    return str(found.label.get(lang) or found.name)
