"""Pure helpers that arrange what the API returns for reading (no Django)."""
import re
import unicodedata
from typing import Iterable

# "12 bis rue de Passy" -> "rue de Passy": number, suffix and comma are dropped.
_NUMBER = re.compile(r"^\s*\d+\s*(?:bis|ter|quater|[a-d])?\b\s*,?\s*", re.IGNORECASE)
_STREET_KINDS = re.compile(
    r"^(rue|avenue|av\.?|boulevard|bd|place|square|villa|chaussée|quai|allée|impasse|cité|"
    r"passage|hameau|sentier|porte|rond-point|cour)\s+(de la |de l'|de l’|des |du |de |d'|d’)?",
    re.IGNORECASE,
)


def street_of(line: str) -> str:
    """The street of an address line, without its number."""
    return _NUMBER.sub("", line or "").strip() or "Adresse non précisée"


def sort_key(street: str) -> str:
    """Streets are looked up by their name: "rue de Passy" files under P."""
    name = _STREET_KINDS.sub("", street).strip()
    name = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()


def by_street(merchants: Iterable[dict]) -> list:
    """[(street, [merchants sorted by name])], streets in alphabetical order of name."""
    groups: dict = {}
    for merchant in merchants:
        groups.setdefault(street_of(merchant["address"]["streetAddress1"]), []).append(merchant)
    return [
        (street, sorted(groups[street], key=lambda m: m["name"].casefold()))
        for street in sorted(groups, key=sort_key)
    ]

