from django.apps import AppConfig


class GroupedDeliveryConfig(AppConfig):
    name = "plugins.grouped_delivery"
    label = "grouped_delivery"
    verbose_name = "Livraison groupée"
