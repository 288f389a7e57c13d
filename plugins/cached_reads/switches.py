"""Whether one of our Saleor plugins is switched on in the dashboard (its `active` flag).

Read like the other rarely changed rows (reads.py): once per worker, fresh from the
next request on after the dashboard saves the plugin. No plugins manager is built for
it (Saleor's costs a query and builds every plugin).
"""
from django.db.models.signals import post_delete, post_save

from .reads import CachedRead


class PluginSwitch:
    """The `active` flag of a Saleor plugin class, as Saleor's plugins manager reads it."""

    def __init__(self, plugin_class):
        self.plugin_id = plugin_class.PLUGIN_ID
        self.default_active = plugin_class.get_default_active()
        self._read = CachedRead(f"plugin_active.{self.plugin_id}", self._load)

    def _load(self) -> bool:
        from saleor.plugins.models import PluginConfiguration

        saved = PluginConfiguration.objects.filter(identifier=self.plugin_id).values_list(
            "active", flat=True).first()
        # Never saved from the dashboard: Saleor builds it with its default.
        return self.default_active if saved is None else saved

    def is_on(self) -> bool:
        return self._read.get()

    def connect(self) -> None:
        """From AppConfig.ready(): a saved or deleted configuration is read again."""
        from saleor.plugins.models import PluginConfiguration

        for signal in (post_save, post_delete):
            signal.connect(self._read.invalidate, sender=PluginConfiguration,
                           dispatch_uid=f"p16.plugin_switch.{self.plugin_id}")
