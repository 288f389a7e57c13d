"""Batch loads: one query for the slots of a whole page of orders."""
from saleor.graphql.core.dataloaders import DataLoader

from ..models import OrderDeliverySlot


class DeliverySlotByOrderIdLoader(DataLoader):
    context_key = "delivery_slot_by_order_id"

    def batch_load(self, keys):
        slots = {
            booking.order_id: booking.slot
            for booking in OrderDeliverySlot.objects.filter(order_id__in=keys).select_related("slot")
        }
        return [slots.get(key) for key in keys]
