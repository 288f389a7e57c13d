"""Where an address is, from a table of known addresses (pure Python, no Django).

An address is looked up as precisely as the table allows, and says how precise
the answer is:

1. HOUSENUMBER  the number (and its "bis"/"ter") is known on that street;
2. STREET       the street is known but not the number: the known number of the
                same side (odd/even) nearest to it, else the middle of the street;
3. POSTCODE     only the postcode is known: the middle of its known addresses;
4. UNKNOWN      nothing: no point at all, the operator must correct the address.

Street names are compared once normalised: case, accents, hyphens and
apostrophes do not count, and the abbreviations residents type ("av.", "bd",
"r.") are spelled out, so "12 av. du Président Kennedy" finds the Base Adresse
Nationale's "Avenue du Président Kennedy".
"""
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Optional, Protocol, Sequence


class Precision(str, Enum):
    HOUSENUMBER = "HOUSENUMBER"
    STREET = "STREET"
    POSTCODE = "POSTCODE"
    UNKNOWN = "UNKNOWN"


PRECISION_LABELS = {
    Precision.HOUSENUMBER: "au numéro près",
    Precision.STREET: "à la rue près (numéro inconnu)",
    Precision.POSTCODE: "au code postal près (rue inconnue)",
    Precision.UNKNOWN: "adresse inconnue : impossible de la placer sur la carte",
}


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class KnownNumber:
    number: int
    suffix: str  # "", "bis", "ter"...
    point: GeoPoint


@dataclass(frozen=True)
class Located:
    point: Optional[GeoPoint]
    precision: Precision

    @property
    def label(self) -> str:
        return PRECISION_LABELS[self.precision]


class AddressTable(Protocol):
    """What the locator needs to know; a database table in production, a dict in tests."""

    def numbers(self, postcode: str, street_key: str) -> Sequence[KnownNumber]:
        """Known numbers of that street in that postcode (empty: street unknown there)."""

    def postcode_centre(self, postcode: str) -> Optional[GeoPoint]:
        """The middle of the postcode's known addresses, None if it has none."""


_ABBREVIATIONS = {
    "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "blvd": "boulevard",
    "r": "rue", "pl": "place", "sq": "square", "imp": "impasse", "all": "allee",
    "ch": "chemin", "chee": "chaussee", "fg": "faubourg", "pass": "passage", "qu": "quai",
    "st": "saint", "ste": "sainte", "pdt": "president", "gal": "general", "mal": "marechal",
}
_SUFFIXES = {"b": "bis", "bis": "bis", "t": "ter", "ter": "ter", "q": "quater",
             "quater": "quater", "c": "c", "d": "d", "a": "a"}
_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(bis|ter|quater|[a-dqt])?\b[\s,]*(.*)$", re.IGNORECASE)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def street_key(name: str) -> str:
    """"Av. du Président-Kennedy" -> "avenue du president kennedy"."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in _plain(name).split())


def suffix_key(text: str) -> str:
    return _SUFFIXES.get(_plain(text), _plain(text))


def postcode_key(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


@dataclass(frozen=True)
class ParsedAddress:
    number: Optional[int]
    suffix: str
    street: str  # normalised key


def parse_street_line(line: str) -> ParsedAddress:
    """"12 bis, rue de Passy" -> ParsedAddress(12, "bis", "rue de passy")."""
    match = _NUMBER.match(line or "")
    if not match:
        return ParsedAddress(None, "", street_key(line))
    number, suffix, rest = match.groups()
    return ParsedAddress(int(number), suffix_key(suffix or ""), street_key(rest))


def centre(points: Iterable[GeoPoint]) -> Optional[GeoPoint]:
    points = list(points)
    if not points:
        return None
    return GeoPoint(
        round(sum(p.latitude for p in points) / len(points), 6),
        round(sum(p.longitude for p in points) / len(points), 6),
    )


def locate(street_line: str, postcode: str, table: AddressTable) -> Located:
    """The best point the table gives for this address, and its precision."""
    parsed = parse_street_line(street_line)
    postcode = postcode_key(postcode)
    known = list(table.numbers(postcode, parsed.street)) if parsed.street else []
    if known:
        if parsed.number is not None:
            same = [k for k in known if k.number == parsed.number]
            exact = [k for k in same if k.suffix == parsed.suffix] or [
                k for k in same if k.suffix == ""
            ]
            if exact:
                return Located(exact[0].point, Precision.HOUSENUMBER)
            side = [k for k in known if k.number % 2 == parsed.number % 2] or known
            nearest = min(side, key=lambda k: (abs(k.number - parsed.number), k.suffix))
            return Located(nearest.point, Precision.STREET)
        return Located(centre(k.point for k in known), Precision.STREET)
    point = table.postcode_centre(postcode)
    if point is not None:
        return Located(point, Precision.POSTCODE)
    return Located(None, Precision.UNKNOWN)


class MemoryTable:
    """An AddressTable over plain rows (tests, and one-off batch lookups)."""

    def __init__(self, rows: Iterable[tuple]):
        """rows: (postcode, street name, number, suffix, latitude, longitude)."""
        self._streets: dict = {}
        for postcode, street, number, suffix, lat, lon in rows:
            self._streets.setdefault((postcode_key(postcode), street_key(street)), []).append(
                KnownNumber(int(number), suffix_key(suffix or ""), GeoPoint(lat, lon))
            )

    def numbers(self, postcode, street):
        return self._streets.get((postcode, street), ())

    def postcode_centre(self, postcode):
        return centre(k.point for (pc, _), known in self._streets.items() if pc == postcode
                      for k in known)
