from django.apps import AppConfig


class FrenchVatConfig(AppConfig):
    name = "plugins.french_vat"
    verbose_name = "TVA française"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from saleor.product.models import ProductType

        from .codes import product_type_codes

        post_save.connect(product_type_codes.invalidate, sender=ProductType)
        post_delete.connect(product_type_codes.invalidate, sender=ProductType)
