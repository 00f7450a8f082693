"""Key-fact sentences, chart names and descriptions, and meta descriptions, written from the data by templates.

Every function is pure: it takes plain values (the dataclasses below, names already in the sentence's language) and
returns text in one of the catalog's languages. The templates are the `facts.*` keys of core/i18n/messages/*.json; this
module only chooses a template (by number, by sign, by the kind of chart) and assembles the pieces. Every number
goes through core.i18n (fmt_value, fmt_number, fmt_compact), so the sentences change with it when it moves to Babel.

Grammar: no template ever inflects a name. A country, territory or group name stands alone, as the label of a clause
("El Salvador: 24,7 %, 15.º de 48"), in parentheses ("máximo Montserrat (491,7 %)") or in a list, never after a
preposition or an article ("no Brasil", "au Mexique", "en el Caribe"). Inflecting would need an article, a gender,
a number and a contracted preposition for each of the ~250 countries, areas and 11 groups in four languages ("aux
Bahamas", "à la Barbade", "nas Ilhas Cayman", "en El Salvador" but "en el Caribe"), kept in the data contract, where
one wrong article is a visible error in a ministry's own country name; non-inflecting templates are right for any
name the data will ever hold. The same rule keeps indicator labels and chart titles out of running text. Agreement
is still needed, and lives in the templates' own words, chosen here by number:
- plurals by CLDR's cardinal rule (`words.singular`): "1 país"/"2 países", "1 pays ou territoire renseigné"; French and
  Portuguese keep the singular below two ("1,5 point de pourcentage", "1,5 ponto percentual");
- ordinals by CLDR's ordinal categories (`ordinal`): 1st/2nd/3rd/4th, 1.º, 1º, 1er/2e;
- a noun after a count written in words takes "de" in es/pt/fr ("11,2 millones de emigrantes", "11,2 millions
  d'émigrés", but "950 mil emigrantes"): `persons`;
- Spanish "y" becomes "e" before an /i/ sound ("Panamá e Islas Caimán"): `join`;
- French typography (a narrow no-break space before ; : ? ! and inside « ») is in the French templates.

Percentage changes (`change`): for a unit that is already a percentage (shares, costs) a change is given in
percentage points only, never as a percent of a percent. For counts and money a relative change is added only when
the base is at least MIN_BASE (1,000 persons, US$ 1 million): below that a handful of persons or dollars reads as
hundreds of percent. From MULTIPLE_FROM (ten times the base) on, the relative change is a multiple: Mexico's
remittances of 1990-2024 are "×21.8", which reads better than "+2,083.3 %". A change that rounds to zero at the
precision shown is "unchanged".

The package: values (what the sentences are written from), words (grammar, values, changes), facts (key facts under
a chart), descriptions (chart names and descriptions, meta descriptions). A key's variants are chosen in code by suffix:
_one (the singular, see words.counted), _relative (a change with its relative size), _gaps (a map with members
without data), _large (a noun after a count in words).
"""

from core.charts.sentences.descriptions import KINDS, META_LIMIT, chart_name, describe, describe_lines, meta_description
from core.charts.sentences.facts import (
    CORRIDOR_PARTS,
    corridor_facts,
    cost_facts,
    money_facts,
    money_partners,
    ranking_facts,
    trend_facts,
)
from core.charts.sentences.values import Corridors, Group, Line, Money, Partner, Ranked
from core.charts.sentences.words import (
    MIN_BASE,
    MULTIPLE_FROM,
    TIES_NAMED,
    change,
    join,
    ordinal,
    pair,
    persons,
    points,
)
from core.data.corridors import SDG_CORRIDOR_CEILING, SDG_TARGET

__all__ = [
    "CORRIDOR_PARTS",
    "KINDS",
    "META_LIMIT",
    "MIN_BASE",
    "MULTIPLE_FROM",
    "SDG_CORRIDOR_CEILING",
    "SDG_TARGET",
    "TIES_NAMED",
    "Corridors",
    "Group",
    "Line",
    "Money",
    "Partner",
    "Ranked",
    "change",
    "chart_name",
    "corridor_facts",
    "cost_facts",
    "describe",
    "describe_lines",
    "join",
    "meta_description",
    "money_facts",
    "money_partners",
    "ordinal",
    "pair",
    "persons",
    "points",
    "ranking_facts",
    "trend_facts",
]
