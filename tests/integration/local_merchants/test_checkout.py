"""A deactivated shop's products cannot be bought: refused when added, and refused at
completion for a basket filled before the shop was deactivated, with nothing charged."""
from saleor.checkout.models import Checkout
from saleor.order.models import Order
from saleor.payment.models import Payment
from saleor.plugins.models import PluginConfiguration

from plugins.local_merchants.plugin import LocalMerchantsPlugin

from .conftest import Api, gid

ADDRESS = {"firstName": "Jeanne", "lastName": "Martin", "streetAddress1": "3 rue de Passy",
           "postalCode": "75016", "city": "PARIS", "country": "FR"}
CREATE = """mutation($input: CheckoutCreateInput!){ checkoutCreate(input:$input){
  checkout{ id token totalPrice{ gross{ amount } } } checkoutErrors{ field message code } } }"""
ADD = """mutation($c:ID!,$v:ID!){ checkoutLinesAdd(checkoutId:$c, lines:[{variantId:$v, quantity:1}]){
  checkout{ id } checkoutErrors{ field message code } } }"""
TOTAL = """query($t:UUID!){ checkout(token:$t){ totalPrice{ gross{ amount } } } }"""
PAY = """mutation($c:ID!,$a:Decimal){ checkoutPaymentCreate(checkoutId:$c,
  input:{gateway:"mirumee.payments.dummy", token:"tok", amount:$a}){ paymentErrors{ field message code } } }"""
COMPLETE = """mutation($c:ID!){ checkoutComplete(checkoutId:$c){ order{ id }
  checkoutErrors{ field message code } } }"""


def lines(products):
    return [{"variantId": gid(p.variants.get()), "quantity": 1} for p in products]


def ready_checkout(api, products):
    from saleor.shipping.models import ShippingMethod

    created = api.data(CREATE, {"input": {"email": "jeanne@example.com", "lines": lines(products),
                                          "shippingAddress": ADDRESS, "billingAddress": ADDRESS}})
    assert created["checkoutCreate"]["checkoutErrors"] == []
    checkout_id = created["checkoutCreate"]["checkout"]["id"]
    # Set straight in the database: choosing among delivery options is grouped_delivery's
    # business (and its own tests'); the shop rules are what is tested here.
    checkout = Checkout.objects.get(token=created["checkoutCreate"]["checkout"]["token"])
    checkout.shipping_method = ShippingMethod.objects.get(name="Livraison")  # the fixture's
    checkout.save(update_fields=["shipping_method"])
    total = api.data(TOTAL, {"t": str(checkout.token)})["checkout"]["totalPrice"]["gross"]["amount"]
    assert api.data(PAY, {"c": checkout_id, "a": total})["checkoutPaymentCreate"]["paymentErrors"] == []
    return checkout_id


def complete_checkout(api, checkout_id):
    return api.data(COMPLETE, {"c": checkout_id})["checkoutComplete"]


def test_closed_shop_products_cannot_be_added(shops):
    shops.b.is_active = False
    shops.b.save()
    api = Api()
    created = api.data(CREATE, {"input": {"email": "j@example.com", "lines": lines([shops.pa, shops.pb])}})
    errors = created["checkoutCreate"]["checkoutErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [("lines", "PRODUCT_NOT_PUBLISHED")]
    assert "« Cave B » ne sont plus en vente" in errors[0]["message"]
    assert not Checkout.objects.exists()

    created = api.data(CREATE, {"input": {"email": "j@example.com", "lines": lines([shops.pa])}})
    checkout_id = created["checkoutCreate"]["checkout"]["id"]
    added = api.data(ADD, {"c": checkout_id, "v": gid(shops.pb.variants.get())})["checkoutLinesAdd"]
    assert [e["code"] for e in added["checkoutErrors"]] == ["PRODUCT_NOT_PUBLISHED"]
    assert Checkout.objects.get().lines.count() == 1


def test_existing_basket_refused_at_completion_nothing_charged(shops):
    api = Api()
    checkout_id = ready_checkout(api, [shops.pa, shops.pb])
    shops.b.is_active = False
    shops.b.save()
    completed = complete_checkout(api, checkout_id)
    assert completed["order"] is None
    assert [(e["field"], e["code"]) for e in completed["checkoutErrors"]] == [("lines", "PRODUCT_NOT_PUBLISHED")]
    assert "retirez-les de votre panier" in completed["checkoutErrors"][0]["message"]
    assert not Order.objects.exists()
    payment = Payment.objects.get()
    assert payment.transactions.count() == 0 and payment.captured_amount == 0
    assert Checkout.objects.count() == 1


def test_switched_off_in_the_dashboard_baskets_are_stock_again(shops):
    # The plugin's `active` governs the purchase refusals (not the isolation policy).
    PluginConfiguration.objects.create(
        identifier=LocalMerchantsPlugin.PLUGIN_ID, name=LocalMerchantsPlugin.PLUGIN_NAME,
        active=False,
    )
    api = Api()
    checkout_id = ready_checkout(api, [shops.pa, shops.pb])
    shops.b.is_active = False
    shops.b.save()
    created = api.data(CREATE, {"input": {"email": "j@example.com", "lines": lines([shops.pa, shops.pb])}})
    assert created["checkoutCreate"]["checkoutErrors"] == []
    completed = complete_checkout(api, checkout_id)
    assert completed["checkoutErrors"] == [] and completed["order"] is not None
