"""Personal data and other shops' private data over real HTTP (issue 10, items 1 and 2).

Each test plays an attacker: anonymous visitor, customer, or the shopkeeper of shop A,
trying every path to a resident's name, address, phone or e-mail, or to shop B's cost
prices, stock, revenue, private metadata and warehouse contacts: `_entities`, nested
fields through B's shop page, categories, collections, A's own product, warehouses'
shipping zones, with aliases, fragments, interfaces and batched requests. The same
queries must still show A's own private data to A.
"""
import uuid

import pytest
from graphql_relay import to_global_id

pytestmark = [pytest.mark.live, pytest.mark.django_db]

SECRET = "secret-" + uuid.uuid4().hex[:10]  # what must never come out
PHONE = "+33145201616"
WAREHOUSE_EMAIL = f"reserve-{uuid.uuid4().hex[:6]}@boutique-b.example"


class Resident:
    """A customer with a home address and an order, committed for the live server."""

    def __init__(self):
        from saleor.account.models import Address, User
        from saleor.checkout.models import Checkout
        from saleor.order.models import Order

        self.email = f"resident-{uuid.uuid4().hex[:8]}@example.com"
        self.password = "resident-pass-16"
        self.user = User.objects.create_user(self.email, self.password, is_active=True)
        self.address = Address.objects.create(
            first_name="Albertine", last_name=SECRET, street_address_1="12 rue de l'Assomption",
            city="PARIS", postal_code="75016", country="FR", phone=PHONE,
        )
        self.user.addresses.add(self.address)
        self.user.default_shipping_address = self.address
        self.user.save(update_fields=["default_shipping_address"])
        order_address = Address.objects.get(pk=self.address.pk)
        order_address.pk = None
        order_address.save()
        self.order = Order.objects.create(
            user=self.user, user_email=self.email, billing_address=order_address,
            shipping_address=order_address, token=str(uuid.uuid4()),
        )
        checkout_address = Address.objects.get(pk=order_address.pk)
        checkout_address.pk = None
        checkout_address.save()
        self.checkout = Checkout.objects.create(
            user=self.user, email=self.email, shipping_address=checkout_address)
        self.address_id = to_global_id("Address", self.address.pk)
        self.user_id = to_global_id("User", self.user.pk)


class Shop:
    def __init__(self, merchant):
        from saleor.product.models import Product

        self.merchant = merchant
        self.slug = merchant.slug
        self.email = f"{merchant.slug}@paris16.example"
        self.product = Product.objects.filter(
            merchant_link__merchant=merchant, is_published=True).order_by("pk").first()
        self.product_id = to_global_id("Product", self.product.pk)
        self.category_id = to_global_id("Category", self.product.category_id)


@pytest.fixture(scope="module")
def world(site_server, django_db_blocker):
    """Shops A and B (B's private data marked with SECRET), a collection holding a
    product of each, a resident; all committed so the live server sees them."""
    from saleor.product.models import Collection, ProductVariant
    from saleor.warehouse.models import Warehouse

    from plugins.local_merchants.models import Merchant

    with django_db_blocker.unblock():
        a, b = (Shop(m) for m in Merchant.objects.filter(is_active=True).order_by("slug")[2:4])
        b.product.store_value_in_private_metadata({"note": SECRET})
        b.product.save(update_fields=["private_metadata"])
        a.product.store_value_in_private_metadata({"note": "a-own-note"})
        a.product.save(update_fields=["private_metadata"])
        for variant in ProductVariant.objects.filter(product=b.product):
            variant.store_value_in_private_metadata({"note": SECRET})
            variant.save(update_fields=["private_metadata"])
        Warehouse.objects.filter(pk=b.merchant.warehouse_id).update(email=WAREHOUSE_EMAIL)
        collection = Collection.objects.create(
            name=f"Sélection {SECRET}", slug=f"selection-{uuid.uuid4().hex[:8]}", is_published=True)
        collection.products.add(a.product, b.product)
        resident = Resident()
        other = Resident()
        b_stock = b.product.variants.order_by("pk").first().stocks.first().quantity
    return {
        "a": a, "b": b, "resident": resident, "other": other,
        "collection_id": to_global_id("Collection", collection.pk), "b_stock": b_stock,
    }


