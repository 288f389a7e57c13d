"""The resident's side after paying: confirmation and tracking, login, account."""
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import api, checkout_api, messages, session
from .base import not_found, page, storefront_view

ORDER_FIELDS = """
fragment Tracked on Order {
  id number token created userEmail shippingMethodName
  total { gross { amount currency } }
  shippingPrice { gross { amount currency } }
  shippingAddress { firstName lastName streetAddress1 streetAddress2 postalCode city }
  deliverySlot { start end }
  merchantGroups {
    status
    merchant { name slug clickAndCollect address { streetAddress1 postalCode } }
    lines { productName variantName productSku quantity unitPrice { gross { amount currency } } }
  }
}"""

ORDER = "query Order($token: UUID!) { orderByToken(token: $token) { ...Tracked } }" + ORDER_FIELDS

ACCOUNT = """
query Account {
  me {
    email firstName lastName
    merchant { name slug }
    addresses { id firstName lastName streetAddress1 streetAddress2 postalCode city country { country } }
    orders(first: 20) { edges { node {
      number token created
      total { gross { amount currency } }
      merchantGroups { status merchant { name } }
    } } }
  }
}"""

LOGIN = """
mutation Login($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token user { isStaff } accountErrors { field message code }
  }
}"""

# What each shop's part of an order is doing, in the resident's words.
STATUS_LABELS = {
    "TO_PREPARE": "En préparation",
    "READY": "Prête",
    "HANDED_OVER": "Remise au livreur",
    "COLLECTED": "Retirée",
    "CANCELLED": "Annulée",
}


def with_status_labels(order):
    for group in order.get("merchantGroups") or ():
        group["statusLabel"] = STATUS_LABELS.get(group["status"], group["status"])
    return order


@storefront_view
def order(request, token):
    found = api.execute(ORDER, {"token": str(token)}, session.customer_token(request))["orderByToken"]
    if found is None:
        return not_found(request, "Cette commande est introuvable")
    return page(request, "storefront/order.html", {
        "order": with_status_labels(found),
        "thanks": request.GET.get("merci") == "1",
    })


def safe_next(request, default):
    target = request.POST.get("suite") or request.GET.get("suite") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@storefront_view
def login(request, template="storefront/login.html", default_next="storefront:account"):
    errors, email = {}, ""
    if request.method == "POST":
        email = request.POST.get("email", "").strip()
        try:
            result = api.execute(
                LOGIN, {"email": email, "password": request.POST.get("password", "")}, request=request,
            )["tokenCreate"]
        except api.ApiRefused as refusal:  # too many failed attempts: say so, and when
            return page(request, template, {
                "errors": {"__all__": refusal.message}, "email": email, "next": safe_next(request, ""),
            }, status=429)
        if result["token"]:
            response = redirect(safe_next(request, default_next))
            staff = result["user"]["isStaff"]
            session.log_in(response, result["token"], staff=staff)
            if not staff:
                attach_basket(request, result["token"])
            return response
        errors = messages.form_errors(result["accountErrors"]) or {
            "__all__": messages.CODE_MESSAGES["INVALID_CREDENTIALS"]}
        # Saleor reports bad credentials on "email": the message belongs to the form.
        errors = {"__all__": " ".join(dict.fromkeys(errors.values()))}
    return page(request, template, {
        "errors": errors, "email": email, "next": safe_next(request, ""),
    }, status=400 if errors else 200)


def attach_basket(request, jwt):
    """A basket filled before logging in now belongs to the customer."""
    checkout = checkout_api.fetch(session.basket_token(request), jwt)
    if checkout:
        checkout_api.claim(checkout["id"], jwt)


@require_POST
@storefront_view
def logout(request):
    response = redirect("storefront:home")
    session.log_out(response)
    return response


@storefront_view
def account(request):
    jwt = session.login_token(request)
    if not jwt:
        return redirect(f"/connexion/?suite={request.path}")
    me = api.execute(ACCOUNT, {}, jwt)["me"]
    if me is None:  # the token no longer matches a user
        response = redirect("storefront:login")
        session.log_out(response)
        return response
    orders = [with_status_labels(o) for o in api.edges(me["orders"])]
    return page(request, "storefront/account.html", {"me": me, "orders": orders})
