from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from saleor.data_feeds.urls import urlpatterns as feed_urls
from saleor.product.views import digital_product

from .graphql_view import GuardedGraphQLView
from .media import serve_media
from .schema import schema

urlpatterns = [
    path("graphql/", csrf_exempt(GuardedGraphQLView.as_view(schema=schema)), name="api"),
    # Stock Saleor routes: product feeds and digital downloads (linked from e-mails).
    path("feeds/", include((feed_urls, "data_feeds"), namespace="data_feeds")),
    re_path(
        r"^digital-download/(?P<token>[0-9A-Za-z_\-]+)/$",
        digital_product,
        name="digital-product",
    ),
    # Uploaded product images; in production a CDN or object storage serves them.
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    path("", include("plugins.local_merchants.money.urls")),
    path("", include("plugins.grouped_delivery.urls")),
    path("", include("storefront_theme.urls")),
]
