"""Builders of the DOCX templates; see ``tools/build_templates.py``."""
