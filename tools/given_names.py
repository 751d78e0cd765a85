"""Write `desktop/claimdesk/nlp/given_names.py` from the 1990 US Census first-name lists.

The lists (`dist.female.first`, `dist.male.first`: name, frequency %, cumulative %, rank)
are public domain, published by the US Census Bureau from the 1990 census; a copy ships in
the MIT-licensed `names` 0.3.0 source distribution. This script is development work: it
reads a folder holding the two files and writes the module the app imports, so nothing
is read or fetched at run time.

    python -m tools.given_names FOLDER

Each list's TOP most frequent names are kept, minus those more frequent as surnames
(`dist.all.last`: "Harris", "Wilson") and words that are more often something else in
news text (months, places, virtues: `NOT_NAMES`). A name in both lists
goes to the one where it is more frequent. Chosen on parts a- to i- of the news set
(tests/data/news_eval): the top 500 and 1,000 each gave one or two speakers more and one
narration sentence less, and fewer wrong speaker kinds (186 → 181 at 1,000); 2,000 gave
nothing more.
"""

from __future__ import annotations

import argparse
from pathlib import Path

TOP = 1000
TARGET = Path(__file__).parents[1] / "desktop" / "claimdesk" / "nlp" / "given_names.py"
NOT_NAMES = frozenset(
    str.split("""
    april may june august july january march autumn summer winter spring paris georgia
    virginia carolina florida dallas austin sydney chelsea florence victoria jordan israel
    china india asia africa america london berlin madrid will bill mark rich art grant
    hope faith joy grace rose lily iris ivy amber crystal star sky rain storm dawn page bob
    guy rob pat sue kay jack frank drew chase hunter king prince earl duke major sterling
    royal lane price long young white black green brown gray grey rice bush ray ward wood
    hill mason lee sunny miles chance son christian precious destiny unique numbers brain
    """)
)


def read_list(path: Path, top: int | None = TOP) -> dict[str, float]:
    """name → frequency (%) of the `top` most frequent names of one census list."""
    names: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, frequency, _cumulative, rank = line.split()
        if (top is None or int(rank) <= top) and len(name) > 2 and name.lower() not in NOT_NAMES:
            names[name.lower()] = float(frequency)
    return names


def given_more_than_surname(
    names: dict[str, float], surnames: dict[str, float]
) -> dict[str, float]:
    """The names more frequent as given names than as surnames ("Harris", "Wilson" go)."""
    return {n: f for n, f in names.items() if f > surnames.get(n, 0.0)}


def module_text(female: dict[str, float], male: dict[str, float]) -> str:
    women = sorted(n for n in female if female[n] >= male.get(n, 0.0))
    men = sorted(n for n in male if male[n] > female.get(n, 0.0))

    def block(words: list[str]) -> str:
        lines, line = [], "   "
        for word in words:
            if len(line) + len(word) + 1 > 92:
                lines.append(line)
                line = "   "
            line += " " + word
        return "\n".join([*lines, line])

    return (
        '"""Given names from the 1990 US Census lists (public domain, US Census Bureau),\n'
        f"the {TOP} most frequent of each list less words that are mostly something else.\n"
        'Written by tools/given_names.py; do not edit by hand."""\n\n'
        "CENSUS_FEMALE = frozenset(\n"
        f'    str.split("""\n{block(women)}\n    """)\n)\n'
        "CENSUS_MALE = frozenset(\n"
        f'    str.split("""\n{block(men)}\n    """)\n)\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with dist.female.first, dist.male.first")
    args = parser.parse_args()
    surnames = read_list(args.folder / "dist.all.last", top=None)
    text = module_text(
        given_more_than_surname(read_list(args.folder / "dist.female.first"), surnames),
        given_more_than_surname(read_list(args.folder / "dist.male.first"), surnames))
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
