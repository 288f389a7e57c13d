"""`manage.py load_district [--merchants N] [--seed S]`: the demo district, idempotently.

Adapter from the pure generator (fixtures.district) to Saleor's tables: shop settings,
operator account, a shipping zone for France, product types and categories, then each
missing shop (onboarding.create_merchant) and each missing product, by slug. Products,
variants, stocks and shop links are bulk-inserted per batch of shops: the 1,500-shop
district has some 25,000 products.
"""
import time
from typing import Dict, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import QuerySet
from measurement.measures import Weight
from saleor.account.models import Address, User
from saleor.discount.utils import fetch_active_discounts
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.product.utils.variant_prices import update_products_minimal_variant_prices
from saleor.shipping.models import ShippingZone
from saleor.warehouse.models import Stock
from tqdm import tqdm

from fixtures import catalogue
from fixtures.district import (
    DEFAULT_MERCHANT_COUNT,
    DEFAULT_SEED,
    EMAIL_DOMAIN,
    MerchantData,
    ProductData,
    generate_district,
)
from plugins.french_vat.plugin import META_CODE_KEY
from plugins.grouped_delivery.geo.demo import load_demo_addresses, locate_unlocated
from plugins.local_merchants.models import Merchant, ProductMerchant
from plugins.local_merchants.onboarding import MERCHANT_COUNTRY, create_merchant
from plugins.search import documents as search_documents

SHOP_NAME = "Paris 16 Shopping"
OPERATOR_EMAIL = f"admin@{EMAIL_DOMAIN}"
ZONE_NAME = "Paris 16e"
BATCH = 50  # shops per transaction: small enough to keep progress visible


class Command(BaseCommand):
    help = "Charge le quartier de démonstration (commerçants, produits, stocks) ; sans effet s'il est déjà là."

    def add_arguments(self, parser):
        parser.add_argument("--merchants", type=int, default=DEFAULT_MERCHANT_COUNT)
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)

    def handle(self, *args, merchants: int, seed: int, verbosity: int = 1, **options):
        if merchants < 1:
            raise CommandError("--merchants doit être un nombre de boutiques supérieur à 0.")
        started = time.monotonic()
        district = generate_district(merchants, seed)
        password_hash = make_password(settings.P16_DEMO_PASSWORD)  # hashed once for all shops
        with transaction.atomic():
            load_demo_addresses()  # first: the shops' addresses are located when saved
            _ensure_shop_settings()
            _ensure_operator(password_hash)
            _ensure_france_zone()
            categories = _ensure_categories()
            product_types = _ensure_product_types()
        existing = set(Merchant.objects.values_list("slug", flat=True))
        created_shops = created_products = 0
        with tqdm(
            total=len(district.merchants), unit="boutique", disable=verbosity < 1,
            desc="Quartier de démonstration",
        ) as progress:
            for start in range(0, len(district.merchants), BATCH):
                batch = district.merchants[start:start + BATCH]
                with transaction.atomic():
                    for data in batch:
                        if data.slug not in existing:
                            _onboard(data, password_hash)
                            created_shops += 1
                    shops = Merchant.objects.select_related("warehouse").in_bulk(
                        [m.slug for m in batch], field_name="slug"
                    )
                    created_products += _add_missing_products(
                        batch, shops, categories, product_types
                    )
                progress.update(len(batch))
        locate_unlocated()
        if created_shops or created_products:
            # Statistics of every table just filled (products, stocks, links, search
            # documents): until autovacuum gets to them, the planner takes 25,000 products
            # for 1,400 and joins whole tables for a search matching 80 of them.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if verbosity >= 1:
            self.stdout.write(
                f"{created_shops} boutique(s) et {created_products} produit(s) créés ; "
                f"le quartier compte {Merchant.objects.count()} boutiques "
                f"({time.monotonic() - started:.1f} s)."
            )


def _ensure_shop_settings() -> None:
    """Our defaults, once: `make run` loads the district at every start, and the
    operator's later changes in the Dashboard must survive it."""
    # Migrations run in the same process (tests) leave a historical SiteSettings,
    # without the later fields, in Django's Site cache.
    Site.objects.clear_cache()
    site = Site.objects.get_current()
    shop = site.settings
    if shop.company_address_id is not None:
        return
    site.name = SHOP_NAME
    # Saleor builds the absolute links of its e-mails from the Site's domain.
    site.domain = urlsplit(settings.STOREFRONT_URL).netloc or site.domain
    site.save(update_fields=["name", "domain"])
    shop.description = "La place de marché des commerçants du 16e arrondissement."
    shop.include_taxes_in_prices = True
    shop.display_gross_prices = True
    shop.charge_taxes_on_shipping = True
    shop.default_mail_sender_name = SHOP_NAME
    shop.default_mail_sender_address = f"bonjour@{EMAIL_DOMAIN}"
    # The town hall of the 16th runs the marketplace.
    shop.company_address = Address.objects.create(
        company_name="Mairie du 16e arrondissement",
        street_address_1="71 avenue Henri-Martin",
        postal_code="75116",
        city="PARIS",
        country=MERCHANT_COUNTRY,
    )
    shop.save()


