"""Settings of Paris 16 Shopping: stock Saleor 2.10.1 settings, read from the
environment (12-factor), with France defaults and our plugins on top."""
import os

from . import compat

compat.apply()

# France defaults, read by Saleor's own settings module below; the environment wins.
os.environ.setdefault("DEFAULT_COUNTRY", "FR")
os.environ.setdefault("DEFAULT_CURRENCY", "EUR")
if os.environ.get("REDIS_URL"):
    os.environ.setdefault("CELERY_BROKER_URL", os.environ["REDIS_URL"])
if not os.environ.get("SECRET_KEY") and os.environ.get("DEBUG", "True") == "True":
    # A fixed development key: with a random one each gunicorn worker would sign
    # tokens the others reject.
    os.environ["SECRET_KEY"] = "paris16-development-only-not-secret"

from saleor import settings as saleor_settings  # noqa: E402
from saleor.settings import *  # noqa: E402,F401,F403  (stock Saleor is our base)
from saleor.settings import (  # noqa: E402
    GRAPHENE,
    INSTALLED_APPS,
    MIDDLEWARE,
    PLUGINS,
    TEMPLATES,
    get_bool_from_env,
    get_list,
)

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ROOT_URLCONF = "saleor_config.urls"
WSGI_APPLICATION = "saleor_config.wsgi.application"

TIME_ZONE = "Europe/Paris"
LANGUAGE_CODE = "fr"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Paris 16 Shopping <bonjour@paris16.example>"
)

# Our templates (French e-mails, GraphQL playground) first; the wheel ships none.
TEMPLATES[0]["DIRS"] = [os.path.join(PROJECT_DIR, "templates")]
STATIC_ROOT = os.path.join(PROJECT_DIR, ".data", "static")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", os.path.join(PROJECT_DIR, ".data", "media"))
# Saleor's settings choose S3 or GCS storages from the environment in the names that
# Django 5.1 ignores: the same choice, in STORAGES.
STORAGES = compat.storages_setting(
    getattr(saleor_settings, "DEFAULT_FILE_STORAGE", None),
    getattr(saleor_settings, "STATICFILES_STORAGE", None),
)

INSTALLED_APPS = INSTALLED_APPS + [
    "saleor_config.apps.CompatConfig",
    "plugins.cached_reads.apps.CachedReadsConfig",
    "plugins.french_vat",
    "plugins.local_merchants.apps.LocalMerchantsConfig",
    "plugins.local_merchants.orders.apps.MerchantOrdersConfig",
    "plugins.grouped_delivery.apps.GroupedDeliveryConfig",
    "plugins.api_guard.apps.ApiGuardConfig",
    "plugins.search.apps.SearchConfig",
    "storefront_theme",
]
# French full-text search on indexed documents (plugins/search), through Saleor's own hook.
SEARCH_BACKEND = "plugins.search.backend"

MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware"] + MIDDLEWARE[1:]

PLUGINS = PLUGINS + [
    # Shop parts first: grouped delivery writes their pickup times on the same events.
    "plugins.local_merchants.orders.plugin.MerchantOrdersPlugin",
    # Before French VAT: it splits the gross shipping fee computed here.
    "plugins.grouped_delivery.plugin.GroupedDeliveryPlugin",
    "plugins.local_merchants.plugin.LocalMerchantsPlugin",
    "plugins.french_vat.plugin.FrenchVatPlugin",
]

GRAPHENE = {
    **GRAPHENE,
    "SCHEMA": "saleor_config.schema.schema",
    # First = innermost: merchant isolation runs once Saleor's JWT/app middlewares
    # have authenticated the request.
    "MIDDLEWARE": [
        "plugins.local_merchants.isolation.middleware.IsolationMiddleware",
        *GRAPHENE["MIDDLEWARE"],
    ],
}

# Sent with every page of the storefront and the e-mails: where residents are sent back.
STOREFRONT_URL = os.environ.get("STOREFRONT_URL", "http://127.0.0.1:8000/")
# The storefront calls the API over HTTP like any other client; this is where.
STOREFRONT_API_URL = os.environ.get("STOREFRONT_API_URL", "http://127.0.0.1:8000/graphql/")

# The stock Saleor Dashboard runs on another origin and calls the API from the browser.
ALLOWED_GRAPHQL_ORIGINS = os.environ.get("ALLOWED_GRAPHQL_ORIGINS", "*")

P16_DEMO_PASSWORD = os.environ.get("P16_DEMO_PASSWORD", "paris16-demo")

# Run by the worker's embedded beat (`celery worker --beat`, see ops/launcher.py): the
# coming days' delivery slots are written ahead, since reading them never writes.
CELERY_BEAT_SCHEDULE = {
    "grouped-delivery-slots": {
        "task": "plugins.grouped_delivery.tasks.materialise_delivery",
        "schedule": 3600.0,
    },
}

# Saleor 2.10's models predate Django 3.2's setting; keep their integer keys.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Anonymous catalogue reads cached in Redis (plugins/read_cache): on when Redis is
# configured, off with P16_READ_CACHE=off (the benchmark measures both).
READ_CACHE_URL = (
    "" if os.environ.get("P16_READ_CACHE") == "off"
    else os.environ.get("READ_CACHE_URL", os.environ.get("REDIS_URL", ""))
)
READ_CACHE_TTL = int(os.environ.get("READ_CACHE_TTL", "60"))
INSTALLED_APPS = INSTALLED_APPS + ["plugins.read_cache.apps.ReadCacheConfig"]
# Last, so that Saleor's middlewares have set the country and currency a hit is keyed on.
MIDDLEWARE = MIDDLEWARE + ["plugins.read_cache.middleware.ReadCacheMiddleware"]
# Saleor 2.10's models use the JSONField Django 3.1 deprecated (compat turns Django 4's
# refusal back into this warning): not ours to change.
SILENCED_SYSTEM_CHECKS = ["fields.W904"]

# Limits of every GraphQL request (plugins/api_guard, saleor_config/graphql_view.py).
# Depth 15 passes the GraphQL introspection query (13), the stock dashboard's deepest
# query (12) and ours (9). Cost is measured as Saleor 3.x does; 60,000 passes the
# dashboard's costliest page (warehouse list at 100 rows: 51,000) and ours (1,700).
GRAPHQL_MAX_DEPTH = int(os.environ.get("GRAPHQL_MAX_DEPTH", "15"))
GRAPHQL_MAX_COST = int(os.environ.get("GRAPHQL_MAX_COST", "60000"))
# No execution holds a server thread longer; PostgreSQL stops a web request's statement then too.
GRAPHQL_MAX_SECONDS = float(os.environ.get("GRAPHQL_MAX_SECONDS", "30"))
# Peers whose X-Forwarded-For is believed for the login throttle's client address:
# the storefront calls the API from this host; add the reverse proxy's address.
P16_TRUSTED_PROXIES = get_list(os.environ.get("P16_TRUSTED_PROXIES", "127.0.0.1,::1"))
