import graphene

from plugins.kernel.address import ZoneCode

from ..services.errors import DeliveryErrorCode as DeliveryErrorCodeValues


class DeliveryKind(graphene.Enum):
    GROUPED_DELIVERY = "GROUPED_DELIVERY"
    CLICK_AND_COLLECT = "CLICK_AND_COLLECT"


class DeliveryZoneCode(graphene.Enum):
    class Meta:
        enum = ZoneCode


class DeliveryErrorCode(graphene.Enum):
    class Meta:
        enum = DeliveryErrorCodeValues
