"""GraphQL requests through django.test.Client, counting the database queries each
one makes (used by bench.counts and by tests/integration/test_query_discipline.py)."""
import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class GraphQLError(AssertionError):
    pass


class CountingAPI:
    def __init__(self, path: str = "/graphql/"):
        self.client = Client(HTTP_HOST="127.0.0.1")
        self.path = path
        self.counts = []     # (label, number of queries), in request order

    def execute(self, label: str, query: str, variables: dict) -> dict:
        with CaptureQueriesContext(connection) as captured:
            response = self.client.post(
                self.path, json.dumps({"query": query, "variables": variables}),
                content_type="application/json",
            )
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise GraphQLError(f"{label}: {response.status_code} {body.get('errors')}")
        self.counts.append((label, len(captured)))
        return body["data"]

    def count(self, label: str, query: str, variables: dict) -> int:
        self.execute(label, query, variables)
        return self.counts[-1][1]
