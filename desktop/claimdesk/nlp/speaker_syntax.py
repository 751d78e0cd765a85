"""Token-level helpers of the speaker rules: reporting verbs, subjects, quotations, names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimdesk.nlp import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TITLE_WORDS = lx.HONORIFICS | lx.ROLE_HEADS
_RULED = frozenset({"rule", "rules", "ruled", "order", "orders", "ordered"})
#: A document that "reads" gives its author's words: "the statement reads, “…”".
_READS = frozenset({"read", "reads"})
_PART_WORDS = frozenset({"part", "parts", "some", "much", "one"})
_COURTS = frozenset({"court", "judge", "judges", "tribunal", "jury", "justices", "panel"})
#: Entities that can be a source: "per the ONS", "according to videos and the BBC".
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Prepositions that give a clause's source document: "in a statement by X", "by X's report".
_DOCUMENT_PREPS = frozenset({"in", "by"})
_ANNOUNCE = frozenset({"announce", "announces", "announced", "announcing"})
_TELL = frozenset({"tell", "tells", "told"})
#: "In his view, …": the clause is the view's holder's statement.
_OPINION = frozenset({"opinion", "view", "words", "estimation", "assessment"})
_CONFIRM = frozenset({"confirm", "confirms", "confirmed", "confirming"})
#: What a vote confirms when it fills an office: no statement to check.
_APPOINTED = frozenset({"nomination", "nominations", "appointment", "appointments", "nominee",
                        "nominees"})
#: What one announces by leaving: "announced his resignation" reports an act.
_LEAVING = frozenset({"resignation", "retirement", "end"})
#: What one declares by acting: "declared a state of emergency", "declared martial law".
_DECLARED = frozenset({"emergency", "state", "law", "mourning", "holiday", "ceasefire",
                       "truce", "war"})
#: How far a source ("figures compiled by the Tories") may stand from its data noun.
_SOURCE_REACH = 8
#: How deep under a naming verb its "as" may hang ("referred to the ship involved as").
_AS_REACH = 4
#: How far after a verb an inverted subject's name may stand, behind its title.
_TITLE_REACH = 7
#: How many proper nouns after a place may still be one name ("Vermont Senator Paul Hale").
_NAME_RUN = 4


def is_reporting(tok: Token, quoting: bool) -> bool:
    """Whether `tok` attributes speech; `quoting`: its paragraph holds a quotation."""
    low = tok.lower_
    if low in _OPINION:
        return _opinion_holder(tok) is not None
    if low == "per":
        return _per_source(tok) is not None
    if low in _DOCUMENT_PREPS:
        return _document_source(tok) is not None
    if low in _RULED:
        # "The court ruled in the case", "the judge ruled against the firm": a court
        # speaks by ruling (but "the party ruled the country for years"; and "…, which
        # the court later ruled unlawful" is an aside on the sentence's object). A judge
        # named with the title ("Judge Ann Lee ruled…") is a court too, and anyone who
        # rules that something is so gives a ruling ("ruled the law violated…").
        clause = any(k.dep_ == "ccomp" for k in tok.children)
        if low not in {"rule", "rules", "ruled"} and not _ordered_clause(tok):
            return False  # "the judge ordered that…", but "Coles ordered extra stock"
        return tok.tag_.startswith("VB") and tok.dep_ != "relcl" and any(
            c.dep_ == "nsubj" and (clause or c.lower_ in _COURTS or (
                c.ent_type_ in {"ORG", "PERSON"} and any(w.lower_ in _COURTS for w in c.subtree)))
            for c in tok.children)
    if low in _READS:
        return tok.tag_.startswith("VB") and _read_document(tok) is not None
    if low not in lx.REPORTING_VERBS:
        return speech_frame(tok)
    if low == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.tag_ and not tok.tag_.startswith("VB"):
        return False  # "claims" and "reports" as nouns
    if low in lx.DENY_VERBS and any(c.dep_ == "dobj" and c.lower_ in lx.REFUSED_THINGS
                                    for c in tok.children):
        return False  # "Congress denied funding": a refusal, not a denial
    if low in _ANNOUNCE and any(c.dep_ == "dobj" and c.lower_ in _LEAVING for c in tok.children):
        return False  # "announced his resignation": an act, no statement to check
    if low in {"declare", "declares", "declared", "declaring"} and not any(
            c.dep_ in {"ccomp", "parataxis", "oprd", "xcomp"} for c in tok.children) and any(
            c.dep_ == "dobj" and c.lower_ in _DECLARED for c in tok.children):
        return False  # "declared a state of emergency": an act, no statement to check
    if low in _CONFIRM and not any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) and any(
            c.dep_ == "dobj" and (c.lower_ in _APPOINTED or c.ent_type_ == "PERSON"
                                  or c.lower_ in {"him", "her", "them"}) for c in tok.children):
        return False  # "the House confirmed him", "confirmed her nomination": an appointment
    if any((c.dep_ == "neg" and low not in lx.EVIDENCE_VERBS)
           or (c.dep_ == "advmod" and c.lower_ in lx.FALSELY) for c in tok.children):
        return False  # "has not commented"; "falsely claimed": the writer's refutation
    passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if tok.dep_ == "amod" or (passive and not any(c.dep_ == "agent" for c in tok.children)
                              and _stray_agent(tok) is None):
        return False  # "the reported attack", "he was told" (but "criticised by X")
    if any(c.lower_ == "as" and c.i < tok.i for c in tok.children) and any(
            c.dep_ == "agent" for c in tok.children):
        return False  # "X said — as reported by the paper — …" (not "described by X as")
    if low in lx.WEAK_REPORTING_VERBS:
        if tok.doc.has_annotation("DEP"):
            # "X reported on Friday, turnout had fallen": the clause is parsed as the head.
            aside = tok.dep_ in {"ccomp", "parataxis"} and tok.head.i > tok.i
            return (any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or quoting
                    or aside or speech_frame(tok)  # "welcomed the decision"
                    or _named_figure(tok))
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        return nxt in {"that", ":"} or quoting
    if tok.dep_ == "relcl" and tok.head.dep_ not in {"nsubj", "nsubjpass"} and not quoting:
        # "…prisoners, including officials who questioned the leader": an aside on an
        # object says nothing of the sentence's own, unless it reports a clause.
        return any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children)
    return True


def inverted_verb(tok: Token, after_quote: int) -> bool:
    """ "“…” tweeted Mayor Ann Lee": a reporting verb right after a closing quotation mark
    and before a name, which the parser may take for an adjective of the name."""
    return (tok.i == after_quote and tok.lower_ in lx.REPORTING_VERBS
            and tok.lower_.endswith("ed") and tok.dep_ == "amod" and tok.head.is_title)


def person_antecedent(head: Token) -> Token:
    """What "who" stands for when the parser hung it on an organisation: "a spokesperson
    for the Embassy, who told…" is the spokesperson (up through "for the Embassy")."""
    for _ in range(3):
        if head.ent_type_ == "PERSON" or head.lower_ in lx.PERSON_NOUNS:
            return head
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return head
        head = head.head.head
    return head


