"""Norwegian (bokmål) labels, messages and the formatting of dates and numbers.

Every string a user sees comes from here, so the wording stays consistent and could be
translated; dates and numbers go through Babel with the `nb` locale. One module per part of the
app; all of it is read as `texts.NAME`.
"""

from advocacy.texts.account import *  # noqa: F403
from advocacy.texts.addresses import *  # noqa: F403
from advocacy.texts.answers import *  # noqa: F403
from advocacy.texts.audit import *  # noqa: F403
from advocacy.texts.change_log import *  # noqa: F403
from advocacy.texts.common import *  # noqa: F403
from advocacy.texts.corrections import *  # noqa: F403
from advocacy.texts.documents import *  # noqa: F403
from advocacy.texts.drafts import *  # noqa: F403
from advocacy.texts.erasure import *  # noqa: F403
from advocacy.texts.files import *  # noqa: F403
from advocacy.texts.formats import *  # noqa: F403
from advocacy.texts.letter_wording import *  # noqa: F403
from advocacy.texts.limits import *  # noqa: F403
from advocacy.texts.lists import *  # noqa: F403
from advocacy.texts.lists_letters import *  # noqa: F403
from advocacy.texts.lists_records import *  # noqa: F403
from advocacy.texts.login import *  # noqa: F403
from advocacy.texts.meetings import *  # noqa: F403
from advocacy.texts.navigation import *  # noqa: F403
from advocacy.texts.page_administrasjon import *  # noqa: F403
from advocacy.texts.page_brev import *  # noqa: F403
from advocacy.texts.page_kalender import *  # noqa: F403
from advocacy.texts.page_kommuner import *  # noqa: F403
from advocacy.texts.page_maler import *  # noqa: F403
from advocacy.texts.page_moter import *  # noqa: F403
from advocacy.texts.page_oversikt import *  # noqa: F403
from advocacy.texts.page_personvern import *  # noqa: F403
from advocacy.texts.page_politikere import *  # noqa: F403
from advocacy.texts.page_uttalelser import *  # noqa: F403
from advocacy.texts.policy import *  # noqa: F403
from advocacy.texts.privacy import *  # noqa: F403
from advocacy.texts.sessions import *  # noqa: F403
from advocacy.texts.statements import *  # noqa: F403
from advocacy.texts.streamlit_nb import *  # noqa: F403
from advocacy.texts.template_guard import *  # noqa: F403
from advocacy.texts.trash import *  # noqa: F403
from advocacy.texts.trust import *  # noqa: F403
from advocacy.texts.ui_admin import *  # noqa: F403
from advocacy.texts.ui_forms import *  # noqa: F403
from advocacy.texts.ui_innlegg import *  # noqa: F403
from advocacy.texts.ui_letters import *  # noqa: F403
from advocacy.texts.ui_meetings import *  # noqa: F403
from advocacy.texts.ui_politicians import *  # noqa: F403
from advocacy.texts.ui_statements import *  # noqa: F403
from advocacy.texts.ui_writing import *  # noqa: F403
from advocacy.texts.writing import *  # noqa: F403
