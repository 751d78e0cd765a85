"""Settings kept in the database (checker, organisation, threshold, theme) and scale checks."""

from __future__ import annotations

import getpass
import re
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from claimdesk.domain import DeskSettings, RatingDraft, Theme
from claimdesk.domain.review import name_key
from claimdesk.domain.urls import clean_url
from claimdesk.errors import KnownError
from claimdesk.importers.common import normalise_text
from claimdesk.storage import backups as rolling
from claimdesk.storage import repositories as repo
from claimdesk.storage import scale_repo

#: Settings keys: the one home of every setting kept in the database.
CHECKER_NAME = "checker_name"
ORG_NAME = "org_name"
ORG_URL = "org_url"
ORG_LOGO = "org_logo"
THRESHOLD = "threshold"
THEME = "theme"
BACKUPS_KEEP = rolling.KEEP_SETTING

DEFAULT_THRESHOLD = 0.5
#: The longest checker name (every verdict, note and history entry records it in 200
#: characters) and rating name (100): a shared desk refuses longer ones at every save.
MAX_CHECKER_NAME = 200
MAX_RATING_NAME = 100
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class SettingsError(KnownError):
    """A value in the settings dialog cannot be saved as it is."""


class ScaleChanged(SettingsError):
    """The scale was saved elsewhere after the editor read it; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "The rating scale was changed on this desk since you opened it here (by another "
            "checker or window), so your changes to it were not saved. The editor now shows "
            "the scale as it is; make your changes again and save."
        )


def os_user() -> str:
    """The login name, for records made before the checker set a name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def shared(session: Session) -> bool:
    """Whether the session's desk is a shared desk on a PostgreSQL server."""
    return bool(session.get_bind().dialect.name == "postgresql")


def checker_key(session: Session) -> str:
    """Where the checker's name is kept: one key on a file desk, one per database role on
    a shared desk, whose settings every checker shares."""
    if shared(session):
        return f"{CHECKER_NAME}@{session.scalar(text('SELECT current_user')) or ''}"
    return CHECKER_NAME


def who(session: Session) -> str:
    """Who is signed in: the name every verdict, source note and history entry records.

    One rule on both engines: the checker name in the settings, else the name the
    checker signed in with. On a shared desk (PostgreSQL) the settings are shared by
    every checker, so the name is kept per database role (`checker_key`) and the
    sign-in is that role (`current_user`, which the server authenticated); on a file
    desk (SQLite, one checker at a time) the sign-in is the login name. A client that
    names its checker itself (WritePath.checker: `--checker`, the tests) overrides both.
    """
    name = repo.get_setting(session, checker_key(session)).strip()
    if name:
        return name
    if shared(session):
        return str(session.scalar(text("SELECT current_user")) or "")
    return os_user()


def _float(text: str, default: float) -> float:
    try:
        value = float(text)
    except ValueError:
        return default
    return value if 0.0 <= value <= 1.0 else default


def _theme(text: str) -> Theme:
    try:
        return Theme(text)
    except ValueError:
        return Theme.SYSTEM


def read(session: Session) -> DeskSettings:
    """The stored settings; a missing or damaged value reads as its default."""
    return DeskSettings(
        checker_name=repo.get_setting(session, checker_key(session)),
        org_name=repo.get_setting(session, ORG_NAME),
        org_url=repo.get_setting(session, ORG_URL),
        org_logo=repo.get_setting(session, ORG_LOGO),
        threshold=_float(repo.get_setting(session, THRESHOLD), DEFAULT_THRESHOLD),
        theme=_theme(repo.get_setting(session, THEME, Theme.SYSTEM.value)),
        backups_keep=rolling.parse_keep(repo.get_setting(session, BACKUPS_KEEP)),
    )


def normalised(settings: DeskSettings) -> DeskSettings:
    """The settings as they will be stored (normalised, trimmed), or SettingsError saying
    what to fix."""
    raw = normalise_text(settings.org_url).strip()
    url = clean_url(raw) if raw else ""
    if url is None:
        raise SettingsError(
            f"The organisation's web address must start with http:// or https:// ({raw})."
        )
    if not 0.0 <= settings.threshold <= 1.0:
        raise SettingsError("The check-worthiness threshold must be between 0 and 1.")
    if not 1 <= settings.backups_keep <= rolling.MAX_KEEP:
        raise SettingsError(
            f"The number of backups to keep must be between 1 and {rolling.MAX_KEEP}."
        )
    checker = normalise_text(settings.checker_name).strip()
    if len(checker) > MAX_CHECKER_NAME:
        raise SettingsError(f"The checker's name can have at most {MAX_CHECKER_NAME} characters.")
    return DeskSettings(
        checker_name=checker,
        org_name=normalise_text(settings.org_name).strip(),
        org_url=url,
        org_logo=normalise_text(settings.org_logo).strip(),
        threshold=float(settings.threshold),
        theme=Theme(settings.theme),
        backups_keep=int(settings.backups_keep),
    )


