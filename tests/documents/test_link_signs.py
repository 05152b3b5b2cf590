"""The guard's quick test of whether a part may hold a link or a network path
(guard_links.maybe_path_or_link) says yes exactly where the one pattern it replaced did."""

import re

import pytest

from advocacy.documents.guard_links import maybe_path_or_link

THE_ONE_PATTERN = re.compile(r"\\\\|&#|[\"'>]\s*(?:file:)?//|file:|href|src\s*=|action\s*=|url\s*=")

CASES = [
    "", "plain text", r"\\server\share", "&#92;&#92;srv", 'r:id="x" target="//host/x"',
    "> \n\t//host", "'//x'", "file:///c:/x", "xlink:href='x'", "src =", "action=", "url\u00a0=",
    "<w:t>http://schemas.openxmlformats.org</w:t>", 'a="http://x"', "urls", "src", "// alone",
    "u r l =", "a = //", '"\u2003//', "sourceurl", "transaction  =", ">file:", "&amp;",
]


@pytest.mark.parametrize("text", CASES)
def test_the_same_verdict_as_the_single_pattern(text):
    assert maybe_path_or_link(text) is (THE_ONE_PATTERN.search(text) is not None)


def test_it_says_yes_and_no():
    assert [maybe_path_or_link(t) for t in ('x="//host/share"', "<w:t>hei</w:t>")] == [True, False]
