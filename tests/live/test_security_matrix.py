"""Security matrix over real HTTP: every root field of the schema that touches shop data,
for the shopkeeper of shop A on A's objects (allowed) and on B's (denied, nothing
changed), and for anonymous visitors and customers (denied where stock Saleor denies).

`test_every_root_field_is_classified` fails when a field appears in the schema without
a row here or a reason in NOT_MERCHANT_DATA.
"""
import json
import uuid

import pytest
from graphql_relay import to_global_id

pytestmark = [pytest.mark.live, pytest.mark.django_db]

DENIED = "You do not have permission to perform this action"


# --- Accounts and targets -----------------------------------------------------------


class Shop:
    """One demo shop: its shopkeeper account and a few of its objects (global IDs)."""

    def __init__(self, merchant, api_url):
        from saleor.warehouse.models import Stock

        stock = Stock.objects.filter(warehouse=merchant.warehouse).select_related(
            "product_variant").order_by("pk").first()
        self.merchant = merchant
        self.api_url = api_url
        self.email = f"{merchant.slug}@paris16.example"
        self.sku = stock.product_variant.sku
        self.variant_pk = stock.product_variant_id
        self.product_pk = stock.product_variant.product_id
        self.merchant_id = to_global_id("Merchant", merchant.pk)
        self.product = to_global_id("Product", self.product_pk)
        self.variant = to_global_id("ProductVariant", self.variant_pk)
        self.warehouse = to_global_id("Warehouse", merchant.warehouse_id)
        self.stock = to_global_id("Stock", stock.pk)
        self._keeper = None

    def keeper(self):
        """The shop's own shopkeeper, logged in over the API (to prepare throwaway objects)."""
        from tests.conftest import DEMO_PASSWORD
        from tests.graphql_client import GraphQLClient

        if self._keeper is None:
            self._keeper = GraphQLClient(self.api_url).as_user(self.email, DEMO_PASSWORD)
        return self._keeper

    def state(self):
        """Everything of the shop a request could change, read from the database."""
        from saleor.product.models import Product, ProductImage, ProductVariant, VariantImage
        from saleor.warehouse.models import Stock, Warehouse

        from plugins.local_merchants.models import Merchant

        products = Product.objects.filter(merchant_link__merchant=self.merchant)
        return (
            list(products.order_by("pk").values_list(
                "pk", "name", "description", "is_published", "metadata", "private_metadata")),
            list(ProductVariant.objects.filter(product__in=products).order_by("pk").values_list(
                "pk", "sku", "name", "metadata")),
            list(Stock.objects.filter(warehouse=self.merchant.warehouse).order_by("pk").values_list(
                "pk", "quantity", "product_variant_id")),
            list(ProductImage.objects.filter(product__in=products).order_by("pk").values_list(
                "pk", "alt", "sort_order")),
            list(VariantImage.objects.filter(image__product__in=products).order_by("pk").values_list(
                "variant_id", "image_id")),
            list(Warehouse.objects.filter(pk=self.merchant.warehouse_id).values_list("name", "email")),
            list(Merchant.objects.filter(pk=self.merchant.pk).values_list(
                "name", "description", "commission_rate", "is_active")),
        )


@pytest.fixture(scope="module")
def shops(site_server, django_db_blocker):
    from plugins.local_merchants.models import Merchant

    with django_db_blocker.unblock():
        a, b = Merchant.objects.filter(is_active=True).order_by("slug")[:2]
        return Shop(a, site_server.api_url), Shop(b, site_server.api_url)


@pytest.fixture(scope="module")
def clients(site_server, shops, django_db_blocker):
    from saleor.account.models import User

    customer_email = f"client-{uuid.uuid4().hex[:8]}@example.com"
    with django_db_blocker.unblock():  # committed: the live server must see it
        User.objects.create_user(customer_email, "client-pass-16", is_active=True)
    return {
        "shopkeeper": site_server.login(shops[0].email),
        "anonymous": site_server.client(),
        "customer": site_server.client().as_user(customer_email, "client-pass-16"),
    }


# --- The matrix --------------------------------------------------------------------
# name: (document, variables(target shop, new uuid), kind)
# kinds: "mutation"  shopkeeper: own allowed, foreign denied; anonymous, customer: denied
#        "private"   query needing MANAGE_PRODUCTS: own found, foreign null/empty; others denied
#        "catalogue" public query: own found, foreign null for the shopkeeper; others see public data
#        "operator"  operator only: denied to every role of the matrix (a shopkeeper's
#                    mutation: refused in its payload, NOT_FOUND)
#        "shop"      the dashboard's order and home queries: a shopkeeper gets the own
#                    shop's scope (tests/integration/dashboard), others denied as in stock

