"""What the plan is compared with: per-shop delivery, and the alphabetical sheet."""
from typing import Sequence

from .model import RoundOrder
from .travel import Travel, tour_metres


def per_shop_metres(orders: Sequence[RoundOrder], travel: Travel) -> int:
    """Every shop takes its own part to the resident and comes back (the drop-off shop's
    own part does not move)."""
    total = 0
    for order in orders:
        for part in order.parts:
            if part.shop_id == order.drop_shop_id:
                continue
            metres = travel.metres([part.location, order.destination])
            total += metres[0][1] + metres[1][0]
    return total


def alphabetical_sheet_metres(hub, orders: Sequence[RoundOrder], travel: Travel,
                              shop_sort_keys: dict) -> int:
    """Today's sheet, ridden as printed by one courier: from the hub, the shops in the
    order of their street line, then the deliveries by order number, and back."""
    shops = {}
    for order in orders:
        for part in order.parts:
            if part.shop_id != order.drop_shop_id:
                shops[part.shop_id] = part.location
    shop_order = sorted(shops, key=lambda shop: shop_sort_keys[shop])
    deliveries = [o.destination for o in sorted(orders, key=lambda o: o.order_id)]
    points = [hub, *(shops[s] for s in shop_order), *deliveries, hub]
    return tour_metres(travel.metres(points), list(range(len(points))))
