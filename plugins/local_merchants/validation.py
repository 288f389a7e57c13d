"""Pure checks of a shop's identity data: SIRET, slug, opening hours, commission.

Each check returns None when the value is fine, else a Problem carrying the field,
an error code (a MerchantErrorCode value) and a French message saying what to do.
"""
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Optional, Tuple

from stdnum import exceptions as number_errors
from stdnum.fr import siret as siret_number

from plugins.kernel.opening_hours import (
    OpeningHoursError,
    OpeningPeriod,
    parse_time,
    validate_periods,
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX_LENGTH = 120


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    message: str


def normalize_siret(raw: Optional[str]) -> str:
    return re.sub(r"[\s.]", "", raw or "")


def siret_problem(raw: Optional[str]) -> Optional[Problem]:
    siret = normalize_siret(raw)
    if not siret:
        return Problem("siret", "REQUIRED", "Le numéro SIRET est obligatoire.")
    # python-stdnum: 14 ASCII digits, the Luhn key of the SIRET and of its SIREN, and
    # La Poste's establishments (one SIREN, digit sum a multiple of 5).
    try:
        siret_number.validate(siret)
    except number_errors.InvalidChecksum:
        return Problem(
            "siret", "INVALID_SIRET",
            "Ce numéro SIRET n'existe pas (clé de contrôle incorrecte) : vérifiez-le sur l'extrait Kbis.",
        )
    except number_errors.ValidationError:
        return Problem(
            "siret", "INVALID_SIRET",
            "Le numéro SIRET doit comporter exactement 14 chiffres (voir l'extrait Kbis).",
        )
    return None


def slug_problem(slug: Optional[str]) -> Optional[Problem]:
    if not slug:
        return Problem("slug", "REQUIRED", "L'identifiant web (slug) est obligatoire.")
    if len(slug) > SLUG_MAX_LENGTH or not _SLUG.fullmatch(slug):
        return Problem(
            "slug", "INVALID",
            "L'identifiant web ne peut contenir que des lettres minuscules sans accent, des "
            "chiffres et des tirets simples (par exemple « boulangerie-passy »).",
        )
    return None


def opening_hours(entries: Iterable[Tuple[int, str, str]]) -> Tuple[OpeningPeriod, ...]:
    """Validated periods from (weekday, "HH:MM", "HH:MM"); raises OpeningHoursError."""
    return validate_periods(
        OpeningPeriod(weekday, parse_time(opens), parse_time(closes))
        for weekday, opens, closes in entries
    )


def opening_hours_problem(entries) -> Optional[Problem]:
    try:
        opening_hours(entries)
    except OpeningHoursError as error:
        return Problem("opening_hours", "INVALID_OPENING_HOURS", error.message)
    return None


def commission_problem(rate) -> Optional[Problem]:
    try:
        value = Decimal(str(rate))
    except (InvalidOperation, ValueError):
        value = None
    if value is None or not value.is_finite() or not Decimal(0) <= value <= Decimal(1) \
            or value.as_tuple().exponent < -4:
        return Problem(
            "commission_rate", "INVALID",
            "Le taux de commission est une fraction entre 0 et 1 avec au plus 4 décimales "
            "(par exemple 0.12 pour 12 %).",
        )
    return None
