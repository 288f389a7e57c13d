import django_filters
from saleor.graphql.core.filters import EnumFilter
from saleor.graphql.core.types import FilterInputObjectType

from plugins.search import matching
from plugins.search.phrase import parse

from ..models import Merchant
from .enums import MerchantTradeEnum


def filter_trade(qs, _, value):
    return qs.filter(trade=value) if value else qs


def filter_search(qs, _, value):
    if not value:
        return qs
    # Name, trade and street from the search index (plugins/search), the last word
    # completed ("boulang"); input with nothing searchable ("%", an emoji) finds nothing.
    phrase = parse(value, prefix=True)
    return qs.filter(matching.shop_matches(phrase)) if phrase else qs.none()


def filter_is_active(qs, _, value):
    # Narrows what the policy already let through; never widens it.
    return qs if value is None else qs.filter(is_active=value)


class MerchantFilter(django_filters.FilterSet):
    trade = EnumFilter(input_class=MerchantTradeEnum, method=filter_trade)
    search = django_filters.CharFilter(method=filter_search)
    is_active = django_filters.BooleanFilter(method=filter_is_active)

    class Meta:
        model = Merchant
        fields = []


class MerchantFilterInput(FilterInputObjectType):
    class Meta:
        filterset_class = MerchantFilter
