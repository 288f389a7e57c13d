"""The operator's settings of grouped delivery, read from plain strings.

Saleor stores a plugin's configuration as strings typed in the dashboard, so
every value is parsed and checked here, with a French message naming the
faulty field, before the plugin uses it.

Rounds are written "DAYS START-END CAPACITY" separated by ";", days in ISO
numbering as on a French calendar (1 = lundi ... 7 = dimanche), a single day
or a range: "1-6 10:00-12:00 20; 1-6 18:00-20:00 20".
"""
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Mapping, Optional

from plugins.kernel.opening_hours import OpeningHoursError, parse_time

from .fees import DeliveryFeeRules
from .slots import Round

# Stable keys of the saved configuration; the French labels are only shown (the
# dashboard's field names), so rewording one keeps the operator's value.
FEE = "fee"
FREE_THRESHOLD = "free_threshold"
MAX_WEIGHT = "max_weight_kg"
LEAD_TIME = "lead_time_minutes"
CUTOFF = "cutoff_minutes"
ROUNDS = "rounds"
DAYS_AHEAD = "days_ahead"
CENTRAL_POINT = "central_point"

LABELS = {
    FEE: "Tarif de la livraison groupée (€ TTC)",
    FREE_THRESHOLD: "Livraison offerte à partir de (€ TTC, vide = jamais)",
    MAX_WEIGHT: "Poids maximal d'un panier (kg, vide = sans limite)",
    LEAD_TIME: "Délai de préparation en boutique (minutes)",
    CUTOFF: "Clôture des commandes avant la tournée (minutes)",
    ROUNDS: "Tournées (jours début-fin capacité ; ...)",
    DAYS_AHEAD: "Nombre de jours de créneaux proposés",
    CENTRAL_POINT: "Point de retrait central (adresse, vide = aucun)",
}

DEFAULTS = {
    FEE: "5.90",
    FREE_THRESHOLD: "60",
    MAX_WEIGHT: "25",
    LEAD_TIME: "60",
    CUTOFF: "120",
    ROUNDS: "1-6 10:00-12:00 20; 1-6 18:00-20:00 20",
    DAYS_AHEAD: "7",
    CENTRAL_POINT: "",
}

_ROUND = re.compile(r"([1-7])(?:-([1-7]))? +(\S+)-(\S+) +([0-9]+)")


class ConfigError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{LABELS[field]} : {message}")
        self.field = field  # the setting's key


@dataclass(frozen=True)
class DeliverySettings:
    fee_rules: DeliveryFeeRules
    lead_time: timedelta
    rounds: tuple[Round, ...]
    days_ahead: int
    central_point: str  # empty: no central collection point


def _decimal(values: Mapping[str, str], key: str, optional: bool) -> Optional[Decimal]:
    text = (values.get(key) or "").strip().replace(",", ".")
    if not text and optional:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ConfigError(key, f"« {text} » n'est pas un nombre (exemple : 5.90).") from None
    if not value.is_finite() or value < 0:
        raise ConfigError(key, "la valeur doit être un nombre positif ou nul.")
    return value


def _minutes(values: Mapping[str, str], key: str, maximum: int) -> int:
    text = (values.get(key) or "").strip()
    if not text.isdigit() or int(text) > maximum:
        raise ConfigError(key, f"indiquez un nombre entier de 0 à {maximum}.")
    return int(text)


def parse_rounds(text: str, cutoff: timedelta) -> tuple[Round, ...]:
    rounds = []
    for chunk in filter(None, (part.strip() for part in (text or "").split(";"))):
        match = _ROUND.fullmatch(chunk)
        if not match:
            raise ConfigError(
                ROUNDS, f"« {chunk} » ne suit pas le modèle « 1-6 10:00-12:00 20 »."
            )
        first, last, start, end, capacity = match.groups()
        first_day, last_day = int(first), int(last or first)
        if last_day < first_day:
            raise ConfigError(ROUNDS, f"« {chunk} » : le premier jour doit précéder le dernier.")
        try:
            rounds.append(
                Round(
                    weekdays=frozenset(range(first_day - 1, last_day)),
                    start=parse_time(start),
                    end=parse_time(end),
                    capacity=int(capacity),
                    cutoff=cutoff,
                )
            )
        except (OpeningHoursError, ValueError) as error:
            raise ConfigError(ROUNDS, f"« {chunk} » : {error}") from None
    if not rounds:
        raise ConfigError(ROUNDS, "définissez au moins une tournée.")
    return tuple(rounds)


def parse_settings(values: Mapping[str, str]) -> DeliverySettings:
    """Settings from the plugin's {key: value}; missing keys take DEFAULTS."""
    values = {**DEFAULTS, **{k: v for k, v in values.items() if v is not None}}
    return DeliverySettings(
        fee_rules=DeliveryFeeRules(
            fee=_decimal(values, FEE, optional=False),
            free_threshold=_decimal(values, FREE_THRESHOLD, optional=True),
            max_weight_kg=_decimal(values, MAX_WEIGHT, optional=True),
        ),
        lead_time=timedelta(minutes=_minutes(values, LEAD_TIME, maximum=7 * 24 * 60)),
        rounds=parse_rounds(
            values[ROUNDS], timedelta(minutes=_minutes(values, CUTOFF, maximum=7 * 24 * 60))
        ),
        days_ahead=_minutes(values, DAYS_AHEAD, maximum=60),
        central_point=" ".join((values.get(CENTRAL_POINT) or "").split()),
    )
