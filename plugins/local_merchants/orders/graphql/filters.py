import django_filters
import graphene
from graphene_django.filter import GlobalIDFilter
from saleor.graphql.core.filters import ListObjectTypeFilter, ObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType
from saleor.graphql.core.types.common import DateRangeInput
from saleor.graphql.utils.filters import filter_range_field

from ..models import MerchantOrder
from .enums import MerchantOrderStatusEnum


def filter_status(qs, _, value):
    return qs.filter(status__in=value) if value else qs


def filter_created(qs, _, value):
    return filter_range_field(qs, "created_at__date", value)


def filter_merchant(qs, _, value):
    # A malformed or foreign-typed ID matches nothing, like an unknown shop.
    try:
        type_name, pk = graphene.Node.from_global_id(value)
    except Exception:  # graphene raises bare Exceptions on bad base64
        return qs.none()
    if type_name != "Merchant" or not pk.isdigit():
        return qs.none()
    return qs.filter(merchant_id=int(pk))


class MerchantOrderFilter(django_filters.FilterSet):
    status = ListObjectTypeFilter(input_class=MerchantOrderStatusEnum, method=filter_status)
    created = ObjectTypeFilter(input_class=DateRangeInput, method=filter_created)
    merchant = GlobalIDFilter(method=filter_merchant)

    class Meta:
        model = MerchantOrder
        fields = ["status", "created", "merchant"]


class MerchantOrderFilterInput(FilterInputObjectType):
    class Meta:
        filterset_class = MerchantOrderFilter
