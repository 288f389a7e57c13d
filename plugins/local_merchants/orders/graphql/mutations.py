import graphene
from django.core.exceptions import ValidationError
from saleor.graphql.core.mutations import BaseMutation
from saleor.graphql.core.types.common import Error
from saleor.graphql.core.utils import snake_to_camel_case

from ...isolation.actors import actor_of_request
from ..domain.status import Action, TransitionError
from ..scoping import transition_actor, visible_parts
from ..services import change_status
from .enums import MerchantOrderErrorCode
from .types import MerchantOrder, MerchantOrderError

NOT_FOUND_MESSAGE = "Cette commande est introuvable ; vérifiez son identifiant."


class MerchantOrderTransition(BaseMutation):
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

    @classmethod
    def handle_errors(cls, error: ValidationError, **extra):
        # Saleor would turn codes it does not know into "invalid": keep ours.
        return cls.handle_typed_errors([
            (Error(field=snake_to_camel_case(field), message=e.messages[0]), e.code, None)
            for field, field_errors in error.error_dict.items()
            for e in field_errors
        ], **extra)

    @staticmethod
    def _pk_or_error(global_id) -> int:
        try:
            type_name, pk = graphene.Node.from_global_id(global_id)
        except Exception:  # graphene raises bare Exceptions on bad base64
            type_name, pk = None, ""
        if type_name != "MerchantOrder" or not str(pk).isdigit():
            raise ValidationError(
                {"id": ValidationError(NOT_FOUND_MESSAGE, code=MerchantOrderErrorCode.NOT_FOUND.value)}
            )
        return int(pk)


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
