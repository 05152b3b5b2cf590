"""Many letters from one template, delivered as one .zip.

Why prepared once: parsing the template and compiling its Jinja code is most of the work of a
single letter; a batch of 357 letters (one per municipality) does it once and then only fills in
and zips. Each letter's .docx is stored uncompressed inside the outer zip, which compresses the
whole batch once instead of compressing every letter twice.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from advocacy import texts
from advocacy.documents import limits, worker
from advocacy.documents.errors import TemplateError, UnsafeContext
from advocacy.documents.naming import ReadableNames, UniqueNames
from advocacy.documents.package import COMPRESS_LEVEL
from advocacy.documents.plaindata import plain_context
from advocacy.documents.render import PreparedTemplate, TemplateSource, prepare
from advocacy.errors import AdvocacyError

Progress = Callable[[int, int], None]
MAX_LABEL = 80


def render_batch(
    template: TemplateSource | PreparedTemplate,
    contexts: Iterable[Mapping[str, Any]],
    filename_for: Callable[[Mapping[str, Any]], str],
    progress: Progress | None = None,
    label_for: Callable[[Mapping[str, Any]], str] | None = None,
    names: UniqueNames | ReadableNames | None = None,
) -> bytes:
    """A .zip with one filled-in .docx per context.

    ``filename_for(context)`` names each letter (see naming.letter_filename); names are made safe
    and unique (-2, -3 …) by ``names`` (default UniqueNames; ReadableNames keeps æøå and spaces). ``progress(done, total)`` is called after each letter, e.g. to move a
    Streamlit progress bar. Every context is checked before the first letter is made, so a bad
    one stops the batch at once; errors name the letter by its number, and a letter refused
    while it is made also by its recipient (``label_for``, by default the recipient's name and
    municipality). The letters are made in a bounded worker (worker.py), each within the time
    limit: a template that runs away for one recipient is stopped there.
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
    label_for = label_for or recipient_label
    names = names if names is not None else UniqueNames()
    buffer = io.BytesIO()
    total = len(contexts)
    letters = worker.render_letters(prepared.sha256, prepared.data, prepared.filename, plain)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
        try:
            for number, (context, letter) in enumerate(zip(contexts, letters, strict=True), start=1):
                info = zipfile.ZipInfo(names.claim(filename_for(context)), (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, letter)
                if buffer.tell() > limits.batch_bytes():
                    raise limits.batch_too_big()
                if progress:
                    progress(number, total)
        except worker.LetterFailed as failed:
            context = contexts[failed.index]
            raise _named(failed.index + 1, label_for(context), failed.error) from None
        finally:
            letters.close()
    return buffer.getvalue()


def recipient_label(context: Mapping[str, Any]) -> str:
    """Who a letter is for, as a message names it: «Kari Nordmann, Drammen»."""
    parts = [context.get("mottaker_navn") or context.get("tittel"), context.get("kommune")]
    label = ", ".join(str(part) for part in parts if part and isinstance(part, str | int))
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _named(number: int, label: str, error: AdvocacyError) -> AdvocacyError:
    """``error`` (of its own kind, with its attributes) prefixed with the letter and recipient."""
    wording = texts.BATCH_LETTER_NAMED if label else texts.BATCH_LETTER
    named = copy.copy(error)
    named.message = wording.format(number=number, label=label, message=error.message)
    named.args = (named.message,)
    return named


def _numbered(number: int, function: Callable[[Any], Any], argument: Any) -> Any:
    try:
        return function(argument)
    except TemplateError as exc:
        raise TemplateError(
            f"Brev nr. {number}: {exc.message}", excerpt=exc.excerpt, detail=exc.detail
        ) from exc
    except UnsafeContext as exc:
        raise UnsafeContext(f"Brev nr. {number}: {exc.message}", path=exc.path) from exc
