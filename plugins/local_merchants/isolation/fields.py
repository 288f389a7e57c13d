"""Which field of which GraphQL type a shopkeeper may read, on whose objects.

Pure Python, owned by `policy.py` (which asks `access()`): one row per object type a
shopkeeper can reach from the root fields the policy lets them use, listing every field
of that type with its access:

- `name`   PUBLIC: answered as to any visitor (stock Saleor's permissions still apply);
- `+name`  OWN: answered only on an object of the shopkeeper's own shop; on another
           shop's object (or the operator's), answered as to an anonymous visitor;
- `-name`  DENIED: answered as to an anonymous visitor, whoever owns the object.

A field missing from this table is DENIED (deny by default), and
`tests/unit/local_merchants/test_field_policy.py` fails until it is classified here.
Types holding personal data (User, Address, Order, Checkout, Payment...) are public in
this table because a shopkeeper reaches them only from their own account (`me`), where
stock Saleor checks that the object is the caller's; and from their own shop's
warehouse or shop page (shop addresses).
"""
from enum import Enum
from typing import Dict, Mapping, Tuple


class Access(str, Enum):
    PUBLIC = "PUBLIC"
    OWN = "OWN"
    DENIED = "DENIED"


# Types whose objects belong to one shop: OWN marks their private fields.
OWNED_TYPE_FIELDS: Mapping[str, str] = {
    "Product": (
        "id seoTitle seoDescription name description descriptionJson publicationDate "
        "isPublished productType slug category updatedAt chargeTaxes weight metadata meta url "
        "thumbnail pricing isAvailable minimalVariantPrice taxType attributes imageById "
        "variants images collections translation merchant "
        "+privateMetadata +privateMeta +basePrice +purchaseCost +margin"
    ),
    "ProductVariant": (
        "id name sku product trackInventory weight metadata meta stockQuantity pricing "
        "isAvailable attributes images translation quantityAvailable "
        "+privateMetadata +privateMeta +quantity +quantityAllocated +priceOverride +costPrice "
        "+margin +quantityOrdered +revenue +digitalContent +stocks"
    ),
    "ProductImage": "id sortOrder alt url",
    "Stock": "id +warehouse +productVariant +quantity +quantityAllocated",
    # Every shop's warehouse hangs off the shared shipping zones: only its id is public.
    "Warehouse": "id +name +slug +companyName +shippingZones +address +email",
    "Merchant": (
        "id name slug description clickAndCollect isActive trade tradeLabel address "
        "openingHours products location +siret +email +phone +commissionRate"
    ),
    # A line belongs to its part's shop (orderFulfill names lines); a shop reaches only
    # its own lines (orders/dashboard/), so every field is public here.
    "OrderLine": (
        "id productName variantName productSku isShippingRequired quantity quantityFulfilled "
        "taxRate digitalContentUrl thumbnail unitPrice variant translatedProductName "
        "translatedVariantName"
    ),
    "MerchantOrder": (
        "+id +isClickAndCollect +pickupAt +paidAt +readyAt +createdAt +number +merchant +status "
        "+lines +customerFirstName +deliverySlot +settlement"
    ),
}

