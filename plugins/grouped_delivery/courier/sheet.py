"""What the courier reads at each stop of a kept plan: address, who, what to collect or hand
over. Used by the API (courierRounds) and the printable sheet, from the same queries."""
from dataclasses import dataclass, field
from typing import List, Optional

from django.db.models import Prefetch
from saleor.order.models import Order

from plugins.local_merchants.orders.public import MerchantOrderLine

from ..domain.kinds import street_line
from ..models import DeliveryMethod
from ..services.methods import with_shops
from ..services.settings import delivery_settings
from .models import PlannedRoute, PlannedStop


@dataclass
class StopItem:
    order_number: int
    product_name: str
    variant_name: str
    quantity: int


@dataclass
class CourierStop:
    stop: PlannedStop
    name: str  # the shop, or the resident
    address: str  # French, one line
    phone: str
    order_numbers: List[int]
    items: List[StopItem] = field(default_factory=list)  # PICKUP: what to collect here
    bags: int = 0  # DELIVERY / DROP_OFF: how many shops' bags to hand over
    note: str = ""  # DROP_OFF: where


@dataclass
class CourierSheet:
    route: PlannedRoute
    stops: List[CourierStop]


def route_sheets(routes) -> List[CourierSheet]:
    """`routes`: PlannedRoute rows; three queries whatever their number of stops."""
    routes = list(routes)
    stops = list(PlannedStop.objects.filter(route__in=routes).select_related("merchant__address")
                 .prefetch_related(Prefetch("orders", queryset=Order.objects.select_related(
                     "shipping_address").order_by("pk"))).order_by("route__courier", "sequence"))
    order_ids = {o.pk for s in stops for o in s.orders.all()}
    lines = {}
    for link in MerchantOrderLine.objects.filter(part__order_id__in=order_ids).select_related(
            "order_line", "part").order_by("order_line__pk"):
        lines.setdefault((link.part.order_id, link.part.merchant_id), []).append(link.order_line)
    methods = with_shops(o.shipping_method_id for s in stops for o in s.orders.all())
    by_route = {route.pk: CourierSheet(route, []) for route in routes}
    settings = delivery_settings()
    for stop in stops:
        by_route[stop.route_id].stops.append(_courier_stop(stop, lines, methods, settings))
    return list(by_route.values())


def _courier_stop(stop, lines, methods, settings) -> CourierStop:
    orders = list(stop.orders.all())
    numbers = [o.pk for o in orders]
    if stop.merchant is not None and stop.kind == "PICKUP":
        address = stop.merchant.address
        # Products without variants carry their SKU as variant name: not worth reading.
        items = [StopItem(o.pk, line.product_name,
                          "" if line.variant_name == line.product_sku else line.variant_name,
                          line.quantity)
                 for o in orders for line in lines.get((o.pk, stop.merchant_id), [])]
        return CourierStop(stop, stop.merchant.name, street_line(address), stop.merchant.phone,
                           numbers, items)
    order = orders[0] if orders else None
    bags = len({m for (o, m) in lines if order and o == order.pk})
    method: Optional[DeliveryMethod] = methods.get(order.shipping_method_id) if order else None
    point = method.drop_point(settings) if method else None
    if stop.kind == "DROP_OFF" and point is not None:
        return CourierStop(stop, point.name, point.address, point.phone, numbers, bags=bags,
                           note=point.note)
    address = order.shipping_address if order else None
    name = f"{address.first_name} {address.last_name}".strip() if address else ""
    phone = str(address.phone or "") if address else ""
    return CourierStop(stop, name, street_line(address), phone, numbers, bags=bags)
