"""What the resident reads about an order's delivery: its slot or pickup place, and
each shop's part. A fixed number of queries whatever the number of shops or lines."""
from dataclasses import dataclass, field
from typing import Optional

from django.apps import apps
from django.db.models import Prefetch

from plugins.kernel.french import date_time, slot as slot_label

from ..models import OrderDeliverySlot
from .methods import with_shops
from .settings import delivery_settings

OPERATOR_NAME = "Paris 16 Shopping"  # the part made of the operator's own products


@dataclass
class ShopPart:
    name: str
    lines: list
    status: str  # French label
    pickup: str  # French: when the courier (or the resident) comes for it, "" if not set


@dataclass
class DeliverySummary:
    heading: str  # "Livraison groupée", "Retrait en boutique", ...
    place: str  # where the resident collects ("" for home delivery)
    slot: str  # "samedi 28 novembre, 10 h – 12 h", "" without a round
    parts: list = field(default_factory=list)


class _SettingsOnDemand:
    """The settings, read only when the kind asks for one (the central point's address):
    the summary of any other kind costs no read."""

    def __getattr__(self, name):
        return getattr(delivery_settings(), name)


def _parts(order) -> list:
    if not apps.is_installed("plugins.local_merchants.orders"):
        return []
    from plugins.local_merchants.orders.public import (
        STATUS_LABELS, MerchantOrder, MerchantOrderLine, MerchantOrderStatus,
    )

    parts = (
        MerchantOrder.objects.filter(order_id=order.pk)
        .select_related("merchant")
        .prefetch_related(Prefetch(
            "line_links",
            queryset=MerchantOrderLine.objects.select_related("order_line").order_by("order_line_id"),
        ))
    )
    shops = [
        ShopPart(
            name=part.merchant.name if part.merchant else OPERATOR_NAME,
            lines=[link.order_line for link in part.line_links.all()],
            status=STATUS_LABELS[MerchantOrderStatus(part.status)],
            pickup=date_time(part.pickup_at) if part.pickup_at else "",
        )
        for part in parts
    ]
    return sorted(shops, key=lambda shop: shop.name)


def delivery_summary(order) -> Optional[DeliverySummary]:
    """None for an order none of our delivery options serve (e.g. stock methods)."""
    method = with_shops([order.shipping_method_id]).get(order.shipping_method_id)
    if method is None:
        return None
    booking = OrderDeliverySlot.objects.select_related("slot").filter(order_id=order.pk).first()
    return DeliverySummary(
        heading=method.delivery_kind.label,
        place=method.delivery_kind.place(_SettingsOnDemand(), method.merchant),
        slot=slot_label(booking.slot.start, booking.slot.end) if booking else "",
        parts=_parts(order),
    )
