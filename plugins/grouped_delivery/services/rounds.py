"""The courier's sheet of one round: shops to visit with what to collect, then the deliveries."""
from dataclasses import dataclass, field

from django.db.models import Prefetch
from saleor.order import OrderStatus
from saleor.order.models import Order, OrderLine

from ..domain.config import DeliverySettings
from ..models import DeliverySlot
from .methods import with_shops


@dataclass
class StopLine:
    order_number: int
    product_name: str
    variant_name: str
    sku: str
    quantity: int


@dataclass
class RoundStop:
    merchant: object
    lines: list = field(default_factory=list)


@dataclass
class RoundDelivery:
    order: object
    kind: str  # the contract's DeliveryKind: GROUPED_DELIVERY or CLICK_AND_COLLECT
    destination: str  # French, what the courier reads
    shop_count: int


@dataclass
class RoundSheet:
    slot: DeliverySlot
    stops: list
    deliveries: list


def round_sheet(slot: DeliverySlot, settings: DeliverySettings) -> RoundSheet:
    orders = list(
        Order.objects.filter(delivery_slot__slot=slot)
        .exclude(status__in=[OrderStatus.DRAFT, OrderStatus.CANCELED])
        .select_related("shipping_address")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=OrderLine.objects.select_related(
                    "variant__product__merchant_link__merchant__address"
                ).order_by("pk"),
            )
        )
        .order_by("pk")
    )
    methods = with_shops(order.shipping_method_id for order in orders)
    stops: dict = {}
    deliveries = []
    for order in orders:
        shops = set()
        for line in order.lines.all():
            link = getattr(line.variant.product, "merchant_link", None) if line.variant else None
            merchant = link.merchant if link else None
            if merchant is None:
                continue
            shops.add(merchant.pk)
            stop = stops.setdefault(merchant.pk, RoundStop(merchant))
            stop.lines.append(StopLine(
                order.pk, line.product_name, line.variant_name, line.product_sku, line.quantity
            ))
        method = methods.get(order.shipping_method_id)
        deliveries.append(_delivery(order, method, settings, len(shops)))
    ordered_stops = sorted(stops.values(), key=lambda s: (s.merchant.address.street_address_1,
                                                           s.merchant.name))
    return RoundSheet(slot, ordered_stops, deliveries)


def _delivery(order, method, settings: DeliverySettings, shop_count: int) -> RoundDelivery:
    point = method.drop_point(settings) if method else None
    if point is not None:
        return RoundDelivery(order, method.delivery_kind.option_kind, point.destination, shop_count)
    address = order.shipping_address
    destination = (
        f"{address.first_name} {address.last_name}, {address.street_address_1} "
        f"{address.street_address_2}, {address.postal_code} {address.city}"
        f"{' — tél. ' + str(address.phone) if address.phone else ''}"
    ) if address else "Adresse manquante"
    return RoundDelivery(order, "GROUPED_DELIVERY", " ".join(destination.split()), shop_count)
