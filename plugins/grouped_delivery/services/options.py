"""Checkout.deliveryOptions and the filter applied to stock availableShippingMethods."""
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from prices import Money

from plugins.kernel.opening_hours import WEEKDAY_NAMES
from ..models import DeliveryKind, DeliveryMethod
from .basket import Basket, grouped_fee, needs_round, refusal, shop_hours
from .methods import offered


@dataclass
class DeliveryOption:
    kind: str  # GROUPED_DELIVERY | CLICK_AND_COLLECT (the contract's two kinds)
    shipping_method: object
    price: Money
    merchant: Optional[object]
    label: str


def _hours_text(merchant) -> str:
    days = {}
    for period in shop_hours(merchant)[0]:
        days.setdefault(period.weekday, []).append(f"{period.opens:%H:%M}-{period.closes:%H:%M}")
    return ", ".join(f"{WEEKDAY_NAMES[day]} {' et '.join(hours)}" for day, hours in sorted(days.items()))


def _pickup_label(basket: Basket, method: DeliveryMethod) -> str:
    merchant = basket.merchant(method.merchant_id)
    address = merchant.address
    label = (
        f"Retrait gratuit chez {merchant.name}, {address.street_address_1}, "
        f"{address.postal_code} Paris ({_hours_text(merchant) or 'horaires à confirmer'})"
    )
    if needs_round(basket, method):
        label += " : les articles des autres boutiques y sont apportés par la tournée choisie"
    return label


def methods_for(basket: Basket) -> list[DeliveryMethod]:
    """The methods this basket could be offered (written beforehand: see methods.py)."""
    methods = offered.get()
    candidates = [methods.grouped]
    candidates += [methods.pickup.get(m.pk) for m in basket.merchants if m.click_and_collect]
    if basket.settings.central_point:
        candidates.append(methods.central)
    return [method for method in candidates if method is not None]


def delivery_options(basket: Basket) -> list[DeliveryOption]:
    """What this basket and its address can use, grouped delivery first."""
    currency = basket.subtotal_gross.currency
    options = []
    for method in methods_for(basket):
        if refusal(basket, method) is not None:
            continue
        if method.kind == DeliveryKind.GROUPED_DELIVERY:
            fee = grouped_fee(basket)
            label = "Livraison groupée dans le 16e" + (" (offerte)" if fee == 0 else "")
            options.append(DeliveryOption(
                "GROUPED_DELIVERY", method.shipping_method, Money(fee, currency), None, label
            ))
        elif method.kind == DeliveryKind.SHOP_PICKUP:
            options.append(DeliveryOption(
                "CLICK_AND_COLLECT", method.shipping_method, Money(Decimal(0), currency),
                basket.merchant(method.merchant_id), _pickup_label(basket, method),
            ))
        else:
            options.append(DeliveryOption(
                "CLICK_AND_COLLECT", method.shipping_method, Money(Decimal(0), currency), None,
                f"Retrait gratuit de tout le panier au point central : "
                f"{basket.settings.central_point}",
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
        if method.kind == DeliveryKind.GROUPED_DELIVERY:
            shipping_method.price = Money(grouped_fee(basket), shipping_method.price.currency)
        allowed.append(shipping_method)
    return allowed
