"""Regenerate the sample articles in tests/data: `python tests/data/make_samples.py`."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[1]) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(HERE.parents[1]))

from tests.importers.doc_builders import build_docx, build_pdf  # noqa: E402

# Invented articles with the kinds of claims checkers meet: numbers, quotes, comparisons.
PAGE_PARAGRAPHS = [
    "Rail fares to rise by 4.9% in March, the biggest increase in a decade",
    "Rail fares in England will rise by 4.9% from 3 March, the transport secretary "
    "announced on Tuesday, the largest annual increase since 2013.",
    "“Passengers are getting better value than ever before,” Helen Achebe told MPs, "
    "adding that punctuality had improved by 15% since the network was reorganised.",
    "Campaigners disputed the figure. Figures from the Office of Rail and Road show that "
    "61% of trains arrived on time last year, compared with 65% in 2019.",
    "Season tickets between Brighton and London will cost more than £5,600 a year, "
    "according to the Campaign for Better Transport.",
]

SAVED_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Rail fares to rise by 4.9% in March | The Northern Courier</title>
<meta name="author" content="Priya Raman">
<meta property="og:title" content="{PAGE_PARAGRAPHS[0]}">
<meta property="og:site_name" content="The Northern Courier">
<meta property="og:url" content="https://courier.example/transport/rail-fares-2024">
<meta property="article:published_time" content="2024-01-16T07:45:00+00:00">
<link rel="canonical" href="https://courier.example/transport/rail-fares-2024">
<link rel="stylesheet" href="https://static.courier.example/site.css">
<script src="https://ads.example.net/loader.js" async></script>
</head><body>
<div class="cookie-banner">We value your privacy. Accept all cookies?</div>
<header><a href="/">The Northern Courier</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe for £1</a></li></ul>
</nav></header>
<div class="ad ad-leaderboard"><a href="https://ads.example.net/c">Win a cruise today!</a></div>
<main><article class="story">
<h1>{PAGE_PARAGRAPHS[0]}</h1>
<p class="byline">By Priya Raman, Transport correspondent</p>
<p>{PAGE_PARAGRAPHS[1]}</p>
<figure><img src="https://images.courier.example/train.jpg" alt="A train at a platform">
<figcaption>Fares rise on 3 March</figcaption></figure>
<p>{PAGE_PARAGRAPHS[2]}</p>
<p>{PAGE_PARAGRAPHS[3]}</p>
<p>{PAGE_PARAGRAPHS[4]}</p>
</article></main>
<aside class="related"><h2>Most read</h2><ol><li><a href="/a">Ten cheapest days out</a></li>
<li><a href="/b">Football results</a></li></ol></aside>
<section class="comments" id="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Fares are a scandal, I pay £300 a month already.</p></div>
<div class="comment"><p>Trains were never on time in my day either.</p></div></section>
<footer><p>© 2024 The Northern Courier Ltd. All rights reserved.</p></footer>
</body></html>
"""

RELEASE_PARAGRAPHS = [
    "The Department for Housing today announced that 212,000 new homes were completed in "
    "the year to March, up 8% on the previous year and the highest figure since 2007.",
    "Housing minister Tomás Ferreira said: “We promised to build 300,000 homes a year "
    "and we are on track to deliver that by the end of this parliament.”",
    "Average rents rose by 6.2% over the same period, while the number of households on "
    "council waiting lists fell to 1.1 million.",
]
RELEASE_TABLE = [
    ["Region", "Completions", "Change"],
    ["North East", "9,400", "+5%"],
    ["London", "31,800", "-2%"],
    ["South West", "24,100", "+11%"],
]

SPEECH_PAGES = [
    [
        "# Speech to the Chamber of Commerce",
        "Thank you for inviting me. When we took office, one in ten young people was out of "
        "work. Today that figure is one in twenty, the lowest youth unemployment in Europe.",
        "Our exporters have done remarkable things. Exports grew by 14% last year, and for "
        "the first time we sell more to Asia than to North America.",
    ],
    [
        "Some say that growth has come at the cost of the environment. The facts say "
        "otherwise: emissions fell by 30% since 2005 while the economy grew by a quarter.",
        "We will cut corporation tax to 19% next year, which will create 40,000 jobs.",
    ],
]


def main() -> None:
    (HERE / "sample_saved_page.html").write_text(SAVED_PAGE, encoding="utf-8")
    (HERE / "sample_press_release.docx").write_bytes(
        build_docx(
            title="Housing completions highest since 2007",
            author="Department for Housing press office",
            created=datetime(2024, 5, 2, 9, 0),
            heading="New homes completed at fastest rate in 17 years",
            paragraphs=RELEASE_PARAGRAPHS,
            table=RELEASE_TABLE,
            closing=["ENDS", "Notes to editors: figures are provisional and will be revised."],
        )
    )
    (HERE / "sample_speech.pdf").write_bytes(
        build_pdf(
            SPEECH_PAGES,
            {
                "Title": "Speech to the Chamber of Commerce",
                "Author": "Office of the Prime Minister",
                "CreationDate": "D:20231012143000+01'00'",
            },
            header="Check against delivery",
            page_numbers=True,
        )
    )


if __name__ == "__main__":
    main()
