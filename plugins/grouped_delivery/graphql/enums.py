import graphene

from plugins.kernel.address import ZoneCode

from ..services.errors import DeliveryErrorCode as DeliveryErrorCodeValues


# The contract's two values; each delivery kind (domain/kinds.py) says which it is.
class DeliveryOptionKind(graphene.Enum):
    GROUPED_DELIVERY = "GROUPED_DELIVERY"
    CLICK_AND_COLLECT = "CLICK_AND_COLLECT"

    class Meta:
        name = "DeliveryKind"  # the public name
        description = ("GROUPED_DELIVERY: to the resident's door; CLICK_AND_COLLECT: the "
                       "resident collects the basket in a shop or at the central point.")


class DeliveryZoneCode(graphene.Enum):
    class Meta:
        enum = ZoneCode


class DeliveryErrorCode(graphene.Enum):
    class Meta:
        enum = DeliveryErrorCodeValues
