"""Why a delivery choice is refused: one code (our GraphQL enum) and a French sentence."""
from django.core.exceptions import ValidationError
from saleor.checkout.error_codes import CheckoutErrorCode

from ..domain.errors import DeliveryErrorCode, Refusal
from ..domain.fees import FEE_MESSAGES, FeeProblem
from ..domain.slots import SLOT_MESSAGES, SlotProblem

MESSAGES = {
    DeliveryErrorCode.NOT_FOUND: "Ce créneau n'existe pas ; merci d'en choisir un dans la liste.",
    DeliveryErrorCode.ADDRESS_REQUIRED: (
        "Indiquez d'abord votre adresse, puis choisissez votre créneau de livraison."
    ),
    DeliveryErrorCode.TOO_HEAVY: FEE_MESSAGES[FeeProblem.TOO_HEAVY],
    DeliveryErrorCode.SHOP_NOT_IN_BASKET: (
        "Vous ne pouvez retirer votre commande que dans une boutique de votre panier ; "
        "merci de choisir une autre option."
    ),
    DeliveryErrorCode.NO_CLICK_AND_COLLECT: (
        "Cette boutique ne propose pas le retrait sur place ; merci de choisir une autre option."
    ),
    DeliveryErrorCode.METHOD_NOT_OFFERED: (
        "Ce mode de livraison n'est pas proposé pour votre panier ; choisissez la livraison "
        "groupée ou le retrait en boutique."
    ),
    DeliveryErrorCode.SLOT_REQUIRED: (
        "Choisissez un créneau de livraison avant de valider votre commande."
    ),
    DeliveryErrorCode.SLOT_ALREADY_RESERVED: (
        "Votre paiement est en cours de confirmation : le créneau ne peut plus être changé."
    ),
}

_SLOT_PROBLEM_CODES = {
    SlotProblem.PAST: DeliveryErrorCode.SLOT_PAST,
    SlotProblem.HOLIDAY: DeliveryErrorCode.SLOT_HOLIDAY,
    SlotProblem.CLOSED: DeliveryErrorCode.SLOT_CLOSED,
    SlotProblem.FULL: DeliveryErrorCode.SLOT_FULL,
    SlotProblem.SHOP_CANNOT_PREPARE: DeliveryErrorCode.SHOP_CANNOT_PREPARE,
}
MESSAGES.update({code: SLOT_MESSAGES[problem] for problem, code in _SLOT_PROBLEM_CODES.items()})

# Stock Saleor mutations only know CheckoutErrorCode: the nearest one carries our message.
_STOCK_CODES = {
    DeliveryErrorCode.ADDRESS_REQUIRED: CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
    DeliveryErrorCode.SLOT_REQUIRED: CheckoutErrorCode.REQUIRED,
    DeliveryErrorCode.NOT_FOUND: CheckoutErrorCode.NOT_FOUND,
}
_SLOT_CODES = {
    DeliveryErrorCode.SLOT_PAST, DeliveryErrorCode.SLOT_HOLIDAY, DeliveryErrorCode.SLOT_CLOSED,
    DeliveryErrorCode.SLOT_FULL, DeliveryErrorCode.SHOP_CANNOT_PREPARE,
    DeliveryErrorCode.SLOT_REQUIRED, DeliveryErrorCode.SLOT_ALREADY_RESERVED,
}


class DeliveryRefused(Exception):
    def __init__(self, code: DeliveryErrorCode, message: str = "", field: str = "") -> None:
        self.code = code
        self.message = message or MESSAGES[code]
        self.field = field or ("delivery_slot" if code in _SLOT_CODES else "shipping_method")
        super().__init__(self.message)

    @classmethod
    def of(cls, refusal: Refusal) -> "DeliveryRefused":
        return cls(refusal.code, refusal.message, refusal.field)

    @classmethod
    def of_slot(cls, problem: SlotProblem) -> "DeliveryRefused":
        return cls(_SLOT_PROBLEM_CODES[problem])

    def as_validation_error(self, stock: bool = False) -> ValidationError:
        """For our mutations (our code) or a stock one (nearest CheckoutErrorCode)."""
        code = self.code.value
        if stock:
            code = _STOCK_CODES.get(
                self.code,
                CheckoutErrorCode.INVALID if self.code in _SLOT_CODES
                else CheckoutErrorCode.SHIPPING_METHOD_NOT_APPLICABLE,
            ).value
        return ValidationError({self.field: ValidationError(self.message, code=code)})
