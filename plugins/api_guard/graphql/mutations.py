"""Stock account mutations with a known flaw in 2.10.1 (register: SECURITY.md): they
told whether an e-mail has an account, took another account's e-mail change link, or
handed guest orders to whoever registered the address first."""
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from saleor.account import emails, models
from saleor.account.error_codes import AccountErrorCode
from saleor.account.utils import create_jwt_token, decode_jwt_token
from saleor.core.utils.url import validate_storefront_url
from saleor.graphql.account.mutations import account as stock_account
from saleor.graphql.account.mutations import base as stock_base
from saleor.graphql.core.types.common import AccountError


def _checked_redirect_url(redirect_url):
    """The storefront URL check, which says nothing about any account."""
    try:
        validate_storefront_url(redirect_url)
    except ValidationError as error:
        raise ValidationError({"redirect_url": error}, code=AccountErrorCode.INVALID)


class RequestPasswordReset(stock_base.RequestPasswordReset):
    class Meta:
        description = (
            "Sends an email with the account password modification link, if an account "
            "has this e-mail; the answer is the same when none has."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        redirect_url = data["redirect_url"]
        _checked_redirect_url(redirect_url)
        user = models.User.objects.filter(email=data["email"]).first()
        if user is not None:
            emails.send_user_password_reset_email_with_url(redirect_url, user)
        return cls()


class RequestEmailChange(stock_account.RequestEmailChange):
    class Meta:
        description = (
            "Request email change of the logged in user. Whether the new address is "
            "free is only checked at confirmation (confirmEmailChange)."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        user = info.context.user
        new_email = data["new_email"]
        if not user.check_password(data["password"]):
            raise ValidationError({"password": ValidationError(
                "Mot de passe incorrect : saisissez votre mot de passe actuel.",
                code=AccountErrorCode.INVALID_CREDENTIALS,
            )})
        _checked_redirect_url(data["redirect_url"])
        # A taken address gets no link (its owner did not ask), but the answer does not
        # change: confirmEmailChange refuses it anyway, to the holder of the link only.
        if not models.User.objects.filter(email=new_email).exists():
            token = create_jwt_token(
                {"old_email": user.email, "new_email": new_email, "user_pk": user.pk}
            )
            emails.send_user_change_email_url(data["redirect_url"], user, new_email, token)
        return cls(user=user)


class ConfirmEmailChange(stock_account.ConfirmEmailChange):
    class Meta:
        description = (
            "Confirm the email change of the logged-in user, with the link sent to them "
            "(a link sent to another account is refused)."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, root, info, **data):
        # CVE-2026-35407: stock applies any valid link to whoever is logged in.
        claims = decode_jwt_token(data["token"])
        user = info.context.user
        if claims.get("user_pk") != user.pk or claims.get("old_email") != user.email:
            raise ValidationError({"token": ValidationError(
                "Ce lien ne correspond pas au compte connecté : connectez-vous avec le "
                "compte qui a demandé le changement d'adresse.",
                code=AccountErrorCode.INVALID,
            )})
        return super().perform_mutation(root, info, **data)


class ConfirmAccount(stock_base.ConfirmAccount):
    class Meta:
        description = "Confirm user account with token sent by email during registration."
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        user = models.User.objects.filter(email=data["email"]).first()
        # Unknown e-mail and wrong token: one answer (stock said which).
        if user is None or not default_token_generator.check_token(user, data["token"]):
            raise ValidationError({"token": ValidationError(
                "Lien de confirmation invalide ou expiré : demandez un nouvel e-mail "
                "de confirmation.",
                code=AccountErrorCode.INVALID,
            )})
        user.is_active = True
        user.save(update_fields=["is_active"])
        # CVE-2026-44472: no match_orders_with_new_user here. Whoever registered the
        # address chose the password; reading the mailbox proves nothing about them,
        # so past guest orders of that address stay out of the account.
        return cls(user=user)
