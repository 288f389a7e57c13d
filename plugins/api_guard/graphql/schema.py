"""Stock account mutations replaced under their own names (this mixin comes before
Saleor's in the schema's Mutation)."""
import graphene

from .mutations import (
    ConfirmAccount,
    ConfirmEmailChange,
    RequestEmailChange,
    RequestPasswordReset,
)


class AccountGuardMutations(graphene.ObjectType):
    request_password_reset = RequestPasswordReset.Field()
    request_email_change = RequestEmailChange.Field()
    confirm_email_change = ConfirmEmailChange.Field()
    confirm_account = ConfirmAccount.Field()
