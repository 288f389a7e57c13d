from django.apps import AppConfig


class GroupedDeliveryConfig(AppConfig):
    name = "plugins.grouped_delivery"
    label = "grouped_delivery"
    verbose_name = "Livraison groupée"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from saleor.account.models import Address
        from saleor.plugins.models import PluginConfiguration
        from saleor.shipping.models import ShippingMethod

        from plugins.local_merchants.public import Merchant, hooks

        from . import seams
        from .courier.access import has_courier_permission
        from .geo.services import on_address_saved
        from .graphql.switch import delivery_switch
        from .models import DeliveryMethod
        from .services import materialise
        from .services.basket import is_collected_in_shop
        from .services.methods import offered
        from .services.settings import saved_configuration

        hooks.answer_click_and_collect(is_collected_in_shop)
        hooks.answer_courier(has_courier_permission)

        post_save.connect(saved_configuration.invalidate, sender=PluginConfiguration)
        post_delete.connect(saved_configuration.invalidate, sender=PluginConfiguration)
        for model in (DeliveryMethod, ShippingMethod):
            post_save.connect(offered.invalidate, sender=model)
            post_delete.connect(offered.invalidate, sender=model)
        # Reads never write: the rows they read are written with what they follow.
        post_migrate.connect(materialise.on_migrated, sender=self)
        post_save.connect(materialise.on_configuration_saved, sender=PluginConfiguration)
        post_save.connect(materialise.on_merchant_saved, sender=Merchant)
        delivery_switch.connect()
        seams.install()
        # Every address (shop, delivery, company) gets its location when it is saved.
        post_save.connect(on_address_saved, sender=Address, dispatch_uid="locate_address")
