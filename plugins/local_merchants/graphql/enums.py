import graphene

from plugins.kernel.trades import MerchantTrade

from ..error_codes import MerchantErrorCode

MerchantTradeEnum = graphene.Enum(
    "MerchantTrade", [(trade.name, trade.value) for trade in MerchantTrade],
    description="Trade of a shop.",
)
MerchantErrorCodeEnum = graphene.Enum.from_enum(MerchantErrorCode)
