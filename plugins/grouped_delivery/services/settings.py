"""The operator's grouped-delivery settings, as configured on the Saleor plugin."""
from saleor.plugins.manager import get_plugins_manager

from ..domain.config import DeliverySettings, parse_settings

PLUGIN_ID = "paris16.grouped_delivery"


def current_settings() -> DeliverySettings:
    plugin = get_plugins_manager().get_plugin(PLUGIN_ID)
    return plugin.settings if plugin is not None else parse_settings({})
