"""In-process GraphQL on the real test database, with three shops built here.

Orders are created with Saleor's own models and announced with Saleor's own
`order_created` action (what checkoutComplete calls), so these tests do not
depend on the delivery rules; the live test goes through the real checkout.
"""
import uuid
from decimal import Decimal

import pytest

# Load the project like a request does: creating a variant first would import
# saleor.product.tasks before saleor.product.utils, a circular import in Saleor.
import saleor_config.urls  # noqa: F401,E402

from tests.integration.api import Api as BaseApi  # noqa: E402

PASSWORD = "paris16-test"
OPERATOR = "operateur@paris16.example"
HOME = {"first_name": "Camille", "last_name": "Martin", "street_address_1": "12 rue de Passy",
        "city": "PARIS", "postal_code": "75016", "country": "FR"}


class Api(BaseApi):
    def login(self, email):
        token = self.data(
            "mutation($e:String!,$p:String!){tokenCreate(email:$e,password:$p){token}}",
            {"e": email, "p": PASSWORD},
        )["tokenCreate"]["token"]
        assert token
        return Api(token=token, client=self.client)


@pytest.fixture
def api(client, db):
    return Api(client=client)


def _user(email, **extra):
    from saleor.account.models import User

    user = User.objects.create(email=email, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_shop(index, rate="0.1000", price="10.00", vat_code="reduced"):
    """A shop with its warehouse, shopkeeper and one product in stock."""
    from plugins.local_merchants.models import Merchant, MerchantStaff, ProductMerchant
    from saleor.account.models import Address
    from saleor.product.models import Category, Product, ProductType, ProductVariant
    from saleor.warehouse.models import Stock, Warehouse

    slug = f"boutique-{index}"
    address = Address.objects.create(street_address_1=f"{index} rue de la Pompe", city="PARIS",
                                     postal_code="75116", country="FR")
    warehouse = Warehouse.objects.create(name=slug, slug=slug, address=address)
    merchant = Merchant.objects.create(
        name=f"Boutique {index}", slug=slug, trade="BAKERY", siret="73282932000074",
        email=f"contact@{slug}.example", address=address, warehouse=warehouse,
        commission_rate=Decimal(rate),
    )
    MerchantStaff.objects.create(user=_user(f"{slug}@paris16.example", is_staff=True), merchant=merchant)
    product_type, _ = ProductType.objects.get_or_create(
        slug="epicerie", defaults={"name": "Épicerie", "has_variants": False,
                                   "metadata": {"french_vat.code": vat_code}},
    )
    category, _ = Category.objects.get_or_create(slug="alimentation", defaults={"name": "Alimentation"})
    product = Product.objects.create(
        name=f"Pain de la boutique {index}", slug=f"pain-{index}", product_type=product_type,
        category=category, price_amount=Decimal(price), minimal_variant_price_amount=Decimal(price),
        is_published=True,
    )
    variant = ProductVariant.objects.create(product=product, sku=f"SKU-{index}")
    Stock.objects.create(warehouse=warehouse, product_variant=variant, quantity=100)
    ProductMerchant.objects.create(product=product, merchant=merchant)
    return merchant, variant


@pytest.fixture
def shops(db):
    _user(OPERATOR, is_staff=True, is_superuser=True)
    return [make_shop(i, rate) for i, rate in ((1, "0.1000"), (2, "0.1250"), (3, "0.0800"))]


def place_order(lines, discount=Decimal(0), paid=True, shipping=Decimal("5.90")):
    """An order of (variant, quantity) lines announced like checkoutComplete does."""
    from django.contrib.auth.models import AnonymousUser
    from prices import Money, TaxedMoney
    from saleor.account.models import Address
    from saleor.order.actions import order_created
    from saleor.order.models import Order
    from saleor.payment import ChargeStatus
    from saleor.payment.models import Payment

    subtotal = sum(variant.product.price_amount * quantity for variant, quantity in lines)
    total = subtotal + shipping - discount
    order = Order.objects.create(
        user_email="camille.martin@exemple.fr",
        billing_address=Address.objects.create(**HOME),
        shipping_address=Address.objects.create(**HOME),
        shipping_price=TaxedMoney(Money(shipping, "EUR"), Money(shipping, "EUR")),
        total=TaxedMoney(Money(total, "EUR"), Money(total, "EUR")),
        discount_amount=discount,
        checkout_token=str(uuid.uuid4()),  # as if it came from a checkout
    )
    for variant, quantity in lines:
        gross = variant.product.price_amount
        order.lines.create(
            variant=variant, product_name=variant.product.name, variant_name="",
            product_sku=variant.sku, is_shipping_required=True, quantity=quantity,
            unit_price=TaxedMoney(Money(gross / Decimal("1.055"), "EUR").quantize(), Money(gross, "EUR")),
        )
    if paid:
        Payment.objects.create(
            order=order, gateway="mirumee.payments.dummy", is_active=True, total=total,
            captured_amount=total, charge_status=ChargeStatus.FULLY_CHARGED, currency="EUR",
        )
    order_created(order=order, user=AnonymousUser())
    return order


def shopkeeper_email(merchant):
    return f"{merchant.slug}@paris16.example"


def money(value):
    return Decimal(str(value))
