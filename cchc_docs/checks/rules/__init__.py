"""The rule modules, grouped by topic; importing this package registers every rule."""

from . import appendix, body, closing, fonts, header, looks, numbers, page, preamble  # noqa: F401
