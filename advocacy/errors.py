"""Domain errors: each carries a Norwegian message a volunteer can act on."""


class AdvocacyError(Exception):
    """Base for every error the user should see as a message, never as a traceback."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseError(AdvocacyError):
    """The database file is missing, unreadable or from a newer version."""


class ValidationError(AdvocacyError):
    """Input was refused before anything was written. `field` names the input it is about,
    when there is one, so a form can show the message next to that field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(AdvocacyError):
    """The acting user's role does not allow this."""
