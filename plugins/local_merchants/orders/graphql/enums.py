import graphene

from ..domain.status import MerchantOrderStatus, TransitionProblem

MerchantOrderStatusEnum = graphene.Enum.from_enum(MerchantOrderStatus)


class MerchantOrderErrorCode(graphene.Enum):
    NOT_FOUND = "not_found"
    GRAPHQL_ERROR = "graphql_error"
    NOT_ALLOWED = TransitionProblem.NOT_ALLOWED.value.lower()
    INVALID_STATUS = TransitionProblem.INVALID_STATUS.value.lower()
    NOT_CLICK_AND_COLLECT = TransitionProblem.NOT_CLICK_AND_COLLECT.value.lower()
    NOT_DELIVERY = TransitionProblem.NOT_DELIVERY.value.lower()
