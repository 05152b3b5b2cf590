"""The status map draws Norway's municipalities as filled shapes in a real browser.

Altair/Vega draws RFC 7946 rings as "the globe minus the shape": the map would be one block of
colour. The screenshot of the map must show several colours (statuses, borders, background), a
good share of the area must be land, and the land must not fill the whole box.
"""

from collections import Counter
from io import BytesIO

from PIL import Image

from tests.e2e.conftest import login, open_page

BACKGROUND = (255, 255, 255)


def drawn_map(page):
    """Oversikt's status map for leadership, once Vega has drawn it."""
    login(page, "leder")
    open_page(page, "Oversikt")
    chart = page.locator(".stVegaLiteChart").first
    chart.locator("canvas, svg").first.wait_for()
    page.get_by_text("Kartdata: Kartverket (CC BY 4.0)").wait_for()
    page.wait_for_timeout(1500)  # Vega draws after the element appears
    return chart


def _map_image(page, tmp_path):
    chart = drawn_map(page)
    png = chart.screenshot()
    (tmp_path / "map.png").write_bytes(png)
    page.screenshot(path=str(tmp_path / "oversikt.png"), full_page=True)
    return Image.open(BytesIO(png)).convert("RGB")


def test_map_is_filled_municipalities_not_one_block(page, tmp_path):
    image = _map_image(page, tmp_path)
    width, height = image.size
    assert width > 300 and height > 300, image.size
    total = width * height
    colours = Counter({colour: n for n, colour in image.getcolors(maxcolors=total)})
    # Many distinct colours: statuses, anti-aliased borders between municipalities, background.
    assert len(colours) > 20, f"only {len(colours)} colours: the map is one block"
    (top, top_count), = colours.most_common(1)
    assert top == BACKGROUND, "a fill colour, not the background, covers most of the chart"
    # The unknown-status grey and the status colours of the demo data are all present.
    def near(target, tolerance=12):
        return sum(n for c, n in colours.items()
                   if all(abs(a - b) <= tolerance for a, b in zip(c, target, strict=True)))
    grey = near((0xD9, 0xD9, 0xD9))
    land = total - near(BACKGROUND, 3)
    assert grey > 0.02 * total, "no municipality with unknown status is drawn"
    assert near((0x1A, 0x98, 0x50)) + near((0xD7, 0x30, 0x27)) + near((0xFD, 0xAE, 0x61)) > 200
    # Norway is long and thin: land covers part of the chart, never the whole rectangle.
    assert 0.03 < land / total < 0.8, land / total
    # Filled shapes: a horizontal line through the middle crosses land and background several
    # times (fjords, borders, the sea), not once from edge to edge.
    row = [image.getpixel((x, height // 2)) for x in range(width)]
    is_land = [sum(abs(a - b) for a, b in zip(p, BACKGROUND, strict=True)) > 9 for p in row]
    switches = sum(1 for a, b in zip(is_land, is_land[1:], strict=False) if a != b)
    assert switches >= 2, switches
