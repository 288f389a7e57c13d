"""The storefront search Saleor 2.10 picks through settings.SEARCH_BACKEND.

Stock's backend computes a trigram similarity on every name and parses every
description at each request; this one reads the GIN indexes of the stored documents.
The isolation scope (published products of active shops) is applied by the caller's
queryset, as for stock's backend.
"""
from saleor.product.models import Product

from . import matching
from .phrase import parse


def search_storefront(phrase):
    parsed = parse(phrase)
    return Product.objects.filter(matching.matches(parsed)) if parsed else Product.objects.none()
