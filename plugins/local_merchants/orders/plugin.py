"""Saleor plugin: keep the per-shop parts in step with Saleor's order events."""
from saleor.plugins.base_plugin import BasePlugin

from . import services


class MerchantOrdersPlugin(BasePlugin):
    PLUGIN_ID = "paris16.local_merchants.orders"
    PLUGIN_NAME = "Commandes par boutique"
    PLUGIN_DESCRIPTION = "Partage chaque commande entre les boutiques et les prévient une fois payée."
    DEFAULT_ACTIVE = True

    def order_created(self, order, previous_value):
        if not self.active:
            return previous_value
        services.split_new_order(order)
        return previous_value

    def order_fully_paid(self, order, previous_value):
        if not self.active:
            return previous_value
        services.create_parts(order)  # draft orders completed before this plugin existed
        services.mark_paid(order)
        return previous_value

    def order_cancelled(self, order, previous_value):
        if not self.active:
            return previous_value
        services.cancel_parts(order)
        return previous_value
