import graphene

from plugins.local_merchants.graphql.types import Merchant


class SearchSuggestionKind(graphene.Enum):
    PRODUCT = "PRODUCT"
    MERCHANT = "MERCHANT"


class SearchSuggestion(graphene.ObjectType):
    kind = SearchSuggestionKind(required=True)
    text = graphene.String(required=True, description="Ce qu'on propose de chercher.")
    merchant = graphene.Field(Merchant, description="La boutique, pour une suggestion de boutique.")
