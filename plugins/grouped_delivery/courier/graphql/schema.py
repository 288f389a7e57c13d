"""Courier rounds in the one schema: root fields, and Merchant.location."""
import graphene

from plugins.kernel.graphql import extend_type
from plugins.local_merchants.public import MerchantType as Merchant

from . import resolvers
from .dataloaders import LocationByAddressIdLoader
from .mutations import (
    CourierStopCollected,
    CourierStopDelivered,
    CourierStopNotDelivered,
    DeliveryRoundPlan,
)
from ...geo.review import addresses_to_check
from .types import AddressToCheck, CourierRound, GeoPoint, RoundFigures


class RoundFiguresReport(graphene.ObjectType):
    month = graphene.Field(RoundFigures, required=True)
    slots = graphene.List(graphene.NonNull(RoundFigures), required=True)


class CourierQueries(graphene.ObjectType):
    courier_rounds = graphene.List(
        graphene.NonNull(CourierRound), date=graphene.Date(), required=True,
        description="Courier (or operator): the planned rounds of a day (default: today).",
    )
    addresses_to_check = graphene.List(
        graphene.NonNull(AddressToCheck), required=True,
        description=("Operator: shops, and orders of upcoming slots, whose address the map "
                     "places only at the street or postcode, or not at all."),
    )
    round_figures = graphene.Field(
        RoundFiguresReport, month=graphene.String(required=True), required=True,
        description="Operator: the town hall's figures of a month (« 2026-12 »), slot by slot.",
    )

    @staticmethod
    def resolve_courier_rounds(_root, info, date=None):
        return resolvers.resolve_courier_rounds(info, date)

    @staticmethod
    def resolve_addresses_to_check(_root, info):
        resolvers.require_operator(info)
        return addresses_to_check()

    @staticmethod
    def resolve_round_figures(_root, info, month):
        total, slots = resolvers.resolve_round_figures(info, month)
        return RoundFiguresReport(month=total, slots=slots)


class CourierMutations(graphene.ObjectType):
    delivery_round_plan = DeliveryRoundPlan.Field()
    courier_stop_collected = CourierStopCollected.Field()
    courier_stop_delivered = CourierStopDelivered.Field()
    courier_stop_not_delivered = CourierStopNotDelivered.Field()


def _merchant_location(root, info):
    return LocationByAddressIdLoader(info.context).load(root.address_id)


extend_type(Merchant, location=graphene.Field(
    GeoPoint, resolver=_merchant_location,
    description="From its address; null while unknown."))
