"""What a client is told when the API refuses a request: a code (in
`extensions.code` of the GraphQL error) and one French sentence saying what to do."""
from graphql.error import GraphQLError

MESSAGES = {
    "QUERY_TOO_DEEP": (
        "La requête imbrique trop de niveaux de champs (au plus {max_depth}) ; "
        "demandez moins de niveaux ou faites plusieurs requêtes."
    ),
    "QUERY_TOO_COMPLEX": (
        "La requête demande trop de données à la fois (coût {cost}, au plus {max_cost}) ; "
        "réduisez `first`/`last` ou le nombre de champs, ou paginez."
    ),
    "PAGE_TOO_LARGE": (
        "Une page de liste contient au plus {max_page} éléments (`first`/`last`) ; "
        "demandez la suite avec `after`/`before`."
    ),
    "INVALID_REQUEST": (
        "Requête refusée : {detail} Envoyez un objet JSON "
        "{{\"query\": \"...\", \"variables\": {{...}}}}, ou une liste de tels objets."
    ),
    "INVALID_VALUE": (
        "Une valeur ou un argument de la requête ne convient pas (identifiant, UUID, "
        "curseur, date, `first`/`last` manquant...) ; vérifiez-les."
    ),
    "TOO_MANY_OPERATIONS": (
        "Une requête groupée contient au plus {max_operations} opérations ; "
        "envoyez-les en plusieurs fois."
    ),
    "TOO_MANY_PASSWORD_FIELDS": (
        "Une seule opération avec mot de passe ou code secret ({fields}) est permise "
        "par requête ; envoyez-les une par une."
    ),
    "TOO_MANY_ATTEMPTS": (
        "Trop de tentatives échouées ; réessayez dans {minutes} minute(s) "
        "ou réinitialisez votre mot de passe."
    ),
    "REQUEST_TIMEOUT": (
        "La requête a pris trop de temps et a été interrompue ; "
        "demandez moins de données à la fois."
    ),
    "INTERNAL_ERROR": (
        "Une erreur inattendue est survenue ; vérifiez les valeurs envoyées "
        "ou réessayez plus tard."
    ),
}


class GuardError(GraphQLError):
    """A refusal of ours: its French message and code reach the client as they are."""

    def __init__(self, code: str, **details):
        super().__init__(MESSAGES[code].format(**details), extensions={"code": code})
        self.code = code
