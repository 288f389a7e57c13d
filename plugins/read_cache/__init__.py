"""Redis cache of anonymous catalogue reads of the GraphQL API (see middleware.py)."""
