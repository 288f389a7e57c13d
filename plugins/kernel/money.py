"""Money as the whole project counts it: Decimal only, rounded to the cent, half up.

Floats are refused (0.1 + 0.2 != 0.3); ROUND_HALF_UP is the rounding residents
and shopkeepers expect on a receipt.
"""
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Sequence, Union

CENT = Decimal("0.01")


def quantize_money(amount: Decimal) -> Decimal:
    return as_decimal(amount, "montant").quantize(CENT, rounding=ROUND_HALF_UP)


def as_decimal(value: Union[Decimal, int], name: str) -> Decimal:
    # bool is an int subclass; True as an amount is always a bug.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"Le {name} doit être un Decimal (reçu {type(value).__name__}).")
    if not Decimal(value).is_finite():
        raise ValueError(f"Le {name} doit être un nombre fini.")
    return Decimal(value)


def non_negative(value: Decimal, name: str) -> Decimal:
    value = as_decimal(value, name)
    if value < 0:
        raise ValueError(f"Le {name} ne peut pas être négatif.")
    return value


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
    exact = [Fraction(non_negative(weight, "poids de répartition")) for weight in weights]
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