@pytest.fixture(scope="module")
def clients(site_server, world):
    return {
        "anonymous": site_server.client(),
        "customer": site_server.client().as_user(world["other"].email, world["other"].password),
        "shopkeeper": site_server.login(world["a"].email),
    }


ROLES = ("anonymous", "customer", "shopkeeper")


def _leaks(body, *secrets) -> list:
    text = str(body)
    return [secret for secret in secrets if secret and str(secret) in text]


# --- Item 1: personal data ----------------------------------------------------------

ENTITIES_ADDRESS = """query($r:[_Any]){ _entities(representations:$r){
  ... on Address { firstName lastName streetAddress1 postalCode phone } } }"""
ENTITIES_USER = """query($r:[_Any]){ _entities(representations:$r){
  ... on User { email lastLogin addresses{ lastName phone }
                orders(first:5){ edges{ node{ id userEmail } } } } } }"""
ENTITIES_ALIASED = """query($r:[_Any]){ a: _entities(representations:$r){ ...F }
  b: _entities(representations:$r){ __typename } }
fragment F on Address { lastName phone }"""


@pytest.mark.parametrize("role", ROLES)
def test_entities_gives_no_address_nor_user(clients, world, role):
    resident = world["resident"]
    client = clients[role]
    asked = [
        (ENTITIES_ADDRESS, [{"__typename": "Address", "id": resident.address_id}]),
        (ENTITIES_USER, [{"__typename": "User", "email": resident.email}]),
        (ENTITIES_USER, [{"__typename": "User", "id": resident.user_id}]),
        (ENTITIES_ALIASED, [{"__typename": "Address", "id": resident.address_id}]),
    ]
    for document, representations in asked:
        body = client.execute(document, {"r": representations})
        assert not _leaks(body, SECRET, PHONE, resident.email), body
        assert (body.get("data") or {}).get("_entities") is None, body


def test_entities_refused_inside_a_batched_request(site_server, world):
    import requests

    resident = world["resident"]
    batch = [{"query": ENTITIES_ADDRESS, "variables": {"r": [{"__typename": "Address",
                                                              "id": resident.address_id}]}}] * 2
    response = requests.post(site_server.api_url, json=batch, timeout=60)
    assert not _leaks(response.text, SECRET, PHONE), response.text


@pytest.mark.parametrize("role", ROLES)
def test_no_other_persons_data_by_id_token_or_nested_field(clients, world, role):
    resident = world["resident"]
    client = clients[role]
    queries = [
        ("query($id:ID!){ address(id:$id){ lastName phone } }", {"id": resident.address_id}),
        ("query($id:ID!){ user(id:$id){ email defaultShippingAddress{ lastName } } }",
         {"id": resident.user_id}),
        ("query($id:ID!){ order(id:$id){ userEmail billingAddress{ lastName } } }",
         {"id": to_global_id("Order", resident.order.pk)}),
        ("query{ customers(first:50){ edges{ node{ email } } } }", {}),
        ("query{ orders(first:50){ edges{ node{ userEmail shippingAddress{ lastName phone } } } } }", {}),
        ("query($t:UUID!){ orderByToken(token:$t){ user{ email addresses{ lastName } } } }",
         {"t": str(uuid.uuid4())}),
        ("query{ merchantOrders(first:50){ edges{ node{ customerFirstName lines{ productName } } } } }", {}),
        ("query{ me{ email orders(first:5){ edges{ node{ userEmail } } } } }", {}),
        # A basket of a logged-in resident answers only to that resident.
        ("query($t:UUID!){ checkout(token:$t){ email user{ email } shippingAddress{ lastName phone } } }",
         {"t": str(resident.checkout.token)}),
    ]
    for document, variables in queries:
        body = client.execute(document, variables)
        assert not _leaks(body, SECRET, PHONE, resident.email), (document, body)


def test_order_token_holder_cannot_reach_the_account_behind_it(clients, world):
    """orderByToken shows the order to whoever holds its link, never the customer account."""
    resident = world["resident"]
    for role in ROLES:
        body = clients[role].execute(
            "query($t:UUID!){ orderByToken(token:$t){ user{ email addresses{ phone } orders(first:5)"
            "{ edges{ node{ id } } } } } }", {"t": str(resident.order.token)})
        assert not _leaks(body, PHONE, resident.email), body