M = "mutation"
OPERATIONS = {
    "product": ("query($id:ID!){ product(id:$id){ id } }", lambda t, u: {"id": t.product}, "catalogue"),
    "productVariant": ("query($id:ID!){ productVariant(id:$id){ id } }",
                       lambda t, u: {"id": t.variant}, "catalogue"),
    # Saleor 2.10's ProductFilterInput has no `ids`: found by the storefront search (SKU).
    "products": ("query($s:String){ products(first:100, filter:{search:$s}){ edges{ node{ id } } } }",
                 lambda t, u: {"s": t.sku}, "catalogue"),
    "productVariants": ("query($ids:[ID]){ productVariants(first:5, ids:$ids){ edges{ node{ id } } } }",
                        lambda t, u: {"ids": [t.variant]}, "catalogue"),
    "merchant": ("query($id:ID){ merchant(id:$id){ id siret } }", lambda t, u: {"id": t.merchant_id},
                 "catalogue"),
    "merchants": ("query{ merchants(first:100){ edges{ node{ id } } } }", lambda t, u: {}, "catalogue"),
    "warehouse": ("query($id:ID!){ warehouse(id:$id){ id } }", lambda t, u: {"id": t.warehouse}, "private"),
    "warehouses": ("query($ids:[ID]){ warehouses(first:5, filter:{ids:$ids}){ edges{ node{ id } } } }",
                   lambda t, u: {"ids": [t.warehouse]}, "private"),
    "stock": ("query($id:ID!){ stock(id:$id){ id } }", lambda t, u: {"id": t.stock}, "private"),
    "stocks": ("query{ stocks(first:100){ edges{ node{ id } } } }", lambda t, u: {}, "private"),
    "productUpdate": ("mutation($id:ID!,$d:String){ productUpdate(id:$id, input:{description:$d}){ "
                      "productErrors{ code } } }", lambda t, u: {"id": t.product, "d": f"maj {u}"}, M),
    # The deprecated 2.10 metadata mutations take a namespace and a client name.
    **{name: (f"mutation($id:ID!,$k:String!){{ {name}(id:$id, input:{{namespace:\"p16\", "
              f"clientName:\"matrice\", key:$k{value}}}){{ productErrors{{ code }} }} }}",
              (lambda t, u: {"id": t.product, "k": f"k{u}"}) if name.startswith("productU")
              or name.startswith("productC") else (lambda t, u: {"id": t.variant, "k": f"k{u}"}), M)
       for name, value in (
           ("productUpdateMetadata", ", value:\"1\""), ("productUpdatePrivateMetadata", ", value:\"1\""),
           ("productClearMetadata", ""), ("productClearPrivateMetadata", ""),
           ("productVariantUpdateMetadata", ", value:\"1\""),
           ("productVariantUpdatePrivateMetadata", ", value:\"1\""),
           ("productVariantClearMetadata", ""), ("productVariantClearPrivateMetadata", ""))},
    "deleteMetadata": ("mutation($id:ID!,$k:String!){ deleteMetadata(id:$id, keys:[$k]){ "
                       "metadataErrors{ code } } }", lambda t, u: {"id": t.product, "k": f"k{u}"}, M),
    "deletePrivateMetadata": ("mutation($id:ID!,$k:String!){ deletePrivateMetadata(id:$id, keys:[$k]){ "
                              "metadataErrors{ code } } }", lambda t, u: {"id": t.variant, "k": f"k{u}"}, M),
    "updateMetadata": ("mutation($id:ID!,$k:String!){ updateMetadata(id:$id, input:[{key:$k, value:\"1\"}]){ "
                       "metadataErrors{ code } } }", lambda t, u: {"id": t.variant, "k": f"k{u}"}, M),
    "updatePrivateMetadata": ("mutation($id:ID!,$k:String!){ updatePrivateMetadata(id:$id, "
                              "input:[{key:$k, value:\"1\"}]){ metadataErrors{ code } } }",
                              lambda t, u: {"id": t.product, "k": f"k{u}"}, M),
    "productBulkPublish": ("mutation($ids:[ID]!){ productBulkPublish(ids:$ids, isPublished:true){ "
                           "productErrors{ code } } }", lambda t, u: {"ids": [t.product]}, M),
    "productVariantUpdate": ("mutation($id:ID!,$s:String){ productVariantUpdate(id:$id, input:{sku:$s}){ "
                             "productErrors{ code } } }", lambda t, u: {"id": t.variant, "s": f"sku-{u}"}, M),
    "productVariantStocksUpdate": (
        "mutation($v:ID!,$w:ID!){ productVariantStocksUpdate(variantId:$v, stocks:[{warehouse:$w, "
        "quantity:42}]){ bulkStockErrors{ code } } }", lambda t, u: {"v": t.variant, "w": t.warehouse}, M),
    "productCreate": (
        "mutation($t:ID!,$w:ID!,$n:String!){ productCreate(input:{productType:$t, name:$n, basePrice:3, "
        "sku:$n, stocks:[{warehouse:$w, quantity:3}]}){ product{ id merchant{ slug } } productErrors{ code } } }",
        lambda t, u: {"t": _product_type(t), "w": t.warehouse, "n": f"essai-{u}"}, M),
    "productVariantCreate": (
        "mutation($p:ID!,$w:ID!,$s:String!){ productVariantCreate(input:{product:$p, sku:$s, attributes:[], "
        "stocks:[{warehouse:$w, quantity:1}]}){ productErrors{ code message } } }",
        lambda t, u: {"p": t.product, "w": t.warehouse, "s": f"v-{u}"}, M),
    "productBulkDelete": ("mutation($ids:[ID]!){ productBulkDelete(ids:$ids){ productErrors{ code } } }",
                          lambda t, u: {"ids": [_fresh_product(t, u)]}, M),
    "productDelete": ("mutation($id:ID!){ productDelete(id:$id){ productErrors{ code } } }",
                      lambda t, u: {"id": _fresh_product(t, u)}, M),
    "productVariantDelete": ("mutation($id:ID!){ productVariantDelete(id:$id){ productErrors{ code } } }",
                             lambda t, u: {"id": _fresh_variant(t, u)}, M),
    "productVariantBulkDelete": ("mutation($ids:[ID]!){ productVariantBulkDelete(ids:$ids){ "
                                 "productErrors{ code } } }", lambda t, u: {"ids": [_fresh_variant(t, u)]}, M),
    "productVariantBulkCreate": (
        "mutation($p:ID!,$w:ID!,$s:String!){ productVariantBulkCreate(product:$p, variants:[{sku:$s, "
        "attributes:[], stocks:[{warehouse:$w, quantity:2}]}]){ bulkProductErrors{ code } } }",
        # On a product without variants: stock Saleor refuses a second attribute-less variant.
        lambda t, u: {"p": _product_without_variants(t, u), "w": t.warehouse, "s": f"vb-{u}"}, M),
    "productVariantStocksCreate": (
        "mutation($v:ID!,$w:ID!){ productVariantStocksCreate(variantId:$v, stocks:[{warehouse:$w, "
        "quantity:5}]){ bulkStockErrors{ code } } }",
        lambda t, u: {"v": _fresh_variant(t, u, stocked=False), "w": t.warehouse}, M),
    "productVariantStocksDelete": (
        "mutation($v:ID!,$w:ID!){ productVariantStocksDelete(variantId:$v, warehouseIds:[$w]){ "
        "stockErrors{ code } } }", lambda t, u: {"v": _fresh_variant(t, u), "w": t.warehouse}, M),
    "productImageCreate": ("mutation($p:ID!,$f:Upload!){ productImageCreate(input:{product:$p, image:$f}){ "
                           "image{ id } productErrors{ code } } }", lambda t, u: {"p": t.product}, M),
    "productImageUpdate": ("mutation($id:ID!,$a:String){ productImageUpdate(id:$id, input:{alt:$a}){ "
                           "productErrors{ code } } }", lambda t, u: {"id": _fresh_image(t), "a": u}, M),
    "productImageDelete": ("mutation($id:ID!){ productImageDelete(id:$id){ productErrors{ code } } }",
                           lambda t, u: {"id": _fresh_image(t)}, M),
    "productImageBulkDelete": ("mutation($ids:[ID]!){ productImageBulkDelete(ids:$ids){ productErrors{ code } } }",
                               lambda t, u: {"ids": [_fresh_image(t)]}, M),
    "productImageReorder": ("mutation($p:ID!,$i:[ID]!){ productImageReorder(productId:$p, imagesIds:$i){ "
                            "productErrors{ code } } }", lambda t, u: _reorder_args(t, u), M),
    "variantImageAssign": ("mutation($i:ID!,$v:ID!){ variantImageAssign(imageId:$i, variantId:$v){ "
                           "productErrors{ code } } }", lambda t, u: {"i": _fresh_image(t), "v": t.variant}, M),
    "variantImageUnassign": ("mutation($i:ID!,$v:ID!){ variantImageUnassign(imageId:$i, variantId:$v){ "
                             "productErrors{ code } } }",
                             lambda t, u: {"i": _fresh_image(t, assigned=True), "v": t.variant}, M),
    "updateWarehouse": ("mutation($id:ID!,$e:String){ updateWarehouse(id:$id, input:{email:$e}){ "
                        "warehouseErrors{ code } } }", lambda t, u: {"id": t.warehouse, "e": t.merchant.email}, M),
    "merchantUpdate": ("mutation($id:ID!,$d:String){ merchantUpdate(id:$id, input:{description:$d}){ "
                       "merchantErrors{ field code } } }", lambda t, u: {"id": t.merchant_id, "d": f"maj {u}"}, M),
    "merchantCreate": ("mutation{ merchantCreate(input:{name:\"X\"}){ merchantErrors{ code } } }",
                       lambda t, u: {}, "operator"),
    "createWarehouse": ("mutation{ createWarehouse(input:{name:\"X\", address:{streetAddress1:\"1 rue\", "
                        "city:\"PARIS\", postalCode:\"75016\", country:FR}}){ warehouseErrors{ code } } }",
                        lambda t, u: {}, "operator"),
    "deleteWarehouse": ("mutation($id:ID!){ deleteWarehouse(id:$id){ warehouseErrors{ code } } }",
                        lambda t, u: {"id": t.warehouse}, "operator"),
    "orders": ("query{ orders(first:5){ edges{ node{ id } } } }", lambda t, u: {}, "shop"),
    "draftOrders": ("query{ draftOrders(first:5){ edges{ node{ id } } } }", lambda t, u: {}, "shop"),
    "customers": ("query{ customers(first:5){ edges{ node{ email } } } }", lambda t, u: {}, "shop"),
    "staffUsers": ("query{ staffUsers(first:5){ edges{ node{ email } } } }", lambda t, u: {}, "operator"),
    "reportProductSales": ("query{ reportProductSales(period:TODAY, first:5){ edges{ node{ id } } } }",
                           lambda t, u: {}, "shop"),
    "productTypeCreate": ("mutation{ productTypeCreate(input:{name:\"X\"}){ productErrors{ code } } }",
                          lambda t, u: {}, "operator"),
    "categoryCreate": ("mutation{ categoryCreate(input:{name:\"X\"}){ productErrors{ code } } }",
                       lambda t, u: {}, "operator"),
}


