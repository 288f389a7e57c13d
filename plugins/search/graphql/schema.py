"""Search additions: `products` and `merchants` ranked by relevance for a search (the
latter with its `search` filter), `searchSuggestions`."""
import graphene
from saleor.graphql.product.enums import StockAvailability
from saleor.graphql.product.filters import ProductFilterInput
from saleor.graphql.product.sorters import ProductOrder
from saleor.graphql.product.types import Product
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.product.models import Product as ProductModel

from plugins.local_merchants.public import MerchantType, visible_merchants

from ..suggestions import MAX_SUGGESTIONS, suggest
from .fields import RankedMerchantsField, RankedProductsField
from .filters import MerchantFilterInput
from .types import SearchSuggestion


class SearchQueries(graphene.ObjectType):
    # Stock's field and arguments; only the order of a search without sortBy changes.
    products = RankedProductsField(
        Product,
        filter=ProductFilterInput(description="Filtering options for products."),
        sort_by=ProductOrder(description="Sort products."),
        stock_availability=graphene.Argument(
            StockAvailability,
            description=(
                "[Deprecated] Filter products by stock availability. Use the `filter` "
                "field instead. This field will be removed after 2020-07-31."
            ),
        ),
        description=(
            "List of the shop's products. With a search and no sortBy: most relevant first."
        ),
    )
    # local_merchants' field (its resolver: the shops the policy lets through), searchable.
    merchants = RankedMerchantsField(
        MerchantType, filter=MerchantFilterInput(),
        description="Shops of the district. With a search: most relevant first.",
    )
    search_suggestions = graphene.List(
        graphene.NonNull(SearchSuggestion), required=True,
        query=graphene.String(required=True),
        first=graphene.Int(default_value=MAX_SUGGESTIONS),
        description="Suggestions pendant la saisie : boutiques, puis noms de produits.",
    )

    def resolve_search_suggestions(self, info, query, first=MAX_SUGGESTIONS):
        user = get_user_or_app_from_context(info.context)
        return suggest(query, first, ProductModel.objects.visible_to_user(user), visible_merchants(info))
