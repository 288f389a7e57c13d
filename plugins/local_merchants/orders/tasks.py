"""E-mails to the shops, sent by the Celery worker."""
from celery import shared_task
from saleor.core.emails import get_email_context
from templated_email import send_templated_mail

from .models import MerchantOrder

MERCHANT_ORDER_PAID_TEMPLATE = "local_merchants/merchant_order_paid"


@shared_task
def send_merchant_orders_paid(part_pks: list) -> None:
    """Every shop of a paid order, one e-mail each: one broker message per order."""
    for part_pk in part_pks:
        send_merchant_order_paid(part_pk)


@shared_task
def send_merchant_order_paid(part_pk: int) -> None:
    """Tell a shop what to prepare for a paid order, and by when."""
    part = MerchantOrder.objects.select_related("merchant", "order__billing_address").get(
        pk=part_pk
    )
    lines = [
        link.order_line
        for link in part.line_links.select_related("order_line").order_by("order_line__pk")
    ]
    send_kwargs, context = get_email_context()
    context.update(
        part=part,
        merchant=part.merchant,
        order=part.order,
        lines=lines,
        customer_first_name=(
            part.order.billing_address.first_name
            if part.is_click_and_collect and part.order.billing_address
            else ""
        ),
    )
    send_templated_mail(
        template_name=MERCHANT_ORDER_PAID_TEMPLATE,
        recipient_list=[part.merchant.email],
        context=context,
        **send_kwargs,
    )
