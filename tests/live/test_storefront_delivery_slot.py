"""The storefront asks the API whether the chosen delivery option needs a slot.

Issue 14's bug: collecting in a shop with a basket of that one shop plus a product the
operator sells itself skipped the slot step (the storefront re-decided from the shops
alone), then payment failed with SLOT_REQUIRED. Over real HTTP, as a browser without
JavaScript: basket, contact, address, pickup, slot, payment.
"""
import html
import re
import uuid

import pytest
import requests

pytestmark = [pytest.mark.live]

OPERATOR = "admin@paris16.example"
CATALOGUE = """{
  productTypes(first: 50) { edges { node { id hasVariants } } }
  categories(first: 1) { edges { node { id } } }
  warehouses(first: 1) { edges { node { id } } } }"""
PRODUCT = """mutation($input: ProductCreateInput!) { productCreate(input: $input) {
  product { id variants { id } merchant { id } } productErrors { field message code } } }"""
SHOPS = """{ merchants(first: 100) { edges { node { name isActive clickAndCollect
  products(first: 5) { edges { node { slug isAvailable variants { id } } } } } } } }"""


@pytest.fixture(scope="module")
def operator_variant(site_server):
    """A product the operator sells itself (no shop). Saleor 2.10 lets a shipping zone have
    one warehouse only through its API: the stock sits in a shop's warehouse."""
    operator = site_server.login(OPERATOR)
    found = operator.data(CATALOGUE)
    product_type = next(e["node"]["id"] for e in found["productTypes"]["edges"]
                        if not e["node"]["hasVariants"])
    suffix = uuid.uuid4().hex[:8]
    created = operator.data(PRODUCT, {"input": {
        "productType": product_type, "category": found["categories"]["edges"][0]["node"]["id"],
        "name": f"Sac réutilisable du 16e {suffix}", "basePrice": "2.00", "sku": f"sac-{suffix}",
        "isPublished": True, "trackInventory": True,
        "stocks": [{"warehouse": found["warehouses"]["edges"][0]["node"]["id"], "quantity": 100}],
    }})["productCreate"]
    assert created["productErrors"] == [] and created["product"]["merchant"] is None
    return created["product"]["variants"][0]["id"]


def pickup_shop(api, skip=90):
    """An open shop offering click & collect, with one available product."""
    for edge in api.data(SHOPS)["merchants"]["edges"][skip:]:
        shop = edge["node"]
        product = next((p["node"] for p in shop["products"]["edges"] if p["node"]["isAvailable"]), None)
        if shop["isActive"] and shop["clickAndCollect"] and product:
            return shop["name"], product
    raise AssertionError("no open shop with click & collect and stock")


def test_a_pickup_basket_with_an_operator_product_gets_the_slot_step(site_server, api, operator_variant):
    base = site_server.url
    shop, product = pickup_shop(api)
    session = requests.Session()
    session.get(f"{base}/produits/{product['slug']}/", timeout=60)  # its form sets the CSRF cookie
    headers = {"Referer": base}

    def post(path, **data):
        data["csrfmiddlewaretoken"] = session.cookies["csrftoken"]
        return session.post(f"{base}{path}", data=data, headers=headers, timeout=120)

    for variant in (product["variants"][0]["id"], operator_variant):
        assert post("/panier/ajouter/", variant=variant, quantity="1", product=product["slug"]).ok
    assert post("/commande/etape/", step="contact", email="lea.dubois@exemple.fr").ok
    assert post("/commande/etape/", step="address", firstName="Léa", lastName="Dubois",
                streetAddress1="12 rue de Passy", postalCode="75016", city="Paris", country="FR").ok

    page = session.get(f"{base}/commande/", timeout=60).text
    pickup = re.search(r'name="shippingMethod" value="([^"]+)"[^>]*>\s*<label for="option-\d+">'
                       rf"Retrait gratuit chez {re.escape(html.escape(shop))}", page)
    assert pickup, "the pickup at the basket's shop is offered"
    assert post("/commande/etape/", step="delivery", shippingMethod=pickup.group(1)).ok

    # The round brings the operator's product to the shop: a slot is asked before paying.
    page = session.get(f"{base}/commande/", timeout=60).text
    assert 'id="etape-creneau"' in page and "Choisissez quand la tournée apporte vos articles" in page
    assert "Payer " not in page
    slot = re.search(r'name="slot" value="([^"]+)"(?! disabled)', page)
    assert slot, "an open slot is offered"
    assert post("/commande/etape/", step="slot", slot=slot.group(1)).ok

    paid = post("/commande/etape/", step="pay", gateway="mirumee.payments.dummy")
    assert paid.status_code == 200 and "/commandes/" in paid.url and "merci=1" in paid.url, (
        re.findall(r'class="error"[^>]*>([^<]+)', paid.text))
