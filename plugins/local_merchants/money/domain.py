"""What each shop sold in an order, what the platform keeps, what the shop is owed.

Decisions (also in the operator's guide):
* Commission base: the shop's sales VAT included (TTC), after its share of any
  order-level product discount (voucher). That is the money the resident
  actually paid for the shop's goods; the shop stays liable for the VAT on it.
* Order-level product discounts are split between the shops in proportion to
  their sales, to the cent, with `split_amount` (largest remainder).
  Discounts on the delivery fee are the platform's, like the fee itself.
* The grouped delivery fee belongs to the platform and is not part of any shop's
  figures.
* Products the operator sells itself form the group `None`: the platform keeps
  all of it (rate 1), so the shops' and the operator's figures still add up to
  the order's lines.
* Commission is rounded to the cent (half up) once per order and shop; period
  figures are sums of per-order figures, so the two reports always agree.
"""
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Mapping, Optional, Tuple

from babel.numbers import format_decimal, format_percent

from plugins.kernel.french import LOCALE
from plugins.kernel.money import quantize_money, split_amount

MerchantKey = Optional[int]
OPERATOR_RATE = Decimal(1)


@dataclass(frozen=True)
class Settlement:
    merchant: MerchantKey
    sales: Decimal  # lines TTC, before order-level discount
    discount: Decimal  # the shop's share of the order-level product discount
    commission: Decimal
    net_due: Decimal
    orders: int = 1

    @property
    def base(self) -> Decimal:
        """What the resident paid for this shop's goods: the commission base."""
        return self.sales - self.discount


def settle_order(
    lines: Iterable[Tuple[MerchantKey, Decimal]],
    rates: Mapping[MerchantKey, Decimal],
    discount: Decimal = Decimal(0),
) -> "list[Settlement]":
    """One settlement per shop of the order, shops in the order of their first line.

    `lines` are (shop, line total TTC) pairs; `rates` the shops' commission
    rates (the operator's group always uses rate 1); `discount` the order-level
    product discount, split between shops in proportion to their sales.
    """
    sales: "dict[MerchantKey, Decimal]" = {}
    for merchant, amount in lines:
        sales[merchant] = sales.get(merchant, Decimal(0)) + quantize_money(amount)
    if not sales:
        return []
    total = sum(sales.values())
    discount = quantize_money(discount)
    if discount < 0 or discount > total:
        raise ValueError("La remise doit être comprise entre zéro et le total des articles.")
    if total:
        shares = split_amount(discount, list(sales.values()))
    else:
        shares = [Decimal("0.00")] * len(sales)
    settlements = []
    for (merchant, sold), share in zip(sales.items(), shares):
        rate = OPERATOR_RATE if merchant is None else Decimal(rates[merchant])
        if not Decimal(0) <= rate <= Decimal(1):
            raise ValueError("Le taux de commission doit être compris entre 0 et 1.")
        base = sold - share
        commission = quantize_money(base * rate)
        settlements.append(Settlement(merchant, sold, share, commission, base - commission))
    return settlements


def add_up(settlements: Iterable[Settlement]) -> "list[Settlement]":
    """Per-shop totals over many orders, shops in the order first seen."""
    totals: "dict[MerchantKey, Settlement]" = {}
    for item in settlements:
        seen = totals.get(item.merchant)
        if seen is None:
            totals[item.merchant] = item
            continue
        totals[item.merchant] = Settlement(
            item.merchant,
            seen.sales + item.sales,
            seen.discount + item.discount,
            seen.commission + item.commission,
            seen.net_due + item.net_due,
            seen.orders + item.orders,
        )
    return list(totals.values())


# Spreadsheet cells, not typography: no thousands separator, a plain space before "%".
def format_amount(amount: Decimal) -> str:
    """French spreadsheet notation: comma decimals ("1234,50")."""
    return format_decimal(quantize_money(amount), "0.00", locale=LOCALE)


def format_rate(rate: Decimal) -> str:
    """A commission rate as a French percentage ("12,5 %")."""
    return format_percent(Decimal(rate), "0.## %", locale=LOCALE)

