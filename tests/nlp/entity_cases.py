"""Handmade news sentences with every entity labelled, for the entity post-rule tests."""

from __future__ import annotations

from dataclasses import dataclass

#: Labels whose span is always checked exactly: the figures a checker verifies.
FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class Case:
    """A sentence, all its entities as (text, label) in text order, and names to check.

    Gold spans follow the OntoNotes habits spaCy was trained on, except where a checker
    needs more: money keeps its currency and magnitude ("£3.4m"), percentages and
    quantities keep their unit, a rate is part of a quantity ("barrels a day") but not of
    money ("£11.44 an hour"), and names lose "the", "’s" and trailing punctuation.
    `check` lists non-figure entities whose span a test asserts exactly (boundary cases).
    """

    sentence: str
    gold: tuple[tuple[str, str], ...]
    check: tuple[str, ...] = ()

    def spans(self) -> list[tuple[str, str, int, int]]:
        """Gold entities as (text, label, start, end), found in order in the sentence."""
        found: list[tuple[str, str, int, int]] = []
        at = 0
        for text, label in self.gold:
            start = self.sentence.index(text, at)
            found.append((text, label, start, start + len(text)))
            at = start + len(text)
        return found

    def checked(self) -> list[tuple[str, str, int, int]]:
        return [s for s in self.spans() if s[1] in FIGURES or s[0] in self.check]


def c(sentence: str, *gold: tuple[str, str], check: tuple[str, ...] = ()) -> Case:
    return Case(sentence, gold, check)


M, P, Q, C, D = "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE"
PE, OR, G, N = "PERSON", "ORG", "GPE", "NORP"

