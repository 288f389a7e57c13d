"""Who may ride rounds: the operator, and accounts of the couriers' permission group."""
from plugins.local_merchants.public import actor_for, policy

COURIER_PERMISSION = "grouped_delivery.ride_rounds"
COURIER_GROUP = "Coursiers"


def may_ride_rounds(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return policy.may_ride_rounds(actor_for(user), user.has_perm(COURIER_PERMISSION))


def ensure_courier_group():
    """The permission group the operator adds courier accounts to (dashboard: Groupes)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=COURIER_GROUP)
    app_label, codename = COURIER_PERMISSION.split(".")
    group.permissions.add(Permission.objects.get(content_type__app_label=app_label,
                                                 codename=codename))
    return group
