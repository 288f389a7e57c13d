"""merchantCreate and merchantUpdate over real HTTP: the operator onboards a shop (its
shopkeeper invited by a French e-mail sent by the worker); bad input and shopkeepers
overstepping get a French message with a MerchantErrorCode, and nothing is written."""
import uuid

import pytest
from graphql_relay import to_global_id

pytestmark = [pytest.mark.live, pytest.mark.django_db]

OPERATOR = "admin@paris16.example"
CREATE = """mutation($input: MerchantCreateInput!){ merchantCreate(input: $input){
  merchant{ id slug isActive siret address{ postalCode } openingHours{ weekday opens closes } }
  merchantErrors{ field message code } } }"""
UPDATE = """mutation($id: ID!, $input: MerchantUpdateInput!){ merchantUpdate(id: $id, input: $input){
  merchant{ id description } merchantErrors{ field message code } } }"""


def new_shop(u, **changes):
    shop = {
        # "zz-": after the demo shops the security matrix picks by slug.
        "name": f"Fromagerie d'essai {u}", "slug": f"zz-essai-{u}", "trade": "CHEESE",
        "siret": "732 829 320 00074", "email": f"zz-essai-{u}@paris16.example",
        "address": {"streetAddress1": "20 rue de la Pompe", "postalCode": "75116",
                    "city": "PARIS", "country": "FR"},
        "openingHours": [{"weekday": 1, "opens": "09:00", "closes": "19:30"}],
    }
    shop.update(changes)
    return shop


def written():
    """What onboarding writes, counted in the database the live server uses."""
    from django.contrib.auth.models import Group
    from saleor.account.models import User
    from saleor.warehouse.models import Warehouse

    from plugins.local_merchants.models import Merchant

    return (Merchant.objects.count(), User.objects.count(), Warehouse.objects.count(),
            Group.objects.count())


def merchants_state():
    from plugins.local_merchants.models import Merchant

    return list(Merchant.objects.order_by("pk").values_list(
        "pk", "name", "slug", "description", "siret", "commission_rate", "is_active"))


@pytest.fixture(scope="module")
def operator(site_server):
    return site_server.login(OPERATOR)


def test_operator_onboards_a_shop_and_its_shopkeeper_is_invited(site_server, operator):
    from saleor.account.models import User
    from saleor.core.permissions import ProductPermissions

    from plugins.local_merchants.models import Merchant

    u = uuid.uuid4().hex[:8]
    created = operator.data(CREATE, {"input": new_shop(u)})["merchantCreate"]
    assert created["merchantErrors"] == []
    assert created["merchant"]["slug"] == f"zz-essai-{u}" and created["merchant"]["isActive"]
    assert created["merchant"]["siret"] == "73282932000074"
    assert created["merchant"]["openingHours"] == [{"weekday": 1, "opens": "09:00", "closes": "19:30"}]

    merchant = Merchant.objects.select_related("warehouse").get(slug=f"zz-essai-{u}")
    assert merchant.warehouse.slug == merchant.slug
    shopkeeper = User.objects.get(email=f"zz-essai-{u}@paris16.example")
    assert shopkeeper.is_staff and not shopkeeper.has_usable_password()
    assert shopkeeper.merchant_membership.merchant == merchant
    assert shopkeeper.has_perm(ProductPermissions.MANAGE_PRODUCTS.value)

    mail = site_server.wait_for_mail(lambda m: f"To: zz-essai-{u}@paris16.example" in m)
    assert "Paris 16 Shopping" in mail
    assert f"{site_server.url}/" in mail and "token=" in mail  # the set-password link


@pytest.mark.parametrize("changes, errors, french", [
    ({"siret": "73282932000075"}, [("siret", "INVALID_SIRET")], "clé de contrôle"),
    ({"siret": "7328293200007"}, [("siret", "INVALID_SIRET")], "14 chiffres"),
    ({"address": {"streetAddress1": "3 rue de Vaugirard", "postalCode": "75015", "city": "PARIS",
                  "country": "FR"}}, [("address", "OUTSIDE_DISTRICT")], "16e arrondissement"),
    ({"slug": "Pas Un Slug"}, [("slug", "INVALID")], "lettres minuscules"),
    ({"email": "pas-une-adresse"}, [("email", "INVALID")], "n'est pas valide"),
    ({"openingHours": [{"weekday": 1, "opens": "19:00", "closes": "09:00"}]},
     [("openingHours", "INVALID_OPENING_HOURS")], ""),
    ({"commissionRate": "1.5"}, [("commissionRate", "INVALID")], "entre 0 et 1"),
    ({"name": None, "slug": None, "trade": None, "siret": None, "email": None, "address": None},
     [("address", "REQUIRED"), ("email", "REQUIRED"), ("name", "REQUIRED"), ("siret", "REQUIRED"),
      ("slug", "REQUIRED"), ("trade", "REQUIRED")], "obligatoire"),
])
def test_bad_shop_is_refused_in_french_and_nothing_is_written(operator, changes, errors, french):
    u = uuid.uuid4().hex[:8]
    before = written()
    shop = {key: value for key, value in new_shop(u, **changes).items() if value is not None}
    answer = operator.data(CREATE, {"input": shop})["merchantCreate"]
    assert answer["merchant"] is None
    assert sorted((e["field"], e["code"]) for e in answer["merchantErrors"]) == errors
    assert all(french in e["message"] for e in answer["merchantErrors"])
    assert written() == before


