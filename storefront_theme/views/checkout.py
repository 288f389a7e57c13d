"""Checkout: contact, address (with the live 16e check), delivery option, slot, payment.

One page, one form per step; each step posts, the API validates, and the page comes
back with the next step open or the French message next to the field at fault.
Nothing is paid before the last step, and a failed payment keeps the basket.
"""
import uuid

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import api, checkout_api, messages, session
from .base import page, storefront_view

DUMMY_GATEWAY = "mirumee.payments.dummy"
STRIPE_GATEWAY = "mirumee.payments.stripe"
ADDRESS_FIELDS = ("firstName", "lastName", "streetAddress1", "streetAddress2", "postalCode", "city", "country", "phone")
COUNTRIES = (("FR", "France"), ("BE", "Belgique"), ("CH", "Suisse"), ("LU", "Luxembourg"), ("MC", "Monaco"))


def address_from(post) -> dict:
    address = {name: post.get(name, "").strip()[:256] for name in ADDRESS_FIELDS}
    if not address["phone"]:
        del address["phone"]
    return address


def address_of(checkout) -> dict:
    saved = (checkout or {}).get("shippingAddress") or {}
    values = {name: saved.get(name) or "" for name in ADDRESS_FIELDS}
    values["country"] = (saved.get("country") or {}).get("code") or "FR"
    return values


def chosen_option(checkout):
    method = checkout.get("shippingMethod")
    for option in checkout.get("deliveryOptions") or ():
        if method and option["shippingMethod"]["id"] == method["id"]:
            return option
    return None


def state(checkout, jwt, errors=None, values=None, zone=None, step=None):
    """Everything the page shows, including which step is open."""
    option = chosen_option(checkout)
    needs_slot = bool(option and option["needsSlot"])  # the API decides, knowing every line
    slots = []
    if needs_slot:
        slots = api.execute(checkout_api.SLOTS, {"id": checkout["id"]}, jwt)["deliverySlots"]
    done = {
        "contact": checkout_api.has_real_email(checkout),
        "address": bool(checkout.get("shippingAddress")),
        "delivery": option is not None,
        "slot": not needs_slot or bool(checkout.get("deliverySlot")),
    }
    current = step or next((name for name, ok in done.items() if not ok), "pay")
    gateways = [g["id"] for g in checkout.get("availablePaymentGateways") or ()]
    return {
        "checkout": checkout,
        "groups": checkout.get("merchantGroups") or [],
        "done": done,
        "current": current,
        "option": option,
        "options": checkout.get("deliveryOptions") or [],
        "slots": slots,
        "needs_slot": needs_slot,
        "errors": errors or {},
        "email": checkout["email"] if checkout_api.has_real_email(checkout) else "",
        "address": values or address_of(checkout),
        "countries": COUNTRIES,
        "zone": zone,
        "logged_in": bool(jwt),
        "gateways": gateways,
        "stripe_key": stripe_key(checkout),
        "can_pay": all(done.values()) and bool(gateways),
    }


def stripe_key(checkout):
    for gateway in checkout.get("availablePaymentGateways") or ():
        if gateway["id"] == STRIPE_GATEWAY:
            config = {item["field"]: item["value"] for item in gateway["config"]}
            return config.get("api_key")
    return None


@storefront_view
def checkout_page(request):
    jwt = session.customer_token(request)
    checkout = checkout_api.fetch(session.basket_token(request), jwt)
    if not checkout or not checkout["quantity"]:
        return redirect("storefront:basket")
    # "?etape=address" reopens a finished step to change it.
    step = request.GET.get("etape") if request.GET.get("etape") in STEPS else None
    return page(request, "storefront/checkout.html", state(checkout, jwt, step=step))


@require_POST
@storefront_view
def checkout_step(request):
    jwt = session.customer_token(request)
    checkout = checkout_api.fetch(session.basket_token(request), jwt)
    if not checkout or not checkout["quantity"]:
        return redirect("storefront:basket")
    step = request.POST.get("step")
    handler = STEPS.get(step)
    if handler is None:
        return redirect("storefront:checkout")
    outcome = handler(request, checkout, jwt)
    if outcome is not None:
        return outcome
    return redirect(reverse("storefront:checkout") + "#etapes")


# Fields the checkout page shows a message next to; any other goes to the top.
SHOWN_FIELDS = {"email", "shippingMethod", "slot", "payment", *ADDRESS_FIELDS}


def _again(request, checkout, jwt, step, errors, **extra):
    """The same step, open again, with the French messages next to their fields."""
    shown = {field: text for field, text in errors.items() if field in SHOWN_FIELDS}
    elsewhere = [text for field, text in errors.items() if field not in SHOWN_FIELDS]
    errors = {**shown, **({messages.GENERAL: " ".join(dict.fromkeys(elsewhere))} if elsewhere else {})}
    fresh = checkout_api.fetch(checkout["token"], jwt) or checkout
    return page(request, "storefront/checkout.html",
                state(fresh, jwt, errors=errors, step=step, **extra), status=400)


