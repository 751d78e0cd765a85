"""Word lists the claim-type and speaker rules share (lower-case surface forms)."""

from __future__ import annotations

from claimdesk.nlp.given_names import CENSUS_FEMALE, CENSUS_MALE


def words(text: str) -> frozenset[str]:
    """The white-space separated words of `text`, as a set."""
    return frozenset(text.split())


# Verbs above a reporting verb whose subject is the speaker: "he is expected to say",
# "she went on to warn" (but not "the minister declined to comment").
RAISING_VERBS = words(
    """
    expected set due going went likely about plans planned intends intended wants wanted
    prepared expects is was will
    """
)
# Speech acts whose object is what was said, not a quotable statement ("underscored the
# importance of…"): the sentence is the speaker's, but no quotation (claim type).
SPEECH_ACTS = words(
    """
    cite cites cited citing ascribe ascribes ascribed
    underscore underscores underscored reiterate reiterates reiterated reaffirm
    reaffirms reaffirmed outline outlines outlined highlight highlights highlighted
    recount recounts recounted denounce denounces denounced denouncing praise praises
    praised caution cautions cautioned question questions questioned questioning advise
    advises advised inform informs informed credit credits credited justify justifies
    justified observe observes observed discuss discusses discussed decry decries
    decried lament laments lamented applaud applauds applauded commend commends
    commended identify identifies identified encourage encourages encouraged
    thank thanks thanked thanking endorse endorses endorsed endorsing
    apologise apologises apologised apologising apologize apologizes apologized apologizing
    disagree disagrees disagreed disagreeing liken likens likened likening
    underline underlines underlined reassert reasserts reasserted
    plead pleads pleaded pleading pled
    """
)
# Verbs that attribute a statement to someone. Surface forms, not lemmas, so the rules
# also work on the blank fallback pipeline, which has no lemmatizer.
REPORTING_VERBS = words(
    """
    say says said saying tell tells told add adds added acknowledge acknowledges
    acknowledged admit admits admitted announce announces announced argue argues argued
    assert asserts asserted claim claims claimed comment comments commented concede
    concedes conceded confirm confirms confirmed contend contends contended declare
    declares declared deny denies denied explain explains explained insist insists
    insisted maintain maintains maintained note notes noted reply replies replied report
    reports reported state states stated stress stresses stressed warn warns warned
    write writes wrote tweet tweets tweeted post posted testify testifies testified
    allege alleges alleged suggest suggests suggested emphasise emphasises emphasised
    emphasize emphasizes emphasized continue continues continued hail hails hailed
    predict predicts predicted estimate estimates estimated conclude concludes concluded
    remark remarks remarked recall recalls recalled reveal reveals revealed according
    accuse accuses accused promise promises promised pledge pledges pledged vow vows
    vowed urge urges urged criticise criticises criticised criticize criticizes
    criticized dismiss dismisses dismissed reject rejects rejected condemn condemns
    condemned blame blames blamed respond responds responded retort retorts retorted
    counter counters countered believe believes believed forecast forecasts describe
    describes described welcome welcomes welcomed agree agrees agreed show shows showed
    find finds found indicate indicates indicated request requests requested
    accusing claiming arguing warning insisting adding denying urging criticising
    criticizing condemning praising stressing suggesting describing admitting announcing
    attribute attributes attributed posting
    react reacts reacted mention mentions mentioned
    speculate speculates speculated hypothesize hypothesizes hypothesized hypothesise
    hypothesises hypothesised theorize theorizes theorized theorise theorises theorised
    affirm affirms affirmed quip quips quipped
    """
) | SPEECH_ACTS
# Verbs that state something only with a certain object, by surface form (the pipeline
# has no lemmatizer): "he raised concerns", "made the case for…", "expressed doubts"
# (but "raised the flag", "made a cake" are no statements); speaker_syntax.speech_frame
# also reads "call for/on…" and "speak about…".
_RAISE = words("concern concerns question questions doubt doubts objection objections "
               "issue issues alarm point points challenge challenges")
_WELCOME = words("news decision decisions opportunity move announcement report plan plans "
                 "step steps ruling agreement deal call offer proposal proposals commitment "
                 "progress support launch return release result results findings efforts "
                 "initiative partnership change changes")
_MAKE = words("case argument point points appeal plea pledge statement remark remarks speech "
              "announcement promise commitment comment comments claim claims")
_WARN = words("warning warnings assurance assurances speech address remarks message "
              "statement opinion appeal ruling judgment judgement advice guidance verdict")
