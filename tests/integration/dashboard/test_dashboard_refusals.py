"""Refusals the dashboard shows: NOT_FOUND in the mutation's payload, never half applied."""
from tests.integration.api import gid
from tests.recorded_dashboard import document

from .conftest import shopkeeper_email

SAVE = document("simpleProductUpdateMutation")


def _save_variables(variant, name, add_stocks):
    return {
        "id": gid(variant.product), "name": name, "chargeTaxes": True, "isPublished": False,
        "basePrice": "10.00", "collections": [], "attributes": [], "descriptionJson": "{}",
        "productVariantId": gid(variant), "productVariantInput": {"sku": variant.sku, "trackInventory": True},
        "addStocks": add_stocks, "deleteStocks": [], "updateStocks": [],
    }


def test_a_save_touching_another_shops_warehouse_is_refused_whole(api, keepers):
    (merchant_1, variant_1), (merchant_2, _), _ = keepers
    keeper = api.login(shopkeeper_email(merchant_1))
    body = keeper.execute(SAVE, _save_variables(
        variant_1, "Pain renommé", [{"warehouse": gid(merchant_2.warehouse), "quantity": 5}]))
    assert not body.get("errors"), body  # nothing top-level: the dashboard shows payload errors
    data = body["data"]
    assert [e["code"] for e in data["productVariantStocksCreate"]["errors"]] == ["NOT_FOUND"]
    for field in ("productUpdate", "productVariantUpdate", "productVariantStocksDelete",
                  "productVariantStocksUpdate"):
        assert [e["code"] for e in data[field]["errors"]] == ["NOT_FOUND"], field
    variant_1.product.refresh_from_db()
    assert variant_1.product.name == "Pain de la boutique 1"  # nothing half applied
    assert not merchant_2.warehouse.stock_set.filter(product_variant=variant_1).exists()


def test_the_same_save_of_own_objects_goes_through(api, keepers):
    (merchant_1, variant_1), _, _ = keepers
    body = api.login(shopkeeper_email(merchant_1)).execute(SAVE, _save_variables(variant_1, "Pain renommé", []))
    assert not body.get("errors"), body
    assert {f: p["errors"] for f, p in body["data"].items() if p["errors"]} == {}
    variant_1.product.refresh_from_db()
    assert variant_1.product.name == "Pain renommé"


def test_renaming_a_shared_category_or_product_type_answers_in_the_payload(api, keepers):
    (merchant_1, variant_1), _, _ = keepers
    keeper = api.login(shopkeeper_email(merchant_1))
    category = variant_1.product.category
    body = keeper.execute(document("categoryUpdateMutation"), {"id": gid(category), "input": {"name": "Volé"}})
    assert not body.get("errors"), body
    assert [e["code"] for e in body["data"]["categoryUpdate"]["errors"]] == ["NOT_FOUND"]
    body = keeper.execute(document("productTypeUpdateMutation"),
                          {"id": gid(variant_1.product.product_type), "input": {"name": "Volé"}})
    assert not body.get("errors"), body
    assert body["data"]["productTypeUpdate"]["errors"][0]["message"].startswith("Introuvable")
    category.refresh_from_db()
    variant_1.product.product_type.refresh_from_db()
    assert category.name == "Alimentation" and variant_1.product.product_type.name == "Épicerie"


def test_deleting_another_shops_product_is_not_found(api, keepers):
    (merchant_1, _), (_, variant_2), _ = keepers
    body = api.login(shopkeeper_email(merchant_1)).execute(
        document("productDeleteMutation"), {"id": gid(variant_2.product)})
    assert not body.get("errors"), body
    assert [e["code"] for e in body["data"]["productDelete"]["errors"]] == ["NOT_FOUND"]
    variant_2.product.refresh_from_db()


def test_an_aliased_second_mutation_cannot_slip_through(api, keepers):
    """Attacker's variant: the refused mutation hidden behind an alias after an allowed one."""
    (merchant_1, variant_1), (_, variant_2), _ = keepers
    body = api.login(shopkeeper_email(merchant_1)).execute(
        """mutation($own: ID!, $other: ID!) {
             ok: productUpdate(id: $own, input: {name: "Changé"}) { productErrors { code } }
             evil: productUpdate(id: $other, input: {name: "Piraté"}) { productErrors { code } } }""",
        {"own": gid(variant_1.product), "other": gid(variant_2.product)})
    assert not body.get("errors"), body
    assert body["data"]["ok"]["productErrors"][0]["code"] == "NOT_FOUND"
    assert body["data"]["evil"]["productErrors"][0]["code"] == "NOT_FOUND"
    variant_1.product.refresh_from_db()
    variant_2.product.refresh_from_db()
    assert variant_1.product.name == "Pain de la boutique 1"
    assert variant_2.product.name == "Pain de la boutique 2"


def test_every_mutation_can_answer_a_refusal_in_its_payload():
    """No mutation of the schema falls back to a top-level error for a shopkeeper, but the
    authentication ones, which a shopkeeper may always use."""
    from plugins.local_merchants.isolation import policy, refusals
    from saleor_config.schema import schema

    without = []
    for name, field in schema.get_mutation_type().fields.items():
        mutation = getattr(field.type, "graphene_type", None)
        if hasattr(mutation, "handle_errors") and hasattr(mutation._meta, "error_type_class"):
            if refusals.refusal_code(mutation) is None:
                without.append(name)
        elif ("mutation", name) not in policy.SHOPKEEPER_RULES:
            without.append(name)
    assert without == []
