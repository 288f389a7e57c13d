"""What saleor_config.schema mixes in, and the stock fields scoped before the schema is built."""
import graphene

from ...isolation.actors import register_owner_lookup
from ..graphql import schema as orders_schema  # noqa: F401  (adds Order.merchantGroups, scoped below)
from . import fields, filters
from .fulfil import OrderFulfill
from .queries import DashboardOrderQueries
from .scope import line_owners

fields.install()
filters.install()
register_owner_lookup("OrderLine", line_owners)


class DashboardOrderMutations(graphene.ObjectType):
    # Stock name: replaces Saleor's orderFulfill (this mixin comes before Saleor's).
    order_fulfill = OrderFulfill.Field()


__all__ = ["DashboardOrderQueries", "DashboardOrderMutations"]
