import django_filters
from graphene_django.filter import GlobalIDFilter
from saleor.graphql.core.filters import ListObjectTypeFilter, ObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType
from saleor.graphql.core.types.common import DateRangeInput
from saleor.graphql.utils.filters import filter_range_field

from plugins.kernel.global_ids import int_pk_of

from ..models import MerchantOrder
from .enums import MerchantOrderStatusEnum


def filter_status(qs, _, value):
    return qs.filter(status__in=value) if value else qs


def filter_created(qs, _, value):
    return filter_range_field(qs, "created_at__date", value)


def filter_merchant(qs, _, value):
    # A malformed or foreign-typed ID matches nothing, like an unknown shop.
    merchant_pk = int_pk_of(value, "Merchant")
    return qs.none() if merchant_pk is None else qs.filter(merchant_id=merchant_pk)


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
