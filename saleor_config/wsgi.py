import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saleor_config.settings")
application = get_wsgi_application()

# Saleor and its GraphQL schema leave ~250,000 long-lived objects that every full garbage
# collection walks again: 100-170 ms pauses every twenty-odd requests (measured). Loaded
# now (the URLs import the schema) and frozen, the collector skips them: ~15-20 ms.
get_resolver().url_patterns
gc.collect()
gc.freeze()
