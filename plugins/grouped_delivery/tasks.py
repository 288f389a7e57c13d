"""The resident's e-mail when the courier has handed the order over."""
from celery import shared_task
from saleor.core.emails import get_email_context
from saleor.order.models import Order
from templated_email import send_templated_mail

ORDER_DELIVERED_TEMPLATE = "grouped_delivery/order_delivered"


@shared_task
def send_order_delivered(order_pk: int) -> None:
    order = Order.objects.select_related("shipping_address").get(pk=order_pk)
    recipient = order.get_customer_email()
    if not recipient:
        return
    send_kwargs, context = get_email_context()
    context.update(order=order)
    send_templated_mail(template_name=ORDER_DELIVERED_TEMPLATE, recipient_list=[recipient],
                        context=context, **send_kwargs)


@shared_task
def materialise_delivery() -> None:
    """Run by Celery beat (CELERY_BEAT_SCHEDULE): the coming days' slots, written ahead."""
    from .services.materialise import materialise

    materialise()
