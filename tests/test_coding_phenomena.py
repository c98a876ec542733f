"""Coding cases per phenomenon (issue #4): specific codes over generic ones across the CAMEO roots, nominal
events, negation, modality, reported speech, quotes, the over-coding guard and the event attributes
(casualties, place, date). Every sentence was written for this file.

An expected triple is (source, target, code); a two-digit code only checks the root.
"""
import pytest

from conftest import triples

DATE = "2018-01-10"


def _has(events, expected):
    got = triples(events)
    roots = {(s, t, c[:2]) for s, t, c in got}
    return all((s, t, c) in (roots if len(c) == 2 else got) for s, t, c in expected)


def xfail(reason):
    return pytest.mark.xfail(strict=True, reason=reason)


# -- specific codes over generic ones, across the roots -----------------------------------------------------
SPECIFIC = [
    ("The European Union imposed sanctions on Belarus over the disputed election.", [("IGOEUR", "BLR", "163")]),
    # expelling diplomats is 161 in CAMEO 1.1b3; 1661 is expelling peacekeepers
    ("Poland expelled the Russian ambassador on Tuesday.", [("POL", "RUSGOV", "161")]),
    ("Mali expelled the U.N. peacekeepers.", [("MLI", "IGOUNO", "1661")]),
    ("Kenya deported a Chinese journalist.", [("KEN", "CHNMED", "174")]),
    ("The Israeli air force carried out an air strike on a Hamas compound in Gaza.", [("ISRMIL", "PSEREB", "195")]),
    ("Armenian forces shelled Azerbaijani villages near the border.", [("ARMMIL", "AZE", "194")]),
    ("Ethiopia and Eritrea signed a peace agreement in Jeddah.", [("ETH", "ERI", "057"), ("ERI", "ETH", "057")]),
    ("India held talks with Pakistan in New Delhi.", [("IND", "PAK", "040")]),
    ("Israeli and Palestinian negotiators held talks in Washington.",
     [("ISRGOV", "PSEGOV", "04"), ("PSEGOV", "ISRGOV", "04")]),
    ("Ecuador granted asylum to the Australian activist.", [("ECU", "AUSHRI", "075")]),
    ("Ukraine accused Russia of shelling its eastern cities.", [("UKR", "RUS", "112")]),
    ("North Korea threatened to use military force against South Korea.", [("PRK", "KOR", "13")]),
    ("The United States vetoed a U.N. Security Council resolution on Jerusalem.", [("USA", "IGOUNO", "129")]),
    ("Turkish police arrested three Syrian journalists in Istanbul.", [("TURCOP", "SYRMED", "173")]),
    ("Hundreds of Ukrainians protested against Russia outside its embassy in Kiev.", [("UKRCVL", "RUS", "141")]),
    ("Norway mediated between the Colombian government and FARC rebels.", [("NOR", "COLREB", "045")]),
    ("Egypt mediated talks between Israel and Hamas.", [("EGY", "ISR", "045"), ("EGY", "PSEREB", "045")]),
    ("Japan provided humanitarian aid to the Philippines after the typhoon.", [("JPN", "PHL", "073")]),
    ("Germany sent aid to Nigeria.", [("DEU", "NGA", "070")]),
    ("Russia withdrew its troops from Syria.", [("RUS", "SYR", "0874")]),
    ("France recalled its ambassador to Italy.", [("FRA", "ITA", "161")]),
    ("China cut diplomatic ties with Panama.", [("CHN", "PAN", "161")]),
    ("The United States froze the assets of Venezuelan officials.", [("USA", "VENGOV", "163")]),
    ("Saudi Arabia blockaded Qatar.", [("SAU", "QAT", "191")]),
    ("Iran seized a British tanker in the Strait of Hormuz.", [("IRN", "GBR", "17")]),
    ("Israeli troops demolished Palestinian houses in Hebron.", [("ISRMIL", "PSE", "17")]),
    ("Islamic State militants beheaded an American journalist.", [("IMGISI", "USAMED", "1823")]),
    ("Syrian government forces used chemical weapons against Syrian civilians.", [("SYRMIL", "SYRCVL", "2041")]),
    ("Indian troops fired on Pakistani soldiers across the Line of Control.", [("INDMIL", "PAKMIL", "19")]),
    ("Saudi-led coalition warplanes bombed Houthi positions in Yemen.", [("SAUMIL", "YEMREB", "195")]),
    ("Chinese President Xi Jinping visited Russia.", [("CHNGOV", "RUS", "042")]),
    ("Vladimir Putin hosted Recep Tayyip Erdogan in Sochi.", [("RUSGOV", "TURGOV", "043")]),
    ("Macron telephoned Trump on Sunday.", [("FRAGOV", "USAGOV", "041")]),
    ("Sweden recognised the State of Palestine.", [("SWE", "PSE", "054")]),
    ("Britain apologised to Kenya for colonial-era abuses.", [("GBR", "KEN", "055")]),
    ("Iran denied U.S. accusations of attacking oil tankers.", [("IRN", "USA", "016")]),
    ("The United States condemned North Korea's missile launch.", [("USA", "PRK", "111")]),
    ("The U.N. investigated alleged war crimes by Sri Lankan troops.", [("IGOUNO", "LKAMIL", "094")]),
    ("Iraqi protesters stormed the U.S. embassy in Baghdad.", [("IRQCVL", "USAGOV", "14")]),
    ("Boko Haram kidnapped more than 200 Nigerian schoolgirls.", [("NGAREB", "NGAEDU", "181")]),
    ("Qatar brokered a ceasefire between Israel and Hamas.", [("QAT", "ISR", "045")]),
]

