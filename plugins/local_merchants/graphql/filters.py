import django_filters
from saleor.graphql.core.filters import EnumFilter
from saleor.graphql.core.types import FilterInputObjectType

from ..models import Merchant
from .enums import MerchantTradeEnum


def filter_trade(qs, _, value):
    return qs.filter(trade=value) if value else qs


def filter_is_active(qs, _, value):
    # Narrows what the policy already let through; never widens it.
    return qs if value is None else qs.filter(is_active=value)


class MerchantFilter(django_filters.FilterSet):
    """The shop list's own filters; plugins.search adds `search` (and the ranking)."""

    trade = EnumFilter(input_class=MerchantTradeEnum, method=filter_trade)
    is_active = django_filters.BooleanFilter(method=filter_is_active)

    class Meta:
        model = Merchant
        fields = []


class MerchantFilterInput(FilterInputObjectType):
    class Meta:
        filterset_class = MerchantFilter
