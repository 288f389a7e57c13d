"""Is an address inside the district, Paris 16e (shops are there, grouped delivery goes there)?

Zone: country France, city Paris, postcode 75016 or 75116 (the 16e has two
postcodes; 75116 covers the north around Trocadéro, Foch and Victor-Hugo).

Checks run in this order, and the first failing one gives the verdict:

1. MISSING_FIELD        street (first line), country, city or postcode empty
                        (after trimming): a courier needs a door;
2. WRONG_COUNTRY        country is not France ("FR", "fr", "FRA", "France");
3. CEDEX                "CEDEX" in the postcode, city, street lines or city area
                        (company mailboxes: a courier cannot hand a basket over);
4. PO_BOX               a post-office box in any of those lines: "BP 1234",
                        "B.P. 12", "Boîte postale 12", "Case postale 3", "CS 12345"
                        (corporate mail), "TSA 12345" (mail without a street
                        address), "PO Box 12" — mail is collected there, nobody
                        opens a door;
5. INVALID_POSTAL_CODE  postcode is not 5 ASCII digits once blanks are removed;
6. OUTSIDE_ZONE         well-formed postcode other than 75016 / 75116;
7. WRONG_CITY           city is not Paris, or names an arrondissement other
                        than the 16e ("Paris 15e" with 75016).

Normalisation is lenient on what residents really type: case, accents,
surrounding and inner blanks ("75 016"), hyphens, full-width characters
(Unicode NFKC), and city spellings such as "Paris 16e", "PARIS 16EME",
"Paris 16ème arrondissement", "Paris XVIe", "Paris 16", "Paris 75016".

Postcode field holding "75016 Paris" (browser autofill does this): accepted;
the text after the digits is checked as a second statement of the city, so
"75016 Paris" passes while "75016 Boulogne" gives WRONG_CITY. The city field
itself is still required.
"""
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Optional

IN_ZONE_POSTAL_CODES = ("75016", "75116")

ZONE_ARRONDISSEMENT = 16

_COUNTRY_ALIASES = frozenset({"fr", "fra", "france"})

_CEDEX = re.compile(r"(?<![a-z])cedex(?![a-z])")
# On folded text: the abbreviations only with their box number (a street may end in
# "Bp" or "Cs"), the words alone.
_PO_BOX = re.compile(
    r"(?<![a-z0-9])(?:(?:b ?p|c ?s|t ?s ?a|p ?o ?box) ?[0-9]+|(?:boite|case) postale)(?![a-z])"
)
_POSTAL_CODE = re.compile(r"[0-9]{5}")
# "16", "16e", "16 eme", "1er", "16eme arrondissement", "16e arr"...
_NUMERIC_ARRONDISSEMENT = re.compile(
    r"([0-9]{1,2}) ?(?:e|er|eme|ieme|em|me)?(?: (?:arrondissement|arrdt|arrt|arr|ardt))?"
)
_ROMAN_ARRONDISSEMENT = re.compile(
    r"([ivx]{1,5}) ?(?:e|er|eme|ieme)?(?: (?:arrondissement|arrdt|arrt|arr|ardt))?"
)
_ROMAN_VALUES = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
    "ix": 9, "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15,
    "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20,
}


class ZoneCode(str, Enum):
    IN_ZONE = "IN_ZONE"
    OUTSIDE_ZONE = "OUTSIDE_ZONE"
    INVALID_POSTAL_CODE = "INVALID_POSTAL_CODE"
    WRONG_CITY = "WRONG_CITY"
    WRONG_COUNTRY = "WRONG_COUNTRY"
    CEDEX = "CEDEX"
    MISSING_FIELD = "MISSING_FIELD"
    PO_BOX = "PO_BOX"


MESSAGES = {
    ZoneCode.IN_ZONE: (
        "Votre adresse est bien dans le 16e arrondissement : "
        "la livraison groupée est disponible."
    ),
    ZoneCode.OUTSIDE_ZONE: (
        "La livraison groupée est réservée au 16e arrondissement (75016 ou 75116) ; "
        "vous pouvez choisir le retrait en boutique."
    ),
    ZoneCode.INVALID_POSTAL_CODE: (
        "Le code postal doit comporter exactement 5 chiffres, par exemple 75016 ; "
        "merci de le corriger."
    ),
    ZoneCode.WRONG_CITY: (
        "La ville ne correspond pas à un code postal du 16e arrondissement ; "
        "indiquez « Paris » comme ville ou corrigez le code postal."
    ),
    ZoneCode.WRONG_COUNTRY: (
        "La livraison groupée n'est possible qu'en France, dans le 16e arrondissement "
        "de Paris ; vous pouvez choisir le retrait en boutique."
    ),
    ZoneCode.CEDEX: (
        "Un coursier ne peut pas livrer une adresse CEDEX ; indiquez l'adresse "
        "physique où vous recevrez votre panier dans le 16e arrondissement."
    ),
    ZoneCode.MISSING_FIELD: (
        "Le numéro et la rue, la ville, le code postal et le pays sont obligatoires ; "
        "merci de compléter votre adresse."
    ),
    ZoneCode.PO_BOX: (
        "Un coursier ne peut pas livrer une boîte postale (BP, CS, TSA) ; indiquez "
        "l'adresse physique où vous recevrez votre panier dans le 16e arrondissement."
    ),
}


