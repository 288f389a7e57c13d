"""Stock Saleor 2.10.1 alone, on our database: the reference `make bench` measures against.

Derived from our settings by subtraction so that it cannot drift from them: same
database, environment, secrets and installed apps (so the database schema and model
cascades match), minus everything of ours that changes what a request does — our
plugins, our Django and GraphQL middleware, our schema additions and our URLs.
Never used to migrate: the database is always migrated with `saleor_config.settings`.
"""
from .settings import *  # noqa: F401,F403
from .settings import GRAPHENE, MIDDLEWARE, PLUGINS

# Top-level packages of this repository: anything imported from them is ours.
OUR_PACKAGES = ("plugins.", "saleor_config.", "storefront_theme.")


def _without_ours(dotted_paths: list) -> list:
    return [path for path in dotted_paths if not path.startswith(OUR_PACKAGES)]


PLUGINS = _without_ours(PLUGINS)
MIDDLEWARE = _without_ours(MIDDLEWARE)
GRAPHENE = {
    **GRAPHENE,
    "SCHEMA": "saleor.graphql.api.schema",
    "MIDDLEWARE": _without_ours(GRAPHENE.get("MIDDLEWARE", [])),
}
# Saleor's own URLs serve Saleor's own schema at /graphql/, untouched by extend_type
# as long as nothing here imports our GraphQL modules (bench checks it by introspection).
ROOT_URLCONF = "saleor.urls"
# Stock's search: trigram and full text computed on every product at each request.
SEARCH_BACKEND = "saleor.search.backends.postgresql"
