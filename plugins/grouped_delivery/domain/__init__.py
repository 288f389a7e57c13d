"""Pure-Python rules of grouped delivery (no Django, no Saleor imports).

Kept framework-free so the rules are tested in milliseconds and reused by the
plugin, the dashboard and batch jobs alike.
"""
