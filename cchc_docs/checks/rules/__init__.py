"""The rule modules, grouped by topic; importing this package registers every rule."""

from cchc_docs.checks.rules import appendix, body, closing, fonts, header, looks, numbers, page, preamble

__all__ = ["appendix", "body", "closing", "fonts", "header", "looks", "numbers", "page", "preamble"]
