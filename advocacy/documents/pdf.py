"""PDF copies of letters through LibreOffice, where the server has it.

Why optional: LibreOffice is a large install and PDF is a convenience (the .docx is the letter).
The page offers the PDF button only when ``pdf_available()``. Each conversion gets its own
LibreOffice profile directory, because two conversions sharing one profile block each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from advocacy.documents.errors import PdfError

TIMEOUT_SECONDS = 60


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    """True if LibreOffice is installed, so ``to_pdf`` can work."""
    return _soffice() is not None


def to_pdf(docx_bytes: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The .docx converted to PDF. Raises PdfError with a Norwegian message if it fails."""
    soffice = _soffice()
    if soffice is None:
        raise PdfError("PDF kan ikke lages på denne serveren: LibreOffice er ikke installert.")
    with tempfile.TemporaryDirectory(prefix="pavirk-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "brev.docx"
        source.write_bytes(docx_bytes)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)  # noqa: S603
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"PDF-konverteringen tok for lang tid (over {timeout:.0f} sekunder) og ble avbrutt."
            ) from None
        except OSError:
            raise PdfError("PDF-konverteringen kunne ikke startes.") from None
        result = folder / "brev.pdf"
        if not result.exists() or result.stat().st_size == 0:
            raise PdfError("LibreOffice klarte ikke å lage PDF av dokumentet.")
        return result.read_bytes()
