"""The bundled templates and their merge fields: what each field means, and a realistic example.

Why a catalogue: the "Maler" page documents each field for the people who write templates, the
letter forms need to know which fields are lists, and the tests and the upload check fill every
template with the examples. Field names are ASCII snake_case (``droftet``, not ``drøftet``)
because Jinja identifiers cannot hold æøå everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "letters" / "templates"


@dataclass(frozen=True)
class Field:
    """One merge field of a bundled template.

    ``is_list``: the template loops over it (one numbered or bulleted item per element).
    ``required``: False for fields whose line is left out when empty (``kopi``, ``vedlegg``).
    ``sample``: a realistic value; dates are ``datetime.date`` and render as "12. mars 2026".
    """

    name: str
    description: str
    sample: Any
    is_list: bool = False
    required: bool = True


@dataclass(frozen=True)
class BundledTemplate:
    """A template shipped with the application in letters/templates/."""

    kind: str
    title: str
    fields: tuple[Field, ...]

    @property
    def path(self) -> Path:
        return TEMPLATES_DIR / f"{self.kind}.docx"

    def sample_context(self) -> dict[str, Any]:
        """Every field with its sample value: a complete, realistic fill."""
        return {field.name: field.sample for field in self.fields}

    def field(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)


_SENDER = (
    Field("avsender_navn", "Avsenderens fulle navn", "Kari Nordmann"),
    Field("avsender_rolle", "Avsenderens rolle, med liten forbokstav", "leder"),
    Field("organisasjon", "Organisasjonen eller lokallaget som skriver", "IOGT Drammen"),
)

OPPFOLGINGSBREV = BundledTemplate(
    kind="oppfolgingsbrev",
    title="Oppfølgingsbrev etter møte",
    fields=(
        *_SENDER,
        Field("avsender_telefon", "Avsenderens telefonnummer", "912 34 567"),
        Field("avsender_epost", "Avsenderens e-postadresse", "kari.nordmann@iogt.no"),
        Field("sted", "Stedet brevet skrives fra", "Drammen"),
        Field("dato", "Brevets dato", dt.date(2026, 3, 20)),
        Field("mottaker_navn", "Mottakerens fulle navn", "Per Hansen"),
        Field("mottaker_rolle", "Mottakerens rolle, med liten forbokstav", "ordfører"),
        Field("kommune", "Kommunen mottakeren representerer (uten «kommune»)", "Drammen"),
        Field("motedato", "Datoen for møtet", dt.date(2026, 3, 12)),
        Field("tema", "Hva møtet handlet om, med liten forbokstav", "skjenketider"),
        Field(
            "deltakere",
            "Hvem som var til stede, skrevet som i en setning",
            "Per Hansen (ordfører), Lise Berg (kommunalsjef), Kari Nordmann (IOGT Drammen) og "
            "Ola Vik (IOGT Drammen)",
        ),
        Field(
            "droftet",
            "Hva som ble drøftet i møtet; tom linje gir nytt avsnitt",
            "Vi snakket om forslaget om å utvide skjenketiden til kl. 03.00 i sentrum, og om "
            "erfaringene fra Bergen og Trondheim, der kortere skjenketid ga færre voldssaker "
            "om natta. Vi drøftet også hvordan kommunen følger opp kontrollene med "
            "skjenkestedene.",
        ),
        Field(
            "avtalt",
            "Det dere ble enige om, i hele setninger (brevet skriver «Dette ble avtalt i "
            "møtet:» foran)",
            "Vi sender deg tallene for skjenkekontroller og prikktildeling i Drammen for de "
            "siste tre årene, sammen med forskningen vi viste til i møtet.",
        ),
        Field(
            "krav",
            "Det dere ber om, ett krav per punkt",
            [
                "at skjenketiden for alkoholgruppe 1 og 2 ikke utvides ut over kl. 02.00",
                "at kommunen gjennomfører minst tre ganger så mange kontroller som det er "
                "salgs- og skjenkesteder, slik alkoholforskriften krever",
                "at kommunale arrangementer for barn og unge er alkoholfrie",
            ],
            is_list=True,
        ),
        Field(
            "neste_steg",
            "Neste steg, gjerne knyttet til kommunens møtekalender",
            "Saken skal behandles i formannskapet 14. april. Vi tar gjerne et nytt møte før "
            "den tid, og vil gjerne få komme på høring i hovedutvalget.",
        ),
        Field(
            "kopi",
            "Hvem som får kopi (tomt: ingen kopilinje)",
            "Lise Berg, kommunalsjef",
            required=False,
        ),
        Field(
            "vedlegg",
            "Vedlegg (tomt: ingen vedleggslinje)",
            "Kontrollstatistikk for Drammen 2023–2025",
            required=False,
        ),
    ),
)

LESERINNLEGG = BundledTemplate(
    kind="leserinnlegg",
    title="Leserinnlegg",
    fields=(
        Field("tittel", "Innleggets tittel", "Kortere skjenketid redder liv"),
        Field(
            "tekst",
            "Selve innlegget; tom linje gir nytt avsnitt",
            "Når formannskapet i Drammen 14. april skal ta stilling til lengre skjenketider, "
            "står mer enn nattelivet på spill.\n\n"
            "Forskningen er entydig: Hver time med utvidet skjenketid gir flere voldssaker. "
            "Da Bergen og Trondheim kortet ned skjenketiden, gikk volden ned.\n\n"
            "Vi ber politikerne i Drammen om å holde fast ved kl. 02.00 som siste "
            "skjenketid, og heller bruke kreftene på flere kontroller.",
        ),
        *_SENDER,
        Field("sted", "Stedet avsenderen bor eller skriver fra", "Mjøndalen"),
    ),
)

UTTALELSE = BundledTemplate(
    kind="uttalelse",
    title="Uttalelse",
    fields=(
        Field(
            "tittel", "Tittel: slagord og standpunkt", "Trygt uteliv – nei til skjenking til kl. 03"
        ),
        Field("vedtatt_av", "Organet som vedtok uttalelsen", "IOGT Drammens årsmøte"),
        Field("vedtaksdato", "Datoen for vedtaket", dt.date(2026, 2, 24)),
        Field(
            "standpunkt",
            "Standpunktet i én eller to setninger",
            "IOGT Drammen går imot forslaget om å utvide skjenketiden i Drammen sentrum til "
            "kl. 03.00.",
        ),
        Field(
            "begrunnelse",
            "Begrunnelsen, 2–4 avsnitt; tom linje gir nytt avsnitt",
            "IOGT Drammen mener at kommunen skal legge vekt på folkehelse og trygghet når "
            "skjenketidene fastsettes. Forskning fra norske byer viser at hver ekstra time med "
            "skjenking gir om lag 20 prosent flere voldstilfeller.\n\n"
            "Politiet i Drammen har allerede pekt på at de fleste voldssakene i sentrum skjer "
            "etter kl. 01.00. Lengre skjenketid vil gi mer press på politi og legevakt.",
        ),
        Field("krav_mottaker", "Hvem kravene rettes til", "kommunestyret i Drammen"),
        Field(
            "krav",
            "Kravene, ett per punkt; fortsetter «Vi ber … om å:»",
            [
                "beholde kl. 02.00 som seneste skjenketid for alle alkoholgrupper",
                "øke antallet skjenkekontroller i helgene",
                "sikre alkoholfrie møteplasser for ungdom i alle bydeler",
            ],
            is_list=True,
        ),
        Field(
            "forbehold",
            "Forbehold eller presiseringer (tomt: utelatt)",
            "Samtidig understreker IOGT Drammen at et levende sentrum er viktig, og at "
            "kommunen bør støtte alkoholfrie kulturtilbud på kveldstid.",
            required=False,
        ),
        Field(
            "kontaktperson",
            "Kontaktperson med rolle og telefon",
            "Kari Nordmann, leder, tlf. 912 34 567",
        ),
    ),
)

BUNDLED: dict[str, BundledTemplate] = {
    template.kind: template for template in (OPPFOLGINGSBREV, LESERINNLEGG, UTTALELSE)
}


def field_label(name: str) -> str:
    """What a volunteer calls a field: its catalogue description, else the name made readable
    («krav_tekst» → «Krav tekst»)."""
    for template in BUNDLED.values():
        for field in template.fields:
            if field.name == name:
                return field.description
    words = name.replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) if words else name


def sample_value(name: str) -> Any:
    """A sample for a field name from any bundled template; generic text for unknown names.

    Used to test-render uploaded templates, whose fields may be named like ours or not.
    """
    for template in BUNDLED.values():
        for field in template.fields:
            if field.name == name:
                return field.sample
    return "Eksempeltekst"
