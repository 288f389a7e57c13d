"""Onboarding a shop: everything one merchant needs to sell on the marketplace.

One service for the demo district loader and the operator's `merchantCreate` mutation:
the shop's address, its own Saleor warehouse (sellable wherever France is shipped to),
the Merchant row, opening hours, the shopkeeper's staff account and permission group.
All or nothing: it runs in one transaction.
"""
from decimal import Decimal
from enum import Enum
from typing import Iterable, Mapping, Optional, Tuple

from django.contrib.auth.models import Group
from django.db import transaction
from saleor.account.models import Address, User
from saleor.core.permissions import OrderPermissions, ProductPermissions, get_permissions
from saleor.shipping.models import ShippingZone
from saleor.warehouse.models import Warehouse

from plugins.kernel.trades import MerchantTrade

from .models import Merchant, MerchantStaff, OpeningHours

# What a shopkeeper does in the stock Dashboard: its catalogue and stock, its orders.
# The isolation policy narrows both to the shopkeeper's own shop.
SHOPKEEPER_PERMISSIONS = (ProductPermissions.MANAGE_PRODUCTS, OrderPermissions.MANAGE_ORDERS)
MERCHANT_COUNTRY = "FR"


class OnboardingErrorCode(str, Enum):
    SLUG_TAKEN = "SLUG_TAKEN"
    EMAIL_TAKEN = "EMAIL_TAKEN"


class OnboardingError(ValueError):
    def __init__(self, code: OnboardingErrorCode, field: str, message: str):
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message


@transaction.atomic
def create_merchant(
    *,
    name: str,
    slug: str,
    trade: MerchantTrade,
    email: str,
    siret: str,
    address: Mapping[str, str],
    phone: str = "",
    description: str = "",
    opening_hours: Iterable[Tuple] = (),
    click_and_collect: bool = True,
    commission_rate: Decimal = Decimal("0.10"),
    is_active: bool = True,
    shopkeeper_email: Optional[str] = None,
    shopkeeper_password: Optional[str] = None,
    shopkeeper_password_hash: Optional[str] = None,
) -> Merchant:
    """Create a shop with its warehouse, hours and shopkeeper; return the Merchant.

    `address` holds account.Address fields (street_address_1, postal_code, city,
    country...). `opening_hours` is (weekday, opens, closes) triples, 0 = Monday.
    The shopkeeper (default: the shop's e-mail) gets `shopkeeper_password`, or an
    already hashed one (`shopkeeper_password_hash`, so a loader of 1,500 shops hashes
    its demo password once), or an unusable password until it sets its own.
    Raises OnboardingError (nothing written) when the slug or the e-mail is taken.
    """
    shopkeeper_email = User.objects.normalize_email(shopkeeper_email or email)
    if Merchant.objects.filter(slug=slug).exists() or Warehouse.objects.filter(slug=slug).exists():
        raise OnboardingError(
            OnboardingErrorCode.SLUG_TAKEN, "slug",
            f"L'identifiant « {slug} » est déjà utilisé : choisissez-en un autre.",
        )
    if User.objects.filter(email__iexact=shopkeeper_email).exists():
        raise OnboardingError(
            OnboardingErrorCode.EMAIL_TAKEN, "email",
            f"Un compte existe déjà pour {shopkeeper_email} : indiquez une autre adresse e-mail.",
        )

    address_fields = {"company_name": name, "phone": phone.replace(" ", ""), **address}
    warehouse = Warehouse.objects.create(
        name=name,
        slug=slug,
        company_name=name,
        email=email,
        # Its own copy: deleting a warehouse deletes its address.
        address=Address.objects.create(**address_fields),
    )
    # Checkout sells a variant only from warehouses whose zones cover the buyer's country.
    warehouse.shipping_zones.add(
        *ShippingZone.objects.filter(countries__contains=MERCHANT_COUNTRY)
    )
    merchant = Merchant.objects.create(
        name=name,
        slug=slug,
        trade=MerchantTrade(trade).value,
        description=description,
        siret=siret,
        email=email,
        phone=phone,
        address=Address.objects.create(**address_fields),
        warehouse=warehouse,
        click_and_collect=click_and_collect,
        is_active=is_active,
        commission_rate=commission_rate,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(merchant=merchant, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in opening_hours
    )
    _create_shopkeeper(
        merchant, shopkeeper_email, shopkeeper_password, shopkeeper_password_hash
    )
    return merchant


def _create_shopkeeper(
    merchant: Merchant, email: str, password: Optional[str], password_hash: Optional[str]
) -> User:
    user = User(email=email, is_staff=True, is_active=True)
    if password_hash:
        user.password = password_hash
    elif password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    MerchantStaff.objects.create(user=user, merchant=merchant)
    user.groups.add(_shop_group(merchant))
    return user


def _shop_group(merchant: Merchant) -> Group:
    name = f"Boutique — {merchant.name}"
    if len(name) > 150 or Group.objects.filter(name=name).exists():
        name = f"Boutique — {merchant.slug}"[:150]
    group = Group.objects.create(name=name)
    group.permissions.add(
        *get_permissions([p.value for p in SHOPKEEPER_PERMISSIONS]).values_list("pk", flat=True)
    )
    return group
