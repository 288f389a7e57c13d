"""The dashboard's "Fulfill" button for a shop: prepare its lines, its part becomes READY.

A shopkeeper fulfils only lines of their own part, from their own warehouse (the
policy checks both before this runs). Saleor records a real fulfilment (the shop's
stock goes down, the operator sees what is prepared) without e-mailing the resident;
when every line of the part is fulfilled, the part is READY, in the same transaction.
Handing over to the courier and collection stay our own mutations.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from saleor.graphql.order.mutations.fulfillments import OrderFulfill as StockOrderFulfill
from saleor.order.error_codes import OrderErrorCode

from plugins.kernel.global_ids import int_pk_of, parse_global_id

from ...isolation.actors import actor_of_request
from ..domain.status import STATUS_LABELS, Action, MerchantOrderStatus
from ..scoping import transition_actor
from ..services import change_status
from .domain import is_fully_fulfilled
from .scope import order_of_shop, shop_of, shop_parts

NOT_FOUND_MESSAGE = "Commande introuvable : rechargez la liste des commandes."
LINE_MESSAGE = "Cette ligne n'est pas dans votre part de la commande : rechargez la page."
PREPARED_MESSAGE = (
    "Votre part de cette commande est « {status} » : il n'y a plus rien à préparer."
)


class OrderFulfill(StockOrderFulfill):
    class Meta:
        description = (
            "Creates new fulfillments for an order. For a shopkeeper: their own lines only; "
            "their part is marked ready once all of them are fulfilled."
        )
        error_type_class = StockOrderFulfill._meta.error_type_class
        error_type_field = StockOrderFulfill._meta.error_type_field
        permissions = StockOrderFulfill._meta.permissions

    @classmethod
    def perform_mutation(cls, root, info, order=None, **data):
        merchant_id = shop_of(info)
        if merchant_id is None:
            return super().perform_mutation(root, info, order=order, **data)
        with transaction.atomic():
            part = cls._own_part(merchant_id, order)
            cls._check_lines(part, data["input"]["lines"])
            data["input"]["notify_customer"] = False  # the shop's preparation is not a shipment
            payload = super().perform_mutation(root, info, order=order, **data)
            lines = [link.order_line for link in part.line_links.select_related("order_line")]
            if is_fully_fulfilled((line.quantity, line.quantity_fulfilled) for line in lines):
                who = actor_of_request(info.context)
                change_status(part.pk, Action.MARK_READY, transition_actor(who), shop_parts(merchant_id))
        return payload

    @classmethod
    def _own_part(cls, merchant_id, order_id):
        order_pk = int_pk_of(order_id, "Order")
        found = None if order_pk is None else order_of_shop(merchant_id, order_pk)
        if found is None:
            raise ValidationError({"order": ValidationError(NOT_FOUND_MESSAGE, code=OrderErrorCode.NOT_FOUND)})
        part = shop_parts(merchant_id).select_for_update().get(order=found)
        status = MerchantOrderStatus(part.status)
        if status is not MerchantOrderStatus.TO_PREPARE:
            raise ValidationError({"order": ValidationError(
                PREPARED_MESSAGE.format(status=STATUS_LABELS[status]),
                code=OrderErrorCode.FULFILL_ORDER_LINE,
            )})
        return part

    @classmethod
    def _check_lines(cls, part, lines):
        own = {str(pk) for pk in part.line_links.values_list("order_line_id", flat=True)}
        for line in lines:
            ref = parse_global_id(line["order_line_id"])
            if ref is None or ref.pk not in own:
                raise ValidationError({"order_line_id": ValidationError(
                    LINE_MESSAGE, code=OrderErrorCode.NOT_FOUND)})
