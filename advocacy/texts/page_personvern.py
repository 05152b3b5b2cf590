"""Personvern: the privacy page and one's own data."""

PERSONVERN_OTHERS_IN_ADMIN = (
    "Innsyn, sletting og lagringstid for andre personer: Administrasjon → Personvern."
)
