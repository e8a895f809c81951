"""Expected problems, carried to the user as translated Chinese messages."""

from __future__ import annotations


class UserError(Exception):
    """An expected problem with a message ready to show (already translated)."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """One or more field-level problems: {field_key: message}. The form shows each at its field."""

    def __init__(self, errors: dict[str, str], warnings: dict[str, str] | None = None):
        self.errors = dict(errors)
        self.warnings = dict(warnings or {})
        super().__init__("；".join(self.errors.values()))
