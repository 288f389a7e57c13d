"""The Saleor ShippingMethods behind our delivery options, created idempotently.

One grouped-delivery method, one central collection method and one pickup
method per shop, all on the shipping zone covering France ("Paris 16e").
Each gets a DeliveryMethod row saying what it is; stock methods have none.
"""
from decimal import Decimal

from django.db import IntegrityError, transaction
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingZone

from ..models import DeliveryKind, DeliveryMethod

ZONE_NAME = "Paris 16e"
GROUPED_NAME = "Livraison groupée dans le 16e"
CENTRAL_NAME = "Retrait au point central du 16e"


def ensure_zone() -> ShippingZone:
    zone = ShippingZone.objects.filter(countries__contains="FR", default=False).order_by("pk")
    return zone.first() or ShippingZone.objects.create(name=ZONE_NAME, countries=["FR"])


def _ensure(kind: str, name: str, price: Decimal, merchant=None) -> DeliveryMethod:
    lookup = {"merchant": merchant} if merchant is not None else {"kind": kind}
    existing = DeliveryMethod.objects.select_related("shipping_method").filter(**lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            method = ShippingMethod.objects.create(
                name=name[:100],
                type=ShippingMethodType.PRICE_BASED,
                price_amount=price,
                minimum_order_price_amount=Decimal(0),
                shipping_zone=ensure_zone(),
            )
            return DeliveryMethod.objects.create(
                shipping_method=method, kind=kind, merchant=merchant
            )
    except IntegrityError:  # a concurrent request created it first
        return DeliveryMethod.objects.select_related("shipping_method").get(**lookup)


def ensure_grouped_method(fee: Decimal) -> DeliveryMethod:
    """The grouped method; its stock price follows the configured fee (what stock lists show)."""
    method = _ensure(DeliveryKind.GROUPED_DELIVERY, GROUPED_NAME, fee)
    if method.shipping_method.price_amount != fee:
        ShippingMethod.objects.filter(pk=method.pk).update(price_amount=fee)
        method.shipping_method.price_amount = fee
    return method


def ensure_central_method() -> DeliveryMethod:
    return _ensure(DeliveryKind.CENTRAL_PICKUP, CENTRAL_NAME, Decimal(0))


def ensure_pickup_method(merchant) -> DeliveryMethod:
    return _ensure(
        DeliveryKind.SHOP_PICKUP, f"Retrait en boutique — {merchant.name}", Decimal(0), merchant
    )


def pickup_methods(merchants) -> list[DeliveryMethod]:
    """Pickup methods of these shops in one query, creating the missing ones."""
    existing = {
        method.merchant_id: method
        for method in DeliveryMethod.objects.select_related("shipping_method").filter(
            merchant__in=merchants
        )
    }
    methods = []
    for merchant in merchants:
        method = existing.get(merchant.pk) or ensure_pickup_method(merchant)
        method.merchant = merchant  # keep the caller's prefetched hours and address
        methods.append(method)
    return methods
