"""Addresses the operator should check: shops, and orders of upcoming slots, that the
address table places only approximately (street, postcode) or not at all."""
from dataclasses import dataclass
from typing import List, Optional

from django.utils import timezone
from saleor.order import OrderStatus
from saleor.order.models import Order

from plugins.local_merchants.public import Merchant

from .domain import PRECISION_LABELS, Precision


@dataclass
class AddressToCheck:
    precision: Precision
    address: str
    message: str  # French
    merchant: Optional[Merchant] = None
    order: Optional[Order] = None


def addresses_to_check() -> List[AddressToCheck]:
    found = []
    # Shops: their address row; a shop saved before locations existed has none yet.
    for merchant in Merchant.objects.select_related("address__location").order_by("name"):
        location = getattr(merchant.address, "location", None)
        precision = Precision(location.precision) if location else Precision.UNKNOWN
        if precision != Precision.HOUSENUMBER:
            found.append(_item(precision, merchant.address, merchant=merchant))
    orders = (Order.objects.filter(delivery_slot__slot__end__gte=timezone.now(),
                                   delivery_slot__released=False)
              .exclude(status__in=[OrderStatus.DRAFT, OrderStatus.CANCELED])
              .exclude(shipping_address__isnull=True)
              .select_related("shipping_address__location").order_by("pk"))
    for order in orders:
        location = getattr(order.shipping_address, "location", None)
        precision = Precision(location.precision) if location else Precision.UNKNOWN
        if precision != Precision.HOUSENUMBER:
            found.append(_item(precision, order.shipping_address, order=order))
    return found


def _item(precision, address, **owner) -> AddressToCheck:
    line = f"{address.street_address_1}, {address.postal_code} {address.city}"
    return AddressToCheck(precision, line, f"{line} : {PRECISION_LABELS[precision]}.", **owner)