def _product_type(shop):
    from saleor.product.models import Product

    return to_global_id("ProductType", Product.objects.get(pk=shop.product_pk).product_type_id)


def _fresh_product(shop, u):
    """A throwaway product of the shop, created by its own shopkeeper over the API."""
    document, variables, _kind = OPERATIONS["productCreate"]
    created = shop.keeper().data(document, variables(shop, f"jetable-{u}"))["productCreate"]
    assert created["productErrors"] == [] and created["product"]["merchant"]["slug"] == shop.merchant.slug
    return created["product"]["id"]


VARIANT_CREATE = """mutation($p:ID!,$s:String!,$st:[StockInput!]){ productVariantCreate(input:{product:$p,
  sku:$s, attributes:[], stocks:$st}){ productVariant{ id } productErrors{ code message } } }"""


def _fresh_variant(shop, u, stocked=True):
    """A throwaway variant of the shop's product (with or without stock in its warehouse)."""
    stocks = [{"warehouse": shop.warehouse, "quantity": 1}] if stocked else []
    created = shop.keeper().data(VARIANT_CREATE, {"p": shop.product, "s": f"jetable-{u}", "st": stocks})
    assert created["productVariantCreate"]["productErrors"] == [], created
    return created["productVariantCreate"]["productVariant"]["id"]


