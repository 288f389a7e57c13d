"""The operator's grouped-delivery settings, as configured on the Saleor plugin.

Two ways in: `delivery_settings()` for any caller (from the request's plugins manager
when it has one, else the cached saved configuration: never a new Saleor manager, which
costs a query and builds every plugin), and `configured_settings()` for the plugin's
own configuration. Both parse a configuration once (settings are immutable: shared).
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
    return _parsed(tuple(sorted(values.items())))


def configured_settings(configuration) -> DeliverySettings:
    """The settings of a plugin configuration (Saleor's list of {name, value})."""
    return _settings_of_values(configuration_values(configuration))


def delivery_settings(manager=None) -> DeliverySettings:
    """The settings in force: those of the plugin this manager built (e.g. the request's),
    else the saved configuration."""
    plugin = manager.get_plugin(PLUGIN_ID) if manager is not None else None
    if plugin is not None:
        return plugin.delivery_settings
    return _settings_of_values(saved_configuration.get())
