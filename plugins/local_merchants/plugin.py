"""Saleor plugin: a deactivated shop's products cannot be bought, even from an old basket."""
from django.core.exceptions import ValidationError
from saleor.checkout.error_codes import CheckoutErrorCode
from saleor.plugins.base_plugin import BasePlugin

from plugins.cached_reads import PluginSwitch

from . import directory
from .isolation import policy


class LocalMerchantsPlugin(BasePlugin):
    PLUGIN_ID = "paris16.local_merchants"
    PLUGIN_NAME = "Commerçants du 16e"
    PLUGIN_DESCRIPTION = "Refuse les paniers contenant des produits de boutiques désactivées."
    DEFAULT_ACTIVE = True

    def preprocess_order_creation(self, checkout, discounts, previous_value):
        # Saleor calls this inside checkoutComplete's transaction and before the
        # payment is processed: raising here charges nothing and writes nothing.
        if not self.active:
            return previous_value
        names = directory.closed_shops_selling(checkout.lines.values("variant_id"))
        message = policy.purchase_refusal(names)
        if message:
            raise ValidationError(
                {"lines": ValidationError(message, code=CheckoutErrorCode.PRODUCT_NOT_PUBLISHED)}
            )
        return previous_value


# Whether the refusal of deactivated shops' products is switched on in the dashboard,
# for the isolation middleware (connected by LocalMerchantsConfig.ready()). The isolation
# policy is not switchable: who sees what never depends on it.
refusals_switch = PluginSwitch(LocalMerchantsPlugin)
