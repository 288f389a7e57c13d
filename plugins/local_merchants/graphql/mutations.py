"""merchantCreate (operator) and merchantUpdate (operator, or the shop's own shopkeeper).

Who may call them is decided by the isolation middleware; which fields a shopkeeper
may change by the policy. Any refused field refuses the whole request: nothing written.
"""
from collections import defaultdict

import graphene
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from saleor.account.emails import send_set_password_email_with_url
from saleor.core.utils.url import validate_storefront_url
from saleor.graphql.account.i18n import I18nMixin
from saleor.graphql.account.types import AddressInput
from saleor.graphql.core.mutations import BaseMutation
from saleor.graphql.core.scalars import Decimal

from plugins.kernel.address import check_address
from plugins.kernel.graphql import KeepOurErrorCodes

from .. import validation
from ..error_codes import MerchantErrorCode
from ..isolation import policy
from ..isolation.actors import actor_of_request
from ..models import Merchant as MerchantModel
from ..models import OpeningHours as OpeningHoursModel
from ..onboarding import OnboardingError, create_merchant
from .enums import MerchantTradeEnum
from .types import Merchant, MerchantError

REQUIRED_ON_CREATE = {
    "name": "Le nom de la boutique est obligatoire.",
    "slug": "L'identifiant web (slug) est obligatoire.",
    "trade": "Le métier de la boutique est obligatoire.",
    "siret": "Le numéro SIRET est obligatoire.",
    "email": "L'adresse e-mail de la boutique est obligatoire.",
    "address": "L'adresse de la boutique est obligatoire.",
}
OUTSIDE_DISTRICT = (
    "La boutique doit se trouver dans le 16e arrondissement (75016 ou 75116, Paris, France) : "
    "corrigez son adresse."
)
OPERATOR_ONLY = (
    "Seul l'opérateur de la plateforme peut modifier le taux de commission ou l'activation "
    "d'une boutique : contactez-le."
)
UNKNOWN_MERCHANT = "Cette boutique n'existe pas : vérifiez son identifiant."
ADDRESS_INVALID = "L'adresse de la boutique est incomplète ou invalide : vérifiez la rue, le code postal et la ville."


class OpeningHoursInput(graphene.InputObjectType):
    weekday = graphene.Int(required=True, description="0 = lundi … 6 = dimanche.")
    opens = graphene.String(required=True, description="HH:MM")
    closes = graphene.String(required=True, description="HH:MM")


class MerchantInput(graphene.InputObjectType):
    name = graphene.String()
    slug = graphene.String()
    trade = MerchantTradeEnum()
    description = graphene.String()
    siret = graphene.String()
    email = graphene.String()
    phone = graphene.String()
    address = AddressInput()
    opening_hours = graphene.List(graphene.NonNull(OpeningHoursInput), description="Replaces all.")
    click_and_collect = graphene.Boolean()
    commission_rate = Decimal(description="Operator only. 0.1 = 10 %.")
    is_active = graphene.Boolean(description="Operator only.")


class MerchantUpdateInput(MerchantInput):
    pass


class MerchantCreateInput(MerchantInput):
    shopkeeper_email = graphene.String(description="Default: the shop's e-mail.")
    redirect_url = graphene.String(description="Set-password page of the invitation e-mail.")


def _error(errors, field, code: MerchantErrorCode, message):
    errors[field].append(ValidationError(message, code=code.value))


def _problem(errors, problem):
    if problem:
        _error(errors, problem.field, MerchantErrorCode[problem.code], problem.message)


# BaseMutation first: I18nMixin's own construct_instance does nothing (it expects to come
# after a mutation class), which left every validated address blank.
class _MerchantMutation(KeepOurErrorCodes, BaseMutation, I18nMixin):
    merchant = graphene.Field(Merchant)
    our_error_codes = frozenset(code.value for code in MerchantErrorCode)

    class Meta:
        abstract = True

    @classmethod
    def clean_input(cls, data, instance=None):
        """Validated values of the given fields; raises one ValidationError listing all problems."""
        errors = defaultdict(list)
        cleaned = {key: value for key, value in data.items() if value is not None}
        if instance is None:
            for field, message in REQUIRED_ON_CREATE.items():
                if not cleaned.get(field):
                    _error(errors, field, MerchantErrorCode.REQUIRED, message)
        if "slug" in cleaned:
            _problem(errors, validation.slug_problem(cleaned["slug"]))
            taken = MerchantModel.objects.filter(slug=cleaned["slug"])
            if instance is not None:
                taken = taken.exclude(pk=instance.pk)
            if taken.exists():
                _error(errors, "slug", MerchantErrorCode.UNIQUE,
                       f"L'identifiant « {cleaned['slug']} » est déjà utilisé : choisissez-en un autre.")
        if "siret" in cleaned:
            _problem(errors, validation.siret_problem(cleaned["siret"]))
            cleaned["siret"] = validation.normalize_siret(cleaned["siret"])
        for field in ("email", "shopkeeper_email"):
            if cleaned.get(field):
                try:
                    validate_email(cleaned[field])
                except ValidationError:
                    _error(errors, field, MerchantErrorCode.INVALID,
                           "Cette adresse e-mail n'est pas valide : vérifiez-la.")
        if "name" in cleaned and not cleaned["name"].strip():
            _error(errors, "name", MerchantErrorCode.REQUIRED, REQUIRED_ON_CREATE["name"])
        if "opening_hours" in cleaned:
            entries = [(h.weekday, h.opens, h.closes) for h in cleaned["opening_hours"]]
            problem = validation.opening_hours_problem(entries)
            _problem(errors, problem)
            if problem is None:
                cleaned["opening_hours"] = [
                    (p.weekday, p.opens, p.closes) for p in validation.opening_hours(entries)
                ]
        if "commission_rate" in cleaned:
            _problem(errors, validation.commission_problem(cleaned["commission_rate"]))
        if cleaned.get("redirect_url"):
            try:
                validate_storefront_url(cleaned["redirect_url"])
            except ValidationError as error:
                _error(errors, "redirect_url", MerchantErrorCode.INVALID, error.messages[0])
        if cleaned.get("address"):
            cleaned["address"] = cls.clean_address(cleaned["address"], errors)
        if errors:
            raise ValidationError(dict(errors))
        return cleaned

    @classmethod
    def clean_address(cls, address_data, errors):
        try:
            address = cls.validate_address(dict(address_data))
        except ValidationError:
            _error(errors, "address", MerchantErrorCode.INVALID, ADDRESS_INVALID)
            return None
        zone = check_address(
            country=address.country.code, city=address.city, postal_code=address.postal_code,
            street_address_1=address.street_address_1, street_address_2=address.street_address_2,
            city_area=address.city_area,
        )
        if not address.street_address_1 or not zone.in_zone:
            _error(errors, "address", MerchantErrorCode.OUTSIDE_DISTRICT,
                   OUTSIDE_DISTRICT if address.street_address_1 else ADDRESS_INVALID)
            return None
        return address.as_data()


