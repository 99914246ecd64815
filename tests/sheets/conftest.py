"""Fixtures of the Excel round trip (defined in clerk.py beside the helpers tests import by name)."""

from clerk import books, plan  # noqa: F401  (pytest finds fixtures imported here)
