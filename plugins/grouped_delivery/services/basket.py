"""What a basket may use: the one place that decides whether a delivery option is allowed.

Every entry point (deliveryOptions, stock availableShippingMethods, stock
checkoutShippingMethodUpdate, preprocess_order_creation) asks `refusal` here,
so the rules cannot drift apart.

Click & collect at shop A of a multi-shop basket: the resident collects the
WHOLE basket at A; the courier's round brings the other shops' parts there,
so that option needs a slot like grouped delivery does. A single-shop basket
collected at its shop needs no slot: it is ready once the shop has had its
preparation lead time.
"""
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional, Tuple

from prices import Money
from saleor.checkout.base_calculations import base_checkout_line_total

from plugins.local_merchants.public import ProductMerchant, directory

from plugins.kernel.address import ZoneCheck

from plugins.kernel.opening_hours import OpeningPeriod

from ..domain.config import DeliverySettings
from ..domain.fees import DeliveryFeeError, DeliveryFeeRules, check_weight, grouped_delivery_fee
from ..domain.slots import ShopHours
from ..models import DeliveryKind, DeliveryMethod
from .errors import DeliveryErrorCode, DeliveryRefused
from .zone import check_saved


@dataclass
class Basket:
    checkout: object
    merchants: list  # shops of the basket, from the shop directory (shared: read only)
    has_operator_items: bool
    zone: Optional[ZoneCheck]  # None: no shipping address yet
    weight_kg: Decimal
    subtotal_gross: Money
    settings: DeliverySettings

    @property
    def merchant_ids(self) -> set:
        return {merchant.pk for merchant in self.merchants}


def shop_hours(merchant) -> ShopHours:
    periods, closures = directory.hours_of(merchant.pk)
    return [OpeningPeriod(*period) for period in periods], set(closures)


def weight_and_subtotal(checkout, lines, discounts) -> Tuple[Decimal, Money]:
    """The lines' weight (kg) and gross subtotal, all that the grouped fee depends on."""
    lines = list(lines)
    weight = sum((line.variant.get_weight().kg * line.quantity for line in lines), 0)
    # Prices are TTC and the VAT plugin only splits them: the gross before taxes is the
    # gross the resident pays, with no plugins manager to build.
    subtotal = sum(
        (base_checkout_line_total(line, discounts).gross for line in lines),
        Money(0, checkout.currency),
    )
    return Decimal(str(weight)), subtotal


def load_basket(checkout, lines, discounts, settings: DeliverySettings) -> Basket:
    if lines is None:
        lines = checkout.lines.select_related("variant__product__product_type")
    lines = list(lines)
    product_ids = {line.variant.product_id for line in lines}
    owners = dict(
        ProductMerchant.objects.filter(product_id__in=product_ids).values_list(
            "product_id", "merchant_id"
        )
    )
    merchants = directory.shops(set(owners.values()))
    weight_kg, subtotal = weight_and_subtotal(checkout, lines, discounts)
    return Basket(
        checkout=checkout,
        merchants=merchants,
        has_operator_items=len(owners) < len(product_ids),
        zone=check_saved(checkout.shipping_address),
        weight_kg=weight_kg,
        subtotal_gross=subtotal,
        settings=settings,
    )


def method_chosen(checkout_or_order) -> Optional[DeliveryMethod]:
    """Read through the object's shipping method, so that it is read once per request:
    Saleor passes the same checkout to the many plugins managers it builds."""
    if checkout_or_order.shipping_method_id is None:
        return None
    try:
        return checkout_or_order.shipping_method.grouped_delivery
    except DeliveryMethod.DoesNotExist:  # a stock method (Django caches the miss too)
        return None


def is_collected_in_shop(order) -> bool:
    """The resident collects in the shops (SHOP_PICKUP); the per-shop parts ask it."""
    method = method_chosen(order)
    return method is not None and method.kind == DeliveryKind.SHOP_PICKUP


def method_of(shipping_method_id) -> Optional[DeliveryMethod]:
    if shipping_method_id is None:
        return None
    return DeliveryMethod.objects.select_related("merchant", "shipping_method").filter(
        pk=shipping_method_id
    ).first()


def refusal(basket: Basket, method: Optional[DeliveryMethod]) -> Optional[DeliveryRefused]:
    """Why this basket cannot use this method, or None when it can."""
    if method is None:
        return DeliveryRefused(DeliveryErrorCode.METHOD_NOT_OFFERED)
    if method.kind == DeliveryKind.GROUPED_DELIVERY:
        if basket.zone is None:
            return DeliveryRefused(DeliveryErrorCode.ADDRESS_REQUIRED, field="shipping_address")
        if not basket.zone.in_zone:
            return DeliveryRefused.outside_zone(basket.zone)
        if check_weight(basket.settings.fee_rules, basket.weight_kg):
            return DeliveryRefused(DeliveryErrorCode.TOO_HEAVY)
    elif method.kind == DeliveryKind.SHOP_PICKUP:
        if method.merchant_id not in basket.merchant_ids:
            return DeliveryRefused(DeliveryErrorCode.SHOP_NOT_IN_BASKET)
        if not (method.merchant.click_and_collect and method.merchant.is_active):
            return DeliveryRefused(DeliveryErrorCode.NO_CLICK_AND_COLLECT)
    elif not basket.settings.central_point:
        return DeliveryRefused(DeliveryErrorCode.METHOD_NOT_OFFERED)
    return None


def needs_round(basket: Basket, method: Optional[DeliveryMethod]) -> bool:
    """Does this choice travel with a courier round (and so need a slot)?"""
    if method is None or method.kind != DeliveryKind.SHOP_PICKUP:
        return True
    return basket.has_operator_items or basket.merchant_ids != {method.merchant_id}


def fee_of(rules: DeliveryFeeRules, subtotal_gross: Money, weight_kg: Decimal) -> Decimal:
    try:
        return grouped_delivery_fee(rules, subtotal_gross.amount, weight_kg)
    except DeliveryFeeError:  # priced anyway; `refusal` keeps it from being chosen
        return rules.fee


def grouped_fee(basket: Basket) -> Decimal:
    return fee_of(basket.settings.fee_rules, basket.subtotal_gross, basket.weight_kg)


def allowed_method_ids(basket: Basket, methods: Iterable[DeliveryMethod]) -> set:
    return {method.pk for method in methods if refusal(basket, method) is None}
