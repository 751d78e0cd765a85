"""Synthetic training sentences for what debates lack: future-tense claims, headlines, bylines."""

# ClaimBuster is spoken debate: it has almost no news headlines, bylines or datelines, and
# few announced policies in the future tense ("X will cover England and Wales from next
# year"). The model scored the first high and the second low on news. These templates
# add a few hundred labelled examples of each; they are generated with a fixed seed, go
# into training only (never validation or test), and the sentences in the tests are not
# among them.

from __future__ import annotations

import random

POLICIES = (
    "The new licensing scheme", "The ban", "The tax credit", "The free school meals programme",
    "The smoking ban", "The new pension rule", "The congestion charge", "The minimum wage rise",
    "The levy", "The vaccination programme", "The rent freeze", "The speed limit",
    "The windfall tax", "The child benefit cut", "The new visa system",
)
PLACES = (
    "Scotland", "Wales", "Northern Ireland", "all of London", "every county in England",
    "the whole of the UK", "Texas and Florida", "all 50 states", "rural areas",
    "the north-east", "every primary school", "all NHS hospitals",
)
WHEN = (
    "from next year", "from April", "by 2030", "within two years", "from January",
    "next spring", "by the end of the decade", "from next month", "in 2027",
)
THINGS = (
    "pupils per class", "patients per nurse", "children per household",
    "flights a day", "new homes a year", "hours a week", "visits a month",
)
FUTURE_TEMPLATES = (
    "{policy} will apply to {place} {when}.",
    "{policy} will be extended to {place} {when}, the government said.",
    "There will be a limit of {n} {thing} {when}.",
    "From {when2}, there will be a maximum of {n} {thing}.",
    "{policy} will cost {money} over the next {n} years.",
    "The government will spend {money} on new hospitals {when}.",
    "{n} new prisons will be built {when}.",
    "Fees will rise to {money} a year {when}.",
    "{policy} will affect about {n} million people {when}.",
    "The council will cut {n} percent of its staff {when}.",
    "Under the plan, every household will pay {money} more {when}.",
    "The cap will be set at {n} {thing}.",
)
HEADLINE_TEMPLATES = (
    "{who} attacks {party} over {topic}",
    "{who} vows to fight on",
    "{party} in row over {topic}",
    "{topic}: what you need to know",
    "Live: {who} speaks on {topic}",
    "{who} defends record on {topic}",
    "{party} split deepens",
    "Analysis: Why {topic} matters",
    "{topic} plan sparks anger",
    "Opinion: {who} is wrong about {topic}",
)
BYLINE_TEMPLATES = (
    "By {name}, {role}",
    "By {name}",
    "{name}, {role}",
    "{city}, {month} {day} (Reuters) -",
    "Last updated: {day} {month} 2005, {hour}:{minute} GMT",
    "Published {day} {month} 2019",
    "Photograph: {name}/PA",
    "Share this article",
    "Read more: {topic}",
    "Follow {name} on Twitter",
)
WHO = ("Tory leader", "PM", "Chancellor", "Minister", "Senator", "Governor", "Mayor",
       "Labour chief", "Shadow minister", "President")
PARTIES = ("Labour", "Tories", "Democrats", "Republicans", "Lib Dems", "SNP", "Greens")
TOPICS = ("tax", "immigration", "school funding", "the NHS", "crime", "energy bills",
          "housing", "the budget", "pensions", "student fees")
NAMES = ("Sarah Jones", "Tom Price", "Priya Patel", "Mark Evans", "Anna Lee", "David Kim",
         "Helen Ward", "James Okafor")
ROLES = ("political correspondent", "health editor", "BBC News", "home affairs editor",
         "Press Association", "economics reporter")
CITIES = ("LONDON", "WASHINGTON", "BRUSSELS", "EDINBURGH", "CARDIFF", "NEW YORK")
MONTHS = ("January", "March", "April", "June", "September", "November")


def synthetic_sentences(seed: int = 41, count: int = 300) -> list[tuple[str, bool]]:
    """`count` future-tense claims (positive) and `count` headlines/bylines (negative)."""
    rng = random.Random(seed)
    out: set[tuple[str, bool]] = set()
    while sum(1 for _, p in out if p) < count:
        out.add((rng.choice(FUTURE_TEMPLATES).format(
            policy=rng.choice(POLICIES), place=rng.choice(PLACES), when=rng.choice(WHEN),
            when2=rng.choice(("April", "next year", "2026", "the autumn")),
            thing=rng.choice(THINGS), n=rng.choice((3, 5, 6, 12, 20, 40, 150)),
            money=rng.choice(("£2bn", "$40 billion", "£9,250", "$1,200", "£350m", "€5bn")),
        ), True))
    while sum(1 for _, p in out if not p) < count:
        template = rng.choice(HEADLINE_TEMPLATES + BYLINE_TEMPLATES)
        out.add((template.format(
            who=rng.choice(WHO), party=rng.choice(PARTIES), topic=rng.choice(TOPICS),
            name=rng.choice(NAMES), role=rng.choice(ROLES), city=rng.choice(CITIES),
            month=rng.choice(MONTHS), day=rng.randint(1, 28), hour=rng.randint(10, 23),
            minute=f"{rng.randint(0, 59):02}",
        ), False))
    return sorted(out)
