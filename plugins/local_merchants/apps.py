from django.apps import AppConfig


class LocalMerchantsConfig(AppConfig):
    name = "plugins.local_merchants"
    label = "local_merchants"
    verbose_name = "Commerçants du 16e"

    def ready(self):
        from . import directory
        from .isolation import querysets
        from .plugin import refusals_switch

        # Route Saleor's product visibility through the isolation policy, everywhere.
        querysets.install()
        directory.connect_signals()
        refusals_switch.connect()
