import gc
import os

from django.core.wsgi import get_wsgi_application
from django.db.backends.signals import connection_created
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saleor_config.settings")
application = get_wsgi_application()

# Saleor and its GraphQL schema leave ~250,000 long-lived objects that every full garbage
# collection walks again: long pauses every twenty-odd requests. Loaded now (the URLs
# import the schema) and frozen, the collector skips them and its pauses stay short.
get_resolver().url_patterns
gc.collect()
gc.freeze()


def _bound_statements(sender, connection, **kwargs):
    # Web requests only (Celery and management commands may run long): no SQL
    # statement of a request outlives the GraphQL time limit.
    from django.conf import settings

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [int(settings.GRAPHQL_MAX_SECONDS * 1000)])


connection_created.connect(_bound_statements)
