"""The shop list's `search` filter, added by search to local_merchants' own filters."""
import django_filters
from saleor.graphql.core.types import FilterInputObjectType

from plugins.local_merchants.public import MerchantFilter

from .. import matching
from ..phrase import parse


def filter_search(qs, _, value):
    if not value:
        return qs
    # Name, trade and street from the search index, the last word completed
    # ("boulang"); input with nothing searchable ("%", an emoji) finds nothing.
    phrase = parse(value, prefix=True)
    return qs.filter(matching.shop_matches(phrase)) if phrase else qs.none()


class SearchableMerchantFilter(MerchantFilter):
    search = django_filters.CharFilter(method=filter_search)


class MerchantFilterInput(FilterInputObjectType):
    # The contract's name: this input replaces local_merchants' own in the schema.
    class Meta:
        name = "MerchantFilterInput"
        filterset_class = SearchableMerchantFilter
