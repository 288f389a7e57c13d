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

from .domain.config import DEFAULTS, ConfigError, DeliverySettings, parse_settings
from .domain.fees import grouped_delivery_fee
from .models import DeliveryKind
from .services import slots
from .services.errors import DeliveryRefused
from .services.basket import (
    fee_of, load_basket, method_chosen, refusal, weight_and_subtotal,
)
from .services.pickup import set_merchant_pickup_times
from .services.settings import PLUGIN_ID, configuration_values, settings_from


class GroupedDeliveryPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Livraison groupée du 16e"
    PLUGIN_DESCRIPTION = (
        "Une livraison groupée par panier dans le 16e, en créneaux, et le retrait en boutique."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = [{"name": name, "value": value} for name, value in DEFAULTS.items()]
    CONFIG_STRUCTURE = {
        name: {"type": ConfigurationTypeField.STRING, "label": name, "help_text": name}
        for name in DEFAULTS
    }

    @cached_property
    def settings(self) -> DeliverySettings:
        # Saleor builds a dozen plugins managers per request; few of them need these.
        return settings_from(self.configuration)

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration):
        try:
            parse_settings(configuration_values(plugin_configuration.configuration))
        except (ConfigError, ValueError) as error:
            raise ValidationError(str(error))

    @staticmethod
    def _grouped(checkout_or_order) -> bool:
        method = method_chosen(checkout_or_order)
        return method is not None and method.kind == DeliveryKind.GROUPED_DELIVERY

    def calculate_checkout_shipping(self, checkout, lines, discounts, previous_value):
        if not self.active or not self._grouped(checkout):
            return previous_value
        weight_kg, subtotal = weight_and_subtotal(checkout, lines, discounts)
        fee = Money(fee_of(self.settings.fee_rules, subtotal, weight_kg), previous_value.currency)
        return TaxedMoney(net=fee, gross=fee)

    def calculate_order_shipping(self, order, previous_value):
        if not self.active or not self._grouped(order):
            return previous_value
        rules = self.settings.fee_rules
        # An existing order is never refused for its weight: price it only.
        fee = grouped_delivery_fee(
            replace(rules, max_weight_kg=None), order.get_subtotal().gross.amount, 0
        )
        money = Money(fee, previous_value.currency)
        return TaxedMoney(net=money, gross=money)

    def preprocess_order_creation(self, checkout, discounts, previous_value):
        """Runs in checkoutComplete's transaction BEFORE payment: refuse, or take a place."""
        if not self.active:
            return previous_value
        # Saleor prefetched the lines and read their variants for the totals: reuse them.
        basket = load_basket(checkout, list(checkout), discounts, self.settings)
        method = method_chosen(checkout)
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
            booking = slots.attach_to_order(order)
            # A checkout's order is born paid: Saleor sends no order_fully_paid for it.
            # With a round, the pickup time is its start, paid yet or not (a shop sees its
            # part once paid): no need to ask the payments.
            if booking is not None or order.is_fully_paid():
                set_merchant_pickup_times(order, self.settings, booking)
        return previous_value

    def order_cancelled(self, order, previous_value):
        if self.active:
            slots.release_order(order)
        return previous_value

    def order_fully_paid(self, order, previous_value):
        if self.active:
            set_merchant_pickup_times(order, self.settings)
        return previous_value
