"""GraphQL through Django's test client on the real /graphql/ view (the settings'
graphene middlewares and plugins run), for integration tests in one process."""
import json

from django.test import Client
from graphql_jwt.shortcuts import get_token
from graphql_relay import to_global_id


class Api:
    def __init__(self, user=None, token=None, client=None):
        self.client = client or Client()
        self.token = get_token(user) if user else token

    @property
    def headers(self) -> dict:
        """The authentication header, for other views (exports, PDF sheets)."""
        return {"HTTP_AUTHORIZATION": f"JWT {self.token}"} if self.token else {}

    def execute(self, query, variables=None):
        response = self.client.post(
            "/graphql/", json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json", **self.headers,
        )
        return response.json()

    def data(self, query, variables=None):
        body = self.execute(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]


def gid(obj):
    """The global GraphQL ID of a model instance."""
    return to_global_id(type(obj).__name__, obj.pk)
