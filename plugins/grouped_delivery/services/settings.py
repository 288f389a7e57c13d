"""The operator's grouped-delivery settings, as configured on the Saleor plugin.

Never through a new Saleor plugins manager (a query and every plugin built): from the
manager the caller has, else from the cached plugin configuration.
"""
from functools import lru_cache

from saleor.plugins.models import PluginConfiguration

from plugins.cached_reads import CachedRead

from ..domain.config import DeliverySettings, parse_settings

PLUGIN_ID = "paris16.grouped_delivery"


def configuration_values(configuration) -> dict:
    return {item["name"]: item["value"] for item in configuration or []}


def _saved_values() -> dict:
    saved = PluginConfiguration.objects.filter(identifier=PLUGIN_ID).first()
    return configuration_values(saved.configuration) if saved else {}


saved_configuration = CachedRead("grouped_delivery.configuration", _saved_values)


@lru_cache(maxsize=16)
def _parsed(items: tuple) -> DeliverySettings:
    return parse_settings(dict(items))


def _settings_of_values(values: dict) -> DeliverySettings:
    """Parsed once per distinct configuration (the settings are immutable: shared)."""
    return _parsed(tuple(sorted(values.items())))


def settings_from(configuration) -> DeliverySettings:
    return _settings_of_values(configuration_values(configuration))


def current_settings() -> DeliverySettings:
    return _settings_of_values(saved_configuration.get())


def settings_of(manager) -> DeliverySettings:
    """The settings of the plugin built by this manager (e.g. the request's)."""
    plugin = manager.get_plugin(PLUGIN_ID)
    return plugin.settings if plugin is not None else parse_settings({})
