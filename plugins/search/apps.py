from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "plugins.search"
    label = "p16_search"
    verbose_name = "Recherche"

    def ready(self):
        from . import lookups, signals

        lookups.register()
        signals.connect()
