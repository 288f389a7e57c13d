import graphene
from graphql_relay import to_global_id
from saleor.graphql.core.types.common import Error
from saleor.graphql.order.types import Order

from ...geo.domain import Precision
from ...routing.model import StopKind, Unplaced
from ..errors import RoundErrorCode as RoundErrorCodeValues
from ..models import StopStatus

MERCHANT = "plugins.local_merchants.public.MerchantType"
DELIVERY_SLOT = "plugins.grouped_delivery.graphql.types.DeliverySlot"


class RouteStopKind(graphene.Enum):
    class Meta:
        enum = StopKind


class RouteStopStatus(graphene.Enum):
    PLANNED = StopStatus.PLANNED.value
    DONE = StopStatus.DONE.value
    FAILED = StopStatus.FAILED.value


class UnroutedCode(graphene.Enum):
    class Meta:
        enum = Unplaced


class RoundErrorCode(graphene.Enum):
    class Meta:
        enum = RoundErrorCodeValues


class RoundError(Error):
    code = RoundErrorCode(required=True, description="The error code.")


class GeoPrecision(graphene.Enum):
    class Meta:
        enum = Precision


class GeoPoint(graphene.ObjectType):
    latitude = graphene.Float(required=True)
    longitude = graphene.Float(required=True)
    precision = GeoPrecision(description=(
        "How precisely the address table places it: HOUSENUMBER, STREET (number unknown), "
        "POSTCODE (street unknown)."))


class AddressToCheck(graphene.ObjectType):
    precision = GeoPrecision(required=True)
    address = graphene.String(required=True)
    message = graphene.String(required=True, description="En français, pour l'opérateur.")
    merchant = graphene.Field(MERCHANT)
    order = graphene.Field(Order)


def _point(stop):
    return GeoPoint(latitude=stop.latitude, longitude=stop.longitude)


class RouteStop(graphene.ObjectType):
    id = graphene.ID(required=True, description="For the courier's buttons.")
    sequence = graphene.Int(required=True, description="1, 2, 3... within its route.")
    kind = RouteStopKind(required=True)
    merchant = graphene.Field(MERCHANT, description="PICKUP (and DROP_OFF at a shop).")
    orders = graphene.List(graphene.NonNull(Order), required=True)
    location = graphene.Field(GeoPoint, required=True)
    arrival = graphene.DateTime(required=True)
    status = RouteStopStatus(required=True)
    reason = graphene.String(description="Not delivered: the courier's reason, in French.")

    @staticmethod
    def resolve_id(root, _info):
        return to_global_id("RouteStop", root.pk)

    @staticmethod
    def resolve_orders(root, _info):
        return list(root.orders.all())

    @staticmethod
    def resolve_location(root, _info):
        return _point(root)

    @staticmethod
    def resolve_reason(root, _info):
        return root.reason or None


class CourierRoute(graphene.ObjectType):
    courier = graphene.Int(required=True)
    distance_km = graphene.Float(required=True)
    duration_minutes = graphene.Int(required=True)
    stops = graphene.List(graphene.NonNull(RouteStop), required=True)

    @staticmethod
    def resolve_distance_km(root, _info):
        return round(root.metres / 1000, 2)

    @staticmethod
    def resolve_stops(root, _info):
        return list(root.stops.all())


class UnroutedOrder(graphene.ObjectType):
    order = graphene.Field(Order, required=True)
    code = UnroutedCode(required=True)
    message = graphene.String(required=True, description="En français : pourquoi, et quoi faire.")


# --- What a courier reads (no Order objects: no e-mail, no billing data) -------------


class CourierStopItem(graphene.ObjectType):
    order_number = graphene.Int(required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    quantity = graphene.Int(required=True)


class CourierStop(graphene.ObjectType):
    id = graphene.ID(required=True)
    sequence = graphene.Int(required=True)
    kind = RouteStopKind(required=True)
    status = RouteStopStatus(required=True)
    reason = graphene.String()
    arrival = graphene.DateTime(required=True)
    location = graphene.Field(GeoPoint, required=True)
    name = graphene.String(required=True, description="La boutique, ou le destinataire.")
    address = graphene.String(required=True)
    phone = graphene.String(required=True)
    order_numbers = graphene.List(graphene.NonNull(graphene.Int), required=True)
    items = graphene.List(graphene.NonNull(CourierStopItem), required=True,
                          description="Collecte : ce qu'il faut prendre ici.")
    bags = graphene.Int(required=True, description="Livraison : nombre de sacs à remettre.")
    note = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, _info):
        return to_global_id("RouteStop", root.stop.pk)

    @staticmethod
    def resolve_sequence(root, _info):
        return root.stop.sequence

    @staticmethod
    def resolve_kind(root, _info):
        return root.stop.kind

    @staticmethod
    def resolve_status(root, _info):
        return root.stop.status

    @staticmethod
    def resolve_arrival(root, _info):
        return root.stop.arrival

    @staticmethod
    def resolve_location(root, _info):
        return _point(root.stop)

    @staticmethod
    def resolve_reason(root, _info):
        return root.stop.reason or None


class CourierRound(graphene.ObjectType):
    slot = graphene.Field(DELIVERY_SLOT, required=True)
    courier = graphene.Int(required=True)
    distance_km = graphene.Float(required=True)
    duration_minutes = graphene.Int(required=True)
    stops = graphene.List(graphene.NonNull(CourierStop), required=True)
    map_svg = graphene.String(required=True, description="Le plan de la tournée, en SVG.")

    @staticmethod
    def resolve_slot(root, _info):
        return root.route.plan.slot

    @staticmethod
    def resolve_courier(root, _info):
        return root.route.courier

    @staticmethod
    def resolve_distance_km(root, _info):
        return round(root.route.metres / 1000, 2)

    @staticmethod
    def resolve_duration_minutes(root, _info):
        return root.route.duration_minutes

    @staticmethod
    def resolve_map_svg(root, _info):
        from ..maps import route_map

        return route_map([root])


class RoundFigures(graphene.ObjectType):
    """For the town hall: what grouped delivery saved, per slot or per month."""

    period = graphene.String(required=True, description="« 2026-12 » ou le début du créneau.")
    slots = graphene.Int(required=True)
    orders = graphene.Int(required=True, description="Commandes livrées par les tournées planifiées.")
    shops_served = graphene.Int(required=True)
    distance_km = graphene.Float(required=True, description="Kilomètres parcourus (plan).")
    per_shop_distance_km = graphene.Float(
        required=True, description="Kilomètres d'une livraison par chaque boutique.")
    saved_km = graphene.Float(required=True)
