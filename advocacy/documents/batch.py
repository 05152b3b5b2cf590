"""Many letters from one template, delivered as one .zip.

Why prepared once: parsing the template and compiling its Jinja code is most of the work of a
single letter; a batch of 357 letters (one per municipality) does it once and then only fills in
and zips. Each letter's .docx is stored uncompressed inside the outer zip, which compresses the
whole batch once instead of compressing every letter twice.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from advocacy.documents.errors import TemplateError, UnsafeContext
from advocacy.documents.naming import UniqueNames
from advocacy.documents.package import COMPRESS_LEVEL, write_package
from advocacy.documents.plaindata import plain_context
from advocacy.documents.render import PreparedTemplate, TemplateSource, prepare

Progress = Callable[[int, int], None]


def render_batch(
    template: TemplateSource | PreparedTemplate,
    contexts: Iterable[Mapping[str, Any]],
    filename_for: Callable[[Mapping[str, Any]], str],
    progress: Progress | None = None,
) -> bytes:
    """A .zip with one filled-in .docx per context.

    ``filename_for(context)`` names each letter (see naming.letter_filename); names are made safe
    and unique (-2, -3 …). ``progress(done, total)`` is called after each letter, e.g. to move a
    Streamlit progress bar. Every context is checked before the first letter is made, so a bad
    one stops the batch at once; errors name the letter by its number.
    """
    prepared = prepare(template)
    contexts = list(contexts)
    plain = []
    for number, context in enumerate(contexts, start=1):
        missing = prepared.missing_fields(context)
        if missing:
            names = ", ".join(f"«{name}»" for name in missing)
            raise TemplateError(f"Brev nr. {number}: disse flettefeltene mangler verdi: {names}.")
        plain.append(_numbered(number, plain_context, context))
    names = UniqueNames()
    buffer = io.BytesIO()
    total = len(contexts)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
        for number, (context, values) in enumerate(zip(contexts, plain, strict=True), start=1):
            parts = _numbered(number, prepared.render_parts, values)
            info = zipfile.ZipInfo(names.claim(filename_for(context)), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, write_package(parts, compress=False))
            if progress:
                progress(number, total)
    return buffer.getvalue()


def _numbered(number: int, function: Callable[[Any], Any], argument: Any) -> Any:
    try:
        return function(argument)
    except TemplateError as exc:
        raise TemplateError(
            f"Brev nr. {number}: {exc.message}", excerpt=exc.excerpt, detail=exc.detail
        ) from exc
    except UnsafeContext as exc:
        raise UnsafeContext(f"Brev nr. {number}: {exc.message}", path=exc.path) from exc