def _product_without_variants(shop, u):
    product = _fresh_product(shop, u)
    found = shop.keeper().data("query($id:ID!){ product(id:$id){ variants{ id } } }", {"id": product})
    for variant in found["product"]["variants"]:
        deleted = shop.keeper().data(OPERATIONS["productVariantDelete"][0], {"id": variant["id"]})
        assert deleted["productVariantDelete"]["productErrors"] == [], deleted
    return product


def _reorder_args(shop, u):
    """Stock Saleor reorders only the full list of a product's images: a fresh product's one."""
    product = _fresh_product(shop, u)
    return {"p": product, "i": [_fresh_image(shop, product=product)]}


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client, document, variables):
    """A GraphQL multipart request (the spec Saleor follows) sending a PNG as `$f`."""
    operations = {"query": document, "variables": {**variables, "f": None}}
    headers = {"Authorization": f"JWT {client.token}"} if client.token else {}
    response = client.session.post(
        client.url, headers=headers, timeout=60,
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("photo.png", _png(), "image/png")},
    )
    assert response.status_code in (200, 400), response.text[:500]
    return response.json()


def _fresh_image(shop, assigned=False, product=None):
    """A throwaway image of the shop's product, uploaded by its own shopkeeper."""
    document, _variables, _kind = OPERATIONS["productImageCreate"]
    body = upload(shop.keeper(), document, {"p": product or shop.product})
    assert not body.get("errors") and body["data"]["productImageCreate"]["productErrors"] == [], body
    image = body["data"]["productImageCreate"]["image"]["id"]
    if assigned:
        document, _variables, _kind = OPERATIONS["variantImageAssign"]
        assigned = shop.keeper().data(document, {"i": image, "v": shop.variant})["variantImageAssign"]
        assert assigned["productErrors"] == [], assigned
    return image


