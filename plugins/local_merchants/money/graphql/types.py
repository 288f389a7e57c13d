import graphene
from prices import Money as Amount
from saleor.graphql.core.types import Money

MERCHANT = "plugins.local_merchants.graphql.types.Merchant"


class MerchantSettlement(graphene.ObjectType):
    """Root: money.graphql.types.SettlementRow."""

    merchant = graphene.Field(
        MERCHANT, description="La boutique ; null pour les produits vendus par l'opérateur."
    )
    sales = graphene.Field(Money, required=True, description="Ventes TTC, avant remise.")
    discount = graphene.Field(Money, required=True, description="Part de la remise sur commande.")
    commission_base = graphene.Field(
        Money, required=True, description="Base de la commission : ventes TTC après remise."
    )
    commission = graphene.Field(Money, required=True, description="Commission de la plateforme.")
    net_due = graphene.Field(Money, required=True, description="Net dû à la boutique.")
    order_count = graphene.Int(required=True, description="Nombre de commandes.")

    class Meta:
        description = "Ventes d'une boutique, commission de la plateforme et net dû."


class SettlementRow:
    def __init__(self, merchant, settlement, currency: str):
        self.merchant = merchant
        self.sales = Amount(settlement.sales, currency)
        self.discount = Amount(settlement.discount, currency)
        self.commission_base = Amount(settlement.base, currency)
        self.commission = Amount(settlement.commission, currency)
        self.net_due = Amount(settlement.net_due, currency)
        self.order_count = settlement.orders
