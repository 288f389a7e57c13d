"""A GraphQL client over real HTTP, as any storefront or shopkeeper tool would use."""
from typing import Optional

import requests


class GraphQLClient:
    def __init__(self, url: str, token: Optional[str] = None):
        self.url = url
        self.token = token
        self.session = requests.Session()

    def execute(self, query: str, variables: Optional[dict] = None) -> dict:
        """The whole response body ({"data": ..., "errors": ...})."""
        headers = {"Authorization": f"JWT {self.token}"} if self.token else {}
        response = self.session.post(
            self.url, json={"query": query, "variables": variables or {}},
            headers=headers, timeout=60,
        )
        assert response.status_code in (200, 400), response.text[:500]
        return response.json()

    def data(self, query: str, variables: Optional[dict] = None) -> dict:
        """`data` of a response that must carry no GraphQL error."""
        body = self.execute(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]

    def as_user(self, email: str, password: str) -> "GraphQLClient":
        data = self.data(
            "mutation($e:String!,$p:String!){tokenCreate(email:$e,password:$p)"
            "{token accountErrors{field message code}}}",
            {"e": email, "p": password},
        )["tokenCreate"]
        assert data["token"], data["accountErrors"]
        return GraphQLClient(self.url, data["token"])
