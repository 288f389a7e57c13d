"""Connections ranked by relevance when they are asked for a search without a sort:
`products` and `merchants` keep stock's arguments, cursors and page sizes."""
from graphene.relay import PageInfo
from saleor.graphql.core.connection import connection_from_queryset_slice
from saleor.graphql.core.fields import FilterInputConnectionField

from .. import matching
from ..phrase import parse

# An integer key first, then the stock order: cursors stay exact and stable.
RANKED_ORDER = ["search_rank", "name", "slug"]


class RankedConnectionField(FilterInputConnectionField):
    # Whether the filter completes the last word, as the ranking must then too.
    completes_last_word = False

    @classmethod
    def connection_resolver(cls, *positional, **args):
        search = (args.get("filter") or {}).get("search")
        if search and "\x00" in search:
            # Stock's filter form answers a NUL with an error; nobody types one.
            args["filter"]["search"] = search.replace("\x00", "")
        return super().connection_resolver(*positional, **args)

    @classmethod
    def resolve_connection(cls, connection, args, iterable):
        search = (args.get("filter") or {}).get("search")
        phrase = parse(search, prefix=cls.completes_last_word)
        # An explicit sort, or paging from the end, keeps stock's behaviour.
        if phrase is None or args.get("sort_by") or args.get("last") or isinstance(iterable, list):
            return super().resolve_connection(connection, args, iterable)
        if _only_a_search(args):
            iterable = _without_distinct(iterable)
        ranked = iterable.annotate(search_rank=matching.rank_key(phrase)).order_by(*RANKED_ORDER)
        args["sort_by"] = {"field": RANKED_ORDER, "direction": ""}
        result = connection_from_queryset_slice(
            ranked, args, connection_type=connection, edge_type=connection.Edge,
            pageinfo_type=PageInfo,
        )
        # totalCount counts the matches without computing their rank.
        result.iterable = iterable
        return result


def _only_a_search(args) -> bool:
    return ({name for name, value in (args.get("filter") or {}).items() if value} == {"search"}
            and not args.get("stock_availability"))


def _without_distinct(queryset):
    """Saleor asks DISTINCT of any filtered list, and PostgreSQL then sorts every match,
    whole rows. A search alone cannot repeat a row: one document per product or shop,
    a product has at most one shop."""
    queryset = queryset.all()
    queryset.query.distinct = False
    return queryset


class RankedProductsField(RankedConnectionField):
    pass


class RankedMerchantsField(RankedConnectionField):
    completes_last_word = True  # as filters.filter_search does
