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
from datetime import date
from decimal import Decimal
from typing import Iterable, Optional

from django.db.models import Prefetch
from django.utils import timezone
from prices import Money
from saleor.plugins.manager import get_plugins_manager

from plugins.local_merchants.models import Merchant, MerchantClosure, ProductMerchant

from ..domain.address import ZoneCheck
from ..domain.config import DeliverySettings
from ..domain.fees import DeliveryFeeError, check_weight, grouped_delivery_fee
from ..domain.opening_hours import OpeningPeriod
from ..domain.slots import ShopHours
from ..models import DeliveryKind, DeliveryMethod
from .errors import DeliveryErrorCode, DeliveryRefused
from .settings import current_settings
from .zone import check_saved


@dataclass
class Basket:
    checkout: object
    merchants: list  # shops of the basket, opening hours and coming closures prefetched
    has_operator_items: bool
    zone: Optional[ZoneCheck]  # None: no shipping address yet
    weight_kg: Decimal
    subtotal_gross: Money
    settings: DeliverySettings

    @property
    def merchant_ids(self) -> set:
        return {merchant.pk for merchant in self.merchants}


def merchants_with_hours(queryset, today: date):
    return queryset.prefetch_related(
        "opening_hours",
        Prefetch("closures", queryset=MerchantClosure.objects.filter(date__gte=today)),
    ).select_related("address")


def shop_hours(merchant) -> ShopHours:
    periods = [OpeningPeriod(h.weekday, h.opens, h.closes) for h in merchant.opening_hours.all()]
    return periods, {closure.date for closure in merchant.closures.all()}


def load_basket(checkout, lines=None, discounts=None, settings=None) -> Basket:
    if lines is None:
        lines = checkout.lines.select_related("variant__product__product_type")
    lines = list(lines)
    product_ids = {line.variant.product_id for line in lines}
    owners = dict(
        ProductMerchant.objects.filter(product_id__in=product_ids).values_list(
            "product_id", "merchant_id"
        )
    )
    merchants = list(
        merchants_with_hours(
            Merchant.objects.filter(pk__in=set(owners.values())), timezone.localdate()
        )
    )
    weight = sum((line.variant.get_weight().kg * line.quantity for line in lines), 0)
    subtotal = get_plugins_manager().calculate_checkout_subtotal(checkout, lines, discounts or [])
    return Basket(
        checkout=checkout,
        merchants=merchants,
        has_operator_items=len(owners) < len(product_ids),
        zone=check_saved(checkout.shipping_address),
        weight_kg=Decimal(str(weight)),
        subtotal_gross=subtotal.gross,
        settings=settings or current_settings(),
    )


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


def grouped_fee(basket: Basket) -> Decimal:
    try:
        return grouped_delivery_fee(
            basket.settings.fee_rules, basket.subtotal_gross.amount, basket.weight_kg
        )
    except DeliveryFeeError:  # priced anyway; `refusal` keeps it from being chosen
        return basket.settings.fee_rules.fee


def allowed_method_ids(basket: Basket, methods: Iterable[DeliveryMethod]) -> set:
    return {method.pk for method in methods if refusal(basket, method) is None}
