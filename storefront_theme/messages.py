"""French messages for the API's error codes, and which form field they belong to.

Our own mutations already answer in French; stock Saleor 2.10 answers in English,
so every code a resident can meet has its French sentence here. Pure module.
"""
from typing import Iterable, Optional

# The address check of the contract (DeliveryZoneCode): the API's own message is
# shown when present; these are the fallbacks, worded the same way.
ZONE_MESSAGES = {
    "OUTSIDE_ZONE": (
        "La livraison groupée est réservée au 16e arrondissement (75016 ou 75116) ; "
        "vous pouvez choisir le retrait en boutique."
    ),
    "INVALID_POSTAL_CODE": (
        "Le code postal doit comporter exactement 5 chiffres, par exemple 75016 ; "
        "merci de le corriger."
    ),
    "WRONG_CITY": (
        "La ville ne correspond pas à un code postal du 16e arrondissement ; "
        "indiquez « Paris » comme ville ou corrigez le code postal."
    ),
    "WRONG_COUNTRY": (
        "La livraison groupée n'est possible qu'en France, dans le 16e arrondissement "
        "de Paris ; vous pouvez choisir le retrait en boutique."
    ),
    "CEDEX": (
        "Un coursier ne peut pas livrer une adresse CEDEX ; indiquez l'adresse "
        "physique où vous recevrez votre panier dans le 16e arrondissement."
    ),
    "MISSING_FIELD": (
        "Le numéro et la rue, la ville, le code postal et le pays sont obligatoires ; "
        "merci de compléter votre adresse."
    ),
    "PO_BOX": (
        "Un coursier ne peut pas livrer une boîte postale (BP, CS, TSA) ; indiquez "
        "l'adresse physique où vous recevrez votre panier dans le 16e arrondissement."
    ),
}

# Which form field a zone verdict is about (the message is shown next to it).
ZONE_FIELDS = {
    "OUTSIDE_ZONE": "postalCode",
    "INVALID_POSTAL_CODE": "postalCode",
    "WRONG_CITY": "city",
    "WRONG_COUNTRY": "country",
    "CEDEX": "postalCode",
    "MISSING_FIELD": "postalCode",
    "PO_BOX": "streetAddress1",
}

# Stock Saleor codes (checkout, account, payment) a resident can meet.
CODE_MESSAGES = {
    "INVALID_CREDENTIALS": "Adresse e-mail ou mot de passe incorrect.",
    "INACTIVE": "Ce compte est désactivé ; contactez la mairie du 16e.",
    "REQUIRED": "Ce champ est obligatoire.",
    "INVALID": "Cette valeur n'est pas valide ; merci de la corriger.",
    "INSUFFICIENT_STOCK": "Il n'en reste plus assez en boutique ; réduisez la quantité.",
    "PRODUCT_NOT_PUBLISHED": "Ce produit n'est plus proposé par la boutique.",
    "QUANTITY_GREATER_THAN_LIMIT": "Quantité trop grande pour un seul panier.",
    "ZERO_QUANTITY": "La quantité doit être d'au moins 1.",
    "NOT_FOUND": "Cet élément n'existe plus ; rechargez la page.",
    "SHIPPING_ADDRESS_NOT_SET": "Indiquez d'abord votre adresse.",
    "SHIPPING_METHOD_NOT_SET": "Choisissez un mode de livraison ou de retrait.",
    "SHIPPING_METHOD_NOT_APPLICABLE": (
        "Ce mode de livraison n'est pas possible pour cette adresse ou ce panier."
    ),
    "INVALID_SHIPPING_METHOD": (
        "Ce mode de livraison n'est pas possible pour cette adresse ou ce panier."
    ),
    "BILLING_ADDRESS_NOT_SET": "Indiquez votre adresse de facturation.",
    "CHECKOUT_NOT_FULLY_PAID": "Le paiement n'a pas couvert tout le panier ; réessayez.",
    "PAYMENT_ERROR": "Le paiement a été refusé ; votre panier est conservé, réessayez.",
    "NOT_SUPPORTED_GATEWAY": "Ce moyen de paiement n'est pas disponible.",
    "PARTIAL_PAYMENT_NOT_ALLOWED": "Le paiement doit couvrir tout le panier.",
    "UNIQUE": "Cette valeur est déjà utilisée.",
    "GRAPHQL_ERROR": "Le service n'a pas pu traiter la demande ; réessayez.",
    "PERMISSION_DENIED": "Vous n'avez pas accès à cette action.",
    "TAX_ERROR": "Le calcul des taxes a échoué ; réessayez dans un instant.",
    **ZONE_MESSAGES,
}

GENERAL = "__all__"

# Field names of the API payloads mapped onto our form fields (same names where possible).
FIELD_ALIASES = {
    "shippingAddress": "postalCode",
    "billingAddress": "postalCode",
    "lines": "quantity",
    "variantId": "quantity",
    "slotId": "slot",
    "deliverySlot": "slot",
    "shippingMethodId": "shippingMethod",
    "checkoutId": GENERAL,
    "lineId": GENERAL,
    "id": GENERAL,
    "token": "payment",
    "gateway": "payment",
    "amount": "payment",
}


def is_french(text: Optional[str]) -> bool:
    """Our mutations speak French; Saleor's stock messages are English sentences."""
    if not text:
        return False
    markers = (" le ", " la ", " les ", " de ", " du ", " des ", " votre ", " vous ", "é", "è", "à", " ce ")
    lowered = f" {text.lower()} "
    return any(marker in lowered for marker in markers)


def message_for(code: Optional[str], api_message: Optional[str] = None) -> str:
    """The French sentence for a code: the API's when it is French, else ours."""
    if api_message and is_french(api_message):
        return api_message
    if code and code.upper() in CODE_MESSAGES:
        return CODE_MESSAGES[code.upper()]
    return CODE_MESSAGES["GRAPHQL_ERROR"]


def camel(field: Optional[str]) -> Optional[str]:
    """Saleor reports some fields in snake_case ("postal_code"); our forms use camelCase."""
    if not field or "_" not in field:
        return field
    head, *rest = field.split("_")
    return head + "".join(part.capitalize() for part in rest)


def form_errors(errors: Iterable[dict]) -> dict:
    """Mutation errors [{field, message, code}] -> {form field: French message}.

    An error without a field (or on a field the form does not show) goes under
    "__all__", shown at the top of the form; the first error of a field wins.
    """
    result: dict = {}
    for error in errors or ():
        field = camel(error.get("field"))
        code = (error.get("code") or "").upper()
        if code in ZONE_FIELDS and field in (None, "shippingAddress", "postalCode", "city", "country"):
            field = ZONE_FIELDS[code]
        field = FIELD_ALIASES.get(field, field) or GENERAL
        result.setdefault(field, message_for(code, error.get("message")))
    return result