# -- nominal events -----------------------------------------------------------------------------------------------
NOMINAL = [
    ("Russia's veto of the U.N. resolution angered France.", [("RUS", "IGOUNO", "129")]),
    ("Saudi Arabia's air strikes on Yemen killed at least 12 civilians.", [("SAUMIL", "YEM", "195")]),
    ("Turkey's invasion of Cyprus in 1974 divided the island.", [("TUR", "CYP", "192")]),
    ("The Chinese navy's blockade of Taiwan alarmed Japan.", [("CHNMIL", "TWN", "191")]),
    ("Iraq condemned the Turkish bombing of Syrian villages.", [("IRQ", "TUR", "111"), ("TUR", "SYR", "195")]),
    ("The arrest of two Saudi activists by Egyptian police drew criticism.", [("EGYCOP", "SAUHRI", "173")]),
    ("Myanmar's army carried out a crackdown on Rohingya villagers.", [("MMRMIL", "MMRCVL", "175")]),
    ("Gaza militants launched a rocket attack on Israel.", [("PSEREB", "ISR", "19")]),
    ("The visit of the Indian prime minister to Japan was postponed.", []),  # postponed: did not happen (yet)
]

# -- negation: no event; refusal: 12x ----------------------------------------------------------------------------
NEGATED = [
    "Russia did not attack Ukraine on Tuesday.",
    "Egypt has not recognised the new government in Libya.",
    "No agreement was reached between Israel and Hamas.",
    "Iran will probably not meet U.S. officials.",
    "Britain has never imposed sanctions on Saudi Arabia.",
]
REFUSED = [
    ("Pakistan refused to hold talks with India.", [("PAK", "IND", "125")]),
    ("The Philippines rejected China's claims in the South China Sea.", [("PHL", "CHN", "12")]),
    ("Ukraine turned down Russia's offer of gas.", [("UKR", "RUS", "12")]),
    ("Hungary refused to accept refugees from Syria.", [("HUN", "SYR", "12")]),
    ("Iraq refused to extradite the suspects to Turkey.", [("IRQ", "TUR", "121")]),
]

# -- modality: frames give their own codes; future and hypothetical verbs give nothing ---------------------------
FRAMED = [
    ("North Korea threatened to attack the United States.", [("PRK", "USA", "1384")]),
    ("China threatened to impose sanctions on Lithuania.", [("CHN", "LTU", "1312")]),
    ("The European Union urged Turkey to release the detained journalists.", [("IGOEUR", "TUR", "0253")]),
    ("The United Nations called on Israel to withdraw its troops from Lebanon.", [("IGOUNO", "ISR", "0256")]),
    ("Japan called on China to resume talks on the disputed islands.", [("JPN", "CHN", "026")]),
    ("Ukraine demanded that Russia withdraw its troops from Crimea.", [("UKR", "RUS", "1056")]),
    ("Britain pledged to provide military aid to Ukraine.", [("GBR", "UKR", "0332")]),
    ("India vowed to retaliate against Pakistan.", [("IND", "PAK", "138")]),
    ("Norway offered to mediate between Venezuela and its opposition.", [("NOR", "VEN", "039")]),
    ("India warned Pakistan against further incursions.", [("IND", "PAK", "13")]),
]
UNREAL = [
    "Russia and Turkey may meet next week to discuss Syria.",
    "Iran and Saudi Arabia were expected to discuss the war in Yemen.",
    "If Iran closes the Strait of Hormuz, the United States will attack it.",
    "Germany could impose sanctions on Russia.",
    "Turkey plans to send troops to Libya.",
    "Cuba hopes to restore diplomatic relations with the United States.",
]

