"""Grouped delivery switched off in the dashboard: what it changed in the API is stock again.

The plugin's hooks (fee, last check before payment, slot booking) read `self.active`;
the schema's overrides ask `switched_on` here: a cached read of the saved flag (no
plugins manager built for it).
Switched off, the stock mutations and shipping-method list answer exactly as Saleor's,
and our own additions offer nothing (no option, no slot).
"""
import functools

from plugins.cached_reads import PluginSwitch

from ..plugin import GroupedDeliveryPlugin

# Connected to the plugin configuration's changes by GroupedDeliveryConfig.ready().
delivery_switch = PluginSwitch(GroupedDeliveryPlugin)

SWITCHED_OFF_MESSAGE = (
    "La livraison groupée est suspendue pour le moment : aucun créneau ne peut être choisi."
)


def switched_on() -> bool:
    return delivery_switch.is_on()


def stock_when_switched_off(mutation):
    """Class decorator for a stock mutation we subclass: its `perform_mutation` runs
    ours while grouped delivery is on, the stock one (its base's) while it is off."""
    ours = mutation.__dict__["perform_mutation"].__func__

    @functools.wraps(ours)
    def perform_mutation(cls, root, info, *args, **data):
        if switched_on():
            return ours(cls, root, info, *args, **data)
        return super(mutation, cls).perform_mutation(root, info, *args, **data)

    mutation.perform_mutation = classmethod(perform_mutation)
    return mutation
