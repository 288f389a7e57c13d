"""Our order fields, added to the one schema (saleor_config.schema mixes these in)."""
import graphene
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.core.fields import FilterInputConnectionField
from saleor.graphql.order.types import Order

from plugins.kernel.graphql import extend_type

from ...isolation.actors import register_owner_lookup
from ..scoping import part_owners
from .filters import MerchantOrderFilterInput
from .mutations import (
    MerchantOrderMarkCollected,
    MerchantOrderMarkHandedOver,
    MerchantOrderMarkReady,
)
from .resolvers import (
    resolve_checkout_merchant_groups,
    resolve_merchant_orders,
    resolve_order_merchant_groups,
)
from .types import CheckoutMerchantGroup, MerchantOrder, OrderMerchantGroup

register_owner_lookup("MerchantOrder", part_owners)

extend_type(
    Order,
    merchant_groups=graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(OrderMerchantGroup))),
        description="Les articles de la commande, boutique par boutique, avec leur état.",
        resolver=resolve_order_merchant_groups,
    ),
)
extend_type(
    Checkout,
    merchant_groups=graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(CheckoutMerchantGroup))),
        description="Le panier, boutique par boutique, avec le sous-total de chacune.",
        resolver=resolve_checkout_merchant_groups,
    ),
)


class MerchantOrderQueries(graphene.ObjectType):
    merchant_orders = FilterInputConnectionField(
        graphene.NonNull(MerchantOrder),
        filter=MerchantOrderFilterInput(description="Filtrer les parts de commande."),
        description=(
            "Parts de commande : celles de sa boutique pour un commerçant, toutes pour l'opérateur."
        ),
    )

    def resolve_merchant_orders(self, info, **_kwargs):
        return resolve_merchant_orders(info)


class MerchantOrderMutations(graphene.ObjectType):
    merchant_order_mark_ready = MerchantOrderMarkReady.Field()
    merchant_order_mark_handed_over = MerchantOrderMarkHandedOver.Field()
    merchant_order_mark_collected = MerchantOrderMarkCollected.Field()
