"""What the plugins built on local_merchants (grouped_delivery, search) use of it.

The rest of local_merchants is internal to it: an import-linter contract
(.importlinter, "public modules") refuses their imports of anything else but the
orders app's own public module (plugins.local_merchants.orders.public).
"""
from . import directory
from .graphql.filters import MerchantFilter
from .graphql.resolvers import resolve_merchants as visible_merchants
from .graphql.types import Merchant as MerchantType
from .hooks import hooks
from .isolation import policy
from .isolation.actors import actor_for, actor_of_request
from .models import Merchant, ProductMerchant

__all__ = [
    "Merchant",  # the shop (Django model)
    "MerchantFilter",  # the shop list's filters, for search to add its own
    "MerchantType",  # the shop's GraphQL type
    "ProductMerchant",  # which shop sells a product
    "actor_for",  # a user as the isolation policy sees them
    "actor_of_request",
    "directory",  # shops, their hours and closures, read once per worker
    "hooks",  # what local_merchants asks of the plugins above it
    "policy",  # who may do what
    "visible_merchants",  # the shops a request may see
]
