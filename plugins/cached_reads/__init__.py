"""Rarely changed rows read once per worker, fresh everywhere from the next request on."""
from .reads import CachedRead
from .switches import PluginSwitch

__all__ = ["CachedRead", "PluginSwitch"]
