"""GraphQL types of the per-shop parts. The customer's home address is never reachable here."""
import graphene
from graphql_jwt.exceptions import PermissionDenied
from saleor.graphql.checkout.types import CheckoutLine
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import TaxedMoney
from saleor.graphql.core.types.common import Error
from saleor.graphql.order.types import OrderLine

from ...isolation.actors import actor_of_request
from .. import models
from ..scoping import visible_parts
from .enums import MerchantOrderErrorCode, MerchantOrderStatusEnum

MERCHANT = "plugins.local_merchants.graphql.types.Merchant"


def _part_lines(part):
    return [link.order_line for link in part.line_links.all()]


class MerchantOrder(CountableDjangoObjectType):
    number = graphene.String(required=True, description="Numéro de la commande.")
    merchant = graphene.Field(MERCHANT, description="La boutique ; null pour les produits de l'opérateur.")
    status = graphene.Field(MerchantOrderStatusEnum, required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    customer_first_name = graphene.String(
        description="Prénom du client, pour le retrait en boutique seulement."
    )

    class Meta:
        description = "La part d'une commande qu'une boutique prépare."
        model = models.MerchantOrder
        interfaces = [graphene.relay.Node]
        only_fields = ["id", "is_click_and_collect", "pickup_at", "ready_at", "paid_at", "created_at"]

    @classmethod
    def get_node(cls, info, pk):
        try:
            parts = visible_parts(actor_of_request(info.context))
        except PermissionDenied:
            return None  # like a missing object
        return parts.filter(pk=pk).first()

    @staticmethod
    def resolve_number(root: models.MerchantOrder, _info):
        return str(root.order_id)

    @staticmethod
    def resolve_lines(root: models.MerchantOrder, _info):
        return _part_lines(root)

    @staticmethod
    def resolve_customer_first_name(root: models.MerchantOrder, _info):
        # Click & collect only: the shop greets the resident; deliveries need no name.
        if not root.is_click_and_collect or root.order.billing_address is None:
            return None
        return root.order.billing_address.first_name


class OrderMerchantGroup(graphene.ObjectType):
    merchant = graphene.Field(MERCHANT, required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    status = graphene.Field(MerchantOrderStatusEnum, required=True)

    class Meta:
        description = "Les articles d'une commande venant d'une même boutique, et leur état."

    @staticmethod
    def resolve_lines(root: models.MerchantOrder, _info):
        return _part_lines(root)


class CheckoutMerchantGroup(graphene.ObjectType):
    merchant = graphene.Field(MERCHANT, required=True)
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True)
    subtotal = graphene.Field(TaxedMoney, required=True, description="Sous-total TTC de la boutique.")

    class Meta:
        description = "Les articles du panier venant d'une même boutique."


class MerchantOrderError(Error):
    code = MerchantOrderErrorCode(description="Le code de l'erreur.", required=True)
