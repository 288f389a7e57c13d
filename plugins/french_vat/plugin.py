"""Saleor adapter for French VAT: prices are TTC, the plugin derives HT and the tax.

Saleor 2.10's only tax plugins (Avalara, Vatlayer) call paid services; France needs
four fixed rates, chosen per product type (or per product) by its tax code.
"""
from decimal import Decimal
from typing import TYPE_CHECKING, Any, List, Union

from saleor.core.taxes import TaxType
from saleor.plugins.base_plugin import BasePlugin

from .codes import META_CODE_KEY, product_type_codes
from .rates import RATES, SHIPPING_RATE, VatRate, rate_for_code, taxed

if TYPE_CHECKING:
    from saleor.product.models import Product, ProductType


class FrenchVatPlugin(BasePlugin):
    PLUGIN_ID = "paris16.taxes.french_vat"
    PLUGIN_NAME = "TVA française"
    PLUGIN_DESCRIPTION = "Taux de TVA français (20 %, 10 %, 5,5 %, 2,1 %), prix TTC."
    DEFAULT_ACTIVE = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._codes_by_product_type = None

    def _product_type_codes(self) -> dict:
        # One cache read per plugins manager: a listing prices every product several times.
        if self._codes_by_product_type is None:
            self._codes_by_product_type = product_type_codes.get()
        return self._codes_by_product_type

    def _rate_of(self, obj: Union["Product", "ProductType"]) -> VatRate:
        code = obj.get_value_from_metadata(META_CODE_KEY, "")
        if not code and hasattr(obj, "product_type_id"):
            code = self._product_type_codes().get(obj.product_type_id, "")
        return rate_for_code(code)

    def _rate_of_variant(self, variant) -> VatRate:
        return self._rate_of(variant.product) if variant else RATES["standard"]

    def calculate_checkout_line_total(self, checkout_line, discounts, previous_value):
        if not self.active:
            return previous_value
        # Taxed per unit, then multiplied: Saleor stores an order line's unit price as
        # the line total divided by the quantity, which must stay exact to the cent.
        quantity = checkout_line.quantity or 1
        unit = taxed(previous_value.gross / quantity, self._rate_of_variant(checkout_line.variant))
        return unit * quantity

    def calculate_order_line_unit(self, order_line, previous_value):
        if not self.active:
            return previous_value
        return taxed(previous_value.gross, self._rate_of_variant(order_line.variant))

    def calculate_checkout_shipping(self, checkout, lines, discounts, previous_value):
        if not self.active:
            return previous_value
        return taxed(previous_value.gross, SHIPPING_RATE)

    def calculate_order_shipping(self, order, previous_value):
        if not self.active:
            return previous_value
        return taxed(previous_value.gross, SHIPPING_RATE)

    def apply_taxes_to_shipping(self, price, shipping_address, previous_value):
        if not self.active:
            return previous_value
        return taxed(previous_value.gross, SHIPPING_RATE)

    def apply_taxes_to_product(self, product, price, country, previous_value):
        if not self.active or not product.charge_taxes:
            return previous_value
        return taxed(previous_value.gross, self._rate_of(product))

    def get_tax_rate_type_choices(self, previous_value: List[TaxType]) -> List[TaxType]:
        if not self.active:
            return previous_value
        return [TaxType(code=r.code, description=r.label) for r in RATES.values()]

    def show_taxes_on_storefront(self, previous_value: bool) -> bool:
        return True if self.active else previous_value

    def assign_tax_code_to_object_meta(self, obj, tax_code: str, previous_value: Any):
        if not self.active or tax_code not in RATES:
            return previous_value
        obj.store_value_in_metadata(items={META_CODE_KEY: tax_code})
        obj.save()
        return previous_value

    def get_tax_code_from_object_meta(self, obj, previous_value: TaxType) -> TaxType:
        if not self.active:
            return previous_value
        rate = self._rate_of(obj)
        return TaxType(code=rate.code, description=rate.label)

    def get_tax_rate_percentage_value(self, obj, country, previous_value) -> Decimal:
        if not self.active:
            return previous_value
        return self._rate_of(obj).percent
