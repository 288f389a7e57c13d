"""Two small shops (A and B) with products, stock and shopkeepers, an operator and a
customer, created through the real onboarding service; GraphQL over Django's test
client on the real /graphql/ view (so the settings' graphene middlewares run)."""
from decimal import Decimal

import pytest
import saleor_config.urls  # noqa: F401  (Saleor's modules in the server's import order)
from saleor.account.models import User
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.shipping.models import ShippingMethod, ShippingZone
from saleor.warehouse.models import Stock

from tests.integration.api import Api, gid  # noqa: F401  (re-exported)
from plugins.local_merchants.models import ProductMerchant
from plugins.local_merchants.onboarding import create_merchant

PASSWORD = "secret-pass-16"
ADDRESS = {"street_address_1": "12 rue de Passy", "postal_code": "75016", "city": "PARIS",
           "country": "FR"}


def _product(merchant, product_type, category, name, published=True):
    product = Product.objects.create(
        name=name, slug=name.lower().replace(" ", "-"), product_type=product_type,
        category=category, price_amount=Decimal("4.50"), is_published=published,
    )
    ProductMerchant.objects.create(product=product, merchant=merchant)
    variant = ProductVariant.objects.create(product=product, sku=f"sku-{product.slug}")
    Stock.objects.create(product_variant=variant, warehouse=merchant.warehouse, quantity=10)
    return product


class Shops:
    pass


@pytest.fixture
def shops(db, settings):
    # Stock shipping: these tests are about shops, not the grouped delivery (its own tests).
    settings.PLUGINS = [p for p in settings.PLUGINS if "grouped_delivery" not in p]
    s = Shops()
    zone = ShippingZone.objects.create(name="France", countries=["FR"])
    s.shipping_method = ShippingMethod.objects.create(
        name="Livraison", shipping_zone=zone, type="price", price_amount=Decimal("5.00"))
    product_type = ProductType.objects.create(name="Épicerie", slug="epicerie", has_variants=False)
    category = Category.objects.create(name="Épicerie", slug="epicerie")
    s.a = create_merchant(name="Boulangerie A", slug="boulangerie-a", trade="BAKERY",
                          email="a@paris16.example", siret="73282932000074", address=ADDRESS,
                          opening_hours=[(0, "09:00", "13:00"), (0, "14:00", "19:00")],
                          shopkeeper_password=PASSWORD)
    s.b = create_merchant(name="Cave B", slug="cave-b", trade="WINE", email="b@paris16.example",
                          siret="73282932000074", address=ADDRESS, shopkeeper_password=PASSWORD)
    s.keeper_a = User.objects.get(email="a@paris16.example")
    s.keeper_b = User.objects.get(email="b@paris16.example")
    s.operator = User.objects.create_superuser("admin@paris16.example", PASSWORD)
    s.customer = User.objects.create_user("client@example.com", PASSWORD)
    s.product_type, s.category = product_type, category
    s.pa = _product(s.a, product_type, category, "Baguette A")
    s.pa_draft = _product(s.a, product_type, category, "Brouillon A", published=False)
    s.pb = _product(s.b, product_type, category, "Vin B")
    s.pb_draft = _product(s.b, product_type, category, "Brouillon B", published=False)
    return s


@pytest.fixture
def as_user():
    return Api