def _ensure_operator(password_hash: str) -> None:
    if not User.objects.filter(email=OPERATOR_EMAIL).exists():
        User.objects.create(
            email=OPERATOR_EMAIL, password=password_hash, is_staff=True, is_superuser=True,
            first_name="Opérateur", last_name="Paris 16",
        )


def _ensure_france_zone() -> None:
    # The grouped delivery plugin adds its shipping methods to the zone covering France.
    if not ShippingZone.objects.filter(countries__contains=MERCHANT_COUNTRY).exists():
        ShippingZone.objects.create(name=ZONE_NAME, countries=[MERCHANT_COUNTRY], default=False)


def _ensure_categories() -> Dict[str, Category]:
    existing = Category.objects.in_bulk([c.slug for c in catalogue.CATEGORIES], field_name="slug")
    for spec in catalogue.CATEGORIES:
        if spec.slug not in existing:
            # One by one: Category is an MPTT tree, bulk_create would skip its tree fields.
            existing[spec.slug] = Category.objects.create(
                slug=spec.slug, name=spec.name, seo_title=spec.name
            )
    return existing


def _ensure_product_types() -> Dict[str, ProductType]:
    specs = catalogue.PRODUCT_TYPES
    existing = ProductType.objects.in_bulk([t.slug for t in specs], field_name="slug")
    for spec in specs:
        product_type = existing.get(spec.slug) or ProductType(
            slug=spec.slug, name=spec.name, has_variants=False, is_shipping_required=True
        )
        # A type found without a VAT code would tax its food or books at 20 %.
        if not product_type.get_value_from_metadata(META_CODE_KEY):
            product_type.store_value_in_metadata({META_CODE_KEY: spec.vat_code})
            product_type.save()
            existing[spec.slug] = product_type
    return existing


def _onboard(data: MerchantData, password_hash: str) -> Merchant:
    return create_merchant(
        name=data.name,
        slug=data.slug,
        trade=data.trade,
        email=data.email,
        siret=data.siret,
        phone=data.phone,
        address={
            "street_address_1": data.address.street_address,
            "postal_code": data.address.postal_code,
            "city": data.address.city,
            "country": data.address.country,
        },
        description=data.description,
        opening_hours=data.opening_hours,
        click_and_collect=data.click_and_collect,
        commission_rate=data.commission_rate,
        shopkeeper_password_hash=password_hash,
    )


def _add_missing_products(
    batch: Iterable[MerchantData],
    shops: Dict[str, Merchant],
    categories: Dict[str, Category],
    product_types: Dict[str, ProductType],
) -> int:
    wanted = [(shops[m.slug], p) for m in batch for p in m.products]
    existing = set(
        Product.objects.filter(slug__in=[p.slug for _, p in wanted]).values_list("slug", flat=True)
    )
    missing = [(shop, p) for shop, p in wanted if p.slug not in existing]
    if not missing:
        return 0
    # A list, not a generator: Saleor's Product bulk_create iterates it twice.
    products = Product.objects.bulk_create(
        [_product(p, categories, product_types) for _, p in missing]
    )
    variants = [
        ProductVariant(
            product=product, sku=data.sku, currency=product.currency,
            cost_price_amount=data.cost_price, track_inventory=True,
        )
        for product, (_, data) in zip(products, missing)
    ]
    # Saleor's own ProductVariant bulk_create queues a minimal-price update per product;
    # minimal_variant_price already equals the product price (one variant, no override),
    # so the plain insert is enough unless a sale is running.
    QuerySet(ProductVariant).bulk_create(variants)
    Stock.objects.bulk_create(
        Stock(warehouse=shop.warehouse, product_variant=variant, quantity=data.stock)
        for variant, (shop, data) in zip(variants, missing)
    )
    ProductMerchant.objects.bulk_create(
        ProductMerchant(product=product, merchant=shop)
        for product, (shop, _) in zip(products, missing)
    )
    if fetch_active_discounts():
        update_products_minimal_variant_prices(products)
    # Bulk inserts send no signal: their search documents, in one statement.
    search_documents.refresh_products([product.pk for product in products])
    return len(products)


def _product(
    data: ProductData, categories: Dict[str, Category], product_types: Dict[str, ProductType]
) -> Product:
    return Product(
        name=data.name,
        slug=data.slug,
        product_type=product_types[data.product_type],
        category=categories[data.category],
        description=data.description,
        description_json=_draftjs(data.description),
        seo_description=data.description[:300],
        price_amount=data.price,
        minimal_variant_price_amount=data.price,
        weight=Weight(g=data.weight_grams),
        is_published=True,
        charge_taxes=True,
    )


def _draftjs(text: str) -> dict:
    """The rich-text form the Dashboard edits and the storefront renders."""
    block = {
        "key": "", "data": {}, "text": text, "type": "unstyled", "depth": 0,
        "entityRanges": [], "inlineStyleRanges": [],
    }
    return {"blocks": [block], "entityMap": {}}
