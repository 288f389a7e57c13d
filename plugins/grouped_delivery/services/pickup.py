"""After payment: when each shop's part of an order must be ready."""
from datetime import datetime
from typing import Optional

from django.apps import apps
from django.utils import timezone

from plugins.local_merchants.models import Merchant

from ..domain.opening_hours import earliest_ready_time
from ..models import OrderDeliverySlot
from .basket import merchants_with_hours, shop_hours
from .settings import current_settings


def pickup_times(order) -> dict:
    """{merchant id: datetime}: the round's start, or, for a single-shop pickup
    without a round, when that shop will have had its preparation lead time."""
    merchant_ids = set(
        order.lines.filter(variant__product__merchant_link__isnull=False).values_list(
            "variant__product__merchant_link__merchant_id", flat=True
        )
    )
    booking = OrderDeliverySlot.objects.select_related("slot").filter(order=order).first()
    if booking is not None:
        return {merchant_id: booking.slot.start for merchant_id in merchant_ids}
    lead_time = current_settings().lead_time
    times = {}
    for merchant in merchants_with_hours(Merchant.objects.filter(pk__in=merchant_ids),
                                         timezone.localdate()):
        periods, closures = shop_hours(merchant)
        ready: Optional[datetime] = earliest_ready_time(periods, closures, lead_time, timezone.now())
        times[merchant.pk] = ready
    return times


def set_merchant_pickup_times(order) -> int:
    """Write pickup_at on the order's per-shop parts (local_merchant_orders.MerchantOrder)."""
    if not apps.is_installed("plugins.local_merchants.orders"):
        return 0
    merchant_order = apps.get_model("local_merchant_orders", "MerchantOrder")
    updated = 0
    for merchant_id, moment in pickup_times(order).items():
        updated += merchant_order.objects.filter(order=order, merchant_id=merchant_id).update(
            pickup_at=moment
        )
    return updated