# What a catalogue row must find (default: the value of its first variable).
WANTED = {"products": lambda t: t.product}


def _denied(body, field):
    errors = body.get("errors") or []
    return (body.get("data") or {}).get(field) is None and any(DENIED in e["message"] for e in errors)


def refused_in_payload(body, field):
    """A shopkeeper's refused mutation: NOT_FOUND in its own payload (the dashboard shows it)."""
    if body.get("errors") or not (body.get("data") or {}).get(field):
        return False
    payload = body["data"][field]
    codes = {e.get("code") for key, value in payload.items() if key.endswith("rrors") for e in value or []}
    return codes == {"NOT_FOUND"}


def _payload_ok(body, field):
    if body.get("errors"):
        return False
    payload = body["data"][field]
    return all(not value for key, value in payload.items() if key.endswith("rrors"))


def _found(body, field, wanted):
    return not body.get("errors") and wanted in str(body["data"][field])


CELLS = [(name, role) for name in OPERATIONS for role in ("own", "foreign", "anonymous", "customer")]


@pytest.mark.parametrize("name, role", CELLS)
def test_matrix(site_server, shops, clients, name, role):
    own, foreign = shops
    document, variables, kind = OPERATIONS[name]
    target = foreign if role == "foreign" else own
    u = uuid.uuid4().hex[:8]
    args = variables(target, u)
    before_foreign, before_own = foreign.state(), own.state()
    client = clients["shopkeeper" if role in ("own", "foreign") else role]
    body = upload(client, document, args) if "Upload!" in document else client.execute(document, args)
    field = name
    wanted = next(iter(args.values()), None) if args else None
    wanted = wanted[0] if isinstance(wanted, list) else wanted
    if name in WANTED:
        wanted = WANTED[name](target)

    if kind == "operator" and role in ("own", "foreign") and document.startswith("mutation"):
        assert refused_in_payload(body, field), body
    elif kind == "operator":
        assert _denied(body, field), body
    elif kind == "shop" and role in ("own", "foreign"):
        assert not body.get("errors"), body
        if name in ("customers", "draftOrders"):
            assert body["data"][field]["edges"] == [], body
    elif kind == "shop":
        assert _denied(body, field), body
    elif kind == M and role == "own":
        assert _payload_ok(body, field), body
        if name == "productCreate":  # owned by the creator's shop, visible to it
            assert body["data"][field]["product"]["merchant"]["slug"] == own.merchant.slug, body
    elif kind == M and role == "foreign":
        assert refused_in_payload(body, field), body
    elif kind == M:
        assert _denied(body, field), body
    elif kind == "private" and role == "own":
        assert _found(body, field, wanted or own.stock), body
    elif kind == "private" and role == "foreign":
        assert not body.get("errors") and (wanted or foreign.stock) not in str(body["data"][field]), body
    elif kind == "private":
        assert _denied(body, field), body
    elif kind == "catalogue" and role in ("own", "anonymous", "customer"):
        assert _found(body, field, wanted or own.merchant_id), body
    else:  # catalogue, foreign shop's object asked by a shopkeeper
        assert not body.get("errors")
        if name in ("merchant", "merchants"):  # public shop pages stay visible
            assert "siret" not in str(body["data"][field]) or "None" in str(body["data"][field])
        else:
            assert (wanted or "") not in str(body["data"][field]), body
    if role != "own" or kind in ("operator", "shop"):
        assert foreign.state() == before_foreign and own.state() == before_own, "something changed"


