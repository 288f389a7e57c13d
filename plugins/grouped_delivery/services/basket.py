"""A basket as the delivery kinds read it, and the one question every entry point asks.

Every entry point (deliveryOptions, stock availableShippingMethods, stock
checkoutShippingMethodUpdate, preprocess_order_creation) asks `refusal` here, which
asks the method's kind (domain/kinds.py), so the rules cannot drift apart.

Click & collect at shop A of a multi-shop basket: the resident collects the
WHOLE basket at A; the courier's round brings the other shops' parts (and the
operator's own products) there, so that option needs a slot like grouped delivery
does. A basket of shop A alone collected at A needs no slot: it is ready once the
shop has had its preparation lead time.
"""
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Tuple

from prices import Money
from saleor.checkout.base_calculations import base_checkout_line_total

from plugins.local_merchants.public import ProductMerchant, directory

from plugins.kernel.address import ZoneCheck

from plugins.kernel.opening_hours import OpeningPeriod

from ..domain.config import DeliverySettings
from ..domain.slots import ShopHours
from ..models import DeliveryMethod
from .errors import DeliveryErrorCode, DeliveryRefused
from .methods import method_by_pk
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

    def merchant(self, merchant_id) -> Optional[object]:
        return next((m for m in self.merchants if m.pk == merchant_id), None)


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


def delivery_method_of(checkout_or_order) -> Optional[DeliveryMethod]:
    """Our method behind the object's shipping method (None: none, or a stock one)."""
    return method_by_pk(checkout_or_order.shipping_method_id)


def is_collected_in_shop(order) -> bool:
    """Does each shop hand its own part to the resident? (The per-shop parts ask it.)"""
    method = delivery_method_of(order)
    return method is not None and method.delivery_kind.collected_in_shop


def refusal(basket: Basket, method: Optional[DeliveryMethod]) -> Optional[DeliveryRefused]:
    """Why this basket cannot use this method, or None when it can."""
    if method is None:
        return DeliveryRefused(DeliveryErrorCode.METHOD_NOT_OFFERED)
    # The basket's own copy of the shop (None: not in the basket), never a query.
    refused = method.delivery_kind.refusal(basket, basket.merchant(method.merchant_id))
    return DeliveryRefused.of(refused) if refused else None


def needs_slot(basket: Basket, method: Optional[DeliveryMethod]) -> bool:
    """Does this choice travel with a courier round (and so need a slot)?"""
    if method is None:
        return True
    return method.delivery_kind.needs_slot(basket, basket.merchant(method.merchant_id))
