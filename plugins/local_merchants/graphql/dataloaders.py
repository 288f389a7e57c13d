"""Batch loads for merchant fields: one query per field per request, whatever the page size."""
from collections import defaultdict

from saleor.account.models import Address
from saleor.graphql.core.dataloaders import DataLoader
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.product.models import Product

from ..isolation import policy
from ..isolation.actors import actor_of_request
from ..isolation.querysets import scope_products
from ..models import MerchantStaff, OpeningHours, ProductMerchant


class MerchantByProductIdLoader(DataLoader):
    context_key = "local_merchants.merchant_by_product_id"

    def batch_load(self, keys):
        links = ProductMerchant.objects.filter(product_id__in=keys).select_related("merchant")
        by_product = {link.product_id: link.merchant for link in links}
        return [by_product.get(key) for key in keys]


class MerchantByUserIdLoader(DataLoader):
    context_key = "local_merchants.merchant_by_user_id"

    def batch_load(self, keys):
        memberships = MerchantStaff.objects.filter(user_id__in=keys).select_related("merchant")
        by_user = {membership.user_id: membership.merchant for membership in memberships}
        return [by_user.get(key) for key in keys]


class AddressByIdLoader(DataLoader):
    context_key = "local_merchants.address_by_id"

    def batch_load(self, keys):
        addresses = Address.objects.in_bulk(keys)
        return [addresses.get(key) for key in keys]


class OpeningHoursByMerchantIdLoader(DataLoader):
    context_key = "local_merchants.opening_hours_by_merchant_id"

    def batch_load(self, keys):
        by_merchant = defaultdict(list)
        for hours in OpeningHours.objects.filter(merchant_id__in=keys):
            by_merchant[hours.merchant_id].append(hours)
        return [by_merchant[key] for key in keys]


class ProductsByMerchantIdLoader(DataLoader):
    """Each shop's products the asker may see: one query per scope (at most two: the
    asker's own shop and the others), whatever the number of shops on the page."""

    context_key = "local_merchants.products_by_merchant_id"

    def batch_load(self, keys):
        who = actor_of_request(self.context)
        sees_unpublished = Product.objects.user_has_access_to_all(
            get_user_or_app_from_context(self.context)
        )
        by_scope = defaultdict(list)
        for key in keys:
            by_scope[policy.merchant_products_scope(who, sees_unpublished, key)].append(key)
        by_merchant = defaultdict(list)
        for scope, merchant_ids in by_scope.items():
            products = scope_products(
                Product.objects.filter(merchant_link__merchant_id__in=merchant_ids), scope
            ).order_by("name", "pk")  # stock default order
            for product in products:
                by_merchant[product.merchant_link.merchant_id].append(product)
        return [by_merchant[key] for key in keys]
