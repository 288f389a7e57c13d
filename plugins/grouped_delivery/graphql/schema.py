"""Grouped delivery in the one schema: root fields, and fields added to Saleor's types.

Importing this module extends Checkout, Order and MerchantOrder and wraps the stock
Checkout.availableShippingMethods resolver (Saleor 2.10 has no plugin hook
to filter shipping methods).
"""
import graphene
from saleor.graphql.account.types import AddressInput
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.order.types import Order

from plugins.kernel.graphql import extend_type
from plugins.local_merchants.orders.public import MerchantOrderType as MerchantOrder

from . import resolvers
from .mutations import (
    CheckoutComplete,
    CheckoutDeliverySlotUpdate,
    CheckoutShippingAddressUpdate,
    CheckoutShippingMethodUpdate,
    DraftOrderComplete,
)
from .types import DeliveryOption, DeliveryRound, DeliverySlot, DeliveryZoneCheck


class GroupedDeliveryQueries(graphene.ObjectType):
    delivery_zone_check = graphene.Field(
        DeliveryZoneCheck,
        address=AddressInput(required=True),
        required=True,
        description="Can this address get grouped delivery (16e arrondissement)?",
    )
    delivery_slots = graphene.List(
        graphene.NonNull(DeliverySlot),
        checkout_id=graphene.ID(),
        required=True,
        description="Upcoming slots; with checkoutId, only those this basket can use.",
    )
    delivery_round = graphene.Field(
        DeliveryRound,
        slot_id=graphene.ID(required=True),
        description="Operator only: the shops to visit and the deliveries of one round.",
    )

    @staticmethod
    def resolve_delivery_zone_check(_root, _info, address):
        return resolvers.resolve_delivery_zone_check(address)

    @staticmethod
    def resolve_delivery_slots(_root, info, checkout_id=None):
        return resolvers.resolve_delivery_slots(info, checkout_id)

    @staticmethod
    def resolve_delivery_round(_root, info, slot_id):
        return resolvers.resolve_delivery_round(info, slot_id)


class GroupedDeliveryMutations(graphene.ObjectType):
    checkout_delivery_slot_update = CheckoutDeliverySlotUpdate.Field()
    # Stock names: these replace Saleor's own (this mixin comes first in Mutation).
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_shipping_method_update = CheckoutShippingMethodUpdate.Field()
    checkout_complete = CheckoutComplete.Field()
    draft_order_complete = DraftOrderComplete.Field()


extend_type(
    Checkout,
    delivery_options=graphene.Field(
        graphene.List(graphene.NonNull(DeliveryOption)), required=True,
        resolver=resolvers.resolve_checkout_delivery_options,
        description="What this basket and its address can use, with price.",
    ),
    delivery_slot=graphene.Field(DeliverySlot, resolver=resolvers.resolve_checkout_delivery_slot),
)
extend_type(
    Order,
    delivery_slot=graphene.Field(DeliverySlot, resolver=resolvers.resolve_order_delivery_slot),
)
extend_type(
    MerchantOrder,
    delivery_slot=graphene.Field(
        DeliverySlot, resolver=resolvers.resolve_merchant_order_delivery_slot,
        description="Créneau de la livraison groupée ; null pour un retrait.",
    ),
)
_available = Checkout._meta.fields["available_shipping_methods"]
_available.resolver = resolvers.wrap_available_shipping_methods(
    Checkout.resolve_available_shipping_methods
)
