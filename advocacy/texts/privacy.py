"""Privacy, security and administration."""

from advocacy.texts.common import PAGE_TITLES

# --- Privacy and security ---

PAGE_TITLES["personvern"] = "Personvern"
PRIVACY_EXPORT_TITLE = "Personopplysninger i Påvirk ({kind})"
PRIVACY_KINDS = {"politiker": "Politiker", "bruker": "Bruker (frivillig)"}
PRIVACY_CANNOT_ERASE_SELF = "Du kan ikke slette din egen konto. Be en annen i ledelsen om det."
PRIVACY_NAME_TOO_SHORT = (
    "Navnet er for kort til å søkes opp trygt (minst 3 tegn). Ingenting ble slettet."
)
PRIVACY_ERASE_FAILED = "Slettingen ble stoppet, og ingenting ble endret: {reason}"
PRIVACY_ERASED = (
    "Personen er slettet. Navnet er fjernet fra {rows} tekstfelt, og {copies} lagrede "
    "dokumentkopier som nevnte personen er fjernet. Søkeindeksen og databasefilen er ryddet."
)
PRIVACY_FILE_BUSY = (
    "Databasefilen kunne ikke ryddes helt fordi andre brukte den akkurat nå; det skjer ved neste "
    "sletting, eller med `python -m advocacy clean-db`."
)
PRIVACY_CONFIRM = "Jeg forstår at dette ikke kan angres"
PRIVACY_CONFIRM_NEEDED = "Kryss av for at du forstår at slettingen ikke kan angres."
RETENTION_POLITICIAN = "Ute av vervet i over ett år"
RETENTION_USER = "Ikke logget inn på over ett år"
RETENTION_EMPTY = "Ingen personer har passert lagringstiden."
PRIVACY_PAGE = """
Påvirk er et verktøy for organisasjonens påvirkningsarbeid. Her står kort hva som lagres om
hvem, hvorfor, hvor lenge og hvem du kan spørre.

**Hva lagres**

- *Politikere:* navn, parti, kommune, verv, offentlig e-post og telefon, og hva de har sagt
  offentlig om alkoholpolitikk (standpunkter med kilde og dato), møter vi har hatt med dem,
  brev og uttalelser vi har sendt dem, og svar vi har fått.
- *Frivillige og ansatte som bruker appen:* brukernavn, navn, rolle, lokallag, tittel og
  kontaktopplysninger til brevsignatur, når du sist logget inn, og hva du har skrevet og endret.
- *Endringsloggen* viser hvem som endret hva og når. Den lagrer bare navnene på feltene som ble
  endret, ikke innholdet.

**Særlige kategorier.** Politiske standpunkter er særlige kategorier av personopplysninger
(personvernforordningen artikkel 9). Vi lagrer bare standpunkter politikere selv har gjort
offentlige i sitt verv (art. 9 nr. 2 bokstav e), og fagforeningsmedlemskap lagres ikke for
noen. Frivilliges medlemskap i organisasjonen behandles av organisasjonen som medlemsforening
(art. 9 nr. 2 bokstav d).

**Hvorfor, og rettslig grunnlag.** Opplysningene brukes til å følge opp lokalpolitikere i
alkoholpolitiske saker og til å skrive brev og uttalelser. Grunnlaget er organisasjonens
berettigede interesse i å drive politisk påvirkning (art. 6 nr. 1 bokstav f); for brukere av
appen også avtalen om å være frivillig eller ansatt.

**Hvor lenge.** Politikere som har gått ut av vervet, og brukere som ikke har logget inn, vises
for ledelsen etter ett år, og slettes da med mindre det er en god grunn til å beholde dem.
Sendte brev og vedtatte uttalelser er organisasjonens arkiv og beholdes, men navnet på en
slettet person fjernes fra dem.

**Dine rettigheter.** Du kan be om innsyn i alt som er lagret om deg, få rettet feil og be om
sletting. Innlogget kan du laste ned dine egne opplysninger her på siden. Spørsmål og krav
sendes til organisasjonens ledelse (sentralleddet), som svarer innen en måned. Du kan også
klage til Datatilsynet (datatilsynet.no).
"""
PRIVACY_OWN_EXPORT = "Last ned mine opplysninger"
PRIVACY_OWN_EXPORT_HELP = "Alt Påvirk har lagret om deg og det du har gjort, som lesbar tekst."
