"""Saleor plugin: keep the per-shop parts in step with Saleor's order events."""
from django.utils import timezone
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
        if order.checkout_token:
            # A checkout's order was created in this very transaction: it has no parts yet
            # and nobody else sees them. checkoutComplete charges before the order exists,
            # so Saleor never sends order_fully_paid for it: an order born paid is opened
            # to its shops here, its parts written paid at once.
            paid_at = timezone.now() if order.is_fully_paid() else None
            parts = services.create_new_parts(order, paid_at=paid_at)
            if paid_at:
                services.notify_paid(parts)
        else:  # a completed draft may have parts already (marked paid as a draft)
            services.create_parts(order)
            if order.is_fully_paid():
                services.mark_paid(order)
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
