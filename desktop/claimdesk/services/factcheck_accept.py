"""Accepting an earlier fact-check as a claim's source note: one undoable edit."""

from __future__ import annotations

from claimdesk.domain import SourceDraft
from claimdesk.domain.factchecks import FactCheckMatch, FactCheckSource
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import Workbench
from claimdesk.storage.rows import MissingRowError


def source_draft(match: FactCheckMatch, desk_claim: str | None = None) -> SourceDraft:
    """The source note that records a match: the review's URL, its rating and who gave it.

    The rating goes in the note in words ("Rated False by …"), so reports and case
    bundles, which already carry source notes, carry accepted matches unchanged.
    `desk_claim` names the claim of one of the desk's own verdicts as the window shows
    it ("claim 3 of “Ports”"): its database id is a number shown nowhere.
    """
    check = match.factcheck
    who = check.publisher or ("this desk" if check.source is FactCheckSource.DESK else "")
    rated = f"Rated “{check.rating}”" if check.rating else "Checked"
    parts = [rated + (f" by {who}" if who else "")]
    if check.published is not None:
        parts.append(f"on {check.published.isoformat()}")
    note = " ".join(parts)
    note += "" if note.endswith(".") else "."  # "… by Snopes Media Group Inc." ends it
    if check.source is FactCheckSource.DESK:
        note += f" The desk's own verdict on {desk_claim}." if desk_claim else (
            " The desk's own verdict."
        )
    if match.similarity is not None:
        note += f" Matched as checked before (similarity {match.similarity:.2f})."
    return SourceDraft(
        url=check.url or "",
        title=check.title or check.claim,
        publisher=check.publisher,
        quote=check.claim,
        note=note,
    )


def accept_match(wb: Workbench, claim_id: int, match: FactCheckMatch) -> tuple[int, Changes]:
    """Add the match to the claim as a source note (undone like any added source)."""
    return wb.add_source(claim_id, source_draft(match, _desk_claim(wb, match)))


def _desk_claim(wb: Workbench, match: FactCheckMatch) -> str | None:
    """"claim N of “Title”" for the desk's own verdict, None if its claim is gone."""
    check = match.factcheck
    if check.source is not FactCheckSource.DESK or check.claim_id is None:
        return None
    try:
        claim = wb.claim(check.claim_id)
    except MissingRowError:  # deleted since the library was filled
        return None
    return f"claim {claim.number} of “{wb.article(claim.article_id).title}”"