def short_form(ent: Span) -> str | None:
    """ "ONS" in "the Office for National Statistics (ONS)": a short form defined for `ent`."""
    doc = ent.doc
    i = next((t.i for t in ent if t.text == "("), ent.end)
    if not (i + 1 < len(doc) and doc[i].text == "(" and doc[i + 1].is_upper
            and doc[i + 1].is_alpha):
        return None
    short = doc[i + 1].text
    # Its letters are the name's initials, in order ("Cultural Organization" is no UNESCO).
    words = [t.text for t in doc[ent.start:i] if t.is_alpha and t.lower_ not in lx.DETERMINERS]
    initials = iter(w[0].upper() for w in words)
    return short if words and short[0] == words[0][0].upper() and all(
        letter in initials for letter in short) else None


def is_act(verb: Token) -> bool:
    """Whether a verb reports a speech act rather than words ("underscored the need",
    "called for an inquiry", "welcomed the decision"), so its sentence is no quotation."""
    low = verb.lower_
    if low in lx.SPEECH_ACTS or low not in lx.REPORTING_VERBS:
        return True
    clause = any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)
    return low in lx.WEAK_REPORTING_VERBS and not clause and speech_frame(verb)


def _ordered_clause(tok: Token) -> bool:
    """ "ordered that ballots be accepted", "ordered the accused remain in custody": an
    order given as a clause, not goods ordered ("ordered extra stock, while…")."""
    clause = next((k for k in tok.children if k.dep_ == "ccomp" and k.i > tok.i), None)
    if clause is None:
        return False
    return not any(t.is_punct for t in tok.doc[tok.i + 1:clause.left_edge.i])


