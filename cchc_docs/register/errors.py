"""The register's one error: anything the user can fix about a register or a number (exit 1)."""

from __future__ import annotations

from cchc_docs.errors import CchcError


class RegisterError(CchcError):
    """A register that cannot be opened (locked, corrupt, too new), or a number that cannot be issued."""
