import copy

import graphene
from saleor.graphql.account.types import Address
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.scalars import Decimal
from saleor.graphql.core.fields import PrefetchingConnectionField
from saleor.graphql.core.types.common import Error
from saleor.graphql.product.types import Product

from plugins.kernel.trades import MerchantTrade

from .. import models
from ..isolation import policy
from ..isolation.actors import actor_of_request
from ..isolation.querysets import scope_merchants
from . import resolvers
from .dataloaders import AddressByIdLoader, OpeningHoursByMerchantIdLoader
from .enums import MerchantErrorCodeEnum, MerchantTradeEnum


class OpeningHours(graphene.ObjectType):
    weekday = graphene.Int(required=True, description="0 = lundi … 6 = dimanche.")
    opens = graphene.String(required=True, description="Heure d'ouverture, HH:MM.")
    closes = graphene.String(required=True, description="Heure de fermeture, HH:MM.")

    @staticmethod
    def resolve_opens(root: models.OpeningHours, _info):
        return f"{root.opens:%H:%M}"

    @staticmethod
    def resolve_closes(root: models.OpeningHours, _info):
        return f"{root.closes:%H:%M}"


def _without_phone(address):
    if address is None:
        return None
    public = copy.copy(address)  # never saved: the stored address keeps its phone
    public.phone = ""
    return public


class Merchant(CountableDjangoObjectType):
    trade = MerchantTradeEnum(required=True)
    trade_label = graphene.String(required=True, description="Le métier, en français.")
    address = graphene.Field(Address, required=True)
    opening_hours = graphene.List(graphene.NonNull(OpeningHours), required=True)
    products = PrefetchingConnectionField(Product, description="Products of the shop.")
    # Private to the operator and the shop's own shopkeepers (null for anyone else).
    siret = graphene.String()
    email = graphene.String()
    phone = graphene.String()
    commission_rate = Decimal(description="Platform commission, 0.1 = 10 %.")

    class Meta:
        description = "A shop of the district."
        model = models.Merchant
        interfaces = [graphene.relay.Node]
        only_fields = ["id", "name", "slug", "description", "is_active", "click_and_collect"]

    @classmethod
    def get_node(cls, info, pk):
        scope = policy.merchant_scope(actor_of_request(info.context))
        return scope_merchants(models.Merchant.objects.filter(pk=pk), scope).first()

    @staticmethod
    def resolve_trade_label(root: models.Merchant, _info):
        return MerchantTrade(root.trade).label

    @classmethod
    def resolve_address(cls, root: models.Merchant, info):
        address = AddressByIdLoader(info.context).load(root.address_id)
        if policy.may_read_merchant_private(actor_of_request(info.context), root.pk):
            return address
        # The street is public; the phone on it is the shop's private contact, like `phone`.
        return address.then(_without_phone)

    @staticmethod
    def resolve_opening_hours(root: models.Merchant, info):
        return OpeningHoursByMerchantIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_products(root: models.Merchant, info, **_kwargs):
        return resolvers.resolve_merchant_products(info, root)

    @staticmethod
    def _private(root, info, value):
        who = actor_of_request(info.context)
        return value if policy.may_read_merchant_private(who, root.pk) else None

    @classmethod
    def resolve_siret(cls, root, info):
        return cls._private(root, info, root.siret)

    @classmethod
    def resolve_email(cls, root, info):
        return cls._private(root, info, root.email)

    @classmethod
    def resolve_phone(cls, root, info):
        return cls._private(root, info, root.phone)

    @classmethod
    def resolve_commission_rate(cls, root, info):
        return cls._private(root, info, root.commission_rate)


class MerchantError(Error):
    code = MerchantErrorCodeEnum(description="The error code.", required=True)