CASES: tuple[Case, ...] = (
    # Money: currency symbols, words and magnitudes stay inside the span.
    c("The council will spend £3.4m on new roads, up from £2.1m last year.",
      ("£3.4m", M), ("£2.1m", M), ("last year", D)),
    c("Apple paid $5bn for the start-up, while Google spent €2.5 billion on its rival.",
      ("Apple", OR), ("$5bn", M), ("Google", OR), ("€2.5 billion", M)),
    c("The fund is worth 3.4 million euros, officials in Brussels said.",
      ("3.4 million euros", M), ("Brussels", G)),
    c("Tickets cost US$40 each at the stadium in Sydney.", ("US$40", M), ("Sydney", G)),
    c("Residents of Soweto raised R70,000 for the clinic in two weeks.",
      ("Soweto", G), ("R70,000", M), ("two weeks", D)),
    c("A bowl of ramen costs ¥100 more in Tokyo than it did in 2019.",
      ("¥100", M), ("Tokyo", G), ("2019", D)),
    c("The state government approved a Rs 500 crore plan for Mumbai on Tuesday.",
      ("Rs 500 crore", M), ("Mumbai", G), ("Tuesday", D)),
    c("Germany will spend €100bn on its armed forces, Olaf Scholz said.",
      ("Germany", G), ("€100bn", M), ("Olaf Scholz", PE)),
    c("The government will borrow £31.6bn more than planned, the OBR said.",
      ("£31.6bn", M), ("OBR", OR), check=("OBR",)),
    c("Shares in Tesla fell 12% after the company reported a $1.2bn loss.",
      ("Tesla", OR), ("12%", P), ("$1.2bn", M)),
    c("The minimum wage will rise to £11.44 an hour in April.", ("£11.44", M), ("April", D)),
    c("France has pledged 3 billion euros to the fund, Emmanuel Macron announced.",
      ("France", G), ("3 billion euros", M), ("Emmanuel Macron", PE)),
    c("Labour's plan would cost £28bn a year, the Conservatives claim.",
      ("Labour", OR), ("£28bn", M), ("a year", D), ("Conservatives", N), check=("Labour",)),
    c("Police in Manchester seized 3kg of cocaine worth £150,000.",
      ("Manchester", G), ("3kg", Q), ("£150,000", M)),
    c("The deal is worth A$1.5bn to Australian farmers, Canberra said.",
      ("A$1.5bn", M), ("Australian", N), ("Canberra", G)),
    c("The tunnel is 57 kilometres long and cost 12 billion Swiss francs.",
      ("57 kilometres", Q), ("12 billion Swiss francs", M)),
    c("Fuel duty brings in about £25 billion a year for the Treasury.",
      ("£25 billion", M), ("a year", D), ("Treasury", OR)),
    c("Washington has sent $175bn in aid to Kyiv since 2022.",
      ("Washington", G), ("$175bn", M), ("Kyiv", G), ("2022", D)),
    c("Pakistan received Rs 3.5 trillion in remittances, the State Bank of Pakistan said.",
      ("Pakistan", G), ("Rs 3.5 trillion", M), ("State Bank of Pakistan", OR),
      check=("State Bank of Pakistan",)),
    c("The EU's carbon price rose above €100 a tonne for the first time.",
      ("EU", OR), ("€100", M), ("first", "ORDINAL"), check=("EU",)),
    c("Kenya's President William Ruto said the loan of $1.5bn would be repaid by 2030.",
      ("Kenya", G), ("William Ruto", PE), ("$1.5bn", M), ("2030", D)),
    c("Vodafone shares rose 3p to 72p in London.",
      ("Vodafone", OR), ("3p", M), ("72p", M), ("London", G)),
    c("Petrol prices rose from 140p to 155p a litre over the summer.",
      ("140p", M), ("155p", M), ("the summer", D)),
    c("Donald Trump's tariffs hit $300bn of Chinese goods.",
      ("Donald Trump", PE), ("$300bn", M), ("Chinese", N), check=("Donald Trump",)),
    c("Liz Truss’s mini-budget wiped £30bn off pension funds.",
      ("Liz Truss", PE), ("£30bn", M), check=("Liz Truss",)),
    c("The new stadium cost £3m.", ("£3m", M)),
    c("Each fighter jet costs about $100m.", ("$100m", M)),
    c("Last year Greece welcomed 32.7 million tourists, who spent €20.6bn.",
      ("Last year", D), ("Greece", G), ("32.7 million", C), ("€20.6bn", M)),
    # Percentages: "per cent", "percent", "%", points; never the preposition after them.
    c("Unemployment rose by 0.27 percentage points to 5.1% in March, the ONS said.",
      ("0.27 percentage points", P), ("5.1%", P), ("March", D), ("ONS", OR)),
    c("Inflation fell to 12 per cent, down from 15 percent a year earlier.",
      ("12 per cent", P), ("15 percent", P), ("a year earlier", D)),
    c("The Bank of England cut rates by half a percentage point on Thursday.",
      ("Bank of England", OR), ("half a percentage point", P), ("Thursday", D),
      check=("Bank of England",)),
    c("Average house prices rose 2.3% to £285,000 in the year to June.",
      ("2.3%", P), ("£285,000", M), ("the year to June", D)),
    c("Turnout was 67.3 per cent, the highest since 1997.", ("67.3 per cent", P), ("1997", D)),
    c("The company's profits rose to $3.2 billion, or 18 percent, in the third quarter.",
      ("$3.2 billion", M), ("18 percent", P), ("the third quarter", D)),
    c("Nigeria's central bank raised its key rate by 50 basis points to 18.75%.",
      ("Nigeria", G), ("50 basis points", P), ("18.75%", P)),
    c("India's GDP grew 7.8% in the April-June quarter, official data showed.",
      ("India", G), ("7.8%", P), ("the April-June quarter", D)),
    c("Brazil's Lula da Silva said deforestation in the Amazon fell by 22%.",
      ("Brazil", G), ("Lula da Silva", PE), ("Amazon", "LOC"), ("22%", P)),
    c("Spending on defence will reach 2.5% of GDP by 2030, the prime minister said.",
      ("2.5%", P), ("2030", D)),
    c("Tesco said like-for-like sales were up 4.6 per cent in the 12 weeks to January.",
      ("Tesco", OR), ("4.6 per cent", P), ("the 12 weeks to January", D)),
    c("The EU will impose tariffs of up to 38% on Chinese electric cars.",
      ("EU", OR), ("38%", P), ("Chinese", N)),
    c("Rents in London rose 9.2% - the fastest rise on record - in the year to May.",
      ("London", G), ("9.2%", P), ("the year to May", D)),
    c("China's exports fell 14.5% in July, Beijing said.",
      ("China", G), ("14.5%", P), ("July", D), ("Beijing", G)),
    c("Mexico City's mayor said 20 per cent of the water is lost to leaks.",
      ("Mexico City", G), ("20 per cent", P), check=("Mexico City",)),
    c("Output rose from 5% to 6.5% of the total, the Department for Transport said.",
      ("5%", P), ("6.5%", P), ("Department for Transport", OR),
      check=("Department for Transport",)),
    # Quantities keep their unit.
    c("The new bypass is 40 km long and will carry 3 tonnes of freight per lorry.",
      ("40 km", Q), ("3 tonnes", Q)),
    c("Opec agreed to cut output by 2.5 million barrels a day from November.",
      ("Opec", OR), ("2.5 million barrels a day", Q), ("November", D)),
    c("Police said the car was doing 10 mph when it hit the barrier.", ("10 mph", Q)),
    c("Scientists warn that warming must be kept below 1.5C.", ("1.5C", Q)),
    c("The Paris Agreement aims to limit warming to 1.5 degrees Celsius.",
      ("Paris Agreement", "LAW"), ("1.5 degrees Celsius", Q)),
    c("The storm brought winds of 90 mph and 50 mm of rain to Cornwall.",
      ("90 mph", Q), ("50 mm", Q), ("Cornwall", G)),
    c("The wall will stretch 1,000 miles along the border with Mexico.",
      ("1,000 miles", Q), ("Mexico", G)),
    c("Police in Manchester said the farm covers 500 hectares and employs 40 people.",
      ("Manchester", G), ("500 hectares", Q), ("40", C)),
    c("Temperatures hit 40.3C at Coningsby in Lincolnshire, the Met Office said.",
      ("40.3C", Q), ("Coningsby", G), ("Lincolnshire", G), ("Met Office", OR),
      check=("Met Office",)),
    c("The plane was flying at 35,000 feet when the engine failed over Ireland.",
      ("35,000 feet", Q), ("Ireland", G)),
    c("The heatwave in Spain pushed temperatures above 44 degrees.",
      ("Spain", G), ("44 degrees", Q)),
    # Names: no dashes, possessives, determiners or colons at the edges; months and places.
    c("Liberal Democrat spokesman Alan Beith - who chaired the committee - said the plan "
      "was flawed.", ("Liberal Democrat", N), ("Alan Beith", PE), check=("Alan Beith",)),
    c("Alan Beith's report was published by the BBC on Monday.",
      ("Alan Beith", PE), ("BBC", OR), ("Monday", D), check=("Alan Beith", "BBC")),
    c("Theresa May said the deal was done, and the vote was held in May.",
      ("Theresa May", PE), ("May", D), check=("May",)),
    c("Mrs May told MPs the vote would go ahead in March.",
      ("May", PE), ("March", D), check=("May",)),
    c("Ukraine said Russia had fired 40 missiles at Kharkiv since Friday.",
      ("Ukraine", G), ("Russia", G), ("40", C), ("Kharkiv", G), ("Friday", D),
      check=("Ukraine", "Kharkiv")),
    c("The NHS waiting list reached 7.6 million in September, according to NHS England.",
      ("NHS", OR), ("7.6 million", C), ("September", D), ("NHS England", OR)),
    c("Sales of electric cars jumped by a third to 1.2 million in 2023.",
      ("a third", C), ("1.2 million", C), ("2023", D)),
    c("Mr Sunak said 5,000 extra officers would be recruited by 2025.",
      ("Sunak", PE), ("5,000", C), ("2025", D), check=("Sunak",)),
    c("Chancellor Rachel Reeves - speaking in Leeds - promised £22bn of savings.",
      ("Rachel Reeves", PE), ("Leeds", G), ("£22bn", M), check=("Rachel Reeves",)),
    c("Speaking to the BBC, Keir Starmer said the UK would send 2,000 troops.",
      ("BBC", OR), ("Keir Starmer", PE), ("UK", G), ("2,000", C),
      check=("BBC", "Keir Starmer")),
    c("Sir Keir Starmer's government promised 1.5 million new homes.",
      ("Keir Starmer", PE), ("1.5 million", C), check=("Keir Starmer",)),
    c("Japan's population fell by 800,000 to 124 million last year.",
      ("Japan", G), ("800,000", C), ("124 million", C), ("last year", D)),
    c("Boris Johnson: “We will build 40 new hospitals.”",
      ("Boris Johnson", PE), ("40", C), check=("Boris Johnson",)),
    c("Sudan's army said fighting in Khartoum had killed 300 people.",
      ("Sudan", G), ("Khartoum", G), ("300", C), check=("Sudan", "Khartoum")),
    c("Jordan said aid convoys to Gaza had doubled.", ("Jordan", G), ("Gaza", G),
      check=("Jordan", "Gaza")),
)

