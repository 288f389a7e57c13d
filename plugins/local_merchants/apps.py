from django.apps import AppConfig


class LocalMerchantsConfig(AppConfig):
    name = "plugins.local_merchants"
    label = "local_merchants"
    verbose_name = "Commerçants du 16e"

    def ready(self):
        # Route Saleor's product visibility through the isolation policy, everywhere.
        from .isolation import querysets

        querysets.install()
