"""Slots: choosing (bad input), re-check and reservation at checkoutComplete, the round sheet."""
import io
from datetime import timedelta

from django.utils import timezone
from graphql_relay import to_global_id
from pypdf import PdfReader
from saleor.order.models import Order
from saleor.payment import ChargeStatus
from saleor.payment.models import Payment

from plugins.grouped_delivery.models import DeliverySlot

from .conftest import Api, basket, gid

SLOTS = """query($c: ID){ deliverySlots(checkoutId:$c){ id start cutoff remaining isAvailable } }"""
CHOOSE = """mutation($c: ID!, $s: ID!){ checkoutDeliverySlotUpdate(checkoutId:$c, slotId:$s){
  checkout{ deliverySlot{ id } } errors{ field message code } } }"""
OPTIONS = """query($id: UUID!){ checkout(token:$id){ totalPrice{ gross{ amount } }
  deliveryOptions{ kind merchant{ name } shippingMethod{ id } } } }"""
SET_METHOD = """mutation($c: ID!, $m: ID!){ checkoutShippingMethodUpdate(checkoutId:$c, shippingMethodId:$m){
  checkout{ totalPrice{ gross{ amount } } } checkoutErrors{ field message code } } }"""
PAY = """mutation($c: ID!, $amount: Decimal!){ checkoutPaymentCreate(checkoutId:$c,
  input:{gateway:"mirumee.payments.dummy", token:"charged", amount:$amount}){ paymentErrors{ code } } }"""
COMPLETE = """mutation($c: ID!){ checkoutComplete(checkoutId:$c){
  order{ id number shippingPrice{ gross{ amount } } deliverySlot{ id } }
  checkoutErrors{ field message code } } }"""


def choose(checkout, slot_id):
    return Api().data(CHOOSE, {"c": gid(checkout), "s": slot_id})["checkoutDeliverySlotUpdate"]


def pick(checkout, kind="GROUPED_DELIVERY", merchant=None):
    options = Api().data(OPTIONS, {"id": str(checkout.token)})["checkout"]["deliveryOptions"]
    option = next(o for o in options if o["kind"] == kind
                  and (o["merchant"] or {}).get("name") == merchant)
    result = Api().data(SET_METHOD, {"c": gid(checkout), "m": option["shippingMethod"]["id"]})
    assert result["checkoutShippingMethodUpdate"]["checkoutErrors"] == []
    return result["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]


def pay_and_complete(checkout, total):
    assert Api().data(PAY, {"c": gid(checkout), "amount": total})["checkoutPaymentCreate"][
        "paymentErrors"] == []
    return Api().data(COMPLETE, {"c": gid(checkout)})["checkoutComplete"]


def first_slot(checkout):
    slots = Api().data(SLOTS, {"c": gid(checkout)})["deliverySlots"]
    assert slots and all(s["isAvailable"] for s in slots)
    return slots[0]["id"]


def test_upcoming_slots_follow_the_rounds(db):
    slots = Api().data(SLOTS)["deliverySlots"]
    assert slots  # Monday–Saturday rounds within 7 days
    starts = [timezone.datetime.fromisoformat(s["start"]) for s in slots]
    assert all(start.astimezone(timezone.get_current_timezone()).hour in (10, 18) for start in starts)
    assert all(start.weekday() != 6 for start in starts)


def test_bad_slot_choices_write_nothing(district):
    checkout = basket(district.a)
    slot_id = first_slot(checkout)
    slot = DeliverySlot.objects.get(pk=int(from_gid(slot_id)))

    def code(global_id, target=checkout):
        errors = choose(target, global_id)["errors"]
        assert errors and errors[0]["message"], errors
        return errors[0]["code"]

    assert code(to_global_id("Product", slot.pk)) == "NOT_FOUND"  # a slot ID of another type
    assert code("not-an-id") == "NOT_FOUND"
    assert code(slot_id, basket(district.a, address=None)) == "ADDRESS_REQUIRED"
    past = DeliverySlot.objects.create(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1),
        cutoff=timezone.now() - timedelta(hours=5), capacity=5)
    assert code(gid(past)) == "SLOT_PAST"
    DeliverySlot.objects.filter(pk=slot.pk).update(cutoff=timezone.now() - timedelta(minutes=1))
    assert code(slot_id) == "SLOT_CLOSED"
    DeliverySlot.objects.filter(pk=slot.pk).update(cutoff=slot.cutoff, taken=slot.capacity)
    assert code(slot_id) == "SLOT_FULL"
    assert Api().data(OPTIONS.replace("totalPrice{ gross{ amount } }", "deliverySlot{ id }"),
                      {"id": str(checkout.token)})["checkout"].get("deliverySlot") is None


def from_gid(global_id):
    from graphql_relay import from_global_id

    return from_global_id(global_id)[1]


