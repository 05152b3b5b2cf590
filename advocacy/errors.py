"""Domain errors: each carries a Norwegian message a volunteer can act on."""


class AdvocacyError(Exception):
    """Base for every error the user should see as a message, never as a traceback."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __reduce__(self):
        # Pickled as its args and attributes, never by calling __init__ again: a subclass whose
        # __init__ takes other arguments (MissingFields takes the field names) comes back whole
        # from a template worker process.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type, args: tuple, state: dict) -> AdvocacyError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


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
