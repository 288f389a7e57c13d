from django.apps import AppConfig


class ReadCacheConfig(AppConfig):
    name = "plugins.read_cache"
    label = "read_cache"
    verbose_name = "Cache des lectures anonymes"

    def ready(self):
        from . import signals

        signals.connect()
