import graphene

from plugins.kernel.address import ZoneCode

from ..services.errors import DeliveryErrorCode as DeliveryErrorCodeValues


class DeliveryOptionKind(graphene.Enum):
    """The contract's two values; each delivery kind (domain/kinds.py) says which it is."""

    GROUPED_DELIVERY = "GROUPED_DELIVERY"
    CLICK_AND_COLLECT = "CLICK_AND_COLLECT"

    class Meta:
        name = "DeliveryKind"  # the public name


class DeliveryZoneCode(graphene.Enum):
    class Meta:
        enum = ZoneCode


class DeliveryErrorCode(graphene.Enum):
    class Meta:
        enum = DeliveryErrorCodeValues