@dataclass(frozen=True)
class ZoneCheck:
    in_zone: bool
    code: ZoneCode
    # The 5 digits read from the postcode field when well-formed, whatever the
    # verdict (handy to pre-fill a corrected form), else None.
    normalized_postal_code: Optional[str]
    message: str


def _fold(text: Optional[str]) -> str:
    """Lower-case ASCII words separated by single spaces.

    NFKD turns full-width letters and superscripts ("16ᵉ") into plain ones
    and splits accents off, which are then dropped. Any other character (hyphen, apostrophe,
    comma, Cyrillic lookalike...) becomes a blank, so a homoglyph "Pаris"
    cannot pass for "paris".
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _split_postal_field(raw: Optional[str]) -> tuple[str, str]:
    """Split "75016 Paris" into ("75016", "paris"); blanks inside digits dropped.

    Only splits when digits are followed by a separator then letters, so a
    typo such as "75O16" stays whole and is reported as malformed.
    """
    text = " ".join(unicodedata.normalize("NFKC", raw or "").split())
    for index, char in enumerate(text):
        if char not in "0123456789 ,":
            if index > 0 and text[index - 1] in " ," and char.isalpha():
                return text[:index].strip(" ,").replace(" ", ""), _fold(text[index:])
            break
    return text.replace(" ", ""), ""


def _arrondissement_of_postal_code(postal_code: str) -> Optional[int]:
    if postal_code == "75116":
        return 16
    if postal_code.startswith("750") and 1 <= int(postal_code[3:]) <= 20:
        return int(postal_code[3:])
    return None


def _city_arrondissement(city: str) -> tuple[bool, Optional[int]]:
    """(is Paris, arrondissement named in the city or None) for a folded city."""
    if city == "paris":
        return True, None
    if not city.startswith("paris"):
        return False, None
    rest = city[len("paris"):].strip()
    if _POSTAL_CODE.fullmatch(rest):
        arrondissement = _arrondissement_of_postal_code(rest)
        return arrondissement is not None, arrondissement
    numeric = _NUMERIC_ARRONDISSEMENT.fullmatch(rest)
    if numeric:
        return True, int(numeric.group(1))
    roman = _ROMAN_ARRONDISSEMENT.fullmatch(rest)
    if roman and roman.group(1) in _ROMAN_VALUES:
        return True, _ROMAN_VALUES[roman.group(1)]
    return False, None


def _city_matches_zone(city: str) -> bool:
    is_paris, arrondissement = _city_arrondissement(city)
    return is_paris and arrondissement in (None, ZONE_ARRONDISSEMENT)


def _verdict(code: ZoneCode, postal_code: Optional[str]) -> ZoneCheck:
    return ZoneCheck(
        in_zone=code is ZoneCode.IN_ZONE,
        code=code,
        normalized_postal_code=postal_code,
        message=MESSAGES[code],
    )


def check_address(
    *,
    country: str,
    city: str,
    postal_code: str,
    street_address_1: str = "",
    street_address_2: str = "",
    city_area: str = "",
) -> ZoneCheck:
    """Tell whether an address can get grouped delivery; see module docstring.

    None is treated like an empty string: forms and Saleor may send either.
    """
    digits, city_in_postal_field = _split_postal_field(postal_code)
    well_formed = digits if _POSTAL_CODE.fullmatch(digits) else None
    folded_city = _fold(city)

    if (not _fold(street_address_1) or not _fold(country) or not folded_city
            or not (postal_code or "").strip()):
        return _verdict(ZoneCode.MISSING_FIELD, well_formed)
    if _fold(country) not in _COUNTRY_ALIASES:
        return _verdict(ZoneCode.WRONG_COUNTRY, well_formed)
    lines = (postal_code, city, street_address_1, street_address_2, city_area)
    if any(_CEDEX.search(_fold(line)) for line in lines):
        return _verdict(ZoneCode.CEDEX, well_formed)
    if any(_PO_BOX.search(_fold(line)) for line in lines):
        return _verdict(ZoneCode.PO_BOX, well_formed)
    if well_formed is None:
        return _verdict(ZoneCode.INVALID_POSTAL_CODE, None)
    if well_formed not in IN_ZONE_POSTAL_CODES:
        return _verdict(ZoneCode.OUTSIDE_ZONE, well_formed)
    if not _city_matches_zone(folded_city):
        return _verdict(ZoneCode.WRONG_CITY, well_formed)
    if city_in_postal_field and not _city_matches_zone(city_in_postal_field):
        return _verdict(ZoneCode.WRONG_CITY, well_formed)
    return _verdict(ZoneCode.IN_ZONE, well_formed)
