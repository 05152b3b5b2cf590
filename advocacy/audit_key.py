"""The audit chain's server key: where it lives, how it is made, and the MAC it keys.

`ADVOCACY_AUDIT_KEY` (at least 32 characters) if set, else a file `<db>.auditkey` beside the
database holding 32 random bytes, created readable by the owner only when first needed. The key
never enters the database, so a copy of the file alone cannot be edited and re-signed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
from pathlib import Path

from advocacy import texts
from advocacy.errors import DatabaseError

log = logging.getLogger(__name__)

KEY_ENV = "ADVOCACY_AUDIT_KEY"
KEY_BYTES = 32


def mac(key: bytes, prev_mac: str | None, count: int, row_hash: str | None) -> str:
    payload = json.dumps([prev_mac, count, row_hash], separators=(",", ":"))
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def key_path(db_path: str | Path) -> Path:
    """Where the server key of the database at `db_path` is kept (when the env var is unset)."""
    return Path(str(db_path) + ".auditkey")


def read_key(path: Path) -> bytes:
    try:
        key = path.read_bytes()
    except OSError as exc:
        raise DatabaseError(texts.AUDIT_KEY_UNREADABLE.format(path=path, reason=exc)) from exc
    if len(key) < KEY_BYTES:
        raise DatabaseError(texts.AUDIT_KEY_TOO_SHORT.format(path=path, length=len(key)))
    return key


def create_key(path: Path) -> bytes:
    """A new random key at `path`, readable by the owner only. Written to a temporary file and
    linked into place, so a second process starting at the same moment reads a whole key
    (the one that won) rather than an empty file."""
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".auditkey-", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(key)
                out.flush()
                os.fsync(out.fileno())
            os.link(tmp, path)
        finally:
            os.unlink(tmp)
    except FileExistsError:
        return read_key(path)
    except OSError as exc:
        raise DatabaseError(texts.AUDIT_KEY_UNREADABLE.format(path=path, reason=exc)) from exc
    log.warning("Ny nøkkel for endringsloggen laget: %s", path)
    return key


def key_available(key_file: Path) -> bool:
    return bool(os.environ.get(KEY_ENV, "").strip()) or key_file.exists()


def load_key(key_file: Path) -> tuple[bytes, bool]:
    """The key (from the environment, else from `key_file`, made there if missing) and whether
    it was made just now."""
    env = os.environ.get(KEY_ENV, "").strip()
    if env:
        if len(env) < KEY_BYTES:
            raise DatabaseError(texts.AUDIT_ENV_KEY_TOO_SHORT)
        return env.encode(), False
    if key_file.exists():
        return read_key(key_file), False
    return create_key(key_file), True
