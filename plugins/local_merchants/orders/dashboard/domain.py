"""How a shop's part of an order looks in the dashboard's stock vocabulary (pure Python).

The dashboard knows Saleor's order statuses; a shop knows its part's status. One
table maps each to the other, so list filters and the order page agree.
"""
from typing import FrozenSet, Iterable, Optional

from ..domain.status import MerchantOrderStatus

S = MerchantOrderStatus

# Saleor OrderStatus values (saleor.order.OrderStatus), as the dashboard shows them.
UNFULFILLED = "unfulfilled"
FULFILLED = "fulfilled"
CANCELED = "canceled"

# The part's status -> the order status the shop's dashboard shows. "Fulfilled" means
# the shop's work is done: its bag is ready, handed to the courier or collected.
DASHBOARD_STATUS = {
    S.TO_PREPARE: UNFULFILLED,
    S.READY: FULFILLED,
    S.HANDED_OVER: FULFILLED,
    S.COLLECTED: FULFILLED,
    S.CANCELLED: CANCELED,
}

# Saleor's status filter values (OrderStatusFilter) -> part statuses they select.
_FILTER_PARTS = {
    "ready_to_fulfill": frozenset({S.TO_PREPARE}),
    "ready_to_capture": frozenset(),  # a shop only sees paid parts: nothing to capture
    "unfulfilled": frozenset({S.TO_PREPARE}),
    "partially fulfilled": frozenset(),  # a part is prepared whole
    "fulfilled": frozenset({S.READY, S.HANDED_OVER, S.COLLECTED}),
    "canceled": frozenset({S.CANCELLED}),
    "draft": frozenset(),
}


def dashboard_status(part_status: str) -> str:
    return DASHBOARD_STATUS[MerchantOrderStatus(part_status)]


def part_statuses(filter_values: Iterable[str]) -> FrozenSet[MerchantOrderStatus]:
    """Part statuses matching any of the dashboard's status filter values."""
    selected = frozenset()
    for value in filter_values:
        selected |= _FILTER_PARTS.get(str(value).lower(), frozenset())
    return selected


def order_number(search: Optional[str]) -> Optional[int]:
    """The order number a shop's search names ("12", "#12", " n° 12 "), else None."""
    text = (search or "").strip().lstrip("#").replace("n°", "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def is_fully_fulfilled(quantities: Iterable[tuple]) -> bool:
    """(quantity, quantity fulfilled) of each of the shop's lines: all prepared?"""
    pairs = list(quantities)
    return bool(pairs) and all(done >= quantity for quantity, done in pairs)
