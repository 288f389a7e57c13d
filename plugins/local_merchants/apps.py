from django.apps import AppConfig


class LocalMerchantsConfig(AppConfig):
    name = "plugins.local_merchants"
    label = "local_merchants"
    verbose_name = "Commerçants du 16e"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .directory import shops_by_id
        from .isolation import querysets
        from .models import Merchant

        # Route Saleor's product visibility through the isolation policy, everywhere.
        querysets.install()
        post_save.connect(shops_by_id.invalidate, sender=Merchant)
        post_delete.connect(shops_by_id.invalidate, sender=Merchant)
