"""The Saleor ShippingMethods behind our delivery options.

One grouped-delivery method, one central collection method and one pickup method per
click & collect shop, all on the shipping zone covering France ("Paris 16e"). Each gets
a DeliveryMethod row saying what it is; stock methods have none.

They are written when what they follow is written (migrations, a shop saved, the
plugin's settings saved: `materialise_*`), never by a read: a resident's read finds
them in a per-worker copy (`offered`), without a query.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from django.db import IntegrityError, transaction
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingZone

from plugins.cached_reads import CachedRead
from plugins.local_merchants.models import Merchant

from ..domain.config import DeliverySettings
from ..models import DeliveryKind, DeliveryMethod

ZONE_NAME = "Paris 16e"
GROUPED_NAME = "Livraison groupée dans le 16e"
CENTRAL_NAME = "Retrait au point central du 16e"


def delivery_zone() -> ShippingZone:
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
                shipping_zone=delivery_zone(),
            )
            return DeliveryMethod.objects.create(
                shipping_method=method, kind=kind, merchant=merchant
            )
    except IntegrityError:  # a concurrent writer created it first
        return DeliveryMethod.objects.select_related("shipping_method").get(**lookup)


def materialise_pickup_method(merchant: Merchant) -> None:
    """A click & collect shop's method (a shop saved: created, or click & collect turned on)."""
    if merchant.click_and_collect and not DeliveryMethod.objects.filter(merchant=merchant).exists():
        _ensure(DeliveryKind.SHOP_PICKUP, f"Retrait en boutique — {merchant.name}",
                Decimal(0), merchant)


@transaction.atomic
def materialise_methods(settings: DeliverySettings) -> None:
    """Every method the settings and the shops call for (idempotent)."""
    grouped = _ensure(DeliveryKind.GROUPED_DELIVERY, GROUPED_NAME, settings.fee_rules.fee)
    # Stock lists (availableShippingMethods, the dashboard) show the configured fee.
    if grouped.shipping_method.price_amount != settings.fee_rules.fee:
        grouped.shipping_method.price_amount = settings.fee_rules.fee
        grouped.shipping_method.save(update_fields=["price_amount"])
    if settings.central_point:
        _ensure(DeliveryKind.CENTRAL_PICKUP, CENTRAL_NAME, Decimal(0))
    for merchant in Merchant.objects.filter(click_and_collect=True, pickup_method__isnull=True):
        materialise_pickup_method(merchant)


@dataclass(frozen=True)
class OfferedMethods:
    """Every DeliveryMethod, its ShippingMethod selected. Shared by the worker's
    requests: read it, never change it (nor load a relation on it)."""

    by_pk: dict = field(default_factory=dict)
    pickup: dict = field(default_factory=dict)  # merchant id -> DeliveryMethod
    grouped: Optional[DeliveryMethod] = None
    central: Optional[DeliveryMethod] = None


def _read_methods() -> OfferedMethods:
    by_pk = {m.pk: m for m in DeliveryMethod.objects.select_related("shipping_method")}
    by_kind = {m.kind: m for m in by_pk.values() if m.merchant_id is None}
    return OfferedMethods(
        by_pk=by_pk,
        pickup={m.merchant_id: m for m in by_pk.values() if m.merchant_id is not None},
        grouped=by_kind.get(DeliveryKind.GROUPED_DELIVERY),
        central=by_kind.get(DeliveryKind.CENTRAL_PICKUP),
    )


# Fresh from the next request on after a DeliveryMethod or ShippingMethod is saved or
# deleted (receivers connected in apps.py).
offered = CachedRead("grouped_delivery.methods", _read_methods)


def method_by_pk(shipping_method_id) -> Optional[DeliveryMethod]:
    """Our method behind this ShippingMethod id; None for a stock method or none."""
    if shipping_method_id is None:
        return None
    return offered.get().by_pk.get(int(shipping_method_id))
