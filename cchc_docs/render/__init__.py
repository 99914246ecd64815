"""Context → DOCX bytes: the only docxtpl user, sandboxed jinja, deterministic zip."""
