"""When each shop's part of an order must be ready.

Runs from order_created (a checkout's order is born paid: Saleor charges before
creating it and never sends order_fully_paid for it; an order with a booked round
gets its start at once, a shop seeing its part only once paid) and from order_fully_paid
(payment captured later, draft orders marked paid). The per-shop parts exist
by then: the orders plugin comes first in PLUGINS.
"""
from django.apps import apps
from django.utils import timezone

from plugins.kernel.opening_hours import earliest_ready_time
from plugins.local_merchants.public import directory

from ..domain.config import DeliverySettings
from ..models import OrderDeliverySlot
from .basket import shop_hours


def set_merchant_pickup_times(order, settings: DeliverySettings, slot=None) -> int:
    """Write pickup_at on the order's parts; returns how many parts got one.

    With a round: its start, for every part. Single-shop click & collect (no
    round): when that shop will have had its preparation lead time, from now;
    None if it does not open within the coming days (the shop then says when).
    `slot`: the order's slot when the caller has just booked it.
    """
    if not apps.is_installed("plugins.local_merchants.orders"):
        return 0
    parts = apps.get_model("local_merchant_orders", "MerchantOrder").objects.filter(order=order)
    if slot is None:
        booking = OrderDeliverySlot.objects.select_related("slot").filter(order_id=order.pk).first()
        slot = booking.slot if booking else None
    if slot is not None:
        return parts.update(pickup_at=slot.start)
    lead_time, now = settings.lead_time, timezone.now()
    shops = directory.shops(parts.filter(merchant__isnull=False).values_list("merchant_id", flat=True))
    updated = 0
    for merchant in shops:
        periods, closures = shop_hours(merchant)
        ready = earliest_ready_time(periods, closures, lead_time, now)
        updated += parts.filter(merchant=merchant).update(pickup_at=ready) if ready else 0
    return updated