def test_grouped_order_needs_a_slot_and_takes_one_place(district):
    checkout = basket(district.a, district.b)
    total = pick(checkout)
    refused = pay_and_complete(checkout, total)
    assert refused["order"] is None
    assert [(e["field"], e["code"]) for e in refused["checkoutErrors"]] == [("deliverySlot", "REQUIRED")]
    assert Payment.objects.get(checkout=checkout).charge_status == ChargeStatus.NOT_CHARGED

    slot_id = first_slot(checkout)
    assert choose(checkout, slot_id)["checkout"]["deliverySlot"]["id"] == slot_id
    done = Api().data(COMPLETE, {"c": gid(checkout)})["checkoutComplete"]
    assert done["checkoutErrors"] == []
    assert done["order"]["deliverySlot"]["id"] == slot_id
    assert done["order"]["shippingPrice"]["gross"]["amount"] == 5.9
    assert DeliverySlot.objects.get(pk=int(from_gid(slot_id))).taken == 1


def test_full_slot_at_completion_refuses_without_charging(district):
    checkout = basket(district.a)
    total = pick(checkout)
    slot_id = first_slot(checkout)
    choose(checkout, slot_id)
    DeliverySlot.objects.filter(pk=int(from_gid(slot_id))).update(capacity=1, taken=1)
    refused = pay_and_complete(checkout, total)
    assert refused["order"] is None and "complet" in refused["checkoutErrors"][0]["message"]
    assert Payment.objects.get(checkout=checkout).charge_status == ChargeStatus.NOT_CHARGED
    assert not Order.objects.exists()


def test_address_moved_out_of_zone_after_slot_is_caught_at_completion(district):
    """Even if the address changed behind the stock mutations' back, no order is created."""
    checkout = basket(district.a)
    total = pick(checkout)
    choose(checkout, first_slot(checkout))
    checkout.shipping_address.postal_code = "75017"
    checkout.shipping_address.save()
    refused = pay_and_complete(checkout, total)
    assert refused["order"] is None
    assert refused["checkoutErrors"][0]["code"] == "SHIPPING_METHOD_NOT_APPLICABLE"
    assert Payment.objects.get(checkout=checkout).charge_status == ChargeStatus.NOT_CHARGED


def test_single_shop_click_and_collect_needs_no_slot(district):
    checkout = basket(district.a)
    total = pick(checkout, "CLICK_AND_COLLECT", "Alpha")
    done = pay_and_complete(checkout, total)
    assert done["checkoutErrors"] == [] and done["order"]["deliverySlot"] is None
    assert done["order"]["shippingPrice"]["gross"]["amount"] == 0


def test_negative_and_huge_quantities_are_refused(district):
    checkout = basket(district.a)
    add = """mutation($c: ID!, $v: ID!, $q: Int!){ checkoutLinesAdd(checkoutId:$c,
      lines:[{variantId:$v, quantity:$q}]){ checkoutErrors{ code } } }"""
    for quantity in (-3, 10 ** 6):
        errors = Api().data(add, {"c": gid(checkout), "v": gid(district.b.variant), "q": quantity})
        assert errors["checkoutLinesAdd"]["checkoutErrors"], quantity
    assert checkout.lines.count() == 1


def test_round_sheet_for_the_operator_only(district):
    checkout = basket(district.a, district.b)
    total = pick(checkout)
    slot_id = first_slot(checkout)
    choose(checkout, slot_id)
    order = pay_and_complete(checkout, total)["order"]
    query = """query($s: ID!){ deliveryRound(slotId:$s){ sheetUrl stops{ merchant{ name }
      lines{ orderNumber quantity } } deliveries{ kind destination shopCount } } }"""
    sheet = Api(district.operator).data(query, {"s": slot_id})["deliveryRound"]
    assert [s["merchant"]["name"] for s in sheet["stops"]] == ["Alpha", "Beta"]
    assert sheet["stops"][0]["lines"] == [{"orderNumber": int(order["number"]), "quantity": 1}]
    assert sheet["deliveries"][0]["kind"] == "GROUPED_DELIVERY"
    assert "12 rue de Passy" in sheet["deliveries"][0]["destination"]
    denied = Api(district.customer).execute(query, {"s": slot_id})
    assert denied.get("errors") and not (denied.get("data") or {}).get("deliveryRound")

    path = sheet["sheetUrl"].split("testserver", 1)[1]
    operator = Api(district.operator)
    pdf = operator.client.get(path, **operator.headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Alpha" in text and "Beta" in text and "Gamma" not in text
    assert "12 rue de Passy" in text
    assert Api(district.customer).client.get(path, **Api(district.customer).headers).status_code == 403
    assert Api().client.get(path).status_code == 403
    assert Api(token="forged.jwt.token").client.get(path, **Api(token="forged.jwt.token").headers).status_code == 403
