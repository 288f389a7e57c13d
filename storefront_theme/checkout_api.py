"""The basket as the API sees it: one query document and the mutations the pages use.

Kept apart from the views so the basket page, the checkout and the tests share the
exact same GraphQL text.
"""
import uuid
from typing import Optional

from . import api

# .invalid is reserved (RFC 2606): nothing can ever be delivered there.
PLACEHOLDER_EMAIL = "panier@paris16.invalid"


def has_real_email(checkout) -> bool:
    return bool(checkout.get("email")) and checkout["email"] != PLACEHOLDER_EMAIL


CHECKOUT_FIELDS = """
fragment Basket on Checkout {
  id token email quantity isShippingRequired
  subtotalPrice { gross { amount currency } }
  shippingPrice { gross { amount currency } }
  totalPrice { gross { amount currency } }
  shippingAddress {
    firstName lastName streetAddress1 streetAddress2 postalCode city phone country { code }
  }
  shippingMethod { id name }
  merchantGroups {
    merchant { id name slug isActive clickAndCollect }
    subtotal { gross { amount currency } }
    lines {
      id quantity
      totalPrice { gross { amount currency } }
      variant {
        id name quantityAvailable
        pricing { price { gross { amount currency } } }
        product { name slug isAvailable thumbnail(size: 120) { url alt } }
      }
    }
  }
  deliveryOptions {
    kind label needsSlot
    price { amount currency }
    merchant { name slug }
    shippingMethod { id }
  }
  deliverySlot { id start end }
  availablePaymentGateways { id name config { field value } }
}"""

ERRORS = "checkoutErrors { field message code }"

GET = "query Basket($token: UUID!) { checkout(token: $token) { ...Basket } }" + CHECKOUT_FIELDS

CREATE = (
    "mutation Create($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {"
    " checkout { ...Basket } " + ERRORS + " } }" + CHECKOUT_FIELDS
)
ADD = (
    "mutation Add($id: ID!, $lines: [CheckoutLineInput]!) { checkoutLinesAdd(checkoutId: $id, lines: $lines) {"
    " checkout { ...Basket } " + ERRORS + " } }" + CHECKOUT_FIELDS
)
UPDATE = (
    "mutation Update($id: ID!, $lines: [CheckoutLineInput]!) { checkoutLinesUpdate(checkoutId: $id, lines: $lines) {"
    " checkout { ...Basket } " + ERRORS + " } }" + CHECKOUT_FIELDS
)
DELETE = (
    "mutation Delete($id: ID!, $line: ID!) { checkoutLineDelete(checkoutId: $id, lineId: $line) {"
    " checkout { ...Basket } " + ERRORS + " } }" + CHECKOUT_FIELDS
)
EMAIL = (
    "mutation Email($id: ID!, $email: String!) { checkoutEmailUpdate(checkoutId: $id, email: $email) {"
    " " + ERRORS + " } }"
)
ME = "query Me { me { email } }"
# Stock attach sets the customer but keeps the basket's e-mail: both, in one request.
ATTACH = """
mutation Attach($id: ID!, $email: String!) {
  checkoutCustomerAttach(checkoutId: $id) { checkoutErrors { field message code } }
  checkoutEmailUpdate(checkoutId: $id, email: $email) { checkoutErrors { field message code } }
}"""
ADDRESS = """
mutation Address($id: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(checkoutId: $id, shippingAddress: $address) { checkoutErrors { field message code } }
  checkoutBillingAddressUpdate(checkoutId: $id, billingAddress: $address) { checkoutErrors { field message code } }
}"""
ZONE_CHECK = """
query Zone($address: AddressInput!) {
  deliveryZoneCheck(address: $address) { inZone code message normalizedPostalCode }
}"""
METHOD = (
    "mutation Method($id: ID!, $method: ID!) { checkoutShippingMethodUpdate(checkoutId: $id,"
    " shippingMethodId: $method) { " + ERRORS + " } }"
)
SLOTS = "query Slots($id: ID) { deliverySlots(checkoutId: $id) { id start end cutoff remaining isAvailable } }"
SLOT = """
mutation Slot($id: ID!, $slot: ID!) {
  checkoutDeliverySlotUpdate(checkoutId: $id, slotId: $slot) { errors { field message code } }
}"""
PAY = """
mutation Pay($id: ID!, $input: PaymentInput!) {
  checkoutPaymentCreate(checkoutId: $id, input: $input) { paymentErrors { field message code } }
}"""
COMPLETE = """
mutation Complete($id: ID!) {
  checkoutComplete(checkoutId: $id) { order { id token number } checkoutErrors { field message code } }
}"""


def fetch(token: Optional[str], jwt: Optional[str] = None) -> Optional[dict]:
    """The basket behind a cookie, or None when it is gone (completed, expired, bad token)."""
    try:
        uuid.UUID(token or "")
    except ValueError:
        return None  # no cookie, or one we never wrote
    return api.execute(GET, {"token": token}, jwt)["checkout"]


def claim(checkout_id: str, jwt: str) -> list:
    """The logged-in customer takes the basket over; returns the API's errors."""
    me = api.execute(ME, {}, jwt)["me"]
    if me is None:
        return [{"field": None, "message": None, "code": "PERMISSION_DENIED"}]
    data = api.execute(ATTACH, {"id": checkout_id, "email": me["email"]}, jwt)
    return data["checkoutCustomerAttach"]["checkoutErrors"] + data["checkoutEmailUpdate"]["checkoutErrors"]


def mutate(document: str, variables: dict, payload: str, jwt: Optional[str] = None) -> dict:
    """One mutation's payload; its list of user errors is always under "errors"."""
    result = api.execute(document, variables, jwt)[payload]
    # Saleor names the list after the domain (checkoutErrors, paymentErrors...).
    errors = next((value for key, value in result.items() if key.endswith("rrors") and value), [])
    return {**result, "errors": errors}
