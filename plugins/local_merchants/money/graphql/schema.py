"""Sales, commission and net due per shop: per order (MerchantOrder.settlement) and per period."""
import graphene
from saleor.graphql.core.types.common import DateRangeInput

from plugins.kernel.graphql import extend_type

from ...orders.graphql.types import MerchantOrder
from .resolvers import resolve_merchant_settlements, resolve_part_settlement
from .types import MerchantSettlement

extend_type(
    MerchantOrder,
    settlement=graphene.Field(
        MerchantSettlement,
        required=True,
        description="Ce que la boutique a vendu dans cette commande, la commission et le net dû.",
        resolver=resolve_part_settlement,
    ),
)


class MerchantSettlementQueries(graphene.ObjectType):
    merchant_settlements = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(MerchantSettlement))),
        period=graphene.Argument(
            DateRangeInput,
            required=True,
            description="Jours de paiement des commandes (heure de Paris), bornes incluses.",
        ),
        merchant=graphene.Argument(graphene.ID, description="Une seule boutique (opérateur)."),
        description=(
            "Ventes, commission et net dû par boutique sur une période : toutes les boutiques "
            "pour l'opérateur, la sienne pour un commerçant."
        ),
    )

    def resolve_merchant_settlements(self, info, period, merchant=None):
        return resolve_merchant_settlements(info, period, merchant)