def write(session: Session, settings: DeskSettings) -> None:
    repo.set_setting(session, checker_key(session), settings.checker_name)
    repo.set_setting(session, ORG_NAME, settings.org_name)
    repo.set_setting(session, ORG_URL, settings.org_url)
    repo.set_setting(session, ORG_LOGO, settings.org_logo)
    repo.set_setting(session, THRESHOLD, repr(settings.threshold))
    repo.set_setting(session, THEME, settings.theme.value)
    repo.set_setting(session, BACKUPS_KEEP, str(settings.backups_keep))


def rating_name(typed: str) -> str:
    """A rating's name as the scale stores it: spaces trimmed and runs of them one."""
    return " ".join(normalise_text(typed).split())


def checked_scale(drafts: Sequence[RatingDraft]) -> list[RatingDraft]:
    """The drafts trimmed, or SettingsError saying what is wrong with the scale."""
    if not drafts:
        raise SettingsError("A rating scale needs at least one rating.")
    out: list[RatingDraft] = []
    seen: dict[str, int] = {}  # name key → row, numbered from 1 as the editor shows them
    ids: set[int] = set()
    for row, draft in enumerate(drafts, start=1):
        name = rating_name(draft.name)
        # Zero-width and direction marks show nothing: "\u200b" is a blank name, and
        # "False\u200b" (or full-width "ＦＡＬＳＥ") reads as "False" in every list.
        key = name_key(name)
        if not key:
            raise SettingsError(f"Rating {row} needs a name: every rating needs one.")
        if len(name) > MAX_RATING_NAME:
            raise SettingsError(
                f"A rating's name can have at most {MAX_RATING_NAME} characters (“{name[:40]}…”)."
            )
        if key in seen:
            raise SettingsError(
                f"Two ratings are called “{name}” (rows {seen[key]} and {row}); "
                "give each its own name."
            )
        seen[key] = row
        if draft.id is not None:
            if draft.id in ids:
                raise SettingsError(f"The rating “{name}” appears twice in the scale.")
            ids.add(draft.id)
        if not _COLOR.fullmatch(draft.color.strip()):
            raise SettingsError(
                f"The colour of “{name}” must look like #c62828 (it is “{draft.color}”)."
            )
        if not 0 <= draft.value <= 100:
            raise SettingsError(
                f"The value of “{name}” must be a whole number from 0 (not on the scale) to 100."
            )
        color = draft.color.strip()
        out.append(RatingDraft(name=name, value=draft.value, color=color, id=draft.id))
    if not any(d.value > 0 for d in out):
        raise SettingsError(
            "At least one rating needs a value above 0 (ClaimReview publishes the values)."
        )
    return out


def save_scale(
    session: Session,
    drafts: Sequence[RatingDraft],
    based_on: Sequence[RatingDraft] | None = None,
) -> set[int]:
    """Store checked drafts as the scale; returns the articles whose rated claims show it.

    Refuses (SettingsError) to remove a rating that claims use, saying how many, and
    (ScaleChanged) a scale edited from `based_on` when the stored one differs from it:
    the drafts say what the whole scale is, so saving them would revert the other
    save's renames and drop the ratings it added.
    """
    scale_repo.lock_scales(session)
    stored = repo.default_scale(session)
    if based_on is not None and [
        RatingDraft(r.name, r.value, r.color, r.id) for r in stored.ratings
    ] != list(based_on):
        raise ScaleChanged()
    keep = {d.id for d in drafts}
    removed = [r for r in stored.ratings if r.id not in keep]
    used = scale_repo.usage(session, [r.id for r in removed])
    for rating in removed:
        n = used.get(rating.id, 0)
        if n:
            raise SettingsError(
                f"“{rating.name}” is the rating of {n} claim{'s' if n != 1 else ''}; "
                "rate those claims otherwise before removing it from the scale."
            )
    ids, _removed = scale_repo.save_scale(session, drafts)
    return scale_repo.rated_article_ids(session, ids)
