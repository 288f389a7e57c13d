"""What the plugins built on the shops' order parts (grouped_delivery) use of them.

The rest of this app is internal to it (.importlinter, "public modules")."""
from .domain.status import STATUS_LABELS, Action, Actor, MerchantOrderStatus, TransitionError
from .graphql.types import MerchantOrder as MerchantOrderType
from .models import MerchantOrder, MerchantOrderLine
from .services import change_status

__all__ = [
    "Action",
    "Actor",
    "MerchantOrder",  # a shop's part of an order (Django model)
    "MerchantOrderLine",
    "MerchantOrderStatus",
    "MerchantOrderType",  # its GraphQL type
    "STATUS_LABELS",
    "TransitionError",
    "change_status",  # the one way a part changes status
]
