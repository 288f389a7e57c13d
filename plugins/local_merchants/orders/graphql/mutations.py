import graphene
from django.core.exceptions import ValidationError
from saleor.graphql.core.mutations import BaseMutation

from plugins.kernel.global_ids import int_pk_of
from plugins.kernel.graphql import KeepOurErrorCodes

from ...isolation.actors import actor_of_request
from ..domain.status import Action, TransitionError
from ..scoping import transition_actor, visible_parts
from ..services import change_status
from .enums import MerchantOrderErrorCode
from .types import MerchantOrder, MerchantOrderError

NOT_FOUND_MESSAGE = "Cette commande est introuvable ; vérifiez son identifiant."


class MerchantOrderTransition(KeepOurErrorCodes, BaseMutation):
    """One step in the life of a shop's part; the domain's table says who may take it."""

    ACTION: Action

    merchant_order = graphene.Field(MerchantOrder, description="La part de commande.")

    class Arguments:
        id = graphene.ID(required=True, description="Identifiant de la part de commande.")

    class Meta:
        abstract = True

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        who = actor_of_request(info.context)
        parts = visible_parts(who)  # PermissionDenied for anyone without an order scope
        pk = cls._pk_or_error(data["id"])
        try:
            part = change_status(pk, cls.ACTION, transition_actor(who), queryset=parts)
        except TransitionError as error:
            raise ValidationError({"id": ValidationError(error.message, code=error.code.value.lower())})
        if part is None:
            # Another shop's part answers exactly like a missing one.
            raise ValidationError(
                {"id": ValidationError(NOT_FOUND_MESSAGE, code=MerchantOrderErrorCode.NOT_FOUND.value)}
            )
        return cls(merchant_order=part)

    @staticmethod
    def _pk_or_error(global_id) -> int:
        pk = int_pk_of(global_id, "MerchantOrder")
        if pk is None:
            raise ValidationError(
                {"id": ValidationError(NOT_FOUND_MESSAGE, code=MerchantOrderErrorCode.NOT_FOUND.value)}
            )
        return pk


class MerchantOrderMarkReady(MerchantOrderTransition):
    ACTION = Action.MARK_READY

    class Meta:
        description = "Le commerçant indique que sa part de la commande est prête."
        error_type_class = MerchantOrderError
        error_type_field = "merchant_order_errors"


class MerchantOrderMarkHandedOver(MerchantOrderTransition):
    ACTION = Action.HAND_OVER

    class Meta:
        description = "La part prête a été remise au livreur de la tournée (opérateur)."
        error_type_class = MerchantOrderError
        error_type_field = "merchant_order_errors"


class MerchantOrderMarkCollected(MerchantOrderTransition):
    ACTION = Action.COLLECT

    class Meta:
        description = "Le client a retiré sa part en boutique (retrait en boutique)."
        error_type_class = MerchantOrderError
        error_type_field = "merchant_order_errors"
