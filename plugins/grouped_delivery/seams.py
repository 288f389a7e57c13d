"""Saleor's shipping-method queryset, changed when the server starts (ARCHITECTURE.md,
« Coutures »; pinned by tests/integration/test_saleor_seams.py)."""
from saleor.shipping.models import ShippingMethodQueryset

from .graphql.switch import switched_on
from .services.applicable import for_shops_of

_stock_for_instance = ShippingMethodQueryset.applicable_shipping_methods_for_instance


def _for_instance(self, instance, price, country_code=None):
    methods = _stock_for_instance(self, instance, price, country_code)
    # Switched off: Saleor's own list, every method of the zone.
    return methods if methods is None or not switched_on() else for_shops_of(methods, instance)


def install() -> None:
    ShippingMethodQueryset.applicable_shipping_methods_for_instance = _for_instance