# -- reported speech ---------------------------------------------------------------------------------------------
REPORTED = [
    ("Kenya said Somali militants attacked a Kenyan army base.", [("SOMREB", "KENMIL", "19"), ("KEN", "SOMREB", "112")]),
    ("Japan accused China of violating its airspace.", [("JPN", "CHN", "112")]),
    ("Israel accused Iran of smuggling weapons to Hezbollah.", [("ISR", "IRN", "112")]),
    ("Britain said Syrian forces bombed a hospital in Aleppo.", [("SYRMIL", "SYRHLH", "195")]),
    ("Ukraine and Russia accused each other of violating the ceasefire.", [("UKR", "RUS", "112"), ("RUS", "UKR", "112")]),
    ("The U.S. defense secretary said Syria still retains chemical weapons.", [("USAGOV", "SYR", "112")]),
]

# -- actors known only from context, and parser repairs -----------------------------------------------------------
CONTEXT = [
    ("After weeks of tension over the border, South Korea and the United States have been discussing new drills.",
     [("KOR", "USA", "04"), ("USA", "KOR", "04")]),
    ("Russia has annoyed Washington by backing Venezuela's government, and Syrian President Bashar al-Assad.",
     [("RUS", "VENGOV", "05"), ("RUS", "SYRGOV", "05")]),
    ("Rights groups condemned Eritrea, where authorities have been accused of torture by the European Union.",
     [("IGOEUR", "ERIGOV", "112")]),
    ("KIRKUK, Iraq (Reuters) - Teachers demanded that the regional government pay their salaries.",
     [("IRQEDU", "IRQGOV", "10")]),
    ("Government troops killed ten Syrian rebels.", [("SYRMIL", "SYRREB", "19")]),
    ("Rohingya militants attacked an army base.", [("MMRREB", "MMRMIL", "19")]),
    ("ADDIS ABABA (Reuters) - Security forces killed dozens of protesters in Khartoum.", [("SDNMIL", "SDNCVL", "19")]),
    ("Kenyan protesters set fire to the Kenyan parliament.", [("KENCVL", "KENLEG", "145")]),
    ("Chinese police detained Uighur activists.", [("CHNCOP", "CHNHRI", "173")]),
    ("Iran is holding three British nationals.", [("IRN", "GBRCVL", "173")]),
    ("The European Union called for sanctions against Russia.", [("IGOEUR", "RUS", "113")]),
    ("Egypt rejected talks with Turkey.", [("EGY", "TUR", "125")]),
    ("The United States accused Russia of meddling in the election. Moscow denied the allegations.",
     [("USA", "RUS", "112"), ("RUSGOV", "USA", "016")]),
]
CONTEXT_DATED = [
    ("Trump's travel order barred Syrian refugees.", "2017-02-01", [("USAGOV", "SYRREF", "172")]),
    ("Washington imposed a 90-day suspension on people from three countries - Iran, Libya and Yemen.",
     "2017-02-01", [("USAGOV", "IRNCVL", "172"), ("USAGOV", "LBYCVL", "172"), ("USAGOV", "YEMCVL", "172")]),
    ("The draft, which Russia vetoed in the U.N. Security Council, was backed by France.", "2017-12-20",
     [("RUS", "IGOUNO", "129")]),
    ("Thousands of Venezuelan students gathered in Caracas for protests against President Nicolas Maduro.",
     "2017-05-01", [("VENEDU", "VENGOV", "141")]),
    ("Japan says North Korea has detained dozens of its nationals.", "2017-08-03",
     [("PRK", "JPNCVL", "173"), ("JPN", "PRK", "112")]),
    ("Iran arrested its own citizens.", "2017-08-03", [("IRN", "IRNCVL", "173")]),
    ("In the last stop of a tour that included visits to Greece and Germany, Obama praised Peru.", "2016-11-20",
     [("USAGOV", "GRC", "042"), ("USAGOV", "DEU", "042"), ("USAGOV", "PER", "051")]),
    ("Kurdish protesters in Erbil attacked the offices of the Kurdistan Regional Government.", "2017-12-20",
     [("IRQCVL", "IRQGOV", "145")]),
]
NOT_EVENTS = [  # audiences, passers-by and causes are not political actors
    "The Saudi foreign minister told reporters in London that Iran must change its policies.",
    "CHICAGO (Reuters) - A man killed a woman in a shooting on Sunday.",
    "The nuclear test prompted a U.S. warning.",
    "Syria moved its jets to a Russian air base.",  # its own equipment: no event
    "The White House was considering Friday for Trump to give a speech on Iran.",
]
# criticism by description: the described object is the target, the description is not an actor
DESCRIBED = [
    ("The Iranian foreign minister described the United States as a threat to regional stability.",
     [("IRNGOV", "USA", "111")]),
    ("Venezuela's president called the Colombian government a puppet of foreign powers.", [("VENGOV", "COLGOV", "111")]),
    ("The Cuban foreign ministry labelled the U.S. ambassador a liar.", [("CUBGOV", "USAGOV", "111")]),
    ("Erdogan portrayed the Austrian government as racist.", [("TURGOV", "AUTGOV", "111")]),
    ("The Chinese foreign ministry dubbed the Japanese prime minister a warmonger.", [("CHNGOV", "JPNGOV", "111")]),
    ("The United Nations was described by the Syrian president as a tool of Washington's aggression.",
     [("SYRGOV", "IGOUNO", "111")]),
]
NOT_DESCRIBED_CRITICISM = [  # a neutral or negated description, or a disparaging word inside a clause of its own
    "The Ukrainian president described Poland as a reliable partner.",
    "The Turkish president called the German government a close ally.",
    "The Indian foreign minister described Pakistan as no threat to the region.",
    "The Kenyan president described Ethiopia as a neighbour that Somalia considers a threat.",
    "A Greek senator called the Turkish strikes illegal.",  # the name before an event noun may be its victim
    "A Bolivian senator called the Chile strikes illegal.",
]
# a statement of what someone else must or should do is a demand on them (10), if what they must do is an event
DEMANDED = [
    ("Russia said the United States must withdraw its troops from Syria.", [("RUS", "USA", "10")]),
    ("France said Iran should release the detained journalists.", [("FRA", "IRN", "10")]),
    ("The Arab League said Israel must stop its attacks on Gaza.", [("IGOARL", "ISR", "10")]),
    ("Iran must release the tanker, the British foreign secretary said.", [("GBRGOV", "IRN", "10")]),
    ("Britain said Russia should not attack Ukraine.", [("GBR", "RUS", "100")]),
]
NOT_DEMANDED = [
    "Japan said it must defend itself against North Korea.",  # an obligation of the speaker itself
    "China said the talks should resume soon.",  # no actor asked
    "Poland said it was ready to help, but that the European Union should not punish Hungary.",  # second clause
    "Brazil said Argentina must think about the future.",  # what it must do is no event
    "Turkish journalists were denied entry into the courtroom.",  # a place that is no country denies nothing
]
# denied entry or access: the one denied is the subject (passive) or indirect object, not the place; with no
# agent, the country to be entered denies it
DENIED_ENTRY = [
    ("Two Turkish journalists were denied entry into Germany.", [("DEU", "TURMED", "172")]),
    ("The Dutch foreign minister was denied entry to Turkey.", [("TUR", "NLDGOV", "172")]),
    ("The International Committee of the Red Cross was denied access to Yemen.", [("YEM", "NGOICRC", "1245")]),
    ("The Dutch foreign minister was denied entry to Turkey by Turkish police.", [("TURCOP", "NLDGOV", "172")]),
]
# first-level regions stand for their government (country + GOV) and give their country to role nouns
REGIONS = [
    ("Ontario sued the Canadian government over the carbon tax.", [("CANGOV", "CANGOV", "115")]),
    ("California lawmakers condemned the Mexican government over the killings.", [("USALEG", "MEXGOV", "111")]),
    ("The governor of Texas met the Mexican president in Austin.", [("USAGOV", "MEXGOV", "040")]),
    ("Texas police arrested two Honduran nationals near the border.", [("USACOP", "HNDCVL", "173")]),
    ("The Chinese president visited Bavaria on Tuesday.", [("CHNGOV", "DEU", "042")]),
    ("The Justice Department threatened to cut off funding to New Jersey.", [("USAJUD", "USAGOV", "13")]),
]
HOME_TRAVEL = [  # travel inside one's own country is no visit
    "Obama flew to Ohio on Monday.",
    "The Russian president travelled to Chechnya for talks.",
    "The Canadian prime minister flew to Quebec on Sunday.",
]

