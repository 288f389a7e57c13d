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


def _folded(text: str) -> str:
    """Without accents, case or extra spaces: "Comté  12 mois" ~ "comte 12 mois"."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


def sort_key(street: str) -> str:
    """Streets are looked up by their name: "rue de Passy" files under P."""
    return _folded(_STREET_KINDS.sub("", street).strip())


def by_street(merchants: Iterable[dict]) -> list:
    """[(street, [merchants sorted by name])], streets in alphabetical order of name."""
    groups: dict = {}
    for merchant in merchants:
        groups.setdefault(street_of(merchant["address"]["streetAddress1"]), []).append(merchant)
    return [
        (street, sorted(groups[street], key=lambda m: m["name"].casefold()))
        for street in sorted(groups, key=sort_key)
    ]



def group_offers(products: Iterable[dict]) -> list:
    """The same product sold by several shops as one entry, in the order the search
    ranked them: [{"product": the first, "offers": every shop's product card}]."""
    groups: dict = {}
    for product in products:
        groups.setdefault(_folded(product["name"]), []).append(product)
    return [{"product": offers[0], "offers": offers} for offers in groups.values()]
