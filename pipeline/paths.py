"""Where the pipeline reads and writes, and the fixed country lists the build checks against."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"
EDITIONS = ROOT / "data" / "editions"  # earlier editions kept for pinned embeds (see data/README.md)
REFERENCE = Path(__file__).resolve().parent / "reference"

# The 33 independent states of Latin America and the Caribbean (UN M49 / ECLAC members in the region).
LAC_STATES: tuple[str, ...] = (
    "ATG",
    "ARG",
    "BHS",
    "BRB",
    "BLZ",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "CRI",
    "CUB",
    "DMA",
    "DOM",
    "ECU",
    "SLV",
    "GRD",
    "GTM",
    "GUY",
    "HTI",
    "HND",
    "JAM",
    "MEX",
    "NIC",
    "PAN",
    "PRY",
    "PER",
    "KNA",
    "LCA",
    "VCT",
    "SUR",
    "TTO",
    "URY",
    "VEN",
)

# Non-sovereign Caribbean and South American territories the map must also draw.
LAC_TERRITORIES: tuple[str, ...] = (
    "PRI",
    "ABW",
    "CUW",
    "SXM",
    "MAF",
    "BLM",
    "AIA",
    "MSR",
    "VGB",
    "VIR",
    "CYM",
    "TCA",
    "GLP",
    "MTQ",
    "GUF",
    "FLK",
)
