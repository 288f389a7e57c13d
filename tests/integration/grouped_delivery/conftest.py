"""Three small shops (A, B in the basket; C elsewhere), open every day, and a basket
helper; GraphQL over Django's test client on the real /graphql/ view."""
from decimal import Decimal

import pytest
import saleor.product.utils  # noqa: F401  (Saleor's tasks<->utils import cycle: utils first)
from graphql_relay import from_global_id
from saleor.account.models import User
from saleor.checkout.models import Checkout
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.warehouse.models import Stock

from tests.integration.api import Api, gid  # noqa: F401  (re-exported)
from plugins.local_merchants.models import ProductMerchant
from plugins.local_merchants.onboarding import create_merchant

IN_ZONE = {"firstName": "Camille", "lastName": "Martin", "streetAddress1": "12 rue de Passy",
           "city": "Paris", "postalCode": "75016", "country": "FR", "phone": "+33145200000"}
OUTSIDE = {**IN_ZONE, "streetAddress1": "5 rue de Vaugirard", "postalCode": "75015"}
ALL_DAY = [(day, "00:00", "23:59") for day in range(7)]


class District:
    pass


def _shop(slug, name, product_type, category, price, hours=ALL_DAY):
    merchant = create_merchant(
        name=name, slug=slug, trade="OTHER", email=f"{slug}@paris16.example",
        siret="73282932000074", opening_hours=hours,
        address={"street_address_1": f"1 rue {name}", "postal_code": "75016",
                 "city": "PARIS", "country": "FR"},
    )
    product = Product.objects.create(
        name=f"Produit {name}", slug=f"produit-{slug}", product_type=product_type,
        category=category, price_amount=Decimal(price), is_published=True,
    )
    ProductMerchant.objects.create(product=product, merchant=merchant)
    variant = ProductVariant.objects.create(product=product, sku=f"sku-{slug}")
    Stock.objects.create(product_variant=variant, warehouse=merchant.warehouse, quantity=500)
    merchant.variant = variant
    return merchant


@pytest.fixture
def district(db):
    d = District()
    product_type = ProductType.objects.create(
        name="Épicerie", slug="epicerie", has_variants=False, is_shipping_required=True
    )
    category = Category.objects.create(name="Épicerie", slug="epicerie")
    d.a = _shop("shop-a", "Alpha", product_type, category, "10.00")
    d.b = _shop("shop-b", "Beta", product_type, category, "7.50")
    d.c = _shop("shop-c", "Gamma", product_type, category, "3.00")
    d.operator = User.objects.create_superuser("admin@paris16.example", "secret-pass-16")
    d.customer = User.objects.create_user("client@example.com", "secret-pass-16")
    return d


CREATE = """mutation($input: CheckoutCreateInput!){ checkoutCreate(input:$input){
  checkout{ id } checkoutErrors{ field message code } } }"""


def basket(*merchants, quantity=1, address=IN_ZONE):
    """A checkout with `quantity` of each shop's product, created over the API."""
    data = Api().data(CREATE, {"input": {
        "email": "camille@exemple.fr",
        "lines": [{"variantId": gid(m.variant), "quantity": quantity} for m in merchants],
        **({"shippingAddress": address, "billingAddress": address} if address else {}),
    }})["checkoutCreate"]
    assert data["checkoutErrors"] == []
    return Checkout.objects.get(pk=from_global_id(data["checkout"]["id"])[1])