# --- Item 2: another shop's private data through nested fields -----------------------

PRIVATE_PRODUCT = """fragment P on Product {
  name
  merchant{ slug }
  privateMetadata{ key value }
  privateMeta{ clients{ metadata{ value } } }
  purchaseCost{ start{ amount } stop{ amount } }
  margin{ start stop }
  variants{
    sku
    costPrice{ amount }
    margin
    quantity
    quantityAllocated
    privateMetadata{ value }
    revenue(period:THIS_MONTH){ gross{ amount } }
    stocks{ quantity quantityAllocated warehouse{ email companyName address{ phone streetAddress1 } } }
  }
}"""

FOREIGN_PATHS = {
    "shop page": ("query($slug:String){ merchant(slug:$slug){ products(first:100){ edges{ node{ ...P } } } } }",
                  lambda w: {"slug": w["b"].slug}),
    "shop page, aliased": ("query($slug:String){ x: merchant(slug:$slug){ y: products(first:100){ edges{ "
                           "node{ z: purchaseCost{ start{ amount } } ...P } } } } }",
                           lambda w: {"slug": w["b"].slug}),
    "category": ("query($id:ID!){ category(id:$id){ products(first:100){ edges{ node{ ...P } } } } }",
                 lambda w: {"id": w["b"].category_id}),
    "categories": ("query($id:[ID]){ categories(first:3, filter:{ids:$id}){ edges{ node{ products(first:100){ "
                   "edges{ node{ ...P } } } } } } }", lambda w: {"id": [w["b"].category_id]}),
    "collection": ("query($id:ID!){ collection(id:$id){ products(first:100){ edges{ node{ ...P } } } } }",
                   lambda w: {"id": w["collection_id"]}),
    "own product, then its category": (
        "query($id:ID!){ product(id:$id){ category{ products(first:100){ edges{ node{ ...P } } } } } }",
        lambda w: {"id": w["a"].product_id}),
    "own warehouse, its zones' warehouses": (
        "query{ warehouses(first:10){ edges{ node{ shippingZones(first:10){ edges{ node{ "
        "warehouses{ email companyName address{ phone streetAddress1 } } } } } } } } }", lambda w: {}),
    "own stock, its zones' warehouses": (
        "query($id:ID!){ product(id:$id){ variants{ stocks{ warehouse{ shippingZones(first:10){ edges{ "
        "node{ warehouses{ id email address{ phone } } } } } } } } } }", lambda w: {"id": w["a"].product_id}),
    "search": ("query($s:String){ products(first:100, filter:{search:$s}){ edges{ node{ ...P } } } }",
               lambda w: {"s": w["b"].product.name}),
}


def _document(document):
    return document + ("\n" + PRIVATE_PRODUCT if "...P" in document else "")


@pytest.mark.parametrize("path", FOREIGN_PATHS)
def test_shopkeeper_sees_no_private_data_of_another_shop(clients, world, path):
    document, variables = FOREIGN_PATHS[path]
    body = clients["shopkeeper"].execute(_document(document), variables(world))
    assert not _leaks(body, SECRET, WAREHOUSE_EMAIL), body
    # B's cost prices and stock: none comes out, on any of B's products.
    for node in _products(body):
        if (node.get("merchant") or {}).get("slug") == world["b"].slug:
            assert node.get("purchaseCost") is None and node.get("privateMetadata") in (None, []), node
            # A variant asked for a refused required field (quantity) comes back null.
            for variant in filter(None, node.get("variants") or []):
                assert variant.get("costPrice") is None and variant.get("stocks") in (None, []), variant
                assert variant.get("quantity") is None and variant.get("revenue") is None, variant


