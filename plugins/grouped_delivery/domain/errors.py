"""Why a delivery choice is refused: the code clients read (our GraphQL enum)."""
from dataclasses import dataclass
from enum import Enum


class DeliveryErrorCode(str, Enum):
    NOT_FOUND = "NOT_FOUND"
    ADDRESS_REQUIRED = "ADDRESS_REQUIRED"
    OUTSIDE_ZONE = "OUTSIDE_ZONE"
    TOO_HEAVY = "TOO_HEAVY"
    SHOP_NOT_IN_BASKET = "SHOP_NOT_IN_BASKET"
    NO_CLICK_AND_COLLECT = "NO_CLICK_AND_COLLECT"
    METHOD_NOT_OFFERED = "METHOD_NOT_OFFERED"
    SLOT_REQUIRED = "SLOT_REQUIRED"
    SLOT_PAST = "SLOT_PAST"
    SLOT_HOLIDAY = "SLOT_HOLIDAY"
    SLOT_CLOSED = "SLOT_CLOSED"
    SLOT_FULL = "SLOT_FULL"
    SHOP_CANNOT_PREPARE = "SHOP_CANNOT_PREPARE"
    SLOT_ALREADY_RESERVED = "SLOT_ALREADY_RESERVED"


@dataclass(frozen=True)
class Refusal:
    code: DeliveryErrorCode
    message: str = ""  # "": the code's usual French sentence
    field: str = ""  # "": the code's usual field