def test_duplicate_slug_is_refused_and_the_existing_shop_untouched(operator):
    from plugins.local_merchants.models import Merchant

    taken = Merchant.objects.order_by("pk").first().slug
    before, shops = written(), merchants_state()
    answer = operator.data(CREATE, {"input": new_shop(uuid.uuid4().hex[:8], slug=taken)})
    errors = answer["merchantCreate"]["merchantErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [("slug", "UNIQUE")]
    assert f"« {taken} » est déjà utilisé" in errors[0]["message"]
    assert written() == before and merchants_state() == shops


@pytest.mark.parametrize("bad_id", [
    "bm9uLXZhbGlkZQ==",  # base64 of text with no type
    "%%%pas-du-base64",
    to_global_id("Product", 1),  # another type
    to_global_id("Merchant", 987654321),  # no such shop
])
def test_operator_update_with_unknown_forged_or_foreign_type_id(operator, bad_id):
    before = merchants_state()
    answer = operator.data(UPDATE, {"id": bad_id, "input": {"description": "jamais écrit"}})
    errors = answer["merchantUpdate"]["merchantErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "NOT_FOUND")]
    assert errors[0]["message"] == "Cette boutique n'existe pas : vérifiez son identifiant."
    assert merchants_state() == before


@pytest.fixture(scope="module")
def shopkeeper(site_server, django_db_blocker):
    from plugins.local_merchants.models import Merchant

    with django_db_blocker.unblock():
        merchant = Merchant.objects.filter(is_active=True).exclude(slug__startswith="zz-").order_by("-slug").first()
    return merchant, site_server.login(f"{merchant.slug}@paris16.example")


@pytest.mark.parametrize("changes, field", [
    ({"commissionRate": "0"}, "commissionRate"),
    ({"isActive": False}, "isActive"),
    ({"description": "Nouvelle description", "commissionRate": "0.01"}, "commissionRate"),
])
def test_shopkeeper_cannot_change_commission_or_activation(shopkeeper, changes, field):
    merchant, client = shopkeeper
    before = merchants_state()
    answer = client.data(UPDATE, {"id": to_global_id("Merchant", merchant.pk), "input": changes})
    errors = answer["merchantUpdate"]["merchantErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [(field, "PERMISSION_DENIED")]
    assert "Seul l'opérateur" in errors[0]["message"]
    assert merchants_state() == before


def test_shopkeeper_cannot_raise_their_own_permissions(shopkeeper):
    """Staff and permission-group mutations answer stock Saleor's permission error."""
    from django.contrib.auth.models import Group
    from saleor.account.models import User

    merchant, client = shopkeeper
    user = User.objects.get(email=f"{merchant.slug}@paris16.example")
    groups_before = sorted(user.groups.values_list("pk", flat=True))
    strongest = Group.objects.order_by("-pk").exclude(pk__in=groups_before).first()
    me = to_global_id("User", user.pk)
    attempts = [
        ("staffUpdate", "mutation($id:ID!,$g:ID!){ staffUpdate(id:$id, input:{addGroups:[$g], isActive:true}){ "
         "staffErrors{ code } } }", {"id": me, "g": to_global_id("Group", strongest.pk)}),
        ("permissionGroupUpdate", "mutation($g:ID!,$u:ID!){ permissionGroupUpdate(id:$g, "
         "input:{addUsers:[$u], addPermissions:[MANAGE_STAFF]}){ permissionGroupErrors{ code } } }",
         {"g": to_global_id("Group", groups_before[0]), "u": me}),
        ("permissionGroupCreate", "mutation($u:ID!){ permissionGroupCreate(input:{name:\"Tout\", "
         "addUsers:[$u], addPermissions:[MANAGE_STAFF, MANAGE_USERS]}){ permissionGroupErrors{ code } } }",
         {"u": me}),
    ]
    for field, document, variables in attempts:
        body = client.execute(document, variables)
        assert not body.get("errors"), body  # refused in the payload, which the dashboard shows
        errors = next(value for key, value in body["data"][field].items() if key.endswith("rrors"))
        assert [e["code"] for e in errors] in (["NOT_FOUND"], ["OUT_OF_SCOPE_PERMISSION"]), body
    user.refresh_from_db()
    assert sorted(user.groups.values_list("pk", flat=True)) == groups_before
    assert not user.is_superuser
    assert not user.has_perm("account.manage_staff")
