"""Who may ride rounds: the operator, and accounts of the couriers' permission group
(the isolation policy's COURIER role, which the app registers `has_courier_permission` for)."""
from plugins.local_merchants.public import actor_for, policy

COURIER_PERMISSION = "grouped_delivery.ride_rounds"
COURIER_GROUP = "Coursiers"


def has_courier_permission(user) -> bool:
    return user.has_perm(COURIER_PERMISSION)


def may_ride_rounds(user) -> bool:
    return policy.may_ride_rounds(actor_for(user))


def ensure_courier_group():
    """The permission group the operator adds courier accounts to (dashboard: Groupes)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=COURIER_GROUP)
    app_label, codename = COURIER_PERMISSION.split(".")
    group.permissions.add(Permission.objects.get(content_type__app_label=app_label,
                                                 codename=codename))
    return group
