"""A slot's orders, shops and hub read from the database as a routing.RoundProblem."""
import re
from typing import Optional

from django.contrib.sites.models import Site
from django.db.models import Prefetch
from saleor.order import OrderStatus
from saleor.order.models import Order

from plugins.local_merchants.orders.public import MerchantOrder

from plugins.kernel.opening_hours import open_intervals
from ..geo.domain import GeoPoint, locate
from ..geo.services import DatabaseTable
from ..routing.model import Fleet, Interval, Part, RoundOrder, RoundProblem, StopKind
from ..services.basket import shop_hours
from ..services.methods import with_shops

_POSTCODE = re.compile(r"\b(75[01]16)\b")


def slot_orders(slot):
    """Orders booked on the slot that still need delivering (not cancelled or drafts)."""
    return (Order.objects.filter(delivery_slot__slot=slot, delivery_slot__released=False)
            .exclude(status__in=[OrderStatus.DRAFT, OrderStatus.CANCELED]))


def hub_location(site=None) -> Optional[GeoPoint]:
    """Bikes leave from, and come back to, the company address of the shop settings."""
    settings = (site or Site.objects.get_current()).settings
    address = settings.company_address
    location = getattr(address, "location", None) if address else None
    return location.point if location else None


def drop_off_location(text: str) -> Optional[GeoPoint]:
    """A collection point's address, written "12 rue X, 75016 Paris" (the central point)."""
    postcode = _POSTCODE.search(text or "")
    if not postcode:
        return None
    return locate(text.split(",")[0], postcode.group(1), DatabaseTable()).point


def build_problem(slot, couriers: int, settings, hub: GeoPoint) -> RoundProblem:
    orders = list(slot_orders(slot).select_related("shipping_address__location").prefetch_related(
        Prefetch("merchant_parts", queryset=MerchantOrder.objects.exclude(status="CANCELLED")
                 .filter(merchant__isnull=False)
                 .select_related("merchant__address__location")
                 .prefetch_related("line_links__order_line__variant__product__product_type")),
    ).order_by("pk"))
    methods = with_shops(o.shipping_method_id for o in orders)
    departure = min(slot.start, slot.cutoff + settings.lead_time)
    destinations = {}
    hours = {}
    round_orders = []
    for order in orders:
        parts = []
        for part in order.merchant_parts.all():
            merchant = part.merchant
            if merchant.pk not in hours:
                periods, closures = shop_hours(merchant)
                hours[merchant.pk] = tuple(Interval(a, b) for a, b in open_intervals(
                    periods, closures, departure, slot.end))
            location = getattr(merchant.address, "location", None)
            parts.append(Part(merchant.pk, merchant.name, location.point if location else None,
                              _weight_kg(part), hours[merchant.pk]))
        method = methods.get(order.shipping_method_id)
        point = method.drop_point(settings) if method else None
        kind = method.delivery_kind.stop_kind if method else StopKind.DELIVERY
        drop_shop = point.shop_id if point else None
        if drop_shop is not None:  # a shop of the order: where its part is collected
            destination = next((p.location for p in parts if p.shop_id == drop_shop), None)
        elif point is not None:  # an address of its own, located once per round
            if point.address not in destinations:
                destinations[point.address] = drop_off_location(point.address)
            destination = destinations[point.address]
        else:
            location = getattr(order.shipping_address, "location", None)
            destination = location.point if location else None
        round_orders.append(RoundOrder(order.pk, tuple(parts), destination, kind, drop_shop))
    return RoundProblem(slot.start, slot.end, tuple(round_orders), Fleet(couriers, hub),
                        shift_start=departure)


def _weight_kg(part) -> float:
    grams = 0.0
    for link in part.line_links.all():
        line = link.order_line
        if line.variant is not None:
            grams += line.variant.get_weight().g * line.quantity
    return round(grams / 1000, 3)