# Every other type a shopkeeper can reach. Private metadata of shared objects (categories,
# collections, product types...) is the operator's; apps and webhooks never concern a shop.
SHARED_TYPE_FIELDS: Mapping[str, str] = {
    "AccountError": "field message code",
    "AccountUpdate": "errors accountErrors user",
    "Address": (
        "id firstName lastName companyName streetAddress1 streetAddress2 city cityArea "
        "postalCode country countryArea phone isDefaultShippingAddress "
        "isDefaultBillingAddress"
    ),
    "AddressValidationData": (
        "countryCode countryName addressFormat addressLatinFormat allowedFields "
        "requiredFields upperFields countryAreaType countryAreaChoices cityType cityChoices "
        "cityAreaType cityAreaChoices postalCodeType postalCodeMatchers postalCodeExamples "
        "postalCodePrefix"
    ),
    "App": (
        "-id -name -created -isActive -permissions -tokens -privateMetadata -metadata "
        "-privateMeta -meta -webhooks"
    ),
    "AppToken": "-name -authToken -id",
    "Attribute": (
        "id productTypes productVariantTypes -privateMetadata metadata -privateMeta meta "
        "inputType name slug values valueRequired visibleInStorefront filterableInStorefront "
        "filterableInDashboard availableInGrid translation storefrontSearchPosition"
    ),
    "AttributeCountableConnection": "pageInfo edges totalCount",
    "AttributeCountableEdge": "node cursor",
    "AttributeTranslation": "id name language",
    "AttributeValue": "id name slug type translation inputType",
    "AttributeValueTranslation": "id name language",
    "AuthorizationKey": "name key",
    "BulkProductError": "field message code index warehouses",
    "BulkStockError": "field message code index",
    "Category": (
        "id seoTitle seoDescription name description descriptionJson slug parent level "
        "-privateMetadata metadata -privateMeta meta ancestors products url children "
        "backgroundImage translation"
    ),
    "CategoryCountableConnection": "pageInfo edges totalCount",
    "CategoryCountableEdge": "node cursor",
    "CategoryTranslation": "id seoTitle seoDescription name description descriptionJson language",
    "Checkout": (
        "created lastChange user token quantity billingAddress shippingAddress shippingMethod "
        "note discount discountName translatedDiscountName voucherCode giftCards id "
        "-privateMetadata metadata -privateMeta meta availableShippingMethods "
        "availablePaymentGateways email isShippingRequired lines shippingPrice subtotalPrice "
        "totalPrice deliveryOptions deliverySlot merchantGroups"
    ),
    "CheckoutLine": "id variant quantity totalPrice requiresShipping",
    "CheckoutMerchantGroup": "merchant lines subtotal",
    "ChoiceValue": "raw verbose",
    "Collection": (
        "id seoTitle seoDescription name description descriptionJson publicationDate "
        "isPublished slug -privateMetadata metadata -privateMeta meta products "
        "backgroundImage translation"
    ),
    "CollectionCountableConnection": "pageInfo edges totalCount",
    "CollectionCountableEdge": "node cursor",
    "CollectionTranslation": (
        "id seoTitle seoDescription name description descriptionJson language"
    ),
    "CountryDisplay": "code country vat",
    "CreateToken": "token errors accountErrors user",
    "CreditCard": "brand firstDigits lastDigits expMonth expYear",
    "CustomerEvent": "id date type user message count order orderLine",
    "DeleteMetadata": "errors metadataErrors item",
    "DeletePrivateMetadata": "errors metadataErrors item",
    "DeliveryOption": "kind shippingMethod price merchant label needsSlot",
    "DeliverySlot": "id start end cutoff remaining isAvailable",
    "DeliveryZoneCheck": "inZone code normalizedPostalCode message",
    "DigitalContent": (
        "useDefaultSettings automaticFulfillment productVariant contentFile maxDownloads "
        "urlValidDays urls id -privateMetadata metadata -privateMeta meta"
    ),
    "DigitalContentUrl": "token content created downloadNum id url",
    "Domain": "host sslEnabled url",
    "Error": "field message",
    "Fulfillment": (
        "id fulfillmentOrder status trackingNumber created -privateMetadata metadata "
        "-privateMeta meta lines statusDisplay warehouse"
    ),
    "FulfillmentLine": "id quantity orderLine",
    "GatewayConfigLine": "field value",
    "GeoPoint": "latitude longitude precision",  # a shop's public place
    "Geolocalization": "country",
    "GiftCard": (
        "code user created startDate endDate lastUsedOn isActive initialBalance "
        "currentBalance id displayCode"
    ),
    "GiftCardCountableConnection": "pageInfo edges totalCount",
    "GiftCardCountableEdge": "node cursor",
    "Group": "id name permissions users userCanManage",
    "Image": "url alt",
    "LanguageDisplay": "code language",
    "Margin": "start stop",
    "Menu": "id name items",
    "MenuItem": "id name menu parent category collection page level children url translation",
    "MenuItemTranslation": "id name language",
    "MerchantCountableConnection": "pageInfo edges totalCount",
    "MerchantCountableEdge": "node cursor",
    "MerchantError": "field message code",
    "MerchantOrderCountableConnection": "pageInfo edges totalCount",
    "MerchantOrderCountableEdge": "node cursor",
    "MerchantOrderError": "field message code",
    "MerchantOrderMarkCollected": "errors merchantOrder merchantOrderErrors",
    "MerchantOrderMarkReady": "errors merchantOrder merchantOrderErrors",
    "MerchantSettlement": "merchant sales discount commissionBase commission netDue orderCount",
    "MerchantUpdate": "errors merchant merchantErrors",
    "MetaClientStore": "name metadata",
    "MetaItem": "key value",
    "MetaStore": "namespace clients",
    "MetadataError": "field message code",
    "MetadataItem": "key value",
    "Money": "currency amount localized",
    "MoneyRange": "start stop",
    "Navigation": "main secondary",
    "OpeningHours": "weekday opens closes",
    "Order": (
        "id created status user languageCode trackingClientId billingAddress shippingAddress "
        "shippingMethod shippingMethodName shippingPrice token voucher giftCards discount "
        "discountName translatedDiscountName displayGrossPrices customerNote weight "
        "-privateMetadata metadata -privateMeta meta fulfillments lines actions "
        "availableShippingMethods number isPaid paymentStatus paymentStatusDisplay payments "
        "total subtotal statusDisplay canFinalize totalAuthorized totalCaptured events "
        "totalBalance userEmail isShippingRequired deliverySlot merchantGroups"
    ),
    "OrderCountableConnection": "pageInfo edges totalCount",
    "OrderCountableEdge": "node cursor",
    "OrderEvent": (
        "id date type user message email emailType amount paymentId paymentGateway quantity "
        "composedId orderNumber oversoldItems lines fulfilledItems warehouse"
    ),
    "OrderError": "field message code warehouse orderLine",
    "OrderEventCountableConnection": "pageInfo edges totalCount",
    "OrderEventCountableEdge": "node cursor",
    "OrderEventOrderLineObject": "quantity orderLine itemName",
    "OrderFulfill": "errors fulfillments order orderErrors",
    "OrderMerchantGroup": "merchant lines status",
    "Page": (
        "id seoTitle seoDescription title content contentJson publicationDate isPublished "
        "slug created translation"
    ),
    "PageInfo": "hasNextPage hasPreviousPage startCursor endCursor",
    "PageTranslation": "id seoTitle seoDescription title content contentJson language",
    "PasswordChange": "errors user accountErrors",
    "Payment": (
        "id gateway isActive created modified token checkout order billingEmail "
        "customerIpAddress extraData chargeStatus actions total capturedAmount billingAddress "
        "transactions availableCaptureAmount availableRefundAmount creditCard"
    ),
    "PaymentGateway": "name id config",
    "PaymentSource": "gateway creditCardInfo",
    "Permission": "code name",
    "ProductBulkDelete": "errors count productErrors",
    "ProductBulkPublish": "errors count productErrors",
    "ProductClearMeta": "errors productErrors product",
    "ProductClearPrivateMeta": "errors productErrors product",
    "ProductCountableConnection": "pageInfo edges totalCount",
    "ProductCountableEdge": "node cursor",
    "ProductCreate": "errors productErrors product",
    "ProductDelete": "errors productErrors product",
    "ProductError": "field message code",
    "ProductImageBulkDelete": "errors count productErrors",
    "ProductImageCreate": "errors product image productErrors",
    "ProductImageDelete": "errors product image productErrors",
    "ProductImageReorder": "errors product images productErrors",
    "ProductImageUpdate": "errors product image productErrors",
    "ProductPricingInfo": (
        "onSale discount discountLocalCurrency priceRange priceRangeUndiscounted "
        "priceRangeLocalCurrency"
    ),
    "ProductTranslation": "id seoTitle seoDescription name description descriptionJson language",
    "ProductType": (
        "id name slug hasVariants isShippingRequired isDigital weight -privateMetadata "
        "metadata -privateMeta meta products taxRate taxType variantAttributes "
        "productAttributes availableAttributes"
    ),
    "ProductTypeCountableConnection": "pageInfo edges totalCount",
    "ProductTypeCountableEdge": "node cursor",
    "ProductUpdate": "errors productErrors product",
    "ProductUpdateMeta": "errors productErrors product",
    "ProductUpdatePrivateMeta": "errors productErrors product",
    "ProductVariantBulkCreate": "errors count productVariants bulkProductErrors",
    "ProductVariantBulkDelete": "errors count productErrors",
    "ProductVariantClearMeta": "errors productErrors productVariant",
    "ProductVariantClearPrivateMeta": "errors productErrors productVariant",
    "ProductVariantCountableConnection": "pageInfo edges totalCount",
    "ProductVariantCountableEdge": "node cursor",
    "ProductVariantCreate": "errors productErrors productVariant",
    "ProductVariantDelete": "errors productErrors productVariant",
    "ProductVariantStocksCreate": "errors productVariant bulkStockErrors",
    "ProductVariantStocksDelete": "errors productVariant stockErrors",
    "ProductVariantStocksUpdate": "errors productVariant bulkStockErrors",
    "ProductVariantTranslation": "id name language",
    "ProductVariantUpdate": "errors productErrors productVariant",
    "ProductVariantUpdateMeta": "errors productErrors productVariant",
    "ProductVariantUpdatePrivateMeta": "errors productErrors productVariant",
    "ReducedRate": "rate rateType",
    "RefreshToken": "token payload",
    "RequestPasswordReset": "errors accountErrors",
    "SearchSuggestion": "kind text merchant",
    "SelectedAttribute": "attribute values",
    "ServiceAccount": (
        "-id -name -created -isActive -permissions -tokens -privateMetadata -metadata "
        "-privateMeta -meta"
    ),
    "ServiceAccountToken": "-name -authToken -id",
    "SetPassword": "token errors accountErrors user",
    "ShippingMethod": (
        "id name price minimumOrderPrice maximumOrderPrice minimumOrderWeight "
        "maximumOrderWeight type translation"
    ),
    "ShippingMethodTranslation": "id name language",
    "ShippingZone": "id name default priceRange countries shippingMethods warehouses",
    "ShippingZoneCountableConnection": "pageInfo edges totalCount",
    "ShippingZoneCountableEdge": "node cursor",
    "Shop": (
        "availablePaymentGateways geolocalization -authorizationKeys countries currencies "
        "defaultCurrency defaultCountry defaultMailSenderName defaultMailSenderAddress "
        "description domain homepageCollection languages name navigation permissions "
        "phonePrefixes headerText includeTaxesInPrices displayGrossPrices "
        "chargeTaxesOnShipping trackInventoryByDefault defaultWeightUnit translation "
        "automaticFulfillmentDigitalProducts defaultDigitalMaxDownloads "
        "defaultDigitalUrlValidDays companyAddress customerSetPasswordUrl "
        "-staffNotificationRecipients"
    ),
    "ShopTranslation": "id headerText description language",
    "StaffNotificationRecipient": "user active id email",
    "StockCountableConnection": "pageInfo edges totalCount",
    "StockCountableEdge": "node cursor",
    "StockError": "field message code",
    "TaxType": "description taxCode",
    "TaxedMoney": "currency gross net tax",
    "TaxedMoneyRange": "start stop",
    "Transaction": "id created payment token kind isSuccess error gatewayResponse amount",
    "UpdateMetadata": "errors metadataErrors item",
    "UpdatePrivateMetadata": "errors metadataErrors item",
    "User": (
        "id lastLogin email firstName lastName isStaff isActive note dateJoined "
        "defaultShippingAddress defaultBillingAddress -privateMetadata metadata -privateMeta "
        "meta addresses checkout giftCards orders permissions userPermissions "
        "permissionGroups editableGroups avatar events storedPaymentSources merchant"
    ),
    "UserCountableConnection": "pageInfo edges totalCount",  # customers: empty for a shop
    "UserCountableEdge": "node cursor",
    "UserAvatarDelete": "errors user accountErrors",
    "UserAvatarUpdate": "errors user accountErrors",
    "UserPermission": "code name sourcePermissionGroups",
    "VAT": "countryCode standardRate reducedRates",
    "VariantImageAssign": "errors productVariant image productErrors",
    "VariantImageUnassign": "errors productVariant image productErrors",
    "VariantPricingInfo": (
        "onSale discount discountLocalCurrency price priceUndiscounted priceLocalCurrency"
    ),
    "VerifyToken": "payload user",
    "Voucher": (
        "id name type code usageLimit used startDate endDate applyOncePerOrder "
        "applyOncePerCustomer discountValueType discountValue minSpent "
        "minCheckoutItemsQuantity countries translation -categories -collections -products"
    ),
    "VoucherTranslation": "id name language",
    "WarehouseCountableConnection": "pageInfo edges totalCount",
    "WarehouseCountableEdge": "node cursor",
    "WarehouseError": "field message code",
    "WarehouseUpdate": "errors warehouseErrors warehouse",
    "Webhook": "-name -targetUrl -isActive -secretKey -id -events -serviceAccount -app",
    "WebhookEvent": "-eventType -name",
    "Weight": "unit value",
}


