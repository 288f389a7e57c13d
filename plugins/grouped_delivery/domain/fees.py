"""Grouped delivery fee; money rules (Decimal, cents, half up) are the kernel's."""
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Optional

from plugins.kernel.money import non_negative, quantize_money


class FeeProblem(str, Enum):
    TOO_HEAVY = "TOO_HEAVY"


FEE_MESSAGES = {
    FeeProblem.TOO_HEAVY: (
        "Votre panier dépasse le poids maximal accepté par la livraison groupée ; "
        "retirez quelques articles ou choisissez le retrait en boutique."
    ),
}


class DeliveryFeeError(ValueError):
    def __init__(self, code: FeeProblem) -> None:
        super().__init__(FEE_MESSAGES[code])
        self.code = code
        self.message = FEE_MESSAGES[code]


@dataclass(frozen=True)
class DeliveryFeeRules:
    fee: Decimal
    free_threshold: Optional[Decimal] = None  # basket gross subtotal from which delivery is free
    max_weight_kg: Optional[Decimal] = None  # what one courier can carry

    def __post_init__(self) -> None:
        non_negative(self.fee, "tarif de livraison")
        if self.free_threshold is not None:
            non_negative(self.free_threshold, "seuil de gratuité")
        if self.max_weight_kg is not None:
            non_negative(self.max_weight_kg, "poids maximal")


def check_weight(rules: DeliveryFeeRules, weight_kg: Decimal) -> Optional[FeeProblem]:
    """TOO_HEAVY above the limit (the limit itself is accepted), else None."""
    weight = non_negative(weight_kg, "poids")
    if rules.max_weight_kg is not None and weight > rules.max_weight_kg:
        return FeeProblem.TOO_HEAVY
    return None


def grouped_delivery_fee(
    rules: DeliveryFeeRules, basket_subtotal_gross: Decimal, weight_kg: Decimal
) -> Decimal:
    """One fee for the whole basket, whatever the number of shops in it.

    Free when the gross subtotal reaches the threshold. Raises
    DeliveryFeeError(TOO_HEAVY) rather than pricing a basket the courier
    cannot carry; call check_weight first to filter shipping methods.
    """
    subtotal = quantize_money(non_negative(basket_subtotal_gross, "sous-total"))
    problem = check_weight(rules, weight_kg)
    if problem:
        raise DeliveryFeeError(problem)
    if rules.free_threshold is not None and subtotal >= quantize_money(rules.free_threshold):
        return quantize_money(Decimal(0))
    return quantize_money(rules.fee)
