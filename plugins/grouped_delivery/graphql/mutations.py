"""Our mutation, and the stock checkout mutations that must enforce the delivery rules.

The stock ones are subclassed (same names, same arguments and payloads) and
listed in our Mutation mixin, which saleor_config/schema.py puts before
Saleor's so that ours serve checkoutShippingAddressUpdate,
checkoutShippingMethodUpdate, checkoutComplete and draftOrderComplete.
"""
import graphene
from django.core.exceptions import ValidationError
from django.utils import timezone
from saleor.checkout.error_codes import CheckoutErrorCode
from saleor.checkout.models import Checkout as CheckoutModel
from saleor.graphql.checkout import mutations as stock
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.order.mutations import draft_orders as stock_drafts
from saleor.graphql.order.types import Order
from saleor.core.permissions import OrderPermissions
from saleor.order.error_codes import OrderErrorCode
from saleor.graphql.core.mutations import BaseMutation
from saleor.graphql.core.types.common import CheckoutError, OrderError

from plugins.kernel.global_ids import int_pk_of
from plugins.kernel.graphql import KeepOurErrorCodes

from ..domain.completion import ALREADY_ORDERED_MESSAGE, BUSY_MESSAGE
from ..domain.orders import draft_delivery_refusal
from ..services import completion, slots
from ..services.basket import delivery_method_of, refusal
from ..services.errors import DeliveryErrorCode, DeliveryRefused
from ..services.methods import method_by_pk
from ..services.zone import check_input, check_saved
from .resolvers import checkout_by_id, checkout_pk, request_basket, slot_by_id
from .switch import SWITCHED_OFF_MESSAGE, stock_when_switched_off, switched_on
from .types import DeliveryError


class CheckoutDeliverySlotUpdate(KeepOurErrorCodes, BaseMutation):
    checkout = graphene.Field(Checkout, description="The checkout with its new slot.")
    errors = graphene.List(graphene.NonNull(DeliveryError), required=True)

    class Arguments:
        checkout_id = graphene.ID(required=True)
        slot_id = graphene.ID(required=True)

    class Meta:
        description = "Choose the delivery slot of a checkout (checked again at checkoutComplete)."

    error_class = DeliveryError

    @classmethod
    def perform_mutation(cls, _root, info, checkout_id, slot_id):
        if not switched_on():
            raise DeliveryRefused(
                DeliveryErrorCode.METHOD_NOT_OFFERED, SWITCHED_OFF_MESSAGE, field="slot_id"
            ).as_validation_error()
        checkout = checkout_by_id(checkout_id)
        if checkout is None:
            raise ValidationError({"checkout_id": ValidationError(
                "Ce panier n'existe pas ou a déjà été commandé.", code=DeliveryErrorCode.NOT_FOUND
            )})
        slot = slot_by_id(slot_id)
        if slot is None:
            raise DeliveryRefused(DeliveryErrorCode.NOT_FOUND, field="slot_id").as_validation_error()
        try:
            slots.choose(request_basket(checkout, info), slot, timezone.now())
        except DeliveryRefused as refused:
            raise refused.as_validation_error()
        return cls(checkout=checkout)


@stock_when_switched_off
class CheckoutShippingAddressUpdate(stock.CheckoutShippingAddressUpdate):
    class Meta:
        description = (
            "Update shipping address in the existing checkout. An address outside the 16e is "
            "refused while grouped delivery or a delivery slot is chosen."
        )
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, checkout_id, shipping_address):
        zone = check_input(shipping_address)
        # In the zone, any choice stands: no need to read the checkout.
        checkout = None if zone.in_zone else checkout_by_id(checkout_id)
        if checkout is not None:
            method = delivery_method_of(checkout)
            to_the_door = method is not None and method.delivery_kind.to_the_door
            slot_for_delivery = slots.chosen_slot(checkout) and (method is None or to_the_door)
            if to_the_door or slot_for_delivery:
                raise ValidationError({"shipping_address": ValidationError(
                    f"{zone.message} Pour garder la livraison groupée, gardez une adresse du 16e ; "
                    "sinon choisissez d'abord le retrait en boutique.",
                    code=CheckoutErrorCode.SHIPPING_METHOD_NOT_APPLICABLE,
                )})
        return super().perform_mutation(root, info, checkout_id, shipping_address)


