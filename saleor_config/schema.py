"""The one GraphQL schema served at /graphql/: stock Saleor's, plus our plugins'."""
from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery

from plugins.grouped_delivery.graphql.schema import (
    GroupedDeliveryMutations,
    GroupedDeliveryQueries,
)
from plugins.local_merchants.catalogue import CatalogueQueries
from plugins.local_merchants.graphql.schema import MerchantMutations, MerchantQueries
from plugins.local_merchants.isolation.queries import ScopedStockQueries
from plugins.local_merchants.money.graphql.schema import MerchantSettlementQueries
from plugins.local_merchants.orders.dashboard.schema import (
    DashboardOrderMutations,
    DashboardOrderQueries,
)
from plugins.local_merchants.orders.graphql.schema import (
    MerchantOrderMutations,
    MerchantOrderQueries,
)


class Query(
    ScopedStockQueries,  # first: warehouse/stock resolvers narrowed by the isolation policy
    CatalogueQueries,  # products without Saleor's DISTINCT when nothing can repeat one
    DashboardOrderQueries,  # orders, home page figures, customers: a shopkeeper's own scope
    MerchantQueries,
    MerchantOrderQueries,
    MerchantSettlementQueries,
    GroupedDeliveryQueries,
    SaleorQuery,
):
    pass


# GroupedDeliveryMutations first: it replaces stock checkout mutations (same names).
class Mutation(
    GroupedDeliveryMutations,
    MerchantMutations,
    MerchantOrderMutations,
    DashboardOrderMutations,  # orderFulfill: a shop prepares its own lines
    SaleorMutation,
):
    pass


schema = build_schema(Query, mutation=Mutation)
