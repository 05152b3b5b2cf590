"""Check an uploaded template end to end, for the upload page and ``python -m advocacy
check-template FILE``.

Why a test render: the static checks catch what the template says; filling it with sample values
also catches what it does (a sandbox violation reached through a filter or a computed name), so a
hostile or broken template is refused at upload, not when a volunteer makes a letter with it.
"""

from __future__ import annotations

from pathlib import Path

from advocacy.documents import worker
from advocacy.documents.compiled import TemplateReport
from advocacy.errors import AdvocacyError


def check_template(filename: str, data: bytes) -> TemplateReport:
    """Guard, parse, list the fields and test-render ``data`` with sample values.

    The one verdict for the upload page and the command line: it is decided in a bounded worker
    (worker.py), so a template that runs away is stopped and refused like any other. Raises
    UploadRefused (the file), TemplateError (the Jinja code) or TemplateLimitExceeded, all
    AdvocacyError with a Norwegian message. Problems that only show with our generic samples
    become warnings.
    """
    return worker.check(filename, data)


def check_template_cli(path: str | Path) -> tuple[int, list[str]]:
    """Exit code and lines to print for ``python -m advocacy check-template FILE``.

    0 and the fields for a good template; 1 and the reason for a refused one.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return 1, [f"Fant ikke filen eller kunne ikke lese den: {path}"]
    try:
        report = check_template(path.name, data)
    except AdvocacyError as exc:
        return 1, [f"Avvist: {path.name}", exc.message]
    lines = [f"Godkjent: {report.filename}", f"Flettefelt ({len(report.fields)}):"]
    lines += [f"  {{{{ {name} }}}}" for name in report.fields]
    lines += [f"Advarsel: {warning}" for warning in report.warnings]
    return 0, lines
