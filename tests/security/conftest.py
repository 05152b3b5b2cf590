"""The security suite drives the app too: reuse the AppTest fixture of tests/ui."""

from tests.ui.conftest import app  # noqa: F401 - re-exported as a fixture