def _named_figure(tok: Token) -> bool:
    """ "The WHO reported 1,051,635 cases", "the Review estimated the population at…": a
    named body or person giving a figure or finding is its source."""
    if tok.lower_ not in lx.FIGURE_VERBS or tok.dep_ not in {"ROOT", "conj"}:
        return False
    kids = list(tok.children)
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "dobj" for c in kids):
        return False
    # "the local health secretary reported one more case"; "Marine Traffic's database
    # shows…": a role, or a document of a named source.
    role = subject.lower_ in _TITLE_WORDS and any(c.lower_ == "the" for c in subject.lefts)
    if tok.lower_ in {"show", "shows", "showed"}:
        return source(subject) is not subject  # "Photographs showed the wreck" is no one's
    return (subject.ent_type_ in {"ORG", "GPE", "PERSON", "NORP"} or role
            or (subject.is_upper and subject.is_alpha and len(subject) >= 3)
            or source(subject) is not subject)


def speech_frame(tok: Token) -> bool:
    """A verb that states something by what it governs: "called for an inquiry", "called
    the ruling a mistake", "is calling on its allies", "spoke about the risks", "raised
    concerns", "made the case for…" (lexicon.SPEECH_OBJECTS). Needs the parser."""
    if not tok.tag_.startswith("VB") or not tok.doc.has_annotation("DEP"):
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return False  # "the meeting was called", "the flag was raised"
    low = tok.lower_
    kids = list(tok.children)
    if low in lx.CALL_VERBS:
        # "call for X", "call on X to…", "call X Y" (a predicate after the object).
        return any((c.i > tok.i and c.left_edge.lower_ in {"for", "on", "upon"})
                   or c.dep_ in {"oprd", "ccomp", "xcomp"} for c in kids)
    if low in lx.POINT_VERBS:  # "pointed out that the law had changed"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in kids)
    if low in lx.DIRECTIVE_VERBS:  # "instructed the police to close the road"
        return any(c.dep_ == "xcomp" for c in kids) and any(c.dep_ == "dobj" for c in kids)
    if low in lx.SPEAK_VERBS:  # "spoke about the risks", "spoke out against the plan"
        return any(c.dep_ == "prep" and c.lower_ in {"about", "of", "on", "against"}
                   and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)
                   for c in kids)  # but not "spoke in Leeds on Monday"
    if low in lx.LABEL_VERBS:  # "labelled it as…", "named the virus SARS-CoV-2"
        # "referred to the spill as…"; "as" may hang on a phrase after the object
        # ("described the minister in May as…", "referred to the ship involved as…").
        targets = [c for c in kids if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to")]
        near = {t.i for t in tok.subtree if depth(t) - depth(tok) <= _AS_REACH - 1}
        if targets and (any(c.dep_ == "oprd" for c in kids) or any(
                t.lower_ == "as" and t.dep_ == "prep" and t.head.i in near for t in tok.subtree)):
            return True
    if low in lx.QUOTING_VERBS and any(  # "cited a police source that the driver had…"
            c.dep_ == "dobj" and any(
                g.dep_ in {"relcl", "acl", "ccomp"} and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                for g in c.children) for c in kids):
        return True
    objects = lx.SPEECH_OBJECTS.get(low)
    return objects is not None and any(c.dep_ == "dobj" and c.lower_ in objects for c in kids)


def subject(verb: Token) -> Token | None:
    """The grammatical subject of a reporting verb (or, for "according to X", X).

    Figures and reports speak for whoever made them: "according to figures compiled by
    the Tories" and "figures from the ONS show" give the Tories and the ONS.
    """
    if verb.lower_ in _OPINION:
        return _opinion_holder(verb)
    if verb.lower_ == "per":
        obj = _per_source(verb)
        return None if obj is None else source(obj)
    if verb.lower_ in _DOCUMENT_PREPS:
        return _document_source(verb)
    if verb.lower_ == "according":
        for prep in verb.children:
            if prep.lower_ == "to":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                return None if obj is None else source(_speaking_conjunct(_named_after(obj)))
        return None
    if verb.lower_ in _READS:
        document = _read_document(verb)
        return None if document is None else source(document)
    subjects = _hyphen_joined([c for c in verb.children if c.dep_ == "nsubj"])
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not subjects and agent is not None and passive:  # "the plan was criticised by X"
        subjects = [c for c in agent.children if c.dep_ == "pobj"]
    if not subjects and agent is None and passive and (stray := _stray_agent(verb)) is not None:
        subjects = [stray]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    inverted = verb.i > 0 and verb.doc[verb.i - 1].is_punct and verb.tag_ in {"VBD", "VBZ", "VBP"}
    if inverted and (verb.lower_ in _TELL or any(
            s.i < verb.i and s.right_edge.i == verb.i - 1 and s.ent_type_ in _SOURCE_ENTS
            for s in subjects)):
        # "Joe Biden, the party's nominee, announced Kamala Harris as…": the comma closes
        # the subject's apposition, no quotation; and whom one "told" is the listener.
        inverted = False
    if inverted and all(s.i < verb.i for s in subjects):
        # "…,” said a tenant using…": the inverted subject parsed as the object; a person's
        # name may stand further off, behind a title ("tweeted former bank executive X"),
        # and then outranks a "subject" the parser found inside the quotation.
        persons = [c for c in verb.rights if c.dep_ == "dobj" and c.ent_type_ == "PERSON"
                   and c.i - verb.i <= _TITLE_REACH and c.left_edge.i == verb.i + 1]
        subjects = persons or subjects or [
            c for c in verb.rights
            if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and c.i - verb.i <= 3]
    if inverted:
        # "…,” said the university's chancellor, Ann Lee": the name set off after the role.
        set_off = [a for c in verb.rights if c.dep_ in {"dobj", "nsubj"}
                   for a in c.subtree if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
        subjects = set_off[:1] or subjects
    if not subjects and verb.dep_ == "amod" and verb.head.is_title:
        # "“…” tweeted Mayor of London Ann Lee", parsed as an adjective of "Mayor": the
        # person named in the phrase, else the phrase.
        after = verb.doc[verb.i + 1:min(verb.i + 9, len(verb.doc))]
        end = next((k for k, t in enumerate(after) if t.is_punct), len(after))
        subjects = [next((t for t in after[:end] if t.ent_type_ == "PERSON"), verb.head)]
    if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # "The Herald quoted Paul Mendez as saying…": the one quoted said it.
        quoting = verb.head.head
        if quoting.lower_ in lx.QUOTING_VERBS:
            subjects = [c for c in quoting.children if c.dep_ == "dobj"]
    raised = verb.dep_ == "xcomp" and verb.head.lower_ in lx.RAISING_VERBS
    if not subjects and (raised or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        # "He is expected to say", "…, saying the fee would rise": the subject of the
        # verb above (but not in "the minister declined to comment").
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and (named := _set_off_person(verb)) is not None:
        subjects = [named]
    if not subjects and (named := _name_after_quote(verb)) is not None:
        subjects = [named]
    if not subjects:
        return None
    # "…,” said US vice-president Kamala Harris: both "vice" and "Harris" are subjects.
    found = next((s for s in subjects if s.ent_type_ == "PERSON"),
                 next((s for s in subjects if s.ent_type_), subjects[0]))
    last = verb.doc[verb.i - 1] if verb.i > 0 else found
    if (found.pos_ == "PROPN" and found.ent_type_ != "PERSON" and last.ent_type_ == "PERSON"
            and last.i > found.i
            and last.i in {t.i for t in found.subtree}):
        # "Longtime Imus in the Morning writer Rob Bartlett tweeted", parsed with the
        # show's name as the subject: the person named right before the verb.
        return last
    return source(found)


def _stray_agent(verb: Token) -> Token | None:
    """ "It was announced to be a “pandemic” by the World Health Organization": the agent
    of a passive reporting verb that the parser hung on a word after it (a body or a
    person named, no other verb between)."""
    if verb.tag_ != "VBN" or not verb.doc.has_annotation("DEP"):
        return None
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.i - verb.i > _SOURCE_REACH:
            continue
        if tok.lower_ == "by" and tok.dep_ == "prep":
            between = verb.doc[verb.i + 1:tok.i]
            if any(t.pos_ == "VERB" for t in between):
                return None
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            return obj if obj is not None and obj.ent_type_ in {"ORG", "PERSON"} else None
    return None


def _hyphen_joined(subjects: list[Token]) -> list[Token]:
    """ "Another co-author, Ann Lee, said", parsed as three subjects "co", "-" and
    "author": a word split at its hyphens is one subject, its last part."""
    return [s for s in subjects
            if not (s.i + 1 < len(s.doc) and s.doc[s.i + 1] in subjects
                    and "-" in {s.text, s.doc[s.i + 1].text})]


def _read_document(verb: Token) -> Token | None:
    """The document that "reads" something: "the statement reads", "part of the judge's
    statement reads", "“…,” read the statement" (after a quotation, parsed as the object);
    None for a person reading ("he read the statement aloud")."""
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        nouns += [c for c in verb.rights if c.dep_ == "dobj"]
    for noun in nouns:
        document = noun
        if noun.lower_ in _PART_WORDS:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            document = next((c for c in of.children if c.dep_ == "pobj"), noun) if of else noun
        if document.lower_ in lx.DATA_NOUNS:
            return document
        after = verb.doc[verb.i + 1:verb.i + 3]
        if noun.lower_ == "it" and len(after) == 2 and after[0].text in {",", ":"} and (
                after[1].is_quote):
            return noun  # "…released a statement. It read, “…”": the statement, its maker's
    return None


def _document_source(tok: Token) -> Token | None:
    """ "In a statement by the ministry, …", "…, by the Coast Guard's report": a clause's
    document named with its maker is "according to" the maker (who, else None)."""
    if tok.dep_ not in {"prep", "agent"} or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lower_ not in lx.DATA_NOUNS:
        return None
    maker = source(obj)
    if maker is obj:  # "a report of the Red Cross"
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        maker = pobj if pobj is not None and pobj.ent_type_ in _SOURCE_ENTS else obj
    return None if maker is obj else maker


def _named_after(obj: Token) -> Token:
    """ "According to Vermont Senator Paul Hale", parsed with the place as the object: the
    person named in the run of proper nouns that goes on from it."""
    if obj.ent_type_ == "PERSON" or obj.pos_ != "PROPN":
        return obj
    doc, person = obj.doc, None
    for tok in doc[obj.i + 1:min(obj.i + 1 + _NAME_RUN, len(doc))]:
        if tok.pos_ != "PROPN":
            break
        if tok.ent_type_ == "PERSON":
            person = tok
        elif person is not None:
            break
    return person or obj


def _set_off_person(verb: Token) -> Token | None:
    """ "…, the head of the union, Karin Holm, said": a person between commas right before
    a verb the parser left without a subject."""
    doc, end = verb.doc, verb.i - 1
    if end < 2 or doc[end].text != ",":
        return None
    start = end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    if start not in {end, 0} and doc[start - 1].text == ",":
        return doc[end - 1]
    # "On Twitter, Adrian Lee, a columnist for ESPN, said": the name set off before its
    # role, the role set off before the verb (no verb between them).
    role = end - 1
    while role > 0 and doc[role].text != "," and doc[role].pos_ not in {"VERB", "AUX"}:
        role -= 1
    if role < 2 or role == end - 1 or doc[role].text != "," or end - role > _TITLE_REACH + 2:
        return None
    name = role - 1
    if doc[name].ent_type_ != "PERSON":
        return None
    first = name
    while first > 0 and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    return doc[name] if doc[first].is_sent_start or doc[first - 1].text == "," else None


_CLOSING = frozenset({'"', "”", "’", "'", "''"})


def _name_after_quote(verb: Token) -> Token | None:
    """ "“…”, Caloundra coach Geoff Ingram said.": a person named right before the verb
    that closes a quotation, its title words parsed as anything ("coach" as a verb)."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].ent_type_ != "PERSON":
        return None
    start = verb.i - 1
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    k = start - 1
    while k > 0 and verb.i - k <= _TITLE_REACH + 2 and doc[k].is_alpha:
        k -= 1
    if doc[k].text == "," and k > 0 and doc[k - 1].text in _CLOSING:
        return doc[verb.i - 1]
    return doc[verb.i - 1] if doc[k].text in _CLOSING and doc[k].i > 0 and (
        doc[k - 1].text in {",", "!", "?", "."}) else None


def _opinion_holder(noun: Token) -> Token | None:
    """ "In his view, …", "From his view, …", "In the minister's opinion, …": whose view the
    clause gives."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "from"} or noun.head.head.pos_ not in {
            "VERB", "AUX"}:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _per_source(tok: Token) -> Token | None:
    """ "Per figures released by the ONS, …" opening a sentence is "according to": its
    object when a document or a name ("ten pounds per person" is a rate)."""
    if not tok.doc.has_annotation("DEP") or tok.dep_ != "prep":
        return None
    if not (tok.is_sent_start or tok.doc[tok.i - 1].is_punct):
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or not (obj.lower_ in lx.DATA_NOUNS or obj.ent_type_ in _SOURCE_ENTS):
        return None
    return obj


def _speaking_conjunct(obj: Token) -> Token:
    """ "According to witnesses' videos and the BBC": of a thing that cannot speak and a
    named source joined to it, the source."""
    if obj.ent_type_ or obj.lower_ in lx.DATA_NOUNS or obj.lower_ in lx.PERSON_NOUNS:
        return obj
    return next((c for c in obj.children if c.dep_ == "conj" and c.ent_type_ in _SOURCE_ENTS),
                obj)


def source(noun: Token) -> Token:
    """The body a figure or report comes from ("figures from the ONS"), else the noun."""
    if noun.lower_ not in lx.DATA_NOUNS or noun.ent_type_:
        return noun
    # "The court's ruling", "a UNICEF report": the body named with the document.
    owner = next((c for c in noun.lefts if (c.dep_ == "poss" and c.pos_ != "PRON")
                  or (c.dep_ == "compound" and c.ent_type_ in {"ORG", "GPE", "NORP"})), None)
    if owner is not None:
        return owner
    # "his message", "her statement": the person the possessive stands for.
    mine = next((c for c in noun.lefts if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
    if mine is not None:
        return mine
    for tok in noun.subtree:
        if tok.i - noun.i > _SOURCE_REACH:
            break
        if tok.lower_ in {"by", "from"} and tok.dep_ in {"agent", "prep"}:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if tok.lower_ == "of" and tok.head.i == noun.i:
            # "the opinion of the Court", "a statement of the ministry": its author (but
            # "a report of a fire" is about the fire).
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in {"ORG", "PERSON"} or obj.lower_ in _COURTS):
                return obj
    return noun


def binds(pronoun: Token, ent: Span) -> bool:
    """Whether `ent`, named before `pronoun` in its sentence, cannot be who it stands for:
    it lies in the pronoun's own clause ("After Smith left, he said") or in a participle
    whose unspoken subject is the pronoun's ("Speaking to Martin Smith, he said")."""
    clause = pronoun.head
    if clause.left_edge.i <= ent.start and ent.end <= clause.right_edge.i + 1:
        return True
    return any(a.dep_ in {"advcl", "pcomp"} and a.tag_ in {"VBG", "VBN"} and a.i < pronoun.i
               for a in (ent.root, *ent.root.ancestors))


def noun_phrase(tok: Token) -> str | None:
    """A short name for a subject without an entity: "officials", "Ukraine’s military"."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    left = tok.left_edge.i
    doc = tok.doc
    while left < tok.i and (doc[left].lower_ in lx.DETERMINERS or doc[left].is_punct
                            or (tok.pos_ == "PROPN" and (doc[left].lower_ in _TITLE_WORDS
                                                         or doc[left].is_lower))):
        # "Mayor Ana Ruiz" untagged: the name without its title; "wrestling promotion
        # World Wonder Ring Stardom": without what it is
        left += 1
    age = next((t.i for t in doc[left:tok.i] if t.lower_ == "old" and t.i - left >= 2
                and doc[left].like_num and doc[left + 1].is_punct), None)
    if age is not None:
        left = age + 1  # "47-year-old Matovič's government office": the office
    right = tok.i + 1
    if (tok.pos_ == "PROPN" and right < len(doc) and doc[right].dep_ == "nummod"
            and doc[right].head.i == tok.i and doc[right].is_digit):
        right += 1  # "News 12 reported": the station's number is its name
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "from"}:
            if child.right_edge.i - tok.i <= 5:
                right = child.right_edge.i + 1
            break
    words = doc[left:right].text.strip()
    return words or None


def depth(tok: Token) -> int:
    steps = 0
    while tok.head.i != tok.i and steps < 50:
        tok = tok.head
        steps += 1
    return steps


def sentence_of(sentences: Sequence[Span], token_i: int) -> Span:
    """The sentence holding token `token_i` (the first one for tokens before it)."""
    lo, hi = 0, len(sentences)
    while lo < hi:  # bisect on the sentences' starts without building a list of them
        mid = (lo + hi) // 2
        if sentences[mid].start <= token_i:
            lo = mid + 1
        else:
            hi = mid
    return sentences[max(lo - 1, 0)]
