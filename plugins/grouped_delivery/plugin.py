"""Saleor adapter: the grouped delivery fee in Saleor's totals, and the last check before payment.

Must come before FrenchVatPlugin in PLUGINS: we return the gross fee and the
VAT plugin splits it into net and tax.
"""
from dataclasses import replace
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils import timezone
from prices import Money, TaxedMoney
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from .domain.config import DEFAULTS, LABELS, ConfigError, DeliverySettings, parse_settings
from .services import slots
from .services.errors import DeliveryRefused
from .services.basket import delivery_method_of, load_basket, refusal, weight_and_subtotal
from .services.pickup import set_merchant_pickup_times
from .services.settings import PLUGIN_ID, configuration_values, configured_settings


class GroupedDeliveryPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Livraison groupée du 16e"
    PLUGIN_DESCRIPTION = (
        "Une livraison groupée par panier dans le 16e, en créneaux, et le retrait en boutique."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = [{"name": name, "value": value} for name, value in DEFAULTS.items()]
    CONFIG_STRUCTURE = {
        key: {"type": ConfigurationTypeField.STRING, "label": label, "help_text": label}
        for key, label in LABELS.items()
    }

    @cached_property
    def delivery_settings(self) -> DeliverySettings:
        # Saleor builds a dozen plugins managers per request; few of them need these.
        return configured_settings(self.configuration)

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration):
        try:
            parse_settings(configuration_values(plugin_configuration.configuration))
        except (ConfigError, ValueError) as error:
            raise ValidationError(str(error))

    def calculate_checkout_shipping(self, checkout, lines, discounts, previous_value):
        method = delivery_method_of(checkout) if self.active else None
        if method is None:
            return previous_value
        weight_kg, subtotal = weight_and_subtotal(checkout, lines, discounts)
        fee = method.delivery_kind.price(
            self.delivery_settings.fee_rules, subtotal.amount, weight_kg
        )
        return _taxed(fee, previous_value.currency)

    def calculate_order_shipping(self, order, previous_value):
        method = delivery_method_of(order) if self.active else None
        if method is None:
            return previous_value
        # An existing order is never refused for its weight: price it only.
        rules = replace(self.delivery_settings.fee_rules, max_weight_kg=None)
        fee = method.delivery_kind.price(rules, order.get_subtotal().gross.amount, 0)
        return _taxed(fee, previous_value.currency)

    def preprocess_order_creation(self, checkout, discounts, previous_value):
        """Runs in checkoutComplete's transaction BEFORE payment: refuse, or take a place."""
        if not self.active:
            return previous_value
        # Saleor prefetched the lines and read their variants for the totals: reuse them.
        basket = load_basket(checkout, list(checkout), discounts, self.delivery_settings)
        method = delivery_method_of(checkout)
        problem = refusal(basket, method)
        if problem is None:
            try:
                slots.reserve(basket, method, timezone.now())
            except DeliveryRefused as refused:
                problem = refused
        if problem is not None:
            raise problem.as_validation_error(stock=True)
        return previous_value

    def order_created(self, order, previous_value):
        if self.active:
            slot = slots.attach_to_order(order)
            # A checkout's order is born paid: Saleor sends no order_fully_paid for it.
            # With a round, the pickup time is its start, paid yet or not (a shop sees its
            # part once paid): no need to ask the payments.
            if slot is not None or order.is_fully_paid():
                set_merchant_pickup_times(order, self.delivery_settings, slot)
        return previous_value

    def order_cancelled(self, order, previous_value):
        if self.active:
            slots.release_order(order)
        return previous_value

    def order_fully_paid(self, order, previous_value):
        if self.active:
            set_merchant_pickup_times(order, self.delivery_settings)
        return previous_value


def _taxed(fee, currency) -> TaxedMoney:
    """The gross fee on both sides: the VAT plugin, after us, splits it."""
    money = Money(fee, currency)
    return TaxedMoney(net=money, gross=money)
