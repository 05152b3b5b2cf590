"""Showing what users typed as text: names and notes may hold HTML, script or Markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(value: object) -> str:
    """Text escaped for st.markdown and widget labels: shown literally, never interpreted."""
    return _MARKDOWN.sub(r"\\\1", str(value if value is not None else ""))
