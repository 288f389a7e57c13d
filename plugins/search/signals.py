"""Keep the documents current: a product, its variants' SKUs, its shop link, its shop
or its category saved means the documents that show them are rewritten (one statement
each, in the saving transaction). Bulk writes send no signal: `search_reindex`.
A deleted variant's SKU stays until the product's next save: rewriting the document
while Saleor deletes the whole product would resurrect a row pointing at it."""
from django.db.models.signals import post_save
from saleor.product.models import Category, Product, ProductVariant

from plugins.local_merchants.public import Merchant, ProductMerchant

from . import documents

# Saleor saves products for their prices and stock dates too: those leave the text alone.
_PRODUCT_TEXT = {"name", "description", "category", "category_id"}


def _product_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or _PRODUCT_TEXT & set(update_fields):
        documents.refresh_products([instance.pk])


def _variant_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or "sku" in update_fields:
        documents.refresh_products([instance.product_id])


def _link_saved(sender, instance, **kwargs):
    documents.refresh_products([instance.product_id])


def _merchant_saved(sender, instance, **kwargs):
    documents.refresh_merchants([instance.pk])
    documents.refresh_products_of(merchant_id=instance.pk)


def _category_saved(sender, instance, **kwargs):
    documents.refresh_products_of(category_id=instance.pk)


def connect() -> None:
    post_save.connect(_product_saved, sender=Product, dispatch_uid="p16_search_product")
    post_save.connect(_variant_changed, sender=ProductVariant, dispatch_uid="p16_search_variant")
    post_save.connect(_link_saved, sender=ProductMerchant, dispatch_uid="p16_search_link")
    post_save.connect(_merchant_saved, sender=Merchant, dispatch_uid="p16_search_merchant")
    post_save.connect(_category_saved, sender=Category, dispatch_uid="p16_search_category")