# --- Every root field is classified ------------------------------------------------

# Root fields that never return or change a shop's data, with the reason.
NOT_MERCHANT_DATA = {
    **{name: "authentication or the caller's own account" for name in (
        "tokenCreate", "tokenRefresh", "tokenVerify", "passwordChange", "requestPasswordReset",
        "setPassword", "accountUpdate", "accountRegister", "accountDelete", "accountRequestDeletion",
        "accountAddressCreate", "accountAddressUpdate", "accountAddressDelete",
        "accountSetDefaultAddress", "accountUpdateMeta", "confirmAccount", "confirmEmailChange",
        "requestEmailChange", "userAvatarUpdate", "userAvatarDelete", "me")},
    **{name: "resident basket and payment (closed shops refused, tests/integration checkout)"
       for name in ("checkout", "checkoutLine", "checkoutLines", "checkouts", "checkoutAddPromoCode",
                    "checkoutBillingAddressUpdate", "checkoutClearMetadata", "checkoutClearPrivateMetadata",
                    "checkoutComplete", "checkoutCreate", "checkoutCustomerAttach", "checkoutCustomerDetach",
                    "checkoutEmailUpdate", "checkoutLineDelete", "checkoutLinesAdd", "checkoutLinesUpdate",
                    "checkoutPaymentCreate", "checkoutRemovePromoCode", "checkoutShippingAddressUpdate",
                    "checkoutShippingMethodUpdate", "checkoutUpdateMetadata", "checkoutUpdatePrivateMetadata",
                    "checkoutDeliverySlotUpdate", "deliveryZoneCheck", "deliverySlots",
                    "paymentSecureConfirm", "orderByToken")},
    **{name: "public shop-wide data, no shop's own data"
       for name in ("shop", "addressValidationRules", "taxTypes", "_service", "webhookEvents",
                    "webhookSamplePayload", "menu", "menus", "menuItem", "menuItems", "page", "pages",
                    "categories", "category", "collections", "collection", "productTypes",
                    "productType", "attributes", "attribute")},
}
# Everything else must be denied to shopkeepers by the policy (checked below), and the
# rows above show that denial answering like stock Saleor's permission error.


def test_every_root_field_is_classified():
    from plugins.local_merchants.isolation import policy
    from saleor_config.schema import schema

    unclassified = []
    for operation, root in (("query", schema.get_query_type()), ("mutation", schema.get_mutation_type())):
        for name in root.fields:
            if name in OPERATIONS or name in NOT_MERCHANT_DATA:
                continue
            if (operation, name) in policy.SHOPKEEPER_RULES:
                unclassified.append(name)  # a shopkeeper may use it: it needs its matrix row
    covered_elsewhere = {
        # Orders and money: rows in the orders/money engineer's tests (order_scope).
        "merchantOrders", "merchantOrderMarkReady", "merchantOrderMarkCollected", "merchantSettlements",
        # The stock dashboard's order and home pages, answered with the shop's part:
        # tests/integration/dashboard/ and tests/live/test_dashboard_pages.py.
        "order", "ordersTotal", "homepageEvents", "orderFulfill",
        # Search suggestions: the product and shop scopes, tests/integration/search.
        "searchSuggestions",
    }
    assert sorted(set(unclassified) - covered_elsewhere) == []


def test_shopkeeper_is_denied_every_unlisted_field(site_server, clients):
    """Deny by default: each root field outside the allow-list answers the permission error."""
    from plugins.local_merchants.isolation import policy
    from saleor_config.schema import schema

    denied = [name for name in schema.get_mutation_type().fields
              if ("mutation", name) not in policy.SHOPKEEPER_RULES and name not in NOT_MERCHANT_DATA]
    assert len(denied) > 150
    for name in ("staffCreate", "permissionGroupUpdate", "pluginUpdate", "voucherCreate", "orderCancel",
                 "giftCardCreate", "shopSettingsUpdate", "webhookCreate", "appCreate", "collectionAddProducts"):
        assert name in denied
