"""Norwegian (bokmål) labels, messages and the formatting of dates and numbers.

Every string a user sees comes from here, so the wording stays consistent and could be
translated; dates and numbers go through Babel with the `nb` locale. One module per part of the
app; all of it is read as `texts.NAME`.
"""

from .account import *  # noqa: F403
from .addresses import *  # noqa: F403
from .answers import *  # noqa: F403
from .audit import *  # noqa: F403
from .change_log import *  # noqa: F403
from .common import *  # noqa: F403
from .corrections import *  # noqa: F403
from .documents import *  # noqa: F403
from .drafts import *  # noqa: F403
from .erasure import *  # noqa: F403
from .files import *  # noqa: F403
from .formats import *  # noqa: F403
from .letter_wording import *  # noqa: F403
from .limits import *  # noqa: F403
from .lists import *  # noqa: F403
from .lists_letters import *  # noqa: F403
from .lists_records import *  # noqa: F403
from .login import *  # noqa: F403
from .meetings import *  # noqa: F403
from .navigation import *  # noqa: F403
from .policy import *  # noqa: F403
from .privacy import *  # noqa: F403
from .sessions import *  # noqa: F403
from .statements import *  # noqa: F403
from .streamlit_nb import *  # noqa: F403
from .template_guard import *  # noqa: F403
from .trash import *  # noqa: F403
from .trust import *  # noqa: F403
from .writing import *  # noqa: F403