#: Written after the post-rules were tuned on CASES and scored once before any change:
#: the honest estimate for new text. Keep it that way: add new cases to CASES instead.
HELDOUT: tuple[Case, ...] = (
    c("The IMF's loan of $2.3tn was the largest in its history, Kristalina Georgieva said.",
      ("IMF", OR), ("$2.3tn", M), ("Kristalina Georgieva", PE)),
    c("Public sector debt stood at £2.7 trillion at the end of March.",
      ("£2.7 trillion", M), ("the end of March", D)),
    c("The striker joined Chelsea for £500k in 2015.",
      ("Chelsea", OR), ("£500k", M), ("2015", D)),
    c("A loaf of bread now costs £1.45, up from 95p five years ago.",
      ("£1.45", M), ("95p", M), ("five years ago", D)),
    c("Hong Kong's government set aside HK$3bn for the scheme.",
      ("Hong Kong", G), ("HK$3bn", M)),
    c("New Zealand will invest NZ$40m in flood defences, Chris Hipkins said.",
      ("New Zealand", G), ("NZ$40m", M), ("Chris Hipkins", PE)),
    c("The company was fined 5 million euros by regulators in Italy.",
      ("5 million euros", M), ("Italy", G)),
    c("Nicola Sturgeon - then first minister - said 9,000 homes would be built.",
      ("Nicola Sturgeon", PE), ("first", "ORDINAL"), ("9,000", C)),
    c("Jeremy Corbyn's manifesto promised to spend £400bn over ten years.",
      ("Jeremy Corbyn", PE), ("£400bn", M), ("ten years", D)),
    c("The Federal Reserve raised interest rates by a quarter of a percentage point.",
      ("Federal Reserve", OR), ("a quarter of a percentage point", P)),
    c("Mortgage rates rose from 4.5% to 6.2% within a month.",
      ("4.5%", P), ("6.2%", P), ("a month", D)),
    c("Economists expect growth of between 1 and 1.5 per cent next year.",
      ("between 1 and 1.5 per cent", P), ("next year", D)),
    c("The FTSE 100 fell 50 points to 7,400 on Friday.",
      ("FTSE 100", OR), ("50", C), ("7,400", C), ("Friday", D)),
    c("Around 9.8 million people live in Greater London.",
      ("Around 9.8 million", C), ("Greater London", G)),
    c("The ship was carrying 3,000 tonnes of grain from Odesa.",
      ("3,000 tonnes", Q), ("Odesa", G)),
    c("The motorway speed limit in the Netherlands is 130 km/h during the day.",
      ("Netherlands", G), ("130 km/h", Q), ("the day", "TIME")),
    c("The glacier has lost 40,000 square miles of ice since 1980.",
      ("40,000 square miles", Q), ("1980", D)),
    c("Forecasters said temperatures could fall to minus 5C in Scotland.",
      ("minus 5C", Q), ("Scotland", G)),
    c("The refinery processes 600,000 barrels per day, Saudi Aramco said.",
      ("600,000 barrels per day", Q), ("Saudi Aramco", OR)),
    c("Covid-19 killed more than 200,000 people in the UK, the ONS said.",
      ("more than 200,000", C), ("UK", G), ("ONS", OR)),
    c("The G7 leaders met in Hiroshima in May.",
      ("G7", OR), ("Hiroshima", G), ("May", D)),
    c("May saw a 3.2% rise in retail sales, the figures show.",
      ("May", D), ("3.2%", P)),
    c("Angela Rayner's department has a budget of £13.6bn this year.",
      ("Angela Rayner", PE), ("£13.6bn", M), ("this year", D)),
    c("The UN said 1.9 million people had fled their homes in Gaza.",
      ("UN", OR), ("1.9 million", C), ("Gaza", G)),
    c("Egypt earns about $9bn a year from the Suez Canal.",
      ("Egypt", G), ("$9bn", M), ("a year", D), ("Suez Canal", "LOC")),
    c("Wages grew by 7.8 per cent in the three months to August, the ONS said.",
      ("7.8 per cent", P), ("the three months to August", D), ("ONS", OR)),
    c("The average worker in Poland earns 7,000 zloty a month.",
      ("Poland", G), ("7,000 zloty", M), ("a month", D)),
    c("Emissions fell 2.4% last year, according to the Climate Change Committee.",
      ("2.4%", P), ("last year", D), ("Climate Change Committee", OR)),
    c("The tower is 310 metres tall and took four years to build.",
      ("310 metres", Q), ("four years", D)),
    c("Sir David Attenborough, 97, has narrated the series since 2006.",
      ("David Attenborough", PE), ("97", D), ("2006", D)),
    c("The bill would raise the pension age to 68 by 2046, the DWP said.",
      ("68", D), ("2046", D), ("DWP", OR)),
    c("Rishi Sunak: “Inflation has halved to 4.6 per cent.”",
      ("Rishi Sunak", PE), ("4.6 per cent", P)),
    c("Fares will rise by 4.9% in March, Transport for London said.",
      ("4.9%", P), ("March", D), ("Transport for London", OR)),
    c("Argentina's inflation rate hit 211% in 2023, Javier Milei said.",
      ("Argentina", G), ("211%", P), ("2023", D), ("Javier Milei", PE)),
    c("The charity raised €1,200 in one evening in Cork.",
      ("€1,200", M), ("one evening", "TIME"), ("Cork", G)),
)
