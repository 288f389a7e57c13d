"""The one GraphQL schema served at /graphql/: stock Saleor's, plus our plugins'."""
from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery

from plugins.grouped_delivery.graphql.schema import (
    GroupedDeliveryMutations,
    GroupedDeliveryQueries,
)


class Query(GroupedDeliveryQueries, SaleorQuery):
    pass


# GroupedDeliveryMutations first: it replaces stock checkout mutations (same names).
class Mutation(GroupedDeliveryMutations, SaleorMutation):
    pass


schema = build_schema(Query, mutation=Mutation)
