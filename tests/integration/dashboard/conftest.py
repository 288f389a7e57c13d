"""The dashboard's recorded requests, run in-process against three shops and an order."""
import pytest

from tests.integration.local_merchants_orders.conftest import (  # noqa: F401  (fixtures)
    OPERATOR as OPERATOR_EMAIL,
    api,
    place_order,
    shopkeeper_email,
    shops,
)


@pytest.fixture
def keepers(shops):
    """The shops' staff get the permissions onboarding gives a shop's group."""
    from plugins.local_merchants.models import MerchantStaff
    from plugins.local_merchants.onboarding import SHOPKEEPER_PERMISSIONS
    from saleor.core.permissions import get_permissions

    permissions = list(get_permissions([p.value for p in SHOPKEEPER_PERMISSIONS]))
    for staff in MerchantStaff.objects.select_related("user"):
        staff.user.user_permissions.add(*permissions)
    return shops


@pytest.fixture
def two_shop_order(keepers):
    """A paid order with a line of shop 1 and two of shop 2 (shop 2's product twice)."""
    (_, variant_1), (_, variant_2), _ = keepers
    return place_order([(variant_1, 2), (variant_2, 3)])
