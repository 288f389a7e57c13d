"""The Saleor ShippingMethods behind our delivery options, created idempotently.

One method per delivery kind, or one per shop for a per-shop kind (click & collect),
all on the shipping zone covering France ("Paris 16e"). Each gets a DeliveryMethod
row saying its kind; stock methods have none.
"""
from decimal import Decimal

from django.db import IntegrityError, transaction
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingZone

from ..domain.kinds import DeliveryKind
from ..models import DeliveryMethod

ZONE_NAME = "Paris 16e"


def ensure_zone() -> ShippingZone:
    zone = ShippingZone.objects.filter(countries__contains="FR", default=False).order_by("pk")
    return zone.first() or ShippingZone.objects.create(name=ZONE_NAME, countries=["FR"])


def ensure_method(kind: DeliveryKind, price: Decimal, merchant=None) -> DeliveryMethod:
    """The kind's method (this shop's, for a per-shop kind), created on first need; its
    stock price follows `price` (what stock lists show)."""
    lookup = {"merchant": merchant} if merchant is not None else {"kind": kind.code}
    method = DeliveryMethod.objects.select_related("shipping_method").filter(**lookup).first()
    if method is None:
        try:
            with transaction.atomic():
                shipping_method = ShippingMethod.objects.create(
                    name=kind.method_name(merchant)[:100],
                    type=ShippingMethodType.PRICE_BASED,
                    price_amount=price,
                    minimum_order_price_amount=Decimal(0),
                    shipping_zone=ensure_zone(),
                )
                return DeliveryMethod.objects.create(
                    shipping_method=shipping_method, kind=kind.code, merchant=merchant
                )
        except IntegrityError:  # a concurrent request created it first
            method = DeliveryMethod.objects.select_related("shipping_method").get(**lookup)
    if method.shipping_method.price_amount != price:
        ShippingMethod.objects.filter(pk=method.pk).update(price_amount=price)
        method.shipping_method.price_amount = price
    return method


def shop_methods(kind: DeliveryKind, merchants) -> list[DeliveryMethod]:
    """A per-shop kind's methods of these shops in one query, creating the missing ones."""
    existing = {
        method.merchant_id: method
        for method in DeliveryMethod.objects.select_related("shipping_method").filter(
            kind=kind.code, merchant__in=merchants
        )
    }
    methods = []
    for merchant in merchants:
        method = existing.get(merchant.pk) or ensure_method(kind, Decimal(0), merchant)
        method.merchant = merchant  # keep the caller's prefetched hours and address
        methods.append(method)
    return methods