CASES = (
    [pytest.param(t, e, id=f"specific-{i}") for i, (t, e) in enumerate(SPECIFIC)]
    + [pytest.param(t, e, id=f"nominal-{i}") for i, (t, e) in enumerate(NOMINAL) if e]
    + [pytest.param(t, e, id=f"refused-{i}") for i, (t, e) in enumerate(REFUSED)]
    + [pytest.param(t, e, id=f"framed-{i}") for i, (t, e) in enumerate(FRAMED)]
    + [pytest.param(t, e, id=f"reported-{i}") for i, (t, e) in enumerate(REPORTED)]
    + [pytest.param(t, e, id=f"context-{i}") for i, (t, e) in enumerate(CONTEXT)]
    + [pytest.param(t, e, id=f"described-{i}") for i, (t, e) in enumerate(DESCRIBED)]
    + [pytest.param(t, e, id=f"region-{i}") for i, (t, e) in enumerate(REGIONS)]
    + [pytest.param(t, e, id=f"demanded-{i}") for i, (t, e) in enumerate(DEMANDED)]
    + [pytest.param(t, e, id=f"denied-entry-{i}") for i, (t, e) in enumerate(DENIED_ENTRY)]
)
NEGATIVES = (
    [pytest.param(t, id=f"negated-{i}") for i, t in enumerate(NEGATED)]
    + [pytest.param(t, id=f"unreal-{i}") for i, t in enumerate(UNREAL)]
    + [pytest.param(t, id=f"nominal-unreal-{i}") for i, (t, e) in enumerate(NOMINAL) if not e]
    + [pytest.param(t, id=f"not-event-{i}") for i, t in enumerate(NOT_EVENTS)]
    + [pytest.param(t, id=f"home-travel-{i}") for i, t in enumerate(HOME_TRAVEL)]
    + [pytest.param(t, id=f"not-demanded-{i}") for i, t in enumerate(NOT_DEMANDED)]
)


