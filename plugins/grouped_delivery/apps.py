from django.apps import AppConfig


class GroupedDeliveryConfig(AppConfig):
    name = "plugins.grouped_delivery"
    label = "grouped_delivery"
    verbose_name = "Livraison groupée"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from saleor.account.models import Address
        from saleor.plugins.models import PluginConfiguration

        from plugins.local_merchants.public import hooks

        from .geo.services import on_address_saved
        from .graphql.switch import delivery_switch
        from .services.basket import is_collected_in_shop
        from .services.settings import saved_configuration

        hooks.answer_click_and_collect(is_collected_in_shop)

        post_save.connect(saved_configuration.invalidate, sender=PluginConfiguration)
        post_delete.connect(saved_configuration.invalidate, sender=PluginConfiguration)
        delivery_switch.connect()
        # Every address (shop, delivery, company) gets its location when it is saved.
        post_save.connect(on_address_saved, sender=Address, dispatch_uid="locate_address")
