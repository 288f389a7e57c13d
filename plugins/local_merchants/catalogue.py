"""The `products` list without Saleor's SELECT DISTINCT when nothing can repeat a product.

Saleor 2.10 always asks PostgreSQL for DISTINCT products: with PostgreSQL 15 that sorts
every published product of the district, whole rows, before keeping a page of 24
(on the ten-times district, far slower than reading in name order from an index:
`make bench` measures it).
Without a filter (search, attributes, collections, stock: joins that can repeat a
product) nor a sort by attribute, the scoped products cannot repeat (a product has at
most one shop link), so the same rows come back in the same order without it.
"""
import graphene
from saleor.graphql.product.schema import ProductQueries
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.product.models import Product


def needs_distinct(arguments: dict) -> bool:
    sort_by = arguments.get("sort_by")
    by_attribute = sort_by is not None and getattr(sort_by, "attribute_id", None) is not None
    return bool(arguments.get("filter") or arguments.get("stock_availability") or by_attribute)


class CatalogueQueries(graphene.ObjectType):
    def resolve_products(self, info, **kwargs):
        if needs_distinct(kwargs):
            return ProductQueries.resolve_products(self, info, **kwargs)
        # Stock's resolver, less the DISTINCT: the same scoped products.
        return Product.objects.visible_to_user(get_user_or_app_from_context(info.context))
