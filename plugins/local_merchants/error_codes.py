from enum import Enum


class MerchantErrorCode(Enum):
    """Why a merchant mutation was refused (lower-case values, as Saleor's codes)."""

    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    INVALID_SIRET = "invalid_siret"
    INVALID_OPENING_HOURS = "invalid_opening_hours"
    OUTSIDE_DISTRICT = "outside_district"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    UNIQUE = "unique"
    PERMISSION_DENIED = "permission_denied"
