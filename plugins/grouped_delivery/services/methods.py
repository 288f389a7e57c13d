"""The Saleor ShippingMethods behind our delivery options.

One method per delivery kind, or one per shop for a per-shop kind (click & collect),
all on the shipping zone covering France ("Paris 16e"). Each gets a DeliveryMethod
row saying its kind; stock methods have none.

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
from plugins.local_merchants.public import Merchant

from ..domain.config import DeliverySettings
from ..domain.kinds import KINDS, DeliveryKind
from ..models import DeliveryMethod

ZONE_NAME = "Paris 16e"


def ensure_zone() -> ShippingZone:
    zone = ShippingZone.objects.filter(countries__contains="FR", default=False).order_by("pk")
    return zone.first() or ShippingZone.objects.create(name=ZONE_NAME, countries=["FR"])


def ensure_method(kind: DeliveryKind, price: Decimal, merchant=None) -> DeliveryMethod:
    """The kind's method (this shop's, for a per-shop kind), created if missing; its
    stock price follows `price` (what stock lists show). Writes: never from a read."""
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
        except IntegrityError:  # a concurrent writer created it first
            method = DeliveryMethod.objects.select_related("shipping_method").get(**lookup)
    if method.shipping_method.price_amount != price:
        method.shipping_method.price_amount = price
        method.shipping_method.save(update_fields=["price_amount"])  # signals: `offered`
    return method


def materialise_shop_methods(merchant: Merchant, settings: DeliverySettings) -> None:
    """A shop's per-shop methods (a shop saved: created, or click & collect turned on)."""
    for kind in KINDS.values():
        if kind.per_shop and kind.offered(settings, merchant) and not DeliveryMethod.objects.filter(
            kind=kind.code, merchant=merchant
        ).exists():
            ensure_method(kind, Decimal(0), merchant)


@transaction.atomic
def materialise_methods(settings: DeliverySettings) -> None:
    """Every method the settings and the shops call for (idempotent)."""
    for kind in KINDS.values():
        if kind.per_shop:
            for merchant in Merchant.objects.exclude(pickup_method__kind=kind.code):
                if kind.offered(settings, merchant):
                    ensure_method(kind, Decimal(0), merchant)
        elif kind.offered(settings):
            # Stock lists show the price of an empty basket (a basket's own is set by ours).
            ensure_method(kind, kind.price(settings.fee_rules, Decimal(0), Decimal(0)))


@dataclass(frozen=True)
class OfferedMethods:
    """Every DeliveryMethod, its ShippingMethod selected. Shared by the worker's
    requests: read it, never change it (nor load a relation on it)."""

    by_pk: dict = field(default_factory=dict)
    by_kind: dict = field(default_factory=dict)  # code -> method, kinds of one method
    by_shop: dict = field(default_factory=dict)  # (code, merchant id) -> method

    def of(self, kind: DeliveryKind, merchant=None) -> Optional[DeliveryMethod]:
        if kind.per_shop:
            return self.by_shop.get((kind.code, merchant.pk))
        return self.by_kind.get(kind.code)


def _read_methods() -> OfferedMethods:
    by_pk = {m.pk: m for m in DeliveryMethod.objects.select_related("shipping_method")}
    return OfferedMethods(
        by_pk=by_pk,
        by_kind={m.kind: m for m in by_pk.values() if m.merchant_id is None},
        by_shop={(m.kind, m.merchant_id): m for m in by_pk.values() if m.merchant_id is not None},
    )


# Fresh from the next request on after a DeliveryMethod or ShippingMethod is saved or
# deleted (receivers connected in apps.py).
offered = CachedRead("grouped_delivery.methods", _read_methods)


def with_shops(shipping_method_ids) -> dict:
    """{ShippingMethod id: our method}, each with its shop and the shop's address loaded
    (round sheets, the courier's page, summaries), in one query. Not the shared `offered`
    copy, on which no relation may be loaded."""
    return {m.pk: m for m in DeliveryMethod.objects.select_related("merchant__address").filter(
        pk__in={pk for pk in shipping_method_ids if pk is not None})}


def method_by_pk(shipping_method_id) -> Optional[DeliveryMethod]:
    """Our method behind this ShippingMethod id; None for a stock method or none."""
    if shipping_method_id is None:
        return None
    return offered.get().by_pk.get(int(shipping_method_id))
