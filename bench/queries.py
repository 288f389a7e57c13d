"""The GraphQL requests the benchmark and the query-discipline test send.

Stock and ours get the same documents; ours asks for our additions (Product.merchant,
delivery options, slots) once its schema has them — `Features` says which.
"""
from dataclasses import dataclass

RESIDENT_ADDRESS = {
    "firstName": "Camille", "lastName": "Martin", "streetAddress1": "12 rue de Passy",
    "city": "Paris", "postalCode": "75016", "country": "FR", "phone": "+33145200000",
}
DUMMY_GATEWAY = "mirumee.payments.dummy"

FEATURES_QUERY = """
query Features {
  product: __type(name: "Product") { fields { name } }
  checkout: __type(name: "Checkout") { fields { name } }
  query: __type(name: "Query") { fields { name } }
  mutation: __type(name: "Mutation") { fields { name } }
}
"""


@dataclass(frozen=True)
class Features:
    product_merchant: bool = False
    delivery_options: bool = False
    delivery_slots: bool = False
    search_suggestions: bool = False

    @classmethod
    def from_introspection(cls, data: dict) -> "Features":
        def names(key):
            return {f["name"] for f in (data.get(key) or {}).get("fields") or []}

        return cls(
            product_merchant="merchant" in names("product"),
            delivery_options="deliveryOptions" in names("checkout"),
            delivery_slots="deliverySlots" in names("query")
            and "checkoutDeliverySlotUpdate" in names("mutation"),
            search_suggestions="searchSuggestions" in names("query"),
        )

    def ours_only(self) -> list:
        return [name for name, on in vars(self).items() if on]


def _product_card(features: Features) -> str:
    merchant = "merchant { id name slug }" if features.product_merchant else ""
    return f"""
      id name slug
      thumbnail(size: 255) {{ url alt }}
      category {{ id name }}
      pricing {{ onSale priceRange {{ start {{ gross {{ amount currency }} }} }} }}
      {merchant}
    """


def listing(features: Features, first: int = 24) -> tuple:
    query = f"""
    query Listing($first: Int!) {{
      products(first: $first) {{
        edges {{ node {{ {_product_card(features)} }} }}
        pageInfo {{ hasNextPage endCursor }}
      }}
    }}"""
    return query, {"first": first}


def search(features: Features, term: str, first: int = 24) -> tuple:
    query = f"""
    query Search($first: Int!, $term: String!) {{
      products(first: $first, filter: {{search: $term}}) {{
        totalCount
        edges {{ node {{ {_product_card(features)} }} }}
      }}
    }}"""
    return query, {"first": first, "term": term}


def suggestions(typed: str) -> tuple:
    """What the storefront's search box asks while a resident types (ours only)."""
    query = """
    query Suggestions($q: String!) {
      searchSuggestions(query: $q, first: 8) { kind text merchant { slug } }
    }"""
    return query, {"q": typed}


def product_page(features: Features, product_id: str) -> tuple:
    merchant = (
        "merchant { id name slug description address { streetAddress1 postalCode city } }"
        if features.product_merchant else ""
    )
    query = f"""
    query ProductPage($id: ID!) {{
      product(id: $id) {{
        id name descriptionJson seoTitle seoDescription isAvailable
        category {{ id name }}
        thumbnail(size: 510) {{ url alt }}
        images {{ id url alt }}
        pricing {{ onSale priceRange {{ start {{ gross {{ amount currency }} }}
                                       stop {{ gross {{ amount currency }} }} }} }}
        attributes {{ attribute {{ name }} values {{ name }} }}
        variants {{ id name sku quantityAvailable
                    pricing {{ price {{ gross {{ amount currency }} }} }} }}
        {merchant}
      }}
    }}"""
    return query, {"id": product_id}


ERRORS = "checkoutErrors { field message code }"

CHECKOUT_CREATE = f"""
mutation CheckoutCreate($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{ checkout {{ id token }} {ERRORS} }}
}}"""


def shipping_address_update(features: Features) -> str:
    options = (
        "deliveryOptions { kind shippingMethod { id } }" if features.delivery_options else ""
    )
    return f"""
    mutation ShippingAddress($c: ID!, $a: AddressInput!) {{
      checkoutShippingAddressUpdate(checkoutId: $c, shippingAddress: $a) {{
        checkout {{ availableShippingMethods {{ id }} {options} }} {ERRORS}
      }}
    }}"""


BILLING_ADDRESS_UPDATE = f"""
mutation BillingAddress($c: ID!, $a: AddressInput!) {{
  checkoutBillingAddressUpdate(checkoutId: $c, billingAddress: $a) {{ {ERRORS} }}
}}"""

SHIPPING_METHOD_UPDATE = f"""
mutation ShippingMethod($c: ID!, $m: ID!) {{
  checkoutShippingMethodUpdate(checkoutId: $c, shippingMethodId: $m) {{
    checkout {{ totalPrice {{ gross {{ amount }} }} }} {ERRORS}
  }}
}}"""

DELIVERY_SLOTS = """
query Slots($c: ID!) { deliverySlots(checkoutId: $c) { id remaining isAvailable } }
"""

DELIVERY_SLOT_UPDATE = f"""
mutation Slot($c: ID!, $s: ID!) {{
  checkoutDeliverySlotUpdate(checkoutId: $c, slotId: $s) {{
    checkout {{ totalPrice {{ gross {{ amount }} }} }} errors {{ field message code }}
  }}
}}"""

# No amount: Saleor then charges the basket's total as the server computes it.
PAYMENT_CREATE = """
mutation Pay($c: ID!) {
  checkoutPaymentCreate(checkoutId: $c, input: {gateway: "%s", token: "fully-charged"}) {
    paymentErrors { field message code }
  }
}""" % DUMMY_GATEWAY

CHECKOUT_COMPLETE = f"""
mutation Complete($c: ID!) {{
  checkoutComplete(checkoutId: $c) {{ order {{ id number }} {ERRORS} }}
}}"""