# What a courier reads of a round (deliveryRound): on these types, only the listed fields;
# the others answer as to an anonymous visitor (null, empty or refused). No e-mail, no
# phone, no account, no payment or price: the order's number, its shops' lines and the
# door it goes to. The types a round leads to from here that are not listed are public
# (COURIER_PUBLIC_TYPES). A courier's own account is narrowed alike (their orders, their
# addresses): it is a work account.
COURIER_TYPE_FIELDS: Mapping[str, str] = {
    "DeliveryRound": (
        "slot stops deliveries routes distanceKm perShopDistanceKm unrouted unroutedReasons "
        "couriers plannedAt"
    ),
    "RoundStop": "merchant lines",
    "RoundStopLine": "orderNumber productName variantName sku quantity",
    "RoundDelivery": "order kind destination shopCount",
    "CourierRoute": "courier distanceKm durationMinutes stops",
    "RouteStop": "id sequence kind merchant orders location arrival status reason",
    "UnroutedOrder": "order code message",
    "Order": "id number created status statusDisplay deliverySlot shippingAddress lines weight",
    "OrderLine": "id productName variantName productSku quantity quantityFulfilled",
    "Address": (
        "firstName lastName companyName streetAddress1 streetAddress2 city cityArea "
        "postalCode country countryArea"
    ),
}
# Reached from a round's fields, and the same for anyone: a shop's public page, the slot,
# places on the map, units.
COURIER_PUBLIC_TYPES = frozenset({
    "DeliverySlot", "Merchant", "GeoPoint", "CountryDisplay", "Weight",
})


def _parse(rows: Mapping[str, str]) -> Dict[Tuple[str, str], Access]:
    marks = {"+": Access.OWN, "-": Access.DENIED}
    table = {}
    for type_name, words in rows.items():
        for word in words.split():
            access = marks.get(word[0], Access.PUBLIC)
            table[(type_name, word.lstrip("+-"))] = access
    return table


FIELDS: Mapping[Tuple[str, str], Access] = _parse({**SHARED_TYPE_FIELDS, **OWNED_TYPE_FIELDS})
OWNED_TYPES = frozenset(OWNED_TYPE_FIELDS)


def access(type_name: str, field: str) -> Access:
    """A shopkeeper's access to `type_name.field`; unclassified fields are denied."""
    return FIELDS.get((type_name, field), Access.DENIED)


COURIER_FIELDS = frozenset(
    (type_name, field) for type_name, words in COURIER_TYPE_FIELDS.items() for field in words.split()
)


def courier_may_read(type_name: str, field: str) -> bool:
    """Whether a courier may read `type_name.field`: any field of a type not listed."""
    return type_name not in COURIER_TYPE_FIELDS or (type_name, field) in COURIER_FIELDS
