"""Batch loads for merchant fields: one query per field per request, whatever the page size."""
from collections import defaultdict

from saleor.account.models import Address
from saleor.graphql.core.dataloaders import DataLoader

from ..models import Merchant, MerchantStaff, OpeningHours, ProductMerchant


class MerchantByIdLoader(DataLoader):
    context_key = "local_merchants.merchant_by_id"

    def batch_load(self, keys):
        merchants = Merchant.objects.in_bulk(keys)
        return [merchants.get(key) for key in keys]


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
