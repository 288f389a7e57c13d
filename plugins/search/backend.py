"""The storefront search Saleor 2.10 picks through settings.SEARCH_BACKEND.

Stock's backend computes a trigram similarity on every name and parses every
description at each request; this one reads the GIN indexes of the stored documents.
The isolation scope (published products of active shops) is applied by the caller's
queryset, as for stock's backend.
"""
from django.db.models import QuerySet
from saleor.product.models import Product

from . import matching
from .phrase import parse


class UniqueMatches(QuerySet):
    """Saleor calls .distinct() on what the backend returns, and PostgreSQL then sorts
    every match, whole rows, to drop duplicates. A product has one document and at most
    one shop: nothing here can repeat a product, so the DISTINCT is not asked for."""

    def distinct(self, *field_names):
        return self if not field_names else super().distinct(*field_names)


def search_storefront(phrase):
    parsed = parse(phrase)
    matches = UniqueMatches(Product)
    return matches.filter(matching.matches(parsed)) if parsed else matches.none()


# plugins.local_merchants.catalogue: the products list needs no DISTINCT for this search.
search_storefront.rows_are_unique = True
