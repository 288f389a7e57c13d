from django.apps import AppConfig


class MerchantOrdersConfig(AppConfig):
    """Per-shop parts of orders; its own app so its migrations never race the shops' ones."""

    name = "plugins.local_merchants.orders"
    label = "local_merchant_orders"
    verbose_name = "Commandes des commerçants"
