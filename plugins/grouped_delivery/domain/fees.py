"""Grouped delivery fee and exact money splits.

Money is Decimal only (floats are refused: 0.1 + 0.2 != 0.3) and amounts are
quantized to the cent with ROUND_HALF_UP, the rounding residents expect.
"""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from fractions import Fraction
from typing import Optional, Sequence, Union

CENT = Decimal("0.01")


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


def quantize_money(amount: Decimal) -> Decimal:
    return _decimal(amount, "montant").quantize(CENT, rounding=ROUND_HALF_UP)


def _decimal(value: Union[Decimal, int], name: str) -> Decimal:
    # bool is an int subclass; True as an amount is always a bug.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"Le {name} doit être un Decimal (reçu {type(value).__name__}).")
    if not Decimal(value).is_finite():
        raise ValueError(f"Le {name} doit être un nombre fini.")
    return Decimal(value)


def _non_negative(value: Decimal, name: str) -> Decimal:
    value = _decimal(value, name)
    if value < 0:
        raise ValueError(f"Le {name} ne peut pas être négatif.")
    return value


@dataclass(frozen=True)
class DeliveryFeeRules:
    fee: Decimal
    free_threshold: Optional[Decimal] = None  # basket gross subtotal from which delivery is free
    max_weight_kg: Optional[Decimal] = None  # what one courier can carry

    def __post_init__(self) -> None:
        _non_negative(self.fee, "tarif de livraison")
        if self.free_threshold is not None:
            _non_negative(self.free_threshold, "seuil de gratuité")
        if self.max_weight_kg is not None:
            _non_negative(self.max_weight_kg, "poids maximal")


def check_weight(rules: DeliveryFeeRules, weight_kg: Decimal) -> Optional[FeeProblem]:
    """TOO_HEAVY above the limit (the limit itself is accepted), else None."""
    weight = _non_negative(weight_kg, "poids")
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
    subtotal = quantize_money(_non_negative(basket_subtotal_gross, "sous-total"))
    problem = check_weight(rules, weight_kg)
    if problem:
        raise DeliveryFeeError(problem)
    if rules.free_threshold is not None and subtotal >= quantize_money(rules.free_threshold):
        return quantize_money(Decimal(0))
    return quantize_money(rules.fee)


def split_amount(total: Decimal, weights: Sequence[Union[Decimal, int]]) -> list[Decimal]:
    """Split `total` into cents proportional to `weights`, summing exactly to `total`.

    Largest-remainder method: each share gets the floor of its exact cents,
    then the leftover cents go one by one to the largest fractional parts
    (ties to the earliest weight, so the result is deterministic). A negative
    total (refund) is split like its absolute value, then negated. `total` is
    first rounded to the cent.
    """
    if not weights:
        raise ValueError("Il faut au moins une part pour répartir un montant.")
    exact = [Fraction(_non_negative(weight, "poids de répartition")) for weight in weights]
    weight_sum = sum(exact)
    if weight_sum == 0:
        raise ValueError("La somme des poids de répartition doit être positive.")
    total = quantize_money(total)
    sign = -1 if total < 0 else 1
    cents = int(abs(total) * 100)
    raw = [cents * weight / weight_sum for weight in exact]
    shares = [int(share) for share in raw]  # Fraction >= 0: int() is floor
    leftover = cents - sum(shares)
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - shares[i]), i))
    for index in by_remainder[:leftover]:
        shares[index] += 1
    return [(Decimal(sign * share) / 100).quantize(CENT) for share in shares]
