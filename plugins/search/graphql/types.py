import graphene

from plugins.local_merchants.public import MerchantType


class SearchSuggestionKind(graphene.Enum):
    PRODUCT = "PRODUCT"
    MERCHANT = "MERCHANT"


class SearchSuggestion(graphene.ObjectType):
    kind = SearchSuggestionKind(required=True)
    text = graphene.String(required=True, description="Ce qu'on propose de chercher.")
    merchant = graphene.Field(MerchantType, description="La boutique, pour une suggestion de boutique.")