@stock_when_switched_off
class CheckoutShippingMethodUpdate(stock.CheckoutShippingMethodUpdate):
    class Meta:
        description = "Choose a delivery option (its shippingMethod id) for the checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, checkout_id, shipping_method_id):
        checkout = checkout_by_id(checkout_id)
        # Malformed or another type: stock answers with its own error.
        method_pk = int_pk_of(shipping_method_id, "ShippingMethod")
        if checkout is not None and method_pk is not None:
            basket = request_basket(checkout, info)
            problem = refusal(basket, method_by_pk(method_pk))
            if problem is not None:
                problem.field = "shipping_method"
                raise problem.as_validation_error(stock=True)
        return super().perform_mutation(root, info, checkout_id, shipping_method_id)


LINE_DETAILS = (
    "lines__variant__product__product_type",
    "lines__variant__product__translations",
    "lines__variant__translations",
)


class CheckoutComplete(stock.CheckoutComplete):
    class Meta:
        description = (
            "Completes the checkout: delivery rules are checked and the slot's place taken "
            "before the payment; a failure after that gives the place back. One basket makes "
            "one order: a repeated or concurrent call answers with that order or an error."
        )
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def perform_mutation(cls, root, info, checkout_id, **data):
        token = checkout_pk(checkout_id)
        if token is None:  # malformed id: stock answers it
            return super().perform_mutation(root, info, checkout_id, **data)
        try:
            with completion.one_at_a_time(token):
                return cls.complete_once(root, info, checkout_id, token, **data)
        except completion.CompletionBusy:
            raise ValidationError({"checkout_id": ValidationError(
                BUSY_MESSAGE, code=CheckoutErrorCode.INVALID.value
            )})

    @classmethod
    def get_node_or_error(cls, info, node_id, **kwargs):
        # Saleor reads each line's variant, product, type and translations one line at a
        # time (totals, stock check, order lines): all of them in one query per kind.
        qs = kwargs.get("qs")
        if qs is not None and qs.model is CheckoutModel:
            kwargs["qs"] = qs.prefetch_related(*LINE_DETAILS)
        return super().get_node_or_error(info, node_id, **kwargs)

    @classmethod
    def complete_once(cls, root, info, checkout_id, token, **data):
        done = completion.order_of(token)
        if done is not None:
            if completion.may_see(done, info.context.user):
                return cls(order=done, confirmation_needed=False)
            raise ValidationError({"checkout_id": ValidationError(
                ALREADY_ORDERED_MESSAGE, code=CheckoutErrorCode.NOT_FOUND.value
            )})
        try:
            return super().perform_mutation(root, info, checkout_id, **data)
        except Exception:
            slots.release(token)
            raise


@stock_when_switched_off
class DraftOrderComplete(stock_drafts.DraftOrderComplete):
    class Meta:
        description = (
            "Completes creating an order. Grouped delivery is refused for an address "
            "outside the 16e."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def perform_mutation(cls, root, info, id):
        order = cls.get_node_or_error(info, id, only_type=Order)
        method = delivery_method_of(order)
        to_the_door = method is not None and method.delivery_kind.to_the_door
        problem = draft_delivery_refusal(to_the_door, check_saved(order.shipping_address))
        if problem:
            raise ValidationError({"shipping_address": ValidationError(
                problem, code=OrderErrorCode.SHIPPING_METHOD_NOT_APPLICABLE
            )})
        return super().perform_mutation(root, info, id)
