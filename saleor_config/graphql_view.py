"""Saleor's GraphQL view, with the limits every request gets before it runs.

- body: an object (or a list of at most 20) with a text query, object variables and
  no NUL character; anything else is a 400 with INVALID_REQUEST, never a 500;
- depth, page size and cost of the parsed document (plugins/api_guard/query_limits.py):
  over a limit, a 400 with QUERY_TOO_DEEP / PAGE_TOO_LARGE / QUERY_TOO_COMPLEX, nothing
  executed; a batch shares one cost budget;
- one password-taking mutation per request (aliases and batches counted), and failed
  attempts throttled per account and address (plugins/api_guard/middleware.py);
- errors: ours and Saleor's expected ones (permissions, validation, GraphQL) keep their
  message; any other exception is logged and reaches the client as a French sentence
  with INVALID_VALUE (a value graphene or Saleor could not use) or INTERNAL_ERROR,
  never its text.
"""
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from graphql.error import GraphQLError
from graphql.execution import ExecutionResult
from saleor.graphql.views import GraphQLView

from plugins.api_guard import password_fields, query_limits, request_shape, scheduler
from plugins.api_guard.errors import MESSAGES, GuardError
from plugins.api_guard.middleware import PasswordThrottleMiddleware

logger = logging.getLogger(__name__)

LIMITS = query_limits.QueryLimits(
    max_depth=settings.GRAPHQL_MAX_DEPTH, max_cost=settings.GRAPHQL_MAX_COST,
    max_page=settings.GRAPHENE.get("RELAY_CONNECTION_MAX_LIMIT", 100),
)
scheduler.install(settings.GRAPHQL_MAX_SECONDS)

# Raised on purpose by Saleor, graphene or graphql-core: their message is meant for
# the client (and says nothing of the server's internals).
EXPOSED = GraphQLView.HANDLED_EXCEPTIONS + (
    DjangoPermissionDenied, ValidationError,
)


def _is_input_error(error, original) -> bool:
    """What graphene and Saleor raise on a value they cannot use: assertions ("Must
    receive a Menu id", "You must provide a `first` or `last` value"), ValueError (a
    UUID, a cursor, JSON); outside any resolver, while reading the request's values,
    any TypeError or AttributeError too."""
    if isinstance(original, (AssertionError, ValueError)):
        return True
    return error is original and isinstance(original, (TypeError, AttributeError))


def _original(error):
    while isinstance(error, GraphQLError) and getattr(error, "original_error", None):
        error = error.original_error
    return error


class GuardedGraphQLView(GraphQLView):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Innermost: runs once Saleor's middlewares have authenticated the request.
        self.middleware = [PasswordThrottleMiddleware()] + list(self.middleware or [])
        self.cost_left = LIMITS.max_cost
        self.secret_fields = 0
        self.variables = None

    def _handle_query(self, request):
        try:
            body = self.parse_body(request)
        except ValueError:  # not JSON, or not UTF-8
            return self._refusal("le JSON est illisible.")
        problem = request_shape.batch_problem(body)
        if problem:
            return self._refusal(problem)
        return super()._handle_query(request)

    def parse_body(self, request):
        # Parsed once: Saleor's _handle_query parses it again after our checks.
        if not hasattr(self, "_body"):
            self._body = super().parse_body(request)
        return self._body

    def _refusal(self, detail):
        error = GuardError("INVALID_REQUEST", detail=detail)
        return JsonResponse({"errors": [self.format_error(error)]}, status=400)

    def execute_graphql_request(self, request, data):
        problem = request_shape.entry_problem(data)
        if problem is None:
            try:
                query, variables, operation_name = self.get_graphql_params(request, data)
            except (ValueError, TypeError, AttributeError, KeyError, IndexError):
                problem = "le champ « operations » d'un envoi de fichier est illisible."
            else:
                problem = request_shape.params_problem(query, variables, operation_name)
        if problem:
            return ExecutionResult(errors=[GuardError("INVALID_REQUEST", detail=problem)], invalid=True)
        self.variables = variables
        return super().execute_graphql_request(request, data)

    def parse_query(self, query):
        document, error = super().parse_query(query)
        if document is None:
            return document, error
        refusal = self._refusal_of(document.document_ast)
        if refusal:
            return None, ExecutionResult(errors=[refusal], invalid=True)
        return document, None

    def _refusal_of(self, document_ast):
        """Depth, page size, cost (out of what this HTTP request has left), password fields."""
        measure = query_limits.measure(document_ast, self.variables)
        code = LIMITS.verdict(measure, cost_left=self.cost_left)
        if code:
            return GuardError(
                code, max_depth=LIMITS.max_depth, max_page=LIMITS.max_page,
                cost=measure.cost, max_cost=LIMITS.max_cost,
            )
        self.cost_left -= measure.cost
        self.secret_fields += query_limits.root_fields(
            document_ast, "mutation", password_fields.ONE_PER_REQUEST
        )
        if self.secret_fields > password_fields.MAX_PER_REQUEST:
            return GuardError(
                "TOO_MANY_PASSWORD_FIELDS", fields=", ".join(sorted(password_fields.ONE_PER_REQUEST))
            )
        return None

    @classmethod
    def format_error(cls, error):
        original = _original(error)
        if isinstance(original, GuardError):
            result = {"message": str(original), "extensions": {"code": original.code}}
            if isinstance(error, GraphQLError) and error.path is not None:
                result["path"] = error.path
            return result
        if isinstance(original, EXPOSED):
            result = super().format_error(error)
            result["extensions"]["code"] = result["extensions"]["exception"]["code"]
            return result
        # Logged with its traceback for us; the client learns only that it failed.
        code = "INVALID_VALUE" if _is_input_error(error, original) else "INTERNAL_ERROR"
        log = logger.warning if code == "INVALID_VALUE" else logger.error
        log("GraphQL request failed: %s", code, exc_info=original)
        result = {"message": MESSAGES[code], "extensions": {"code": code}}
        if isinstance(error, GraphQLError) and error.path is not None:
            result["path"] = error.path
        return result

