"""Checkout.deliveryOptions and the filter applied to stock availableShippingMethods."""
from dataclasses import dataclass
from typing import Optional

from prices import Money

from plugins.kernel.opening_hours import WEEKDAY_NAMES
from ..domain.kinds import KINDS
from ..models import DeliveryMethod
from .basket import Basket, needs_slot, refusal, shop_hours
from .methods import offered


@dataclass
class DeliveryOption:
    kind: str  # GROUPED_DELIVERY | CLICK_AND_COLLECT (the contract's two kinds)
    shipping_method: object
    price: Money
    merchant: Optional[object]
    label: str
    needs_slot: bool  # rides a courier round: a slot must be chosen


def _hours_text(merchant) -> str:
    days = {}
    for period in shop_hours(merchant)[0]:
        days.setdefault(period.weekday, []).append(f"{period.opens:%H:%M}-{period.closes:%H:%M}")
    return ", ".join(f"{WEEKDAY_NAMES[day]} {' et '.join(hours)}" for day, hours in sorted(days.items()))


def methods_for(basket: Basket) -> list[DeliveryMethod]:
    """The methods this basket could be offered, in KINDS order (written beforehand:
    see methods.py; one missing is not offered)."""
    settings, methods = basket.settings, offered.get()
    candidates = []
    for kind in KINDS.values():
        if kind.per_shop:
            candidates += [methods.of(kind, m) for m in basket.merchants if kind.offered(settings, m)]
        elif kind.offered(settings):
            candidates.append(methods.of(kind))
    return [method for method in candidates if method is not None]


def delivery_options(basket: Basket) -> list[DeliveryOption]:
    """What this basket and its address can use, grouped delivery first."""
    currency = basket.subtotal_gross.currency
    options = []
    for method in methods_for(basket):
        if refusal(basket, method) is not None:
            continue
        kind, merchant = method.delivery_kind, basket.merchant(method.merchant_id)
        price = kind.price_for(basket)
        hours = _hours_text(merchant) if kind.per_shop else ""
        options.append(DeliveryOption(
            kind.option_kind, method.shipping_method, Money(price, currency), merchant,
            kind.option_label(basket, merchant, price, hours), needs_slot(basket, method),
        ))
    return options


def filter_stock_methods(basket: Basket, shipping_methods: list) -> list:
    """Stock availableShippingMethods minus what this basket may not use, priced like ours."""
    ours = offered.get().by_pk
    allowed = []
    for shipping_method in shipping_methods:
        method = ours.get(shipping_method.pk)
        if refusal(basket, method) is not None:
            continue
        price = method.delivery_kind.price_for(basket)
        shipping_method.price = Money(price, shipping_method.price.currency)
        allowed.append(shipping_method)
    return allowed
