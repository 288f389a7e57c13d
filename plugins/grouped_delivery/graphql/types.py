import graphene
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import Money
from saleor.graphql.core.types.common import Error
from saleor.graphql.order.types import Order
from saleor.graphql.shipping.types import ShippingMethod
from django.utils import timezone

from .. import models
from ..courier.graphql import resolvers as round_plans
from ..domain.slots import remaining
from ..services.slots import is_available
from .enums import DeliveryErrorCode, DeliveryOptionKind, DeliveryZoneCode

MERCHANT = "plugins.local_merchants.public.MerchantType"
COURIER = "plugins.grouped_delivery.courier.graphql.types"


class DeliveryError(Error):
    code = DeliveryErrorCode(required=True, description="The error code.")


class DeliveryZoneCheck(graphene.ObjectType):
    in_zone = graphene.Boolean(required=True)
    code = DeliveryZoneCode(required=True)
    normalized_postal_code = graphene.String()
    message = graphene.String(required=True, description="En français, pour le résident.")


class DeliveryOption(graphene.ObjectType):
    kind = DeliveryOptionKind(required=True)
    shipping_method = graphene.Field(
        ShippingMethod, required=True,
        description="Pass its id to checkoutShippingMethodUpdate.",
    )
    price = graphene.Field(Money, required=True, description="The whole basket's fee.")
    merchant = graphene.Field(MERCHANT, description="For per-shop click & collect, else null.")
    label = graphene.String(required=True, description="En français, pour le résident.")
    needs_slot = graphene.Boolean(required=True, description=(
        "Rides a courier round: choose a slot (checkoutDeliverySlotUpdate) before "
        "checkoutComplete. False only for collecting in the one shop the whole basket comes from."))


class DeliverySlot(CountableDjangoObjectType):
    remaining = graphene.Int(required=True, description="Baskets still accepted.")
    is_available = graphene.Boolean(required=True)

    class Meta:
        description = "A delivery round residents can book."
        model = models.DeliverySlot
        interfaces = [graphene.relay.Node]
        only_fields = ["id", "start", "end", "cutoff"]

    @staticmethod
    def resolve_remaining(root: models.DeliverySlot, _info):
        return remaining(root.capacity, root.taken)

    @staticmethod
    def resolve_is_available(root: models.DeliverySlot, _info):
        return is_available(root, timezone.now())


class RoundStopLine(graphene.ObjectType):
    order_number = graphene.Int(required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)


class RoundStop(graphene.ObjectType):
    merchant = graphene.Field(MERCHANT, required=True)
    lines = graphene.List(graphene.NonNull(RoundStopLine), required=True)


class RoundDelivery(graphene.ObjectType):
    order = graphene.Field(Order, required=True)
    kind = DeliveryOptionKind(required=True)
    destination = graphene.String(required=True, description="En français, pour le coursier.")
    shop_count = graphene.Int(required=True)


class DeliveryRound(graphene.ObjectType):
    slot = graphene.Field(DeliverySlot, required=True)
    stops = graphene.List(graphene.NonNull(RoundStop), required=True,
                          description="Shops to visit, with what to collect from each.")
    deliveries = graphene.List(graphene.NonNull(RoundDelivery), required=True)
    sheet_url = graphene.String(required=True, description="The courier's printable PDF.")
    routes = graphene.List(graphene.NonNull(f"{COURIER}.CourierRoute"), required=True, description=(
        "The kept plan (deliveryRoundPlan), one route per courier, in visiting order."))
    distance_km = graphene.Float(required=True, description="The plan: all bikes, hub and back.")
    per_shop_distance_km = graphene.Float(required=True, description=(
        "The same orders if every shop took its own part to the resident and came back."))
    unrouted = graphene.List(graphene.NonNull(Order), required=True,
                             description="Orders the plan could not place.")
    unrouted_reasons = graphene.List(graphene.NonNull(f"{COURIER}.UnroutedOrder"), required=True,
                                     description="Why each unrouted order could not be placed.")
    couriers = graphene.Int(description="Bikes of the kept plan; null while not planned.")
    planned_at = graphene.DateTime(description="When the plan was made; null while not planned.")

    @staticmethod
    def resolve_routes(root, _info):
        return round_plans.resolve_routes(root)

    @staticmethod
    def resolve_distance_km(root, _info):
        plan = round_plans.plan_of(root)
        return round(plan.metres / 1000, 2) if plan else 0.0

    @staticmethod
    def resolve_per_shop_distance_km(root, _info):
        plan = round_plans.plan_of(root)
        return round(plan.per_shop_metres / 1000, 2) if plan else 0.0

    @staticmethod
    def resolve_unrouted(root, _info):
        return [order for order, _ in round_plans.resolve_unrouted(root)]

    @staticmethod
    def resolve_unrouted_reasons(root, _info):
        from ..courier.graphql.types import UnroutedOrder

        return [UnroutedOrder(order=order, code=u["code"], message=u["message"])
                for order, u in round_plans.resolve_unrouted(root)]

    @staticmethod
    def resolve_couriers(root, _info):
        plan = round_plans.plan_of(root)
        return plan.couriers if plan else None

    @staticmethod
    def resolve_planned_at(root, _info):
        plan = round_plans.plan_of(root)
        return plan.planned_at if plan else None