class MerchantCreate(_MerchantMutation):
    class Arguments:
        input = MerchantCreateInput(required=True, description="The new shop.")

    class Meta:
        description = (
            "Onboard a shop: its warehouse, opening hours, shopkeeper account (invited by "
            "e-mail to set a password) and permission group. Operator only."
        )
        error_type_class = MerchantError
        error_type_field = "merchant_errors"

    @classmethod
    def perform_mutation(cls, _root, info, input):
        cleaned = cls.clean_input(input)
        try:
            merchant = create_merchant(
                name=cleaned["name"].strip(), slug=cleaned["slug"], trade=cleaned["trade"],
                email=cleaned["email"], siret=cleaned["siret"], address=cleaned["address"],
                phone=cleaned.get("phone", ""), description=cleaned.get("description", ""),
                opening_hours=cleaned.get("opening_hours", ()),
                click_and_collect=cleaned.get("click_and_collect", True),
                is_active=cleaned.get("is_active", True),
                shopkeeper_email=cleaned.get("shopkeeper_email"),
                **({"commission_rate": cleaned["commission_rate"]} if "commission_rate" in cleaned else {}),
            )
        except OnboardingError as error:
            raise ValidationError({error.field: ValidationError(error.message, code=MerchantErrorCode.UNIQUE.value)})
        shopkeeper = merchant.staff.select_related("user").get().user
        redirect_url = cleaned.get("redirect_url") or settings.STOREFRONT_URL
        # Only once the shop really exists: a rolled-back request sends nothing.
        transaction.on_commit(
            lambda: send_set_password_email_with_url(redirect_url, shopkeeper, staff=True)
        )
        return MerchantCreate(merchant=merchant)


class MerchantUpdate(_MerchantMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the shop.")
        input = MerchantUpdateInput(required=True, description="Fields to change.")

    class Meta:
        description = "Change a shop. Its shopkeeper may, except commission and activation."
        error_type_class = MerchantError
        error_type_field = "merchant_errors"

    @classmethod
    def perform_mutation(cls, _root, info, id, input):
        merchant = cls.get_merchant(info, id)
        given = [key for key, value in input.items() if value is not None]
        refused = policy.merchant_update_refusal(actor_of_request(info.context), merchant.pk, given)
        if refused:
            raise ValidationError({refused: ValidationError(
                OPERATOR_ONLY, code=MerchantErrorCode.PERMISSION_DENIED.value)})
        cleaned = cls.clean_input(input, instance=merchant)
        with transaction.atomic():
            cls.save(merchant, cleaned)
        return MerchantUpdate(merchant=merchant)

    @classmethod
    def get_merchant(cls, info, merchant_id):
        """The shop, or one French NOT_FOUND for unknown, forged and other types' IDs alike."""
        try:
            merchant = cls.get_node_or_error(info, merchant_id, only_type=Merchant)
        except (ValidationError, ValueError):
            merchant = None
        if merchant is None:
            raise ValidationError({"id": ValidationError(
                UNKNOWN_MERCHANT, code=MerchantErrorCode.NOT_FOUND.value)})
        return merchant

    @classmethod
    def save(cls, merchant, cleaned):
        for field in ("name", "slug", "trade", "description", "siret", "email", "phone",
                      "click_and_collect", "commission_rate", "is_active"):
            if field in cleaned:
                setattr(merchant, field, cleaned[field])
        merchant.save()
        if "address" in cleaned:
            # The warehouse keeps its own copy of the shop's address.
            for address in (merchant.address, merchant.warehouse.address):
                for key, value in cleaned["address"].items():
                    setattr(address, key, value)
                address.save()
        if "opening_hours" in cleaned:
            merchant.opening_hours.all().delete()
            OpeningHoursModel.objects.bulk_create(
                OpeningHoursModel(merchant=merchant, weekday=weekday, opens=opens, closes=closes)
                for weekday, opens, closes in cleaned["opening_hours"]
            )
