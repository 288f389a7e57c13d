"""The one GraphQL schema served at /graphql/: stock Saleor's, plus our plugins'."""
from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery


class Query(SaleorQuery):
    pass


class Mutation(SaleorMutation):
    pass


schema = build_schema(Query, mutation=Mutation)