_FEEL = words("doubt doubts concern concerns disappointment support regret hope confidence "
              "preference preferences "
              "opposition sympathy alarm anger frustration criticism praise condolences")
_DEFEND = words("decision decisions choice choices policy policies record move moves "
                "remarks comments actions position stance response handling approach")
_JOIN = words("call calls chorus criticism condemnation appeal")
# "dismissed the claim", "rejected the allegations": an answer to what someone said.
_DISPUTE = words("claim claims allegation allegations accusation accusations suggestion "
                 "suggestions charge charges criticism report reports")
# "demanded an explanation from Russia", "demanded his resignation".
_DEMAND = words("explanation explanations apology answers resignation inquiry investigation "
                "withdrawal ceasefire")
# "put the death toll at 40", "placed the value of the painting at £5m": an estimate.
_ESTIMATE = words("toll tolls value cost costs number figure count total damage damages "
                  "losses bill price tally")
# "seconded the call", "seconded the proposal": backing what someone proposed.
_SECOND = words("call calls recommendation recommendations proposal proposals motion "
                "request plan suggestion")
SPEECH_OBJECTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(words("raise raises raised raising"), _RAISE),
    # "cited security concerns", but not "cited three studies".
    **dict.fromkeys(words("cite cites cited citing"), _RAISE | words("reason reasons fear fears")),
    **dict.fromkeys(words("make makes made making"), _MAKE),
    **dict.fromkeys(words("offer offers offered offering deliver delivers delivered "
                          "delivering give gives gave giving issue issues issued issuing"),
                    _WARN),
    **dict.fromkeys(words("express expresses expressed expressing voice voices voiced "
                          "voicing"), _FEEL),
    **dict.fromkeys(words("join joins joined joining"), _JOIN),
    **dict.fromkeys(words("welcome welcomes welcomed welcoming"), _WELCOME),
    # "released a statement saying…", "published a report finding…".
    **dict.fromkeys(words("release releases released releasing publish publishes published "
                          "publishing"), _WARN | words("report reports findings")),
    **dict.fromkeys(words("put puts putting place places placed placing"), _ESTIMATE),
    **dict.fromkeys(words("second seconds seconded seconding"), _SECOND),
    # "defended his decision", but not "defended the city".
    **dict.fromkeys(words("defend defends defended defending"), _DEFEND),
    **dict.fromkeys(words("dismiss dismisses dismissed dismissing reject rejects rejected "
                          "rejecting"), _DISPUTE),
    **dict.fromkeys(words("demand demands demanded demanding"), _DEMAND),
}
CALL_VERBS = words("call calls called calling")
# Verbs that declare what something is: "labelled the outbreak as an epidemic",
# "named the virus SARS-CoV-2", "cite X as an example", "attacked the plan as a
# burden" (a predicate or "as" after the object; speech_frame).
LABEL_VERBS = words("label labels labelled labeled labelling labeling designate designates "
                    "designated designating brand brands branded dub dubs dubbed name names "
                    "named cite cites cited citing list lists listed listing "
                    "describe describes described describing refer refers referred referring "
                    "characterize characterizes characterized characterizing characterise "
                    "characterises characterised characterising attack attacks attacked "
                    "attacking report reports reported reporting")
# Verbs that tell someone what to do, a statement when they say what: "instructed the
# police to close the road" (speech_frame wants "to …"). "Ordered" and "directed" are
# left out: news narrates orders ("ordered the network to shut down") as events.
DIRECTIVE_VERBS = words("instruct instructs instructed instructing")
# Weak reporting verbs by which a named source gives a figure or finding as their object:
# "the WHO reported 1,051,635 cases", "the Review estimated the population at…".
FIGURE_VERBS = words(
    "report reports reported estimate estimates estimated identify identifies identified "
    "show shows showed"
)
# Verbs that give someone's words: "the paper quoted X as saying" is X's statement.
QUOTING_VERBS = words("quote quotes quoted quoting cite cites cited citing")
# "pointed out that…" (with its particle; "pointed at the map" is no statement).
POINT_VERBS = words("point points pointed pointing")
SPEAK_VERBS = words("speak speaks spoke speaking talk talks talked talking")
# Reporting verbs that only report when they introduce a clause or a quotation
# ("continued to fight", "posted a video", "noted", "states" as a noun are not speech).
WEAK_REPORTING_VERBS = words(
    """
    continue continues continued post posted posting report reports reported state states note
    notes estimate estimates estimated hail hails hailed claims believe believes believed
    describe describes described welcome welcomes welcomed agree agrees agreed show shows
    showed counter counters countered respond responds responded find finds found
    indicate indicates indicated dismiss dismisses observe observes observed identify
    conclude concludes concluded react reacts reacted
    identifies identified mention mentions mentioned
    dismissed reject rejects rejected condemn condemns condemned request requests requested
    """
)

