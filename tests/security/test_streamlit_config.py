"""The production settings in .streamlit/config.toml exist in this Streamlit and are set."""

import tomllib

import pytest
from streamlit import config

from advocacy.db import ROOT

SETTINGS = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
PRODUCTION = {
    "client.showErrorDetails": "none",  # a generic message; no type, message or traceback
    "client.toolbarMode": "minimal",  # no developer menu (rerun, clear cache, deploy)
    "client.disableDataExport": True,  # no table CSV download/copy around exports.py
    "server.maxUploadSize": 10,  # MB, the template guard's and imports' limit
    "browser.gatherUsageStats": False,
    "server.runOnSave": False,
}


@pytest.mark.parametrize(("option", "value"), PRODUCTION.items())
def test_production_option_is_set_and_known_to_streamlit(option, value):
    section, name = option.split(".")
    assert SETTINGS[section][name] == value
    assert option in config.get_config_options()  # a typo would be silently ignored


def test_upload_limit_matches_the_guards():
    from advocacy.io import imports

    assert SETTINGS["server"]["maxUploadSize"] * 1024 * 1024 == imports.MAX_BYTES
