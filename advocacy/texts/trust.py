"""Texts for confirming, undoing, the papirkurv, corrections and drafts."""

CONFIRM_TITLE = "Er du sikker?"
CONFIRM_CANCEL = "Avbryt"
UNDO_BUTTON = "Angre"
UNDONE = "Angret."
UNDO_TOO_LATE = "Dette kan ikke angres lenger."
