"""The audit chain's keyed head. Steps m110–m114.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy import audit
from advocacy.migrations.base import migrations


@migrations()
def m110_audit_chain_head(db):
    # The head (count, last hash, keyed MAC) is laid out from the log as it stands, so an
    # existing database starts from its current chain; `verify-audit` checks that chain first.
    # The guard triggers are recreated from audit.py, so start-up can compare them to the code.
    audit.lay_out_head(db)