@pytest.mark.parametrize("text,expected", CASES)
def test_coded_as_expected(code, text, expected):
    events = code(text, date=DATE)
    assert _has(events, expected), sorted(triples(events))


@pytest.mark.parametrize("text", NOT_DESCRIBED_CRITICISM)
def test_description_without_disparagement_is_no_criticism(code, text):
    events = code(text, date=DATE)
    assert not [e for e in events if e.root_code == "11"], sorted(triples(events))


@pytest.mark.parametrize("text,date,expected", CONTEXT_DATED)
def test_coded_on_the_article_date(code, text, date, expected):
    events = code(text, date=date)
    assert _has(events, expected), sorted(triples(events))


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_plain_event(code, text):
    events = code(text, date=DATE)
    assert [e for e in events if not e.modality] == [], sorted(triples(events))


# -- quotes --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected,speaker", [
    ('"Russia has invaded Ukraine," the German chancellor said.', ("RUS", "UKR", "19"), "DEUGOV"),
    ('"We condemn the Iranian missile test," said the French foreign minister.', ("FRAGOV", "IRN", "111"), "FRAGOV"),
    ('"We are ready to talk to North Korea," Moon Jae-in told reporters.', ("KORGOV", "PRK", "036"), "KORGOV"),
    ('Theresa May said: "Russia attacked our country with a nerve agent."', ("RUS", "GBR", "19"), "GBRGOV"),
])
def test_events_inside_quotations_carry_the_speaker(code, text, expected, speaker):
    events = [e for e in code(text, date=DATE) if _has([e], [expected])]
    assert events and all(e.quote and e.speaker == speaker for e in events)


