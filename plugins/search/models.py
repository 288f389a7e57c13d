"""Search documents kept beside Saleor's tables (which are never altered).

One row per product and per shop: the weighted French `tsvector` (GIN-indexed) and the
folded name (trigram GIN-indexed, for typos). Written only by `documents.py`.
"""
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ProductDocument(models.Model):
    product = models.OneToOneField(
        "product.Product", on_delete=models.CASCADE, primary_key=True,
        related_name="search_document",
    )
    document = SearchVectorField()
    name_folded = models.TextField()  # p16_fold(name): lower case, no accents, no punctuation


class MerchantDocument(models.Model):
    merchant = models.OneToOneField(
        "local_merchants.Merchant", on_delete=models.CASCADE, primary_key=True,
        related_name="search_document",
    )
    document = SearchVectorField()
    name_folded = models.TextField()
