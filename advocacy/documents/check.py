"""Check an uploaded template end to end, for the upload page and ``python -m advocacy
check-template FILE``.

Why a test render: the static checks catch what the template says; filling it with sample values
also catches what it does (a sandbox violation reached through a filter or a computed name), so a
hostile or broken template is refused at upload, not when a volunteer makes a letter with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advocacy.documents import worker
from advocacy.documents.errors import SandboxViolation, TemplateError, TemplateLimitExceeded
from advocacy.documents.fields import sample_value
from advocacy.documents.render import CompiledTemplate
from advocacy.errors import AdvocacyError


@dataclass(frozen=True)
class TemplateReport:
    """What an accepted template needs: its merge fields (sorted) and any warnings."""

    filename: str
    fields: list[str]
    warnings: list[str] = field(default_factory=list)


def check_template(filename: str, data: bytes) -> TemplateReport:
    """Guard, parse, list the fields and test-render ``data`` with sample values.

    The one verdict for the upload page and the command line: it is decided in a bounded worker
    (worker.py), so a template that runs away is stopped and refused like any other. Raises
    UploadRefused (the file), TemplateError (the Jinja code) or TemplateLimitExceeded, all
    AdvocacyError with a Norwegian message. Problems that only show with our generic samples
    become warnings.
    """
    return worker.check(filename, data)


def sample_report(prepared: CompiledTemplate) -> TemplateReport:
    """The report of a guarded and compiled template, after a fill with sample values (runs in
    the worker)."""
    samples = {name: sample_value(name) for name in prepared.fields}
    warnings = []
    if not prepared.fields:
        warnings.append("Malen har ingen flettefelt; alle brev blir like.")
    try:
        prepared.render(samples)
    except (SandboxViolation, TemplateLimitExceeded):
        raise
    except TemplateError as exc:
        warnings.append(f"Prøveutfylling med eksempelverdier ga en feil: {exc.message}")
    return TemplateReport(prepared.filename, sorted(prepared.fields), warnings)


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
