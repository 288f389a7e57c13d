"""Merchant queries and mutations, and Product.merchant / User.merchant on Saleor's types."""
import graphene
from saleor.graphql.account.types import User
from saleor.graphql.core.fields import FilterInputConnectionField
from saleor.graphql.product.types import Product

from plugins.kernel.graphql import extend_type

from . import resolvers
from .filters import MerchantFilterInput
from .mutations import MerchantCreate, MerchantUpdate
from .types import Merchant

extend_type(
    Product,
    merchant=graphene.Field(
        Merchant, resolver=resolvers.resolve_product_merchant,
        description="The shop selling this product; null for operator-owned products.",
    ),
)
extend_type(
    User,
    merchant=graphene.Field(
        Merchant, resolver=resolvers.resolve_user_merchant,
        description="The shop a staff user belongs to.",
    ),
)


class MerchantQueries(graphene.ObjectType):
    # plugins.search serves this field with its `search` filter and ranking (SearchQueries).
    merchants = FilterInputConnectionField(
        Merchant, filter=MerchantFilterInput(), description="Shops of the district.",
    )
    merchant = graphene.Field(
        Merchant, id=graphene.Argument(graphene.ID), slug=graphene.Argument(graphene.String),
        description="A shop, by ID or slug.",
    )

    def resolve_merchants(self, info, **kwargs):
        return resolvers.resolve_merchants(info, **kwargs)

    def resolve_merchant(self, info, id=None, slug=None):
        return resolvers.resolve_merchant(info, id=id, slug=slug)


class MerchantMutations(graphene.ObjectType):
    merchant_create = MerchantCreate.Field()
    merchant_update = MerchantUpdate.Field()
