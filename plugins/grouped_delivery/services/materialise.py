"""The writes that keep delivery rows ready for the reads, which never write: after
migrations, when the plugin's settings or a shop are saved, and periodically (Celery
beat, or `manage.py materialise_delivery`) for the coming days' slots."""
from django.utils import timezone

from ..domain.config import ConfigError, DeliverySettings
from .methods import materialise_methods, materialise_shop_methods
from .settings import PLUGIN_ID, configured_settings, delivery_settings
from .slots import materialise_slots


def materialise(settings: DeliverySettings = None) -> None:
    settings = settings or delivery_settings()
    materialise_methods(settings)
    materialise_slots(settings, timezone.now())


def on_migrated(apps, **_kwargs) -> None:
    """post_migrate (also sent by `flush`): nothing when migrated back before our tables."""
    try:
        apps.get_model("grouped_delivery", "DeliveryMethod")
        apps.get_model("local_merchants", "Merchant")
    except LookupError:
        return
    materialise()


def on_configuration_saved(instance, **_kwargs) -> None:
    if instance.identifier != PLUGIN_ID:
        return
    try:
        settings = configured_settings(instance.configuration)
    except (ConfigError, ValueError):  # refused before saving by the plugin's validation
        return
    materialise(settings)


def on_merchant_saved(instance, raw=False, **_kwargs) -> None:
    if not raw:  # loaddata: the fixture brings its own rows
        materialise_shop_methods(instance, delivery_settings())
