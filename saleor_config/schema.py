"""The one GraphQL schema served at /graphql/: stock Saleor's, plus our plugins'."""
from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery

from plugins.api_guard.graphql.schema import AccountGuardMutations
from plugins.grouped_delivery.courier.graphql.schema import CourierMutations, CourierQueries
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
from plugins.search.graphql.schema import SearchQueries


class Query(
    ScopedStockQueries,  # first: warehouse/stock resolvers narrowed by the isolation policy
    CatalogueQueries,  # products without Saleor's DISTINCT when nothing can repeat one
    SearchQueries,  # products ranked by relevance for a search; suggestions
    DashboardOrderQueries,  # orders, home page figures, customers: a shopkeeper's own scope
    MerchantQueries,
    MerchantOrderQueries,
    MerchantSettlementQueries,
    GroupedDeliveryQueries,
    CourierQueries,
    SaleorQuery,
):
    pass


# GroupedDeliveryMutations first: it replaces stock checkout mutations (same names).
class Mutation(
    GroupedDeliveryMutations,
    MerchantMutations,
    MerchantOrderMutations,
    CourierMutations,
    DashboardOrderMutations,  # orderFulfill: a shop prepares its own lines
    AccountGuardMutations,  # account mutations fixed for 2.10.1 advisories (SECURITY.md)
    SaleorMutation,
):
    pass


schema = build_schema(Query, mutation=Mutation)
