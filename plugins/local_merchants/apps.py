from django.apps import AppConfig


class LocalMerchantsConfig(AppConfig):
    name = "plugins.local_merchants"
    label = "local_merchants"
    verbose_name = "Commerçants du 16e"