HONORIFICS = words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr.
    president senator sen. rep. representative governor gov. minister secretary general
    chancellor mayor judge justice pope king queen prince princess sheikh gen. col.
    monsignor msgr monseñor monsenor
    assemblyman assemblywoman assemblymember congressman congresswoman councilman
    councilwoman councillor councilor alderman alderwoman
    """
)

PERSONAL_PRONOUNS = words("he she him her")
GROUP_PRONOUNS = words("it they them")
FIRST_SECOND_PERSON = words("i me we us you")
RELATIVE_PRONOUNS = words("who which that whom")
DETERMINERS = words("the a an")

# Verbs of opinion, wishes and modality: "I think…" states a view, not an experience.
OPINION_VERBS = words(
    """
    think thought believe believed hope hoped guess suppose expect expected want wanted
    wish feel felt know knew mean meant agree disagree doubt understand assume suspect
    reckon say said will would 'll ’ll 'd ’d can could must should may might shall
    urge call welcome
    """
)
# Stance adjectives after "I am": "I am sure that…" is an opinion, too.
OPINION_ADJECTIVES = words(
    """
    sure confident certain convinced clear pleased delighted proud glad happy concerned
    worried afraid determined committed optimistic hopeful
    """
)
# Courtesies a speaker performs in saying them: "I thank", "I applaud", "I am grateful".
COURTESY_VERBS = words(
    """
    thank applaud commend congratulate appreciate salute invite reassure thanks applauds
    commends congratulates appreciates salutes invites reassures
    """
)
COURTESY_ADJECTIVES = words("grateful thankful encouraged")
# After "my", words of address ("my hon. Friend", "my noble Friend") and of sympathy
# ("my thoughts are with", "my heart goes out"): no experience is told.
ADDRESS_AFTER_MY = words(
    """
    hon hon. right noble learned friend thoughts heart prayers condolences sympathies
    sympathy congratulations gratitude
    """
)
# "rain fell across the region", "fell ill", "dropped out": no quantity changes.
NOT_A_CHANGE = words("across into onto off out asleep silent ill apart victim down upon through")
# "law enforcement", "law firm", "law and order": a trade, a place or a slogan, no rule.
NOT_A_RULE = words("enforcement firm firms school schools student students practice "
                   "professor degree")
# Comparatives that compare nothing checkable ("further talks", "rather", "later").
NOT_COMPARATIVE = words("further farther later earlier rather former latter sooner")
# "more than 300", "fewer than 200": approximate figures.
APPROXIMATORS = words("more less fewer")
CURRENCIES = words("$ £ € ¥ ₹ us$ usd gbp eur")
# Verbs and adjectives after "I" that state a view or a courtesy, not an experience.
NOT_EXPERIENCE = OPINION_VERBS | COURTESY_VERBS
STANCES = OPINION_ADJECTIVES | COURTESY_ADJECTIVES
MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# "5 March", "3 am": figures these follow are dates and times, not quantities.
NOT_AFTER_FIGURES = MONTHS | words("am pm a.m. p.m. gmt bst o'clock")
SMALL_NUMBERS = words("two three four five six seven eight nine ten both")
# Verbs under which "would" reports a future ("she said prices would rise").
GOVERNORS_OF_FUTURE = REPORTING_VERBS | words(
    "believed thought expected feared hoped believes thinks expects fears hopes"
)
# "You will know", "she will recall", "the House will be aware": knowing, not forecasting.
KNOWING = words("know recall remember appreciate understand recognise recognize aware conscious")
# Words that state or apply a rule or law: statutes, bans, duties, courts, sentences.
RULE_WORDS = words(
    """
    laws legal legally illegal illegally unlawful unlawfully lawful legislation statute
    statutes statutory regulation regulations regulatory constitution constitutional
    unconstitutional treaty treaties ban bans banned banning prohibit prohibits prohibited
    prohibition forbidden forbids outlawed mandatory compulsory obligation obligations
    entitled eligible eligibility licence license licensed unlicensed ruling court courts
    decree directive legislature sentenced convicted conviction convictions prosecuted
    prosecution prosecute penalty penalties sued lawsuit lawsuits immunity disqualified
    sanctioned
    """
)
# Comparatives and superlatives by their form, for the fallback without tags.
COMPARATIVE_WORDS = words(
    """
    more less fewer most least bigger higher lower larger smaller greater worse better
    best worst highest lowest largest biggest smallest greatest cheaper faster slower older
    younger richer poorer longer shorter stronger weaker wider deeper
    """
)
AUXILIARIES = words("am 'm ’m was have 've ’ve had do did does been be")
# Adverbs that may stand between "I" and its verb in the lexical fallback.
ADVERB_FILLERS = words(
    """
    also really just still truly strongly personally firmly honestly do did not n't n’t
    never always genuinely certainly very
    """
)

# A numeric token that is one of these is a manner of speaking or an order, not a figure.
NON_FIGURES = words("one once first second third fourth fifth sixth seventh eighth ninth tenth")

# Words that make a noun phrase a role a person holds ("the Tory leader", "the minister
# for education"): a role phrase is looked up in the article's book of roles.
ROLE_HEADS = words(
    """
    leader minister secretary chancellor president premier governor mayor senator
    spokesman spokeswoman spokesperson chairman chairwoman chair chief director
    commissioner ambassador envoy general admiral commander chancellor speaker whip
    treasurer attorney judge prosecutor inspector superintendent constable head boss
    founder executive ceo manager coach captain candidate nominee deputy editor
    archbishop bishop cardinal rapporteur professor
    king queen prince princess pope emperor empress sultan emir duke duchess monarch
    pastor rabbi imam
    """
)
# Spellings of the same party or country in role phrases ("Tory leader" = "Conservative
# leader"); each word maps to one key.
ROLE_SYNONYMS = {
    "tory": "conservative", "tories": "conservative", "conservatives": "conservative",
    "lib": "liberal", "dem": "democrat", "dems": "democrat", "democrats": "democrat",
    "democratic": "democrat", "republicans": "republican", "gop": "republican",
    "american": "us", "u.s.": "us", "america": "us", "british": "uk", "britain": "uk",
    "u.k.": "uk", "pm": "prime minister", "labour's": "labour",
}
# Words of a role phrase that say nothing about which role it is.
ROLE_FILLERS = words("the a an of for to 's ’s his her their its new then party")
# Words that make a different role: the shadow culture secretary is not the culture
# secretary, the prime minister not "the minister"; a role with one of them fits only a
# phrase that has it too.
ROLE_MARKERS = words("shadow former deputy vice junior assistant acting ex interim prime first")

# Common nouns for people: such a speaker is a person, any other common noun an
# organisation ("the council", "police", "the company").
PERSON_NOUNS = words(
    """
    official officials source sources witness witnesses eyewitness eyewitnesses aide aides
    adviser advisers advisor advisors expert experts scientist scientists doctor doctors
    nurse nurses resident residents people man woman men women victim victims parent parents
    teacher
    teachers worker workers officer officers analyst analysts economist economists
    campaigner campaigners critic critics author authors researcher researchers member
    members mp mps mep meps peer peers lawyer lawyers diplomat diplomats voter voters
    protester protesters student students owner owners supporter supporters colleague
    colleagues friend friends neighbour neighbours insider insiders observer observers
    defendant defendants activist activists relative relatives family families citizen
    citizens local locals villager villagers farmer farmers survivor survivors patient
    patients passenger passengers customer customers investor investors employee
    employees staff journalist journalists reporter reporters historian historians
    academic academics professor professors investigator investigators detective
    detectives solicitor solicitors barrister barristers councillor councillors councilor
    councilors legislator legislators lawmaker lawmakers delegate delegates negotiator
    negotiators archbishop bishop cardinal cleric imam rabbi priest pastor rapporteur
    opponent opponents rival rivals fan fans player players user users
    """
) | ROLE_HEADS
# Occupations written before a name like a title ("Broadcaster Piers Morgan", "novelist
# Jane Ash"): the tagger takes a capitalised one into the person's name.
OCCUPATIONS = words(
    """
    broadcaster presenter journalist columnist commentator pundit author writer novelist
    poet playwright actor actress singer rapper musician comedian artist filmmaker producer
    businessman businesswoman entrepreneur billionaire tycoon athlete footballer cricketer
    runner chef architect economist historian lawyer activist campaigner blogger
    """
)
# Singular nouns for a whole group of unnamed people: "police said", "the media reported".
COLLECTIVE_NOUNS = words("police media press")
# Nouns by which an article comes back to an outlet it named: "the website further reported".
OUTLET_NOUNS = words("paper newspaper broadcaster outlet website site magazine channel "
                     "publication journal network")
# Common nouns for bodies that make statements (besides ORG_WORDS): "the paper reported".
BODY_NOUNS = words(
    """
    paper newspaper broadcaster network outlet website site magazine channel station
    firm business businesses industry military administration regime cabinet panel jury
    prosecution defence defense campaign organisers organizers organiser organizer
    charity ngo opposition coalition alliance airline operator manufacturer regulator
    watchdog embassy consulate mission delegation state city county region country
    nation team
    """
)
# What is refused rather than denied as untrue: "denied funding for the wall" is an act.
REFUSED_THINGS = words("funding funds access entry bail permission request requests "
                       "application applications visa visas service treatment admission "
                       "approval")
DENY_VERBS = words("deny denies denied denying")
# Reporting verbs whose negation still reports a finding: "the inquiry did not find…".
EVIDENCE_VERBS = words("find finds found show shows showed indicate indicates indicated")
# Adverbs by which the writer refutes what they report: "falsely claimed".
FALSELY = words("falsely wrongly erroneously incorrectly mistakenly baselessly untruthfully")
# Words that make a name an organisation's ("Home Office", "Bank of England").
ORG_WORDS = words(
    """
    office ministry department bank party council police agency commission institute
    association union committee court service government university company group news
    times post council authority board trust foundation fund society league federation
    corporation inc ltd plc co club church army navy force forces house parliament
    assembly senate congress treasury reuters bbc nhs un eu nato who imf ons ifs
    academy bureau organization organisation administration centre center institution
    tribunal college museum network alliance coalition airline
    """
)
# What an organisation is called when its name is not repeated: "the force" after
# "West Midlands Police".
ORG_ALIASES: dict[str, tuple[str, ...]] = {
    "police": ("force",), "constabulary": ("force",), "ministry": ("department",),
    "parliament": ("house",), "company": ("firm",), "ltd": ("company", "firm"),
    "plc": ("company", "firm"),
}
# Nouns for figures and documents: "figures compiled by the Tories" speak for whoever
# compiled them.
DATA_NOUNS = words(
    """
    figures figure data statistics numbers analysis research report reports survey poll
    polls study studies estimates estimate documents papers records accounts summary
    calculations findings ruling judgment judgement statement message website
    projections projection guidelines post posts tweet tweets filing filings decree
    decrees schedule schedules timetable investigation investigations lawsuit lawsuits
    complaint complaints petition petitions release releases database databases polling
    results decision decisions warning warnings memo memos memorandum letter letters
    opinion advisory advisories bulletin bulletins
    """
)

# Given names common in English-language news, to keep "he" from a woman and "she" from
# a man; a name in neither list fits both.
FEMALE_NAMES = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy angela shirley anna
    ruth brenda pamela nicole katherine virginia catherine christine samantha debra
    janet rachel carolyn emma maria heather diane julie joyce victoria kelly christina
    joan evelyn lauren judith olivia martha cheryl megan andrea hannah jacqueline ann
    jean alice kathryn gloria teresa doris sara janice julia marie madison grace judy
    theresa beverly denise marilyn amber danielle rose brittany diana abigail jane
    natalie lori tessa harriet yvette hillary kamala nancy nicola liz priti suella
    penny kemi angela ursula theresa jacinda giorgia marine ruth hilary ann annalena
    claire caroline lucy sophie charlotte jo kate anne helen fiona louise alison
    """
)
MALE_NAMES = words(
    """
    james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
    raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl
    harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan
    juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley
    philip eugene tony gordon boris keir rishi ed nick vince jeremy nigel iain ken
    barack mitt bernie vladimir volodymyr emmanuel olaf antony jens dmytro xi narendra
    recep benjamin kim joe ted jim mike tom bill chuck rick hunter mitch
    charles liam wes alastair alistair jacob sadiq keir oliver dominic matt grant
    """
)
# The census lists widen both (a name the hand lists give one gender keeps it).
FEMALE_NAMES, MALE_NAMES = (FEMALE_NAMES | (CENSUS_FEMALE - MALE_NAMES),
                            MALE_NAMES | (CENSUS_MALE - FEMALE_NAMES))
FEMALE_TITLES = words("mrs mrs. ms ms. miss dame lady baroness madam queen princess")
MALE_TITLES = words("mr mr. sir lord king prince")