def contact_step(request, checkout, jwt):
    if jwt:
        errors = checkout_api.claim(checkout["id"], jwt)
    else:
        email = request.POST.get("email", "").strip()
        if not email:
            return _again(request, checkout, jwt, "contact", {"email": messages.CODE_MESSAGES["REQUIRED"]})
        errors = checkout_api.mutate(checkout_api.EMAIL, {"id": checkout["id"], "email": email},
                                     "checkoutEmailUpdate")["errors"]
    if errors:
        return _again(request, checkout, jwt, "contact", messages.form_errors(errors))
    return None


def address_step(request, checkout, jwt):
    values = address_from(request.POST)
    zone = api.cached(checkout_api.ZONE_CHECK, {"address": values}, ttl=3600)["deliveryZoneCheck"]
    data = api.execute(checkout_api.ADDRESS, {"id": checkout["id"], "address": values}, jwt)
    errors = (data["checkoutShippingAddressUpdate"]["checkoutErrors"]
              + data["checkoutBillingAddressUpdate"]["checkoutErrors"])
    if errors:
        return _again(request, checkout, jwt, "address", messages.form_errors(errors), values=values, zone=zone)
    if not zone["inZone"]:
        # The address is kept (click & collect needs no delivery zone); the resident
        # reads why grouped delivery is not offered before choosing.
        return _again(request, checkout, jwt, "delivery", {}, zone=zone)
    return None


def delivery_step(request, checkout, jwt):
    method = request.POST.get("shippingMethod", "")
    if not method:
        return _again(request, checkout, jwt, "delivery",
                      {"shippingMethod": messages.CODE_MESSAGES["SHIPPING_METHOD_NOT_SET"]})
    result = checkout_api.mutate(checkout_api.METHOD, {"id": checkout["id"], "method": method},
                                 "checkoutShippingMethodUpdate", jwt)
    if result["errors"]:
        return _again(request, checkout, jwt, "delivery", messages.form_errors(result["errors"]))
    return None


def slot_step(request, checkout, jwt):
    slot = request.POST.get("slot", "")
    if not slot:
        return _again(request, checkout, jwt, "slot", {"slot": messages.message_for("SLOT_REQUIRED")})
    result = checkout_api.mutate(checkout_api.SLOT, {"id": checkout["id"], "slot": slot},
                                 "checkoutDeliverySlotUpdate", jwt)
    if result["errors"]:
        return _again(request, checkout, jwt, "slot", messages.form_errors(result["errors"]))
    return None


def pay_step(request, checkout, jwt):
    gateway = request.POST.get("gateway", DUMMY_GATEWAY)
    # The dummy gateway accepts any token; Stripe's comes from Stripe.js in the browser.
    token = request.POST.get("token") if gateway == STRIPE_GATEWAY else f"p16-{uuid.uuid4()}"
    paid = checkout_api.mutate(checkout_api.PAY, {"id": checkout["id"], "input": {
        "gateway": gateway, "token": token or "",
        "amount": checkout["totalPrice"]["gross"]["amount"],
    }}, "checkoutPaymentCreate", jwt)
    if paid["errors"]:
        return _again(request, checkout, jwt, "pay", messages.form_errors(paid["errors"]))
    done = checkout_api.mutate(checkout_api.COMPLETE, {"id": checkout["id"]}, "checkoutComplete", jwt)
    if done["errors"] or not done.get("order"):
        # The basket cookie stays: the resident can correct and pay again.
        errors = messages.form_errors(done["errors"]) or {"payment": messages.CODE_MESSAGES["PAYMENT_ERROR"]}
        return _again(request, checkout, jwt, "pay", errors)
    response = redirect("storefront:order", token=done["order"]["token"])
    response["Location"] += "?merci=1"
    session.forget_basket(response)
    return response


STEPS = {
    "contact": contact_step,
    "address": address_step,
    "delivery": delivery_step,
    "slot": slot_step,
    "pay": pay_step,
}


@storefront_view
def zone_check(request):
    """The live 16e check for the address form's script: the API's verdict as JSON."""
    address = {name: request.GET.get(name, "").strip()[:256] for name in ("postalCode", "city", "country", "streetAddress1")}
    verdict = api.cached(checkout_api.ZONE_CHECK, {"address": address}, ttl=3600)["deliveryZoneCheck"]
    field = messages.ZONE_FIELDS.get(verdict["code"], "postalCode")
    return JsonResponse({**verdict, "field": field, "message": messages.message_for(verdict["code"], verdict["message"])})