def test_stated_intent_is_marked_as_modality(code):
    events = code('"We are ready to talk to North Korea," Moon Jae-in told reporters.', date=DATE)
    assert events and all(e.modality == "stated-intent" for e in events)


# -- over-coding guard ------------------------------------------------------------------------------------------
def test_one_event_per_source_target_code(code):
    events = code("Russia and China vetoed, vetoed and again vetoed the resolution of the U.N. Security Council.")
    keys = [(e.source, e.target, e.code) for e in events]
    assert len(keys) == len(set(keys)) and {("RUS", "IGOUNO", "129"), ("CHN", "IGOUNO", "129")} <= set(keys)


def test_no_self_events(code):
    assert code("The United Nations and the United Nations agreed.") == []
    assert code("Syria praised Syria.") == []
    assert code("Syria's army attacked Syrian rebels.") != []  # a state acting on its own people is allowed


@pytest.mark.parametrize("text", [
    "Russia, China and Iran condemned the U.S. air strikes on Syria, and Turkey and Qatar welcomed them, while the "
    "Arab League urged restraint and the European Union called on all parties to avoid escalation.",
    "The United States and South Korea held joint military exercises on Monday, which North Korea has long called "
    "a rehearsal for invasion, while China and Russia again proposed a freeze of the drills.",
    "Speaking to reporters in Brussels after a two-day summit, the NATO secretary-general said the alliance would "
    "continue to support Ukraine, but added that members had not agreed on new deployments.",
])
def test_long_news_sentences_give_few_events(code, text):
    events = code(text, date=DATE)
    keys = [(e.source, e.target, e.code) for e in events]
    assert len(keys) == len(set(keys)) and len(events) <= 6


def test_a_clause_coordinated_after_an_event_noun_is_not_its_target(code):
    text = "The Arab League urged restraint and the European Union called on all parties to avoid escalation."
    assert not any(e.source == "IGOARL" and e.target == "IGOEUR" for e in code(text, date=DATE))


# -- attributes: casualties, place, date -------------------------------------------------------------------------
@pytest.mark.parametrize("text,killed,wounded,arrested,at_least", [
    ("Israeli air strikes killed 12 militants in the Gaza Strip on Saturday.", 12, None, None, False),
    ("Afghan forces killed fifteen Taliban fighters in Helmand province.", 15, None, None, False),
    ("Egyptian security forces arrested at least twenty Muslim Brotherhood members in Cairo.", None, None, 20, True),
    ("Nigerian troops killed dozens of Boko Haram militants in Borno.", 24, None, None, True),
    ("Syrian government forces killed at least 30 Syrian rebels near Aleppo on Friday.", 30, None, None, True),
])
def test_casualties(code, text, killed, wounded, arrested, at_least):
    events = [e for e in code(text, date="2018-03-10") if e.root_code in ("17", "18", "19", "20")]
    assert events
    e = events[0]
    assert (e.killed, e.wounded, e.arrested, e.casualties_at_least) == (killed, wounded, arrested, at_least)


@pytest.mark.parametrize("text,place,country", [
    ("Russian Foreign Minister Sergei Lavrov met Syrian President Bashar al-Assad in Damascus.", "Damascus", "SYR"),
    ("Iraqi troops attacked Islamic State militants near Mosul.", "Mosul", "IRQ"),
    ("Afghan forces killed fifteen Taliban fighters in Helmand province.", "Helmand", "AFG"),
    ("Vladimir Putin hosted Recep Tayyip Erdogan in Sochi.", "Sochi", "RUS"),
])
def test_event_place(code, text, place, country):
    events = code(text, date="2018-03-10")
    assert events and events[0].place_name == place and events[0].place_country == country
    assert events[0].latitude is not None and events[0].longitude is not None


@pytest.mark.parametrize("text,date,precision", [
    ("Israeli air strikes killed 12 militants in the Gaza Strip on Saturday.", "2018-03-10", "day"),
    ("Russian Foreign Minister Sergei Lavrov met Syrian President Bashar al-Assad on Monday.", "2018-03-05", "day"),
    ("Iraqi troops attacked Islamic State militants near Mosul on March 3.", "2018-03-03", "day"),
    ("India held talks with Pakistan in New Delhi.", "2018-03-10", "article"),
])
def test_event_date(code, text, date, precision):
    events = code(text, date="2018-03-10")  # a Saturday
    assert events and (events[0].date, events[0].date_precision) == (date, precision)
