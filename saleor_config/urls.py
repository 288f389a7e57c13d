from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from saleor.graphql.views import GraphQLView

from .schema import schema

urlpatterns = [
    path("graphql/", csrf_exempt(GraphQLView.as_view(schema=schema)), name="api"),
    path("", include("storefront_theme.urls")),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