def _products(body):
    """Every product node anywhere in a response."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "variants" in value and "name" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(body.get("data"))
    return found


def test_public_fields_of_another_shop_stay_visible(clients, world):
    """B's published product shows the shopkeeper of A what it shows any visitor."""
    document = ("query($slug:String){ merchant(slug:$slug){ name address{ streetAddress1 } products(first:100){ "
                "edges{ node{ id name pricing{ priceRange{ start{ gross{ amount } } } } isAvailable "
                "thumbnail{ url } variants{ sku quantityAvailable } } } } } }")
    seen = {role: clients[role].data(document, {"slug": world["b"].slug}) for role in ("anonymous", "shopkeeper")}
    assert seen["shopkeeper"] == seen["anonymous"]
    assert world["b"].product_id in str(seen["anonymous"])


def test_shopkeeper_still_sees_own_private_data(clients, world):
    document = _document(
        "query($slug:String){ merchant(slug:$slug){ products(first:100){ edges{ node{ ...P } } } } }")
    body = clients["shopkeeper"].execute(document, {"slug": world["a"].slug})
    assert not body.get("errors"), body
    own = next(n for n in _products(body) if n["name"] == world["a"].product.name)
    assert all(n["merchant"]["slug"] == world["a"].slug for n in _products(body))
    assert own["privateMetadata"] == [{"key": "note", "value": "a-own-note"}]
    assert own["purchaseCost"] is not None and own["variants"][0]["costPrice"] is not None
    assert own["variants"][0]["stocks"][0]["warehouse"]["email"]
    # Among the zones' warehouses, A's own keeps its e-mail; the others are refused.
    zones = clients["shopkeeper"].execute(FOREIGN_PATHS["own warehouse, its zones' warehouses"][0])
    assert world["a"].merchant.warehouse.email in str(zones["data"]), zones


def test_foreign_private_data_through_interfaces_and_batches(site_server, clients, world):
    """`... on ObjectWithMetadata`, `... on Node` and a batched request answer alike."""
    import requests

    document = ("query($slug:String){ merchant(slug:$slug){ products(first:100){ edges{ node{ "
                "... on ObjectWithMetadata { privateMetadata{ value } } "
                "... on Node { ... on Product { variants{ ... on ObjectWithMetadata { privateMetadata{ value } } "
                "stocks{ warehouse{ email } } } } } } } } } }")
    body = clients["shopkeeper"].execute(document, {"slug": world["b"].slug})
    assert not _leaks(body, SECRET, WAREHOUSE_EMAIL), body
    response = requests.post(
        site_server.api_url, json=[{"query": document, "variables": {"slug": world["b"].slug}}] * 2,
        headers={"Authorization": f"JWT {clients['shopkeeper'].token}"}, timeout=60)
    assert not _leaks(response.text, SECRET, WAREHOUSE_EMAIL), response.text[:2000]


def test_foreign_stock_levels_not_given_to_shopkeeper(clients, world):
    """B's exact stock is not a shopkeeper's business (visitors get only availability)."""
    document = ("query($slug:String){ merchant(slug:$slug){ products(first:100){ edges{ node{ "
                "variants{ quantity stocks{ quantity } } } } } } }")
    anonymous = clients["anonymous"].execute(document, {"slug": world["b"].slug})
    shopkeeper = clients["shopkeeper"].execute(document, {"slug": world["b"].slug})
    assert "'quantity': " + str(world["b_stock"]) not in str(anonymous.get("data"))
    assert "'quantity': " + str(world["b_stock"]) not in str(shopkeeper.get("data")), shopkeeper


def test_shop_phone_not_given_through_its_address(clients, world):
    """`Merchant.phone` is private; the same phone on the shop's address was not."""
    b = world["b"].merchant
    document = ("query($slug:String){ merchant(slug:$slug){ phone address{ streetAddress1 phone } } "
                "merchants(first:100){ edges{ node{ slug address{ phone } } } } }")
    for role in ROLES:
        data = clients[role].data(document, {"slug": b.slug})
        shop = data["merchant"]
        assert not shop["phone"] and not shop["address"]["phone"], (role, shop)
        assert shop["address"]["streetAddress1"] == b.address.street_address_1
        others = [e["node"] for e in data["merchants"]["edges"] if e["node"]["slug"] != world["a"].slug]
        assert others and not any(node["address"]["phone"] for node in others), role
    own = clients["shopkeeper"].data(document, {"slug": world["a"].slug})["merchant"]
    assert own["phone"] and own["address"]["phone"]
