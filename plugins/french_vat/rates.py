"""French VAT (TVA) rates and the TTC → HT split. Pure Python: no Django, no Saleor.

Prices are entered and shown VAT included (TTC), as French shops display them, so the
net amount is derived from the gross one, never the other way round.
"""
from decimal import Decimal
from typing import NamedTuple

from prices import Money, TaxedMoney, flat_tax


class VatRate(NamedTuple):
    code: str
    percent: Decimal
    label: str


RATES = {
    rate.code: rate
    for rate in (
        VatRate("standard", Decimal("20"), "TVA 20 % (taux normal)"),
        VatRate("intermediate", Decimal("10"), "TVA 10 % (taux intermédiaire)"),
        VatRate("reduced", Decimal("5.5"), "TVA 5,5 % (taux réduit : alimentation, livres)"),
        VatRate("super_reduced", Decimal("2.1"), "TVA 2,1 % (taux particulier : presse)"),
    )
}
DEFAULT_RATE = RATES["standard"]
# Delivery follows the standard rate (a simplification accepted for a mixed basket).
SHIPPING_RATE = RATES["standard"]


def rate_for_code(code: str) -> VatRate:
    """The rate for a product type's code; unknown or empty codes fall back to 20 %."""
    return RATES.get(code or "", DEFAULT_RATE)


def taxed(gross: Money, rate: VatRate) -> TaxedMoney:
    """The TTC price split: HT = TTC / (1 + rate), rounded half up to the cent (the
    currency's), the tax is the difference; `prices.flat_tax`, as Saleor's taxes use it."""
    return flat_tax(gross, rate.percent / 100, keep_gross=True)
