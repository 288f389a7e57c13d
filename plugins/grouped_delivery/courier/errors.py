"""Why a round request is refused: a code (GraphQL enum RoundErrorCode) and a French sentence."""
from enum import Enum


class RoundErrorCode(str, Enum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_COURIERS = "INVALID_COURIERS"
    NO_ORDERS = "NO_ORDERS"
    HUB_UNKNOWN = "HUB_UNKNOWN"
    PLAN_IN_PROGRESS = "PLAN_IN_PROGRESS"
    ROUND_STARTED = "ROUND_STARTED"
    ALREADY_DONE = "ALREADY_DONE"
    REASON_REQUIRED = "REASON_REQUIRED"
    NOT_A_DELIVERY = "NOT_A_DELIVERY"
    NOT_A_PICKUP = "NOT_A_PICKUP"
    PLAN_INVALID = "PLAN_INVALID"


MAX_COURIERS = 10

MESSAGES = {
    RoundErrorCode.NOT_FOUND: "Ce créneau ou cet arrêt n'existe pas : rechargez la page.",
    RoundErrorCode.INVALID_COURIERS: (
        f"Indiquez un nombre de coursiers entre 1 et {MAX_COURIERS}."),
    RoundErrorCode.NO_ORDERS: "Aucune commande à livrer sur ce créneau : il n'y a rien à planifier.",
    RoundErrorCode.HUB_UNKNOWN: (
        "L'adresse de départ des vélos (adresse de la société dans les réglages de la boutique) "
        "est inconnue de la carte : corrigez-la, puis relancez la planification."),
    RoundErrorCode.PLAN_IN_PROGRESS: (
        "Ce créneau est déjà en cours de planification : attendez quelques secondes et "
        "rechargez la tournée."),
    RoundErrorCode.ROUND_STARTED: (
        "La tournée a commencé (des arrêts sont déjà faits) : elle ne peut plus être replanifiée."),
    RoundErrorCode.ALREADY_DONE: "Cet arrêt est déjà enregistré : rechargez la page.",
    RoundErrorCode.REASON_REQUIRED: (
        "Indiquez pourquoi la commande n'a pas pu être livrée (absent, adresse introuvable…)."),
    RoundErrorCode.NOT_A_DELIVERY: (
        "Cet arrêt est une collecte en boutique : utilisez « Collecté »."),
    RoundErrorCode.NOT_A_PICKUP: (
        "Cet arrêt est une livraison : utilisez « Livré » ou « Non livré »."),
    RoundErrorCode.PLAN_INVALID: (
        "Le plan calculé ne respecte pas les règles de tournée : il n'a pas été gardé ; "
        "relancez la planification."),
}


class RoundRefused(Exception):
    def __init__(self, code: RoundErrorCode, field: str) -> None:
        self.code = code
        self.field = field
        self.message = MESSAGES[code]
        super().__init__(self.message)
