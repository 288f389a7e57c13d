import graphene
from django.core.exceptions import ValidationError
from saleor.graphql.core.mutations import BaseMutation

from plugins.kernel.graphql import KeepOurErrorCodes

from ...graphql.resolvers import slot_by_id
from ...graphql.types import DeliveryRound
from ...services.rounds import round_sheet
from ...services.settings import delivery_settings
from .. import actions
from ..errors import RoundErrorCode, RoundRefused
from ..planning import plan_slot
from .resolvers import courier_stop, require_courier, require_operator, stop_pk
from .types import CourierStop, RoundError


class RoundMutation(KeepOurErrorCodes, BaseMutation):
    errors = graphene.List(graphene.NonNull(RoundError), required=True)

    error_class = RoundError

    class Meta:
        abstract = True

    @classmethod
    def perform_mutation(cls, root, info, **data):
        try:
            return cls.act(info, **data)
        except RoundRefused as refused:
            raise ValidationError({refused.field: ValidationError(
                refused.message, code=refused.code.value)})


class DeliveryRoundPlan(RoundMutation):
    delivery_round = graphene.Field(DeliveryRound, description="The round with its new plan.")

    class Arguments:
        slot_id = graphene.ID(required=True)
        couriers = graphene.Int(description="Vélos disponibles (1 à 10) ; par défaut, comme le "
                                            "dernier plan, sinon 1.")

    class Meta:
        description = ("Operator: plan (or re-plan) a slot's round and keep it. Refused, "
                       "changing nothing, while another planning of the slot runs or once the "
                       "round has started.")

    @classmethod
    def act(cls, info, slot_id, couriers=None):
        require_operator(info)
        slot = slot_by_id(slot_id)
        if slot is None:
            raise RoundRefused(RoundErrorCode.NOT_FOUND, "slotId")
        settings = delivery_settings(info.context.plugins)
        plan_slot(slot, couriers, settings)
        sheet = round_sheet(slot, settings)
        sheet.sheet_url = info.context.build_absolute_uri(f"/operator/rounds/{slot.pk}.pdf")
        return cls(delivery_round=sheet)


class CourierStopMutation(RoundMutation):
    stop = graphene.Field(CourierStop, description="The stop, as the courier now reads it.")

    class Arguments:
        stop_id = graphene.ID(required=True)

    class Meta:
        abstract = True

    @classmethod
    def act(cls, info, stop_id, **data):
        require_courier(info)
        pk = stop_pk(stop_id)
        cls.press(pk, info.context.user, **data)
        return cls(stop=courier_stop(pk))


class CourierStopCollected(CourierStopMutation):
    class Meta:
        description = "Courier: the bags of this shop are collected (its parts: HANDED_OVER)."

    @staticmethod
    def press(pk, user):
        actions.collected(pk, user)


class CourierStopDelivered(CourierStopMutation):
    class Meta:
        description = "Courier: the order is handed over (fulfilled in Saleor, resident e-mailed)."

    @staticmethod
    def press(pk, user):
        actions.delivered(pk, user)


class CourierStopNotDelivered(CourierStopMutation):
    class Arguments:
        stop_id = graphene.ID(required=True)
        reason = graphene.String(required=True, description="Pourquoi (l'opérateur le voit).")

    class Meta:
        description = "Courier: the order could not be handed over, and why."

    @staticmethod
    def press(pk, user, reason):
        actions.not_delivered(pk, user, reason)
