"""Word patterns shared by the summarizer and the story pages: openings that lean on an earlier sentence,
and capitalized names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from .tokens import STOPWORDS, stem, surface_words, word_frequency

PRONOUNS = "he she it they both this these those his her its their".split()
CONNECTIVES = "that but and so also however meanwhile still yet then instead there here".split()
_OPENING = r"^[\"“‘']?({})\b"
# Openings that lean on a sentence the reader may not have seen: pronouns, "that", connectives.
DANGLING = re.compile(_OPENING.format("|".join(PRONOUNS + CONNECTIVES)), re.IGNORECASE)
# A capitalized word that is not the first of its sentence (names, mostly).
CAPITALIZED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def name_stems(sentence: str) -> set[str]:
    """The stems of the words ``sentence`` capitalizes inside it (see CAPITALIZED): names, mostly."""
    return {stem(word.lower()) for word in CAPITALIZED.findall(sentence)}


# A speaker's name as quotes attribute it: up to four capitalized words ("Lt. Gen. Mark Smith").
SPEAKER = r"([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})"

# Verbs in the past tense that do not end in "-ed": "Vik made ...", "The assistant saw ..."
IRREGULAR_PAST = ("made|took|went|told|got|gave|came|left|won|lost|ran|saw|found|felt|knew|thought|wrote|spent|began|became|"
                  "kept|held|brought|sent|met|paid|led|grew|chose|spoke|said|fell|rose|fled|flew|drove|drew|threw|broke|"
                  "bought|caught|fought|taught|sought|sold|stood|understood|struck|stole|swore|wore|tore|woke|froze|rode|"
                  "rang|sang|sank|swam|slept|wept|ate|hid|dug|bled|blew|shook|forgot|forgave|withdrew|overtook|upheld|"
                  "knelt|meant|heard|built|hung|clung|stuck|swept|spun|slid|drank|did|sat|fed|dealt|swung|crept|shone|"
                  "leapt|sprang|lent|strode")
# Past forms spelled as their present or a noun ("shot", "cost"): a verb after a name when what it did follows
# ("Anderson shot himself", "Vik cut the fares"; not "Strøm cast members sang")
PAST_AS_PRESENT = (r"(?:shot|hit|cut|put|set|quit|shut|let|beat|lit|bit|hurt|spread|cost|burst|cast|split)"
                   r"(?= (?:the|a|an|his|her|their|its|him|himself|herself|them|down|up|off|out|back|at|and)\b| \d)")

# A sentence that cannot stand without the one before it: it opens on a pronoun, a connective or a phrase
# that points back ("But ...", "That year ...", "Many of them ...", "The two ..."), says who speaks only by a
# pronoun or a bare role ("..., he said.", "..., the spokesman said."), or is a bare quotation whose speaker
# came before.
_POINTS_BACK = (
    PRONOUNS + "them that such but and or nor so also however meanwhile still yet moreover furthermore "
    "besides therefore nevertheless nonetheless otherwise later afterward afterwards again hence consequently".split()
    + [r"((in|for|at|on|to|from|with) )?(many|much|some|most|all|none|one|two|three|four|five|each|both|several|few|half|"
       r"a (third|quarter|handful|few|couple|number|majority)|the (majority|rest|remainder|bulk)|dozens|hundreds|thousands|"
       r"millions|\d+) of (them|those|these|"
       r"us|whom|it\b|(this|that)(?=[,.;]| (is|was|has|had|will|would|could|may|might|can|[a-z]+(?:s|ed))\b))",
       r"(many|much|some|most|all|none|one|two|each|both|several|few|part|the rest|screenshots|photos|pictures|images|"
       r"footage|news|details|members|friends|fans|relatives|(a |the )?(photo|picture|video|image)) of (?-i:his|her|their)\b",
       # "One of his aides, ...", "Much of her work", "A photo of her boat"; not "Some of Her Majesty's crews"
       r"the (two|three|four|other|others|same|latter|former|pair|couple|trio)", r"another", r"in addition",
       r"even so", r"as a result", r"for (example|instance)", r"in (that|this) (case|way)", r"at the time",
       r"at (that|this) (point|time|stage)", r"at other times", r"with that(?=,| in mind\b)", r"(as a|on a) side note",
       r"after all", r"in turn", r"because", r"(even |what['’]?s )?(worse|better)(?=,)", r"worst of all",
       r"what['’]?s more", r"plus(?=,)", r"thus(?! far\b)", r"first of all", r"in (short|sum|summary)(?=,)", r"all in all",
       r"(after|before|prior to|despite|beyond|besides|for|on top of|in addition to|apart from|aside from|because of|"
       r"in response to|in) "
       r"(this|that|these|those)"
       r"(?=[,.;])", r"(in|for|to|of|among) (it|them)(?=[,\s])",  # "Despite this, ...", "In it, ...", "For it to win ..."
       r"not that", r"not only that", r"case in point", r"in any case", r"either way", r"in other words",
       r"((less|more) than |about |nearly |almost |only |just )?(a|an|one|two|three|four|five|six|several|a few|\d+) "
       r"(minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(y|ies)) (later|earlier|before|(after|before) (that|this)\b)",
       r"(the|that) (next|following|previous) (day|morning|afternoon|evening|night|week|month|year)",
       r"(days|weeks|months|years|hours|moments|minutes) (later|earlier)", r"(soon|shortly) (after|before)(?=[,.]|\s+(that|this|it|which|then)\b)", r"(soon|shortly) afterwards?\b",
       r"(perhaps|maybe|indeed|eventually|ultimately|soon),? (he|she|it|its|they|their|them|his|her)",
       r"[a-z]{2,}ly, (they|their|them|these|those)\b",  # "Ironically, they are ...", "Naturally, these ..."
       r"(ironically|frankly|honestly|naturally|apparently|clearly|basically|weirdly|oddly|strangely|predictably|"
       r"unsurprisingly|understandably|initially|firstly|publicly|privately|collectively|internally), (it|its|this)\b"
       r"(?! (?:week|year|month|morning|afternoon|evening|weekend|summer|winter|spring|autumn)\b)",  # "Frankly, it's ..."
       r"now\b(?! that\b|-| \d| in its\b)", r"other\b(?! than\b)",
       r"if (so|true|not)\b(?! for\b)", r"if (that|this)\b(?! [\w-]+['’]s\b| (year|week|month|time)\b)",
       r"actually(?=,)", r"as such(?=,)", r"(in fact|as a matter of fact)(?=[,\s])(?! sheets?\b)", r"on the (contrary|other hand)", r"(by|in) contrast", r"conversely", r"likewise", r"similarly",
       r"in (that|this) (respect|sense)", r"to that end", r"(throughout|during|in) (that|this) (time|period)\b(?! of\b)",
       r"(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}) (were|are|had|have)\b",
       r"((at least|another) )?(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|several|many) more\b"
       r"(?! than\b| (years|months|weeks|days|hours|minutes|times)\b)",
       r"no (other|further|additional|more) (details|information)\b",
       r"none (was|were|is|are|had|has|have|could|would|will)\b",
       rf"(many|most|some|several|others) (?:{IRREGULAR_PAST}|(?!hundred\b)[a-z]+ed(?= (?:in|into|to|from|at|on|for|with|their|the|"
       r"that|after|before|out|up|away|back|home|there)\b))\b", r"(some|many|most|several) (were|had)\b",
       r"instead(?! of\b)", r"which (is|was) (why|how|what|when|where)\b", r"which (means|meant|explains|explained)\b",
       r"as (mentioned|noted|reported|discussed|said) (earlier|above|before|previously)",
       r"as (previously|earlier) (mentioned|noted|reported|discussed|said)", r"as (mentioned|noted)(?=,)",
       r"(in particular|specifically)(?=,)",
       r"(first|second|third|fourth|secondly|thirdly|next|finally|lastly)(?=,)",
       r"among (them|those|these)\b", r"all (two|three|four|five|six|seven|eight|nine|ten)\b",
       r"well(?=,)", r"((maybe|perhaps|only|even|just|since|until|till|back|from|by|up to) )?then(?!-)",  # "Since then, ...", not "Then-mayor"
       r"from (there|here)\b",  # "From there, the ferry ...": the place or the time told before
       r"(overall|further)(?=,)", r"(rather|regardless|in response|true|granted|sure|of course)(?=,)", r"except that\b",
       r"for (his|her|its|their|our|my) part(?=,)",
       r"(for (one thing|one|starters)|to begin with|to be sure|(put|said) simply|at the same time|not so)(?=,)",
       r"having said (that|this)\b", r"in the meantime\b", r"by the same token\b", r"here['’]s why\b",
       r"even (?=(the|a|an|his|her|their|its|some|those|these)\b)"]  # "Even the critics ...": as others before
)
LEANS_ON_OPENING = re.compile(_OPENING.format("|".join(_POINTS_BACK)), re.IGNORECASE)
# "The victim ...", "The ministry said ...", "The Lutheran pastor ...": someone or something an earlier sentence introduced.
THE_ROLE = re.compile(
    r"^[\"“]?The (?:[A-Za-z-]+ )?(man|woman|boy|girl|teen|teenager|child|couple|pair|suspect|victim|gunman|shooter|"
    r"driver|officer|sister|brother|mother|father|son|daughter|wife|husband|lawyer|attorney|judge|spokesman|"
    r"spokeswoman|spokesperson|witness|passenger|owner|ministry|agency|company|team|video|footage|caller|student|"
    r"teacher|doctor|nurse|pilot|employee|worker|soldier|inmate|patient|baby|toddler|infant|family|parents|"
    r"official(?= (?:said|says|told|added)\b)|biographer|senators|king|queen|prince|princess|kingdom|actor|"
    r"actress|singer|rapper|reporter|researcher|scientist|professor|author|priest|pastor|boyfriend|girlfriend|"
    r"fiancee?|neighbou?r|grandmother|grandfather|guy|lady|(?:assistant|coach|star|host|anchor|dog|animal|horse)"
    r"(?=,|'s| (?:says|was|is|has|had|will|would|[a-z]+ed|" + IRREGULAR_PAST + r")\b)|"
    r"[\w-]+[- ]year[- ]old)(?:'s)?(?![\w-])"
    r"(?! (?:who|that|which|of|where|named|called)\b)")
THINGS_IN_ROLES = frozenset("team video footage family kingdom".split())  # of THE_ROLE, a lead's without a name
BODIES_IN_ROLES = frozenset("company agency ministry".split())  # of THE_ROLE, a lead's when it says what kind
_SPEAKING_ROLES = ("spokes(?:man|woman|person)|official|source|lawyer|attorney|judge|witness|victim|suspect|officer|actor|"
                   "actress|singer|rapper|star|woman|man|mother|father|doctor|researcher|newspaper|paper|magazine|network|"
                   "broadcaster|website|outlet|daily|insider|friend|neighbou?r|relative|publicist|aide|rep")
# "the Kentucky Republican", "the Ohio senator": a politician by party or office and state, never named
_POLITICIAN = r"(?:[A-Z][a-z]+ )?(?:Republican|Democrat|lawmaker|senator|congressman|congresswoman|legislator)"
UNNAMED_SPEAKER = re.compile(rf"(^|[,\"”]\s*)(he|she|they|it|the (?:{_SPEAKING_ROLES})|[Tt]he {_POLITICIAN}) "
                             r"(said|says|added|adds|told|explained|continued|wrote|noted|insisted|was quoted|asked|asks|"
                             r"replied|recalled|joked|tweeted|warned|argued|admitted|answered|responded|shouted|yelled)\b")
SAID_THE_ROLE = re.compile(rf"\bsaid the (?:{_SPEAKING_ROLES}|{_POLITICIAN})\W*$")  # "..., said the spokesman."
BARE_QUOTE = re.compile(r"^\W*[\"“][^\"“”]+[\"”]\W*$")


# A sentence that says who speaks ("..., she said", "Adler told reporters", "He said:").
NAMES_A_SPEAKER = re.compile(r"\b(said|says|told|tells|added|adds|asked|wrote|writes|explained|according to|recalled)\b|:\s*[\"“]?$")


# A sentence that says who "he" or "she" is: a name (a capitalized word after its first), a pronoun of its own,
# or a word for a person.
HE_OR_SHE = re.compile(r"^\W*(?:[\w,]+ ){0,4}?(he|she)\b", re.IGNORECASE)
NAMES_SOMEONE = re.compile(
    r"(?-i:(?<!^)(?<![.!?\"“] )(?<![\"“])\b[A-Z][a-z]+)|\b(he|she|him|his|her|man|men|woman|women|boy|girl|mother|father|wife|husband|son|"
    r"daughter|sister|brother|officer|official|spokesman|spokeswoman|suspect|victim|author|writer|leader|minister|"
    r"president|chief|director|teacher|student|judge|lawyer|attorney|doctor)\b", re.IGNORECASE)


def speaks_of_someone_unnamed(sentence: str, before: str) -> bool:
    """True when ``sentence`` opens on "he" or "she" (within its first words) or says who speaks only by a
    pronoun or a bare role (", he said", ", the official said"), and the sentence before it names nobody they
    could be."""
    return bool(HE_OR_SHE.match(sentence) or _unnamed_speaker(sentence)) and not NAMES_SOMEONE.search(before)


def _unnamed_speaker(sentence: str) -> bool:
    """True when ``sentence`` says who speaks only by a pronoun or a bare role (see UNNAMED_SPEAKER)."""
    return bool(UNNAMED_SPEAKER.search(sentence) or ("said the " in sentence and SAID_THE_ROLE.search(sentence)))


# A sentence that adds to or sets itself against something told before it: "Police also searched ...",
# "... as well.", "The timing, however, ..."
ADDS_TO = re.compile(r"(?<!\bbut )(?<!\bnot only )\balso\b|\bas well\b(?! as\b)|\btoo\.$|, too,|, however,")
# A sentence whose subject is a bare "the" and a noun, as if the reader knew which: "The paper had ...",
# "The charity said ...".
BARE_DEFINITE = re.compile(r"^[\"“]?The (?:[a-z-]+ ){1,2}?(?:is|was|are|were|has|had|have|said|says|will|would|could|did)\b")


def can_open(sentence: str) -> bool:
    """True when a summary can open on ``sentence``: it adds to nothing told before, takes no thing for known and
    says "he" or "she" of no one before naming them (an article's lead may lean on its headline: "The last words he
    spoke ...", "Most of the victims ...")."""
    return not (ADDS_TO.search(sentence) or BARE_DEFINITE.match(sentence) or _pronoun_before_anyone(sentence)
                or _of_the_known(sentence))


# A sum of money, whole: "£18m", "$4.2 billion", "GBP96,000", "4.2 million pounds" (not "600 pounds", a weight as often,
# nor "1.2 million pounds of cod")
MONEY = re.compile(r"[$£€¥]\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|k)\b)?|\b\d[\d,.]*\s?(?:million|billion|bn|m|k)?\s?"
                   r"(?:GBP|USD|EUR|dollars|euros|kroner|yen)\b|\b\d[\d,.]*\s?(?:million|billion|bn)\s(?:pounds|sterling)\b"
                   r"(?! of\b)|\b(?:GBP|USD|EUR)\s?\d[\d,.]*", re.IGNORECASE)
# "he", "his" ... with a quotation's words left out (they do not say who speaks: '"I had ...," he said.')
PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b(?!(?-i: [A-Z]))", re.IGNORECASE)  # not "His Majesty"
QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]?|‘[^‘’]*’")  # text in quotation marks (to its end when not closed)
# Someone the pronoun may stand for: "A judge ... his", "A 4-year-old ... her", "The teenager who ... his"
SOMEONE_UNNAMED = re.compile(r"\b(?:a|an|one|who|whose)\b|\d", re.IGNORECASE)
NAMED_AFTER = re.compile(r"[^,.;:]*,[\"”'’]? (?:[A-Z]|(?:the|a|an) )")  # "In his ..., Prime Minister ...", "On her ..., the"
NO_NAME_FIRST = frozenset("yesterday today tonight earlier later meanwhile despite still even instead born".split())
ADVERB_STEM_FREQUENCY = 1e-5  # of "sad" of "Sadly", "happy" of "Happily" (not "kel" of "Kelly")
# "Of the 12 detained at the quay, seven ...", "Of the two people killed, ..."
OF_THOSE_DONE = re.compile(r"^\W*Of (?:the|those) (?:[\d,]+|(?i:two|three|four|five|six|seven|eight|nine|ten|dozen)) "
                           r"(?:[a-z]+ )?[a-z]+ed\b")
WHOLES = frozenset("country nation world public population city state region area county".split())  # "Most of the city"


def _pronoun_before_anyone(sentence: str) -> bool:
    """True when "he", "she", "his", "her" or "him" comes before anyone the sentence names (a name, a word for a
    person or a job, "a ...", "who") and the clause it opens names no one right after it."""
    unquoted = QUOTATION.sub("", sentence)
    match = PERSON_PRONOUN.search(unquoted)
    if match is None:
        return False
    before = WHEN.sub("", unquoted[:match.start()])
    first = before.split(None, 1)[0].strip("\"“‘'") if before.strip() else ""
    first_is_a_name = first[:1].isupper() and first not in FUNCTION_WORDS and not common_opening(first)  # "Walker ..."
    return not (first_is_a_name or NAMES_SOMEONE.search(before) or SOMEONE_UNNAMED.search(before)
                or any(_is_job(word) for word in LOWER_WORD.findall(before)) or NAMED_AFTER.match(unquoted, match.end()))


def common_opening(word: str) -> bool:
    """True for a word that opens a sentence and is no name: a stop word, an adverb ("Yesterday", "Sadly", "Still";
    not "Kelly"), a participle ("Speaking", "Asked", "Born")."""
    lower = word.lower().rstrip(",")
    adjective = lower[:-3] + "y" if lower.endswith("ily") else lower[:-2]  # "happy" of "happily", "sad" of "sadly"
    return lower in STOPWORDS or lower in NO_NAME_FIRST or lower.endswith(("ing", "ed")) or (
        lower.endswith("ly") and word_frequency(adjective) >= ADVERB_STEM_FREQUENCY)


def _of_the_known(sentence: str) -> bool:
    """True when ``sentence`` opens on a part of a group it takes for known ("Most of the victims ...", "Two of the
    statues ...", "Of the 12 detained ...", "One of the suspects, Ada Lind, ...": what a comma adds says which one, not
    which suspects; not "Two of the world's ...", "Most of the 300 passengers", "Most of the country")."""
    if OF_THOSE_DONE.match(sentence):
        return True
    first = sentence.lstrip("\"“").split(" ", 1)[0]
    if first.lower() not in QUANTIFIERS and not first.replace(",", "").isdigit():
        return False
    match = PARTITIVE_NOUN.match(sentence, sentence.index(first) + len(first))
    return match is not None and not re.match(r"[\w'’-]", sentence[match.end():match.end() + 1]) \
        and match.group(1) not in WHOLES and not _no_noun(match.group(1)) \
        and not _says_which_group(sentence, match.end())


def _says_which_group(sentence: str, end: int) -> bool:
    """True when what follows a group's noun at ``end`` says which group it is ("Two of the victims of the crash");
    what a comma adds tells of the part or its members ("One of the suspects, Ada Lind, ...", "Most of the
    victims, who were ...")."""
    return not sentence.startswith(",", end) and DEFINED_AFTER.match(sentence, end) is not None


# "he", "his" ... after an opening phrase or adverb ("On Monday, he ...", "Unfortunately his mother ...").
EARLY_PRONOUN = re.compile(r"^\W*(?:(?:[\w'’-]+ ){0,5}?[\w'’-]+, )?(?:[a-z]+ly,? )?(he|she|his|her)\b", re.IGNORECASE)


# Who said it and where, and nothing of what: 'Gingrich said on CNN's "State of the Union."', "Trump said to cheers
# Thursday night." (the words came before; not "Ada Lind wrote to the council on Monday.")
SAYS_ONLY = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} (?:said|says|added) (?:on|in|to|at|during) "
                       r"(?!.*\bthat\b)(?:[^\s,;:]+ ){0,4}[^\s,;:]+\.[\"”’]?$")
# "though", "however" or "meanwhile" set off by commas sets a sentence against the one before: "It was not always so,
# though.", 'There were many "ifs," though.', "The mayor, however, said ..."
CONTRASTED = re.compile(r",[\"”’]? though(?:,|\.[\"”’]?$)|, (?:however|meanwhile),")
# A clause that takes up what a sentence before said: "One man certainly thought so", "Police did so on Monday".
AGREES = re.compile(r"\b(?:thinks?|thought|believes?|believed|hopes?|hoped|does|did|doing) so(?=[,.;:!?\"”’]|\s+(?:on|in|at|after|"
                    r"before|because|when|while|until|without|with|by|for|again|too|and|but|last|this|yesterday|today)\b)")
# "... back to the Toyota brand instead.": of what came before
INSTEAD = re.compile(r", instead,|\binstead\.[\"”’]?$")
# An answer to what came before, or the same as someone before: '"I just want a boat," Mr. Vik replied.', "Lind
# likewise called the pier unsafe.", "Vik hit back." (not "The council has not responded.")
ANSWERS_OR_LIKEWISE = re.compile(r"(?<!\bnot )(?<!n['’]t )\b(?:replied|answered|responded|(?:hit|fired|shot) back)[.!][\"”’]?$"
                                 r"|\blikewise\b|\beither[.!][\"”’]?$")  # "... aren't safe either."
# "in these sorts of incidents", "this kind of attack": as told before (not "found that types of plastic vary")
THAT_KIND = re.compile(r"\b(?:(?:these|those) (?:sorts|kinds|types)|(?:this|that) (?:sort|kind|type)) of\b")
# As someone before did: "Brown made the leap, too.", "She, too, made the leap.", "He too admits ..."
TOO = re.compile(r",\s+too[.!][\"”’]?$|\b(?:he|she|they|we|it|I|[A-Z][a-z]+), too,"
                 r"|\b(?:he|she|they|we) too (?=[a-z]+(?:s|ed)\b)")
# A short sentence that ends on what the one before told of: "The Iranian regime is feeling them.", "Police arrested him."
ENDS_ON_PRONOUN = re.compile(r"\b(?:them|it|him|her|this|that|these|those)[.!][\"”’]?$")
ENDS_ON_PRONOUN_WORDS = 9
# A consequence of what came before, in a short subject's place: "Kimble thus sued Marvel", "It can therefore ..."
CONSEQUENCE = re.compile(r"^[^,;:\"“]{0,40}\b(?:thus|therefore|hence)\b(?! far\b)")
# A short sentence that ends on an auxiliary, its verb left out: "In Lund, he won't have to.", "Most towns still do
# not.", "For Vik, his ferries are." (not when the sentence itself told the verb: "The pier has a rail, while the
# jetty does not.").
ELLIPTIC = re.compile(r"\b(?:won['’]t|would|could|should|cannot|did (?:so|too)|(?:can|could|should|would|must|did|does|do|"
                      r"has|have|had|is|are|was|were)(?:n['’]t| not)|are|were)(?: have to| need to| want to| to| too| either)?"
                      r"[.!][\"”’]?$")
ELLIPTIC_WORDS = 14
# A short sentence ending on a rank whose thing the one before told: "Lund Bay was one of the first.", "She was the last."
RANK_OF_WHAT = re.compile(r"\bthe (?:first|last|only|next|latest|second|third)(?: ones?)?[.!][\"”’]?$")
# The verb told in the sentence itself: "..., while the jetty does not", "as fast as they could", "Asked whether he would
# resign, he said he would not." (not "Asked if he would, ...": the question leaves it out too).
TELLS_THE_VERB = re.compile(r", and\b|;|\b(?:while|but|whereas|unless|except|what|whatever|nothing|anything|everything|how|"
                            r"than)\b|\bas \w+ as\b|\b(?:if|whether)\b(?! \w+ (?:would|could|will|did|does|do|had|has|was|is|"
                            r"should|can)\b,)", re.IGNORECASE)
# A person told of only by a pronoun after a group that reports: "Police said she ...", "Doctors say his ...".
REPORTED_PRONOUN = re.compile(
    r"^(?:The )?(?:[A-Z][a-z]+ )?(?i:police|authorities|officials|investigators|prosecutors|witnesses|sources|deputies|"
    r"officers|doctors|firefighters|relatives|neighbou?rs|friends|reports|troopers|detectives)(?: [a-z]+){0,2} "
    r"(?:said|say|says|told [a-z]+|believe|believed)(?: (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday))?(?: that)? (?:he|she|his|her|him)\b")
# A count of those told of before, as someone reports it: "A coast guard officer said 14 of them were fishermen."
REPORTED_COUNT_OF = re.compile(r"^[^,;:\"“]{2,60}\b(?:said|says|say|told [a-z]+)(?: that)? (?:\d[\d,]*|many|some|most|all|"
                               r"none|one|two|three|four|five|six|seven|eight|nine|ten|half|several|few) of (?:them|those|these)\b")


# A quotation that points back at what its speaker spoke of with "this" or "that" ending a phrase: '"People didn't
# ask for this," she said.', '"I appreciate that, because ..."' (not "I think that, ...", "in that, ...").
QUOTE_POINTS_BACK = re.compile(r"^[\"“](?:[^\"”]{0,80}?\b)(?<!\bthink )(?<!\bin )(?<!\bso )(?<!\bnow )(?<!\bsuch )"
                               r"(?:this|that)(?=[,.!?;]|\s+(?:and|but|because)\b)", re.IGNORECASE)


def leans_on_previous(sentence: str) -> bool:
    """True when ``sentence`` needs the sentence before it to make sense."""
    return bool((LEANS_ON_OPENING.match(sentence) and not TIME_SINCE.match(sentence)) or _unnamed_speaker(sentence)
                or BARE_QUOTE.match(sentence)
                or (sentence[:1] in "\"“" and QUOTE_POINTS_BACK.match(sentence))
                or _early_pronoun(sentence) or CONTRASTED.search(sentence)
                or INSTEAD.search(sentence) or ("too" in sentence and TOO.search(sentence))
                or ANSWERS_OR_LIKEWISE.search(sentence)
                or (" of" in sentence and THAT_KIND.search(sentence))
                or _ends_on_pronoun(sentence) or CONSEQUENCE.match(sentence)
                or (" so" in sentence and AGREES.search(sentence))
                or REPORTED_PRONOUN.match(sentence) or SAYS_ONLY.match(sentence) or _elliptic(sentence)
                or (" of th" in sentence and REPORTED_COUNT_OF.match(sentence) is not None)
                or (len(sentence.split()) <= COUNT_WORDS and COUNT_OF_WHAT.match(sentence) is not None)
                or (" in question" in sentence and IN_QUESTION.match(sentence) is not None))


# An "it" that stands for no thing told before but for the time since an event: "It's been six years since the ferry
# sank ...", "It has been more than a decade since ..."
TIME_SINCE = re.compile(r"[\"“]?It(?:['’]s| has| had) been (?:a|an|\d[\d.,]*|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|several|many|more than|nearly|almost|about|over|just)(?: [\w-]+)?? "
                        r"(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|centur(?:y|ies)|while|long time) "
                        r"since\b(?! (?:then|that|this)\b)")


# A thing named before, pointed at as the sentence opens: "The ad in question depicts ..." (not "The audit put the deal
# in question", nor "the orca groups are now in question").
IN_QUESTION = re.compile(r"[\"“]?The (?:(?!(?:is|are|was|were|now|still|remains?|called|put|brought)\b)[\w'’-]+ ){1,2}in question\b")


# A short sentence whose count has no noun for what it counts: "Around 2 million have been displaced.", "Three
# others employ ...", "Two were taken to hospital." (not a year: "2031 had been a quiet year"; nor "Thousands have
# fled"; nor a lead that tells more: "At least 40 were killed when a ferry sank off Lund Bay on Monday").
COUNT_WORDS = 10
COUNT_OF_WHAT = re.compile(r"^(?:(?:Around|About|Some|Nearly|Almost|More than|Fewer than|Over|At least|Only|Just|Another) )?"
                           r"(?:(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?: (?:million|billion|thousand|hundred))?|Two|Three|Four|"
                           r"Five|Six|Seven|Eight|Nine|Ten)(?: others?| more)? (?:have|has|had|were|was|are|is|will|would|could|"
                           r"did|do|does|remain|remained)\b|^(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) others \w+")


def _ends_on_pronoun(sentence: str) -> bool:
    return ENDS_ON_PRONOUN.search(sentence) is not None and len(sentence.split()) <= ENDS_ON_PRONOUN_WORDS


def _elliptic(sentence: str) -> bool:
    return len(sentence.split()) <= ELLIPTIC_WORDS and (
        (ELLIPTIC.search(sentence) is not None and not TELLS_THE_VERB.search(sentence))
        or RANK_OF_WHAT.search(sentence) is not None)


# Noun phrases that point back at a thing named before: "The horse ...", "The new rules", "these animals", "in that
# case", "nine of the activists". The patterns open on a literal, which re scans for fast; the word before "that"
# and "of the" is checked apart.
THE_NOUN = re.compile(r"[\"“]?The (?:(?:new|old|big|top|bad|hot|key|odd|low|red|sad|raw) )?([a-z-]{4,})(?: ([a-z-]{4,}))?")
DEMONSTRATIVE_NOUN = re.compile(r"th(is|ese|ose|at) ([a-z-]{4,})")
PARTITIVE_NOUN = re.compile(r" of the ([a-z-]{4,})")
THE_COUNT_NOUN = re.compile(r"(?<=[a-z,] )(?<!\bof )the (?:two|three|four|five|six|seven|eight|nine|ten) ([a-z-]{3,})\b")
SAME_NOUN = re.compile(r"\bthe same ([a-z-]{4,})\b")  # "of the same models"
SAME_AS = re.compile(r" (?:as|that|which|who|whom|where|when|of)\b")  # "the same models as ...", "the same age of"
BEFORE_THAT = frozenset("in of on at for from with by about after before to".split())
QUANTIFIERS = frozenset("one two three four five six seven eight nine ten some many most all none several few each both "
                        "half".split())
LOWER_WORD = re.compile(r"[a-z-]+")


# Words after "the" or "this" that name no thing of their own: "The storm that ...", "this year", "The former
# teacher", "one of the busiest ports", "one of the world's ...", "Two of the three ferries".
NO_THING = frozenset("that this which what when where with from into over than have been were will would could "
                     "should also only most more much many some such last next first year years week weeks month "
                     "months time times day days summer winter spring autumn season weekend morning afternoon "
                     "evening night world former annual other same whole entire latter latest recent current "
                     "previous local national federal major main little large small young great".split()) | QUANTIFIERS
PAST = frozenset(IRREGULAR_PAST.split("|"))
NOUNS_IN_EST = frozenset("interest protest contest request arrest forest harvest conquest unrest priest inquest".split())


def refers_back(sentence: str, before: str) -> bool:
    """True when ``sentence`` names a thing by "the", "this" or "that" and the sentence ``before`` it in its
    article named that thing ("A horse bolted ..." | "The horse ..."): it refers back to it."""
    nouns = {noun.removesuffix("s") for noun in _pointing_nouns(sentence)}
    return bool(nouns) and any(word.removesuffix("s") in nouns for word in LOWER_WORD.findall(before.lower()))


# What tells which thing "the" means, right after its noun: "The storm that hit ...", "The horse, a grey mare",
# "The assistant harbour master, Ada Lind", "The man charged with arson was ..." (not "The vessel on Tuesday ...",
# "The philanthropist thanked Ole Vik", "The victim died in hospital").
DEFINED_AFTER = re.compile(
    r"(?: [a-z-]+)?, [A-Z][\w'’-]+ [A-Z]| [A-Z][\w'’-]+ [A-Z]|, (?:(?:a|an|the)\b|[A-Z])|\s*\("
    r"|\s+(?:who|whom|whose|that|which|of|where|named|called|titled|dubbed|known as|about|in|at|on|from|for|to|with|by|behind|"
    r"near|between|under|over|since|during)\b(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|this|last|next)\b)"
    r"|\s+[a-z]+(?:ed|en) (?:of|by|in|at|on|with|for|to|as|after|during)\b"
    r"(?=.*\b(?:is|was|are|were|has|had|have|will|would|could|can|may|said|says)\b)")


def things_taken_as_known(sentence: str, lead: bool = False) -> list[str]:
    """The nouns by which ``sentence`` points at a thing as if the reader had been told of it ("The
    philanthropist posted ...", "nine of the activists", "these animals", '"...," the group said'), unless it says
    there which thing it means ("The storm that hit the quay ...", "The horse, a grey mare, ..."). An article's
    ``lead`` may name a thing its headline told ("The storm ...", "The video ..."), but not a person ("The rapper,
    ...") nor a body with a name of its own, unless it says what kind ("The ferry company ..."; not "The company ...")."""
    role = THE_ROLE.match(sentence)
    roles = [role.group(1)] if role and not (DEFINED_AFTER.match(sentence, role.end(1))
                                            or _names_a_thing(sentence, role.end(1))) else []
    speaker = BODY_SPEAKER.search(sentence) if " the " in sentence else None
    spoken = [(speaker.group(1) or speaker.group(2)).lower()] if speaker else []
    if lead:
        described = role is not None and role.group(0).count(" ") > 1  # "The ferry company"
        kept = [noun for noun in roles if noun not in THINGS_IN_ROLES and not (described and noun in BODIES_IN_ROLES)]
        return kept + spoken
    return list(dict.fromkeys(roles + spoken + _pointing_nouns(sentence, defined=DEFINED_AFTER)))


# A body that speaks, named by "the" alone, after what it said: '"We will appeal," the group said.', "..., said a
# spokeswoman for the hotel." (the reader must have been told which group, which hotel); not the company, agency or
# council a story is about, whose name the summary gives ("Lundline ...", then "..., the company said")
_BODIES = "group|organi[sz]ation|hospital|hotel|school|university|club|charity|church|museum|zoo|band"
_VERBS = "said|says|added|adds|wrote|writes|posted|noted|told|announced|explained|confirmed|stated|tweeted"
BODY_SPEAKER = re.compile(rf"(?:[,\"”]\s*|^)(?:a spokes(?:man|woman|person) for )?the ({_BODIES}) (?:{_VERBS})\b"
                          rf"|\b(?:{_VERBS}) (?:a spokes(?:man|woman|person) for )?the ({_BODIES})\W*$")


# "Lundline also cut ...", "On Monday, the mayor's office also said ...": someone doing something again, or as
# another did; an adverb after "also" is read past ("also recently cut"), a time after the subject dropped.
ALSO_DOES = re.compile(r"^[\"“]?(?:(?:On|In|By|Last|Earlier|Later|This) [\w'’-]+(?: [\w'’-]+)?, )?"
                       r"([A-Z][\w'’.-]*(?: [\w'’.-]+){0,5}?)(?: (?:on|last|this|earlier|later) \w+)? also "
                       r"(?:[a-z]{3,}ly )?([a-z]+(?:-[a-z]+)*)\b")
NOT_ADDING = frozenset("known called dubbed named".split())  # "Ole Vik, also known as ..."
ADDRESSED = frozenset("we i you".split())


def also_does(sentence: str) -> str:
    """Whom or what ``sentence`` says "also" of: the sentence adds to something told of them ("Lundline also cut
    fares" -> "Lundline", "Users of the app also ..." -> "Users of the app"); what they did when that names no one
    ("Some also cut fares" -> "cut"; a verb of speech is no thing). "" for none: a pronoun ("He also said", see
    leans_on_previous), "also known as", "not only ... but also"."""
    match = ALSO_DOES.match(sentence)
    if match is None or match.group(1).lower() in (*PRONOUNS, *ADDRESSED) or match.group(2) in NOT_ADDING \
            or "but" in match.group(1).split():
        return ""
    if surface_words(match.group(1)):
        return match.group(1)
    return "" if match.group(2) in SPEECH_VERBS else match.group(2)


def _names_a_thing(sentence: str, end: int) -> bool:
    """True when the word after ``end`` is a noun that the word before it qualifies, as the word after that
    noun shows (a name or a verb): "The passenger ferry Stella Nord ...", "The passenger ferry ran ...",
    "The passenger ferry runs ...", "The family home was ..." (not "The passenger fell ...", "The victim later died", "The driver must pay",
    "The suspect sat in ...", "The 41-year-old rhino ...")."""
    after = QUALIFIED.match(sentence, end)
    if after is None or "year" in sentence[:end].rsplit(None, 1)[-1]:
        return False
    noun, following = after.groups()
    return not (_no_noun(noun) or noun.endswith("s") or noun in NO_QUALIFIED_NOUN) and (
        following[0].isupper() or following in PAST or following in FINITE or following.endswith(("ed", "s")))


QUALIFIED = re.compile(r" ([a-z]{3,}) ([A-Za-z]+)")  # " ferry Stella", " ferry ran"
# Words after a role that are no noun it qualifies: verbs the same in the past, adverbs, modals.
NO_QUALIFIED_NOUN = frozenset("hit shot cut put set hurt quit beat bit lit read spread cost let split shut burst cast "
                              "later never still soon often always ever once already again must may might shall "
                              "cannot".split())
FINITE = frozenset("is was are were has had have will would could can said says did does".split())


def named_by_the(sentence: str, nouns: frozenset[str]) -> list[str]:
    """The nouns of ``nouns`` that ``sentence`` names by "the" anywhere ("..., the agency said in the
    statement.") without saying which it means ("the statement that ...", "the statement of ...", "the
    statement it sent", a statement it named before "the statement"), outside quotations; not a noun that
    qualifies the next one ("the ferry line said")."""
    found = []
    for match in THE_ANYWHERE.finditer(sentence):
        noun, start, end = match.group(1), match.start(), match.end()
        if noun in nouns and _after_the(sentence, start) and not (
                noun in LOWER_WORD.findall(sentence[:start].lower()) or _defined_after(sentence, start, end)
                or _names_a_thing(sentence, end) or _quoting(sentence[:start], sentence[end:])):
            found.append(noun)
    return list(dict.fromkeys(found))


def _defined_after(sentence: str, start: int, end: int) -> bool:
    """True when what follows a noun at ``end`` says which thing it is (DEFINED_AFTER, "the statement it
    sent"); inside a sentence, a comma and "the" start another clause ("In the statement, the company ...")."""
    if start > 1 and sentence.startswith(", the ", end):
        return False
    return bool(DEFINED_AFTER.match(sentence, end) or CONTACT_CLAUSE.match(sentence, end))


def _after_the(text: str, start: int) -> bool:
    """True when "he" at ``start`` ends the word "the" or "The" (not "she", "Athe")."""
    return start >= 1 and text[start - 1] in "Tt" and (start == 1 or not text[start - 2].isalnum())


THE_ANYWHERE = re.compile(r"he ([a-z-]{4,})\b")  # after "t" or "T" (see _after_the): a literal, scanned fast
CONTACT_CLAUSE = re.compile(r" (?:it|he|she|they|we|I) [a-z]")  # "the statement it sent"


def _pointing_nouns(sentence: str, defined: re.Pattern[str] | None = None) -> list[str]:
    """The nouns of the sentence's noun phrases that point back (see THE_NOUN, SAME_NOUN, THE_COUNT_NOUN), not
    those followed by what ``defined`` matches, nor, with ``defined``, those inside a quotation ("this country" of
    a speaker); no word of NO_THING nor stop word, no verb in the past tense, gerund nor adverb ("The nearly ...")."""
    def undefined(match: re.Match[str], end: int | None = None, group: bool = False) -> bool:
        if defined is None:
            return True
        end = match.end() if end is None else end  # what follows says which (of a ``group``: see _says_which_group)
        says_which = _says_which_group(sentence, end) if group else defined.match(sentence, end)
        return not (says_which or _quoting(sentence[:match.start()], sentence[end:]))  # nor is it quoted

    opening = THE_NOUN.match(sentence)  # what follows a second word that may be a verb ("lies") tells nothing
    second = opening.group(2) if opening else None
    nouns = [noun for noun in opening.groups() if noun] if opening and undefined(opening, opening.end(1)) and (
        not second or second.endswith("s") or _no_noun(second) or undefined(opening)) else []
    for match in DEMONSTRATIVE_NOUN.finditer(sentence):
        start = match.start()
        if start and sentence[start - 1].isalnum():
            continue  # "within", "Smith"
        word_before = sentence[:start].rsplit(None, 1)[-1].lower() if start else ""
        if (match.group(1) != "at" or word_before in BEFORE_THAT) and undefined(match):
            nouns.append(match.group(2))
    if "the same " in sentence:
        nouns += [match.group(1) for match in SAME_NOUN.finditer(sentence) if not SAME_AS.match(sentence, match.end())
                  and (defined is None or not _quoting(sentence[:match.start()], sentence[match.end():]))]
    if "the " in sentence:  # "Police said the three victims ...": a count told before
        nouns += [match.group(1) for match in THE_COUNT_NOUN.finditer(sentence)
                  if undefined(match) and " and " not in sentence[:match.start()]]  # not "Oslo and Lund said the two cities"
    for match in PARTITIVE_NOUN.finditer(sentence):
        words_before = sentence[:match.start()].rsplit(None, 1)
        if words_before and (words_before[-1].lower() in QUANTIFIERS or words_before[-1].isdigit()) \
                and undefined(match, group=True):
            nouns.append(match.group(1))
    return [noun for noun in nouns if not _no_noun(noun)]


def _no_noun(word: str) -> bool:
    """True for a word that names no thing of its own (NO_THING, a stop word), a verb in the past tense, a
    gerund, an adverb or a superlative ("busiest")."""
    return (word in NO_THING or word in PAST or word in STOPWORDS or word.endswith(("ed", "ing", "ly"))
            or (word.endswith("est") and len(word) > 5 and word not in NOUNS_IN_EST))


WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
# A live blog entry's time ("17:21", "9.05am", "10 pm", "Updated 16:05 GMT"; not "5", a countdown's number): its groups
# are the hours, minutes and half of day of "17:21 pm", then of "10 pm"
ENTRY_TIME = (r"(?i:updated[ \t]+)?(?:(\d{1,2})[:.](\d{2})[ \t]*((?i:am|pm|a\.m\.|p\.m\.))?|(\d{1,2})[ \t]*"
              r"((?i:am|pm|a\.m\.|p\.m\.)))(?:[ \t]*(?-i:GMT|UTC|BST|[CEAW]?[ECSMP][SD]?T|[ECMP]T|IST|JST))?")
WHEN = re.compile(rf"\b({WEEKDAYS}|{MONTHS})\b")  # no one "he" could be, nor a name: "Adderall Jan. 6"


def _early_pronoun(sentence: str) -> bool:
    """True when "he" or "his" opens the main clause with no one named before it ("When Adler arrived,
    he ..." names him first), or "he" or "she" comes within its first words before anyone it names ("The few times
    he was seen ...", "During the three days she ..."; not "The mayor said he ...")."""
    match = EARLY_PRONOUN.match(sentence)
    return (match is not None and not NAMES_SOMEONE.search(WHEN.sub("", sentence[:match.start(1)]))) or (
        HE_OR_SHE.match(sentence) is not None and _pronoun_before_anyone(sentence))


# "Adler", "Strøm", "Erdoğan", "McMaster", "MacArthur", "O'Brien", "DeVos", "LaGuardia", "DiCaprio", and surnames
# of two letters ("Wu", "Ng"; not "He" or "Do") (opens on a capital: scanned fast)
# Letters of names: Latin-1 and Latin Extended-A ("Strøm", "Łukasz"; Extended-A mixes its cases, so both ranges hold it)
UPPER, LOWER = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
SURNAME = rf"(?:[{UPPER}](?:[{LOWER}]{{2,}}|(?:c|ac|['’]|e|a|i)[A-Z][{LOWER}]{{2,}})|(?:Wu|Li|Xu|Yu|Hu|Lu|Su|Ng|Ho|Ko|Yi|Qi|Ye|Du|Fu|Gu|Vu|Ly)(?![\w-]))"
# A full name ("Rune Adler", "Ada K. Brenner") and its last word, the surname later mentions use alone.
# A title is no first name: "Mr Adler", "Professor Adler" and "Prof Adler" name the person by surname alone.
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lady Lord Professor President Senator Governor Mayor Minister Judge Justice Chancellor "
    "Secretary Ambassador General Colonel Captain Sergeant Officer Detective Sheriff Deputy Chief Coach Agent Father "
    "Pope King Queen Prince Princess Rabbi Reverend Bishop Inspector Constable Superintendent Commissioner Commander "
    "Lieutenant Corporal Admiral Marshal Cardinal Imam Pastor".split())
TITLE_ABBREVIATIONS = frozenset(
    "Gov Sen Rep Gen Col Lt Maj Sgt Cpl Pvt Capt Prof Rev Fr Hon Adm Atty Amb Supt Insp Det Ofc Cmdr Cllr".split())
ANY_TITLE = TITLES | TITLE_ABBREVIATIONS
JOB_ACRONYMS = frozenset("CEO CFO COO CTO MP MEP".split())  # jobs before a name: "Nordlinjen CEO Harald Strøm"
# Words that open a sentence or a phrase, never a first name: "The Office of ...", "In Vik's ..."
FUNCTION_WORDS = frozenset("The A An This That These Those His Her Its Their Our My Your In On At For From By With And "
                           "But Or If When While After Before As Of To".split())
# A surname may follow a particle: "Antoni van Leeuwenhoek", "Ana de la Cruz", "Marine Le Pen"; a capitalized one
# is part of the surname a later mention uses ("Ms Le Pen"), and no first name.
CAPITAL_PARTICLES = frozenset("Le La De Da Di Du Dos".split())
CAPITAL_PARTICLE = f"(?:(?:{'|'.join(sorted(CAPITAL_PARTICLES))}) )"
PARTICLES = frozenset("van von de der den del della la le da di du dos ter ten bin ibn al el".split())
FULL_NAME = re.compile(  # opens on a capital: scanned fast; first names may be accented ("Saïd", "José")
    rf"([{UPPER}][{LOWER}]+) (?:[A-Z]\. )?(?:(?:{'|'.join(sorted(PARTICLES))}) )*{CAPITAL_PARTICLE}?({SURNAME})\b")
# The first word of a place's name before a particle, no first name: "Tour de France", "Rio De Janeiro"
PLACE_BEFORE_PARTICLE = frozenset("Tour Stade Rio Costa Santa San Puerto Porto Port Fort Mont Pont Place Rue Via Notre "
                                  "Casa Palais Chateau Château Hotel Maison Parc Lac Isla Bahia Sierra".split())


def names(text: str) -> tuple[list[str], list[str]]:
    """The surnames of the full names in ``text`` ("Ada Dahl" -> "Dahl"; "Mr Dahl" and "Professor Dahl" are
    no full names; matches overlap, so "Professor Ada Dahl" and "Mary Ann Dahl" give Dahl), and their first
    names: the word before the surname that ends a run of capitalized words ("Nevada rancher Cliven Bundy"
    and "Rancher Cliven Bundy" give Cliven)."""
    matches = _full_name_matches(text)
    starts = {match.start() for match in matches}
    return [match.group(2) for match in matches], [match.group(1) for match in matches if match.start(2) not in starts]


def _full_name_matches(text: str) -> list[re.Match]:
    found, position = [], 0
    while match := FULL_NAME.search(text, position):
        position = match.start(2)
        if not (match.start() and text[match.start() - 1].isalnum()) and match.group(1) not in ANY_TITLE \
                and match.group(1) not in FUNCTION_WORDS and match.group(1) not in CAPITAL_PARTICLES \
                and not (match.group(1) in PLACE_BEFORE_PARTICLE and match.start(2) - match.end(1) > 1) \
                and (match.group(2) not in ANY_TITLE or _title_as_surname(match, text)) \
                and not WHEN.fullmatch(match.group(2)):  # "Texas Gov. Greg Abbott", "for Salata Thursday"
            found.append(match)
    return found


SURNAME_TITLES = frozenset("King Bishop Marshal Judge Prince Pastor Constable".split())  # titles that are surnames too
PERSON_AFTER = re.compile(r", (?:a|an|who|\d{1,3},)\s| (?:said|says|told)\b")  # "Christopher King, a priest, ..."
NO_NAME_BEFORE = ("the ", "The ", "a ", "A ", "an ", "its ", "his ", "her ", "their ", "'s ", "’s ")  # "a Burger King"


def _title_as_surname(match: re.Match, text: str) -> bool:
    """True when the title word ending a full name's ``match`` is the surname of someone the text then tells of
    ("Christopher King, a priest", "Ada Bishop said"), not a title ("Prime Minister Ada Lind", "the Vice President
    said", "Fire Chief's") nor a thing ("a Burger King on Main Street")."""
    qualifier = match.group(1).lower()  # "Police Chief", "Vice President"
    return match.group(2) in SURNAME_TITLES and qualifier not in QUALIFIERS and not _is_job(qualifier) \
        and PERSON_AFTER.match(text, match.end()) is not None and not text.endswith(NO_NAME_BEFORE, 0, match.start())


def opens_a_longer_name(name: str, text: str) -> bool:
    """True when ``text`` names someone by ``name`` and two more names ("Jenna" of "Jenna Bush Hager"): a first name
    the surname of ``names`` leaves out."""
    return any(TWO_MORE_NAMES.match(text, end) for _, end in _word_spans(text, name))


def times_named_alone_inside(name: str, text: str) -> int:
    """How often ``text`` writes ``name`` alone inside a sentence, after a word in lower case or a comma and not after
    "the" ("because King was", "charged King with"; not "the King", "Tobias King", "King Olav", "King-size")."""
    times = 0
    for start, end in _word_spans(text, name):
        before = text[max(0, start - 30):start].split()
        previous = before[-1] if before and text[start - 1] == " " else ""
        if (previous.endswith(",") or previous.isalpha() and previous.islower()) and previous != "the" \
                and not NOT_ALONE_AFTER.match(text, end):
            times += 1
    return times


TWO_MORE_NAMES = re.compile(rf" (?:[A-Z]\. )?{SURNAME} {SURNAME}\b")  # " Bush Hager" of "Jenna Bush Hager"


def _word_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` writes ``name`` with no letter, digit, apostrophe or hyphen just before it (a string search,
    faster than a pattern compiled for each name)."""
    start = text.find(name)
    while start >= 0:
        if not (start and (text[start - 1].isalnum() or text[start - 1] in "_'’-")):
            yield start, start + len(name)
        start = text.find(name, start + 1)


def full_names(text: str, quoted: bool = True) -> set[tuple[str, str]]:
    """The people ``text`` names in full, as (first name, surname): "Ada K. Dahl" -> ("Ada", "Dahl"); with
    ``quoted`` False, only outside quotation marks."""
    return {(match.group(1), match.group(2)) for match in _full_name_matches(text)
            if quoted or not _quoting(text[:match.start()], text[match.end():])}


def by_surname(text: str, surname: str) -> tuple[str, str, str] | None:
    """``text`` with its first full name ending on ``surname`` outside quotation marks named by the surname
    alone, after the title it has ("Russian President Vladimir Putin has ..." -> "Russian President Putin has
    ...", "Dr. Ada K. Dahl" -> "Dr. Dahl", "Jan de Vries" -> "de Vries"; not the end of a longer name: "Caroline
    Sturdy Colls") but without a job told in lower case ("said harbour master Ole Vik" -> "said Vik", "Chief executive
    Ole Vik said" -> "Vik said"), what it replaced and what it put in its place; None when it names no one so."""
    for match in _full_name_matches(text):
        if match.group(2) != surname or _quoting(text[:match.start()], text[match.end():]):
            continue
        before = _word_before(text, match.start())
        if before[:1].isupper() and before.rstrip(".") not in ANY_TITLE | JOB_ACRONYMS \
                and not before.endswith((".", ",", ":", ";")) and not _title(text, match.start()):
            return None  # "Caroline Sturdy Colls", "Seaman James Derek Lovelace"
        shown = re.sub(r"^[A-Z]\. ", "", text[match.end(1):match.end()].strip())  # "de Vries", not "K. Dahl"
        start = _job_told_before(text, match.start())
        shown = shown[:1].upper() + shown[1:] if not start else shown
        return text[:start] + shown + text[match.end():], text[start:match.end()], shown
    return None


def role_left_out(text: str, first: str, surname: str, told: Collection[str]) -> tuple[str, str, str] | None:
    """``text`` with the role it gives in apposition after the full name ``first`` ``surname`` (outside quotation
    marks) left out when ``told`` (the surface words of the summary before it) gave that role already ("..., said Ada
    Dahl, the fire chief." -> "..., said Ada Dahl."), what it replaced and what it put in its place; None when it
    gives none so."""
    for match in _full_name_matches(text):
        if (match.group(1), match.group(2)) != (first, surname) or _quoting(text[:match.start()], text[match.end():]):
            continue
        role = _role_match(text, match.end())
        if role is None or not all(word in told for word in surface_words(role.group(1))):
            return None
        end = role.end() if role.group(0).endswith(",") else role.end(1)  # "Ada Dahl, the chief, said": "Ada Dahl said"
        name = text[match.start():match.end()]
        return text[:match.start()] + name + text[end:], text[match.start():end], name
    return None


def _job_told_before(text: str, start: int) -> int:
    """Where a job told in lower case right before the name at ``start`` begins ("said harbour master| Ole Vik",
    "Chief executive| Ole Vik" opening the sentence); ``start`` for none, for a title ("Police Chief Ole Vik") and
    for a job after any word but a verb of speech or a preposition (BEFORE_A_JOB): "Lund harbour master Ole Vik"."""
    words = list(re.finditer(r"\S+", text[:start]))
    k = len(words)
    while k and _job_word(words[k - 1].group(), opening=k == 1):
        k -= 1
    if k == len(words) or not words[-1].group().islower() or (k and words[k - 1].group() not in BEFORE_A_JOB):
        return start  # "NASA program scientist Ada Dahl", "captain and chief engineer Ada Dahl"
    return words[k].start()


def _job_word(word: str, opening: bool) -> bool:
    """True for a word of a job told in lower case, or capitalized when it opens the sentence (``opening``: "Chief")."""
    return (word.islower() or opening) and (_is_job(word.lower()) or word.lower() in QUALIFIERS)


# Words after which a job before a name is the person's only ("said harbour master Ole Vik"), not a second one ("captain and
# chief engineer Ole Vik")
BEFORE_A_JOB = frozenset("said says told tells asked added wrote writes by to with of for from against".split())


AGE_AFTER = re.compile(r", \d{1,3},")  # "Brandt, 34, died"


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` in ``text`` ('' at its start)."""
    words = text[max(0, start - 40):start].split()
    return words[-1] if words else ""


def named_alone(surname: str, texts: Sequence[str]) -> bool:
    """True when ``texts`` speak of someone by ``surname`` alone: after a title ("Mr. Putin", "Sen. Rubio") or
    speaking or given an age, after no other capitalized word ("Putin said", "Brandt, 34, died"; not "North
    Korea said")."""
    for text in texts:
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            before = _word_before(text, match.start())
            titled = before.rstrip(".") in ANY_TITLE
            alone = not before[:1].isupper() or before.endswith((".", ",", '"', "”"))
            after = text[match.end():match.end() + 20]
            if titled or (alone and (SPEAKS_AFTER.match(after) or AGE_AFTER.match(after))):
                return True
    return False


# A capitalized word standing alone: not next to another capitalized word (part of a name) nor after "the".
ALONE = re.compile(rf"(?<![A-Z][\w.'’-] )(?<![Tt]he )\b({SURNAME})\b(?! [A-Z])")
SPEECH_VERBS = ("said", "Said", "says", "told", "tells", "added", "adds", "wrote", "writes", "explained", "noted",
                "asked", "testified", "tweeted", "argued", "recalled", "according to")
SALUTATIONS = ("Mr", "Mrs", "Ms", "Miss")  # dropped when a name is given in full: "Mr. Vik" -> "Ole Vik"
COURTESY_TITLES = (*SALUTATIONS, "Dr", "Prof", "Professor")
_SPEECH = "(?:{})".format("|".join(SPEECH_VERBS))
SPEAKS_AFTER = re.compile(rf"\s+{_SPEECH}\b")  # "Putin| said"
# Who speaks: up to seven words opening the sentence or a clause right before the verb of speech ("Tamsin County
# fire chief Rune Adler said ...", "..., the owner said."), or after a comma or a quotation and the verb, up to the end of
# the sentence or a comma, a name ("..., said Ada Dahl, the fire chief.") or a role of up to three words
# ("..., said the fire chief."), or after "according to".
SAYS = ("said", "Said", "says", "told", "tells", "added", "adds")
_SAYS = "(?:{})".format("|".join(SAYS))
SPEAKER_BEFORE = re.compile(rf"(?:^|[,;:\"“”—(]\s*)((?:[\w.'’-]+ ){{1,7}}){_SAYS}\b")
SPEAKER_AFTER = re.compile(rf"(?:(?:,|[\"”])\s*{_SAYS}|\baccording to) ([A-Z][\w.'’-]*(?: [\w.'’-]+){{0,4}}?"
                           rf"|(?:the|a|an) [\w.'’-]+(?: [\w.'’-]+)?)(?=[,;:](?:\s|$)|[.!?]?[\"”]?$)")

# A speaker's role in apposition: "Ada Dahl, the county's fire chief, told ...", "..., said Ada Dahl, the county's
# fire chief."
_APPOSED_NAME = rf"(?!(?:{'|'.join(sorted(FUNCTION_WORDS))}|{WEEKDAYS}|{MONTHS})\b)[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}"
_APPOSED_ROLE = r"(?:the|a|an) (?:(?!(?:and|or|but|who|which|that)\b)[^\s,;\"“”]+ ){0,6}[^\s,;\"“”]+"  # no clause
ROLE_THEN_SAYS = re.compile(rf"(?:^|[,;:\"“”]\s*)({_APPOSED_NAME}, {_APPOSED_ROLE}), {_SAYS}\b")
SAYS_THEN_ROLE = re.compile(rf"\b{_SAYS} {_APPOSED_NAME}, ({_APPOSED_ROLE})(?=[,;:]|[.!?]?[\"”]?$)")


def speaker_words(sentence: str) -> set[str]:
    """The stems of the words of ``sentence`` that say who speaks (see SPEAKER_BEFORE, SPEAKER_AFTER and the
    role in apposition, ROLE_THEN_SAYS and SAYS_THEN_ROLE): whom it is told by, not what it tells."""
    if not any(verb in sentence for verb in (*SAYS, "according to")):
        return set()
    found = (SPEAKER_BEFORE.findall(sentence) + SPEAKER_AFTER.findall(sentence) + ROLE_THEN_SAYS.findall(sentence)
             + SAYS_THEN_ROLE.findall(sentence))
    return {stem(word) for phrase in found for word in surface_words(phrase)}
# Capitalized words that can only be people: after a courtesy title ("Mr. Dahl") or speaking ("Dahl said",
# "said Dahl."; not a place nor a body, see people_alone); however common the word, a reader needs such a
# person introduced.
AFTER_TITLE = re.compile(r"\b(?:{})\.? {}?({})\b(?! [A-Z])".format("|".join(COURTESY_TITLES), CAPITAL_PARTICLE, SURNAME))
SPEAKING = re.compile(rf"(?<![A-Z][\w.'’-] )(?<![Tt]he )\b({SURNAME}) {_SPEECH}\b"
                      rf"|\b{_SPEECH} ({SURNAME})\b(?! [A-Z])")


# Bodies that speak, no people: "Police said", "the District Attorney's Office said".
BODIES = frozenset("Office Department Ministry Agency Police Court Council Committee House Senate Congress Company "
                   "Commission Service University Hospital Bureau Board Group Institute Foundation Association Party "
                   "Government Administration Army Navy Guard Church School Center Centre Club Team Union Authority "
                   "Times Post News Journal Press Network Embassy Parliament Cabinet Command Corps Trust Watch Force "
                   "Fund Bank Society".split())
# Roles that speak, no surnames: "the Chief Medical Examiner said", "the county Sheriff said".
ROLES = frozenset("Examiner Coroner Constable Commissioner Inspector Prosecutor Spokesman Spokeswoman Spokesperson "
                  "Superintendent Sheriff Mayor Governor President Minister Secretary Director Chairman Chairwoman "
                  "Administrator Officer Detective Deputy Chief Trooper General Colonel Captain Sergeant Senator "
                  "Ambassador".split())
# What the articles say only of a company or another body, never of a person: "the operator Fjordlinjen",
# "Fjordlinjen's shares", "Fjordlinjen, which ...".
_BODY_NOUNS = ("company|operator|firm|airline|carrier|agency|maker|manufacturer|retailer|chain|bank|network|"
               "broadcaster|newspaper|brand|startup|charity|organi[sz]ation|union|insurer|utility|lender|supplier")
_BODY_ATTRIBUTES = "spokes(?:man|woman|person)|shares|stock|chief executive|CEO|customers|employees|headquarters"


def is_body(name: str, text: str) -> bool:
    """True when ``text`` speaks of ``name`` as a company or another body (see _BODY_NOUNS, _BODY_ATTRIBUTES)."""
    if name not in text:
        return False
    escaped = re.escape(name)
    return re.search(rf"\b{escaped}, which\b|\b(?:{_BODY_NOUNS}) {escaped}\b|\b{escaped}['’]s (?:{_BODY_ATTRIBUTES})\b",
                     text) is not None


# Words before a place: "near Austin", "residents of Lund Bay said".
PLACE_PREPOSITIONS = frozenset("in at from near within outside across around toward towards".split())
PLACE_BEFORE = PLACE_PREPOSITIONS | {"of", "on"}  # before the name of whoever speaks: "officials of Lund Bay said"


def people_alone(text: str) -> list[str]:
    """Capitalized words of ``text`` that can only be people named by surname (see AFTER_TITLE and SPEAKING;
    not a place or a body that speaks); the patterns run only on a text holding a title or a verb of speech,
    which spares most sentences."""
    found = []
    if any(title in text for title in COURTESY_TITLES):
        found += AFTER_TITLE.findall(text)
    if any(verb in text for verb in SPEECH_VERBS):
        found += [name for match in SPEAKING.finditer(text) for group, name in enumerate(match.groups(), 1)
                  if name and not _a_place_or_body(text, match.start(group), name)]
    return found


def _a_place_or_body(text: str, start: int, name: str) -> bool:
    """True when the capitalized word at ``start`` names a body or a role ("Police said", "the Harbour Office
    said", "the Chief Medical Examiner said"; so a surname such as Court is missed) or ends the name of a place
    after a preposition ("officials in Lund Bay said")."""
    words = text[max(0, start - 80):start].split()
    while words and words[-1][:1].isupper() and not words[-1].endswith((",", ";", ":", '"', "”")):
        words.pop()
    return name in BODIES or name in ROLES or (bool(words) and words[-1].lower() in PLACE_BEFORE)


# A sentence that opens on a capitalized word and a verb ("Adler was ...", "Adler and his wife ..."), or who, what or
# how old it is ("Adler, who ...", "Adler, now a vice president, ...", "Adler, 58, ..."): a person when the articles
# give that word a first name somewhere.
_THEN = r"(?:(?:now|then|once|formerly|herself|himself) )?"  # "Adler, now a vice president, ..."
_A_VERB = rf"(?:was|is|has|had|will|would|could|also|later|then|now|and (?:his|her)|[a-z]{{2,}}ed|{IRREGULAR_PAST}|" \
    rf"{PAST_AS_PRESENT})\b"
OPENING_NAME = re.compile(rf"^[\"“]?({SURNAME})(?:['’]s | {_A_VERB}|, (?:who|whose)\b|, {_THEN}(?:a|an|the)\b|, \d{{1,3}},)")
VERB_AFTER = re.compile(rf" {_A_VERB}")  # a name that does something: "Wilson confronted ...", not "Austin residents"
# A name given with a role: "Adler, the fire chief, ...", "Adler, who ...", "Adler (the fire chief)".
ROLE_AFTER = re.compile(rf", (?:{_THEN}(?:a|an|the|one of)|who|whose)\b| \(")
ROLE_GIVEN = re.compile(rf"\b({SURNAME})(?:{ROLE_AFTER.pattern})")


@dataclass(frozen=True)
class Person:
    """A person as the articles first name them in full: "Ole Vik", the role they give with it in apposition
    ("the harbour master" of "Ole Vik, the harbour master, ..."), and the title they put before it
    ("harbour master" of "said harbour master Ole Vik"); "" for none."""

    name: str
    role: str = ""
    title: str = ""


# A role in apposition: "Ole Vik, the harbour master, said ...", "Ole Vik (D-Lund), one of the harbour's pilots, ..." (no
# speech inside: "Vik, the board said, ...").
_ROLE_WORD = r"[\w$%.'’-]+(?:,\d{3})*"  # "$10,000": a number's comma ends no role
ROLE = re.compile(rf"(?: \([DRI](?:-[A-Za-z. ]{{1,20}})?\))?, ((?:a|an|the|one of) {_ROLE_WORD}(?: {_ROLE_WORD}){{0,6}})"
                  r"(?:,(?! and\b)|(?<!\b(?:St|Mt|Ft|Dr))\.(?:\s|$))")  # not "at St. Ann's"; not a list's ", and"
# A role's comma that goes on to another name is no end of the role but a list's: "Gen. Ada Dahl, the Air Command,
# Lund Forces Command and 7th Fleet commander"
LIST_GOES_ON = re.compile(r"(?<=,) [A-Z]")
NOT_IN_A_ROLE = re.compile(rf"\b(?:{'|'.join(SPEECH_VERBS)}|who|which|that|and|or|but|is|are|was|were|will|would|has|"
                           r"have|had)\b|^one of (?:them|those|these|us|the (?:two|three|four|others))\b|"
                           r"^the (?:latter|former|other|first|last|same)\b")  # "Ada Dahl, the storms were ...", "one of them"
# A title before a name: capitalized words, words for jobs and the words that qualify them, ending on a job
# ("said FBI agent Ada Dahl", "with Vestmark harbour master Ole Vik", "former state senator Ada Dahl").
DETERMINERS = frozenset("a an the his her their its our my your this that whose".split())
NOT_YET = frozenset("would-be soon-to-be future aspiring trainee prospective budding wannabe".split())  # no such job yet
QUALIFIERS = NOT_YET | frozenset("former acting deputy assistant associate senior junior vice interim retired chief "
                                 "fire police union state harbour harbor district county city federal foreign "
                                 "defense defence press campaign security health research science news sports "
                                 "prime crown".split())
JOBS = frozenset(
    "actor actress adviser advisor agent aide analyst anchor artist astronomer attorney author builder captain ceo "
    "chairman chairwoman chef chief coach commander commissioner congressman congresswoman correspondent councillor "
    "councilman councilwoman curator dean deputy detective director doctor editor engineer executive expert founder "
    "general governor head host inspector investigator judge lawmaker lawyer leader lieutenant manager master mayor "
    "minister neighbor neighbour nurse officer official owner partner pastor pilot player president priest producer "
    "professor prosecutor rancher reporter representative researcher resident secretary senator sergeant sheriff "
    "singer soldier spokesman spokesperson spokeswoman student superintendent surgeon teacher trooper veteran writer "
    "ambassador diplomat economist historian comedian rapper drummer designer photographer filmmaker playwright poet "
    "businessman businesswoman entrepreneur billionaire commentator nominee champion boxer quarterback "
    "goalkeeper striker midfielder pitcher inmate defendant chair driver member fellow".split())
JOB_ENDING = re.compile(r"[a-z]{3,}(?<!s)ist|[a-z]{3,}ician")  # "physicist", "politician"; not "insist", "persist"
NO_JOBS = frozenset("playlist checklist wishlist shortlist blacklist whitelist waitlist watchlist tracklist setlist "
                    "exist".split())


def _is_job(word: str) -> bool:
    """True when ``word`` names what someone does or is, as a title before a name: "mayor", "physicist"."""
    return word in JOBS or (JOB_ENDING.fullmatch(word) is not None and word not in NO_JOBS)


def people_in_full(texts: Sequence[str], wanted: Collection[str]) -> dict[str, Person]:
    """The ``wanted`` first names and surnames of the people ``texts`` name in full within a sentence ("...,
    said Ada Dahl", "harbour master Ada K. Dahl", "Dr. Ada Dahl"), each mapped to the person as first named
    in full, with the first role given with that name ("Ada Dahl, the fire chief, ...") and the first title
    put before it ("said fire chief Ada Dahl"); a name two people share ("Dahl" of "Ada Dahl" and "Ole
    Dahl", wherever they are named) belongs to neither. Words the texts also write in lower case ("But Vik",
    "Central Lund") are no names, but a first name so written inside a sentence ("Amber Dahl" and "an amber light";
    not a function word, a day or a month) makes its surname no one person's; a sentence's first words ("Ada Dahl
    said") and the end of a longer run of capitalized words ("Naval Base Coronado") give no full name, though they
    may name someone else. A name spelled with and without accents ("Joaquín Dahl", "Joaquin Dahl") is one person's."""
    joined = " ".join(texts)
    plain = {unaccented(name) for name in wanted}
    lower_case: dict[str, bool] = {}  # each word looked at: whether the texts write it in lower case
    people: dict[str, dict[tuple[str, str], None]] = {}  # name -> the people of that name, in the order first named
    found: dict[tuple[str, str], Person] = {}
    for text in texts:
        matches = _full_name_matches(text)
        starts = {match.start() for match in matches}
        for match in matches:
            person = (match.group(1), match.group(2))
            if match.start(2) in starts or not (unaccented(person[0]) in plain or unaccented(person[1]) in plain):
                continue  # "Harbour Master" of "Harbour Master Ole Vik", or no one wanted
            for word in person:
                if word not in lower_case:
                    lower_case[word] = in_lower_case(word, joined)
            if lower_case[person[0]] or lower_case[person[1]]:  # "But Vik", "Central Lund": no name, but a first
                if not lower_case[person[1]] and person[0] not in FUNCTION_WORDS and not WHEN.fullmatch(person[0]) \
                        and _within_sentence(text, match.start()):
                    people.setdefault(unaccented(person[1]), {})[person] = None  # name the texts also write in lower case may be
                continue  # one ("Amber Pasztor" of "an Amber Alert"): the surname is no one person's then
            for name in person:
                people.setdefault(unaccented(name), {})[person] = None
            organization = text.startswith(" for ", match.end())  # "Arizona Employers for Immigration Reform"
            with_age = AGE_AFTER.match(text, match.end()) is not None
            aged = with_age and _opens_sentence(text, match.start()) \
                and not _is_role_word(person[0])  # "Tarn Wessby, 61, was held"; not "Fisherman Wessby, 61, ..."
            start = match.start() if _within_sentence(text, match.start()) or aged \
                else _first_of_three(text, match.start(), person[0], joined, with_age)
            if start >= 0 and not organization:
                known = found.get(person, Person(text[start:match.end()]))
                in_a_list = text[:start].endswith(", ")  # "Ada Dahl, Ole Vik, the mayor, and ..."
                found[person] = Person(known.name, known.role or ("" if in_a_list else _role(text, match.end()))
                                       or _role_before(text, start, match.end()),
                                       known.title or _title_and_courtesy(text, start))
    unique = {name: next(iter(persons)) for name in wanted if (persons := people.get(unaccented(name), {}))
              and len({tuple(map(unaccented, person)) for person in persons}) == 1}
    couples = _couples(joined)
    return {name: found[person] for name, person in unique.items() if person in found and name not in couples}


FIRST_NAME_BEFORE = re.compile(rf"(?<![\w.'’-])([{UPPER}][{LOWER}]+) $")  # "Jay " of "Jay Aubrey Jones"


def _first_of_three(text: str, start: int, middle: str, joined: str, aged: bool = False) -> int:
    """Where a name's first word begins when the full name at ``start`` is its ``middle`` name and surname ("Jay" of
    "actor Jay Aubrey Jones"): one capitalized word before it, after a word in lower case but "of" (see
    _within_sentence; not "Naval Air Station Coronado", "Secretary of State Ada Dahl"), or opening a sentence when the
    name is ``aged`` (an age follows it: "Megan Ada Dahl, 22, ..."; not "Skipper Ada Dahl, 22", nor a name a role may
    end on: "Per"), that is no job, qualifier,
    function word, particle, day or month, and that ``joined`` (the texts) writes only before that middle name and
    never in lower case (not "Facebook" of "Facebook Mark Zuckerberg"); -1 for none."""
    before = text[max(0, start - 30):start]
    found = FIRST_NAME_BEFORE.search(before)
    if found is None:
        return -1
    word, first = found.group(1), start - len(before) + found.start(1)
    if word in FUNCTION_WORDS or word in CAPITAL_PARTICLES or word in PLACE_BEFORE_PARTICLE or WHEN.fullmatch(word) \
            or _is_job(word.lower()) or word.lower() in QUALIFIERS \
            or not (_within_sentence(text, first) or aged and _opens_sentence(text, first) and not _is_role_word(word)) \
            or text.endswith(" of ", 0, first) \
            or joined.count(f"{word} ") != joined.count(f"{word} {middle} ") or in_lower_case(word, joined):
        return -1
    return first


# Letters that keep their stroke when accents are taken off, as outlets without them write them ("Søren" -> "Soren").
UNSTROKED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
                           "đ": "d", "Đ": "D", "ß": "ss", "þ": "th", "Þ": "Th", "ı": "i"})


def unaccented(name: str) -> str:
    """A name without accents, as some outlets write it: "Joaquín" -> "Joaquin", "Kjær" -> "Kjaer"."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).translate(UNSTROKED)


# A surname after a salutation: "Mr. Vik", "Mrs Vik" (opens on a literal: scanned fast).
SALUTED = re.compile(rf"(M(?:rs?|s|iss))\.? ({SURNAME})\b")


def _couples(text: str) -> set[str]:
    """The surnames ``text`` gives both "Mr." and "Mrs.", "Ms." or "Miss": a couple, not one person."""
    salutations: dict[str, set[str]] = {}
    for salutation, surname in SALUTED.findall(text):
        salutations.setdefault(surname, set()).add(salutation)
    return {surname for surname, used in salutations.items() if "Mr" in used and len(used) > 1}


def in_lower_case(word: str, text: str) -> bool:
    """True when ``text`` writes ``word`` in lower case, as a word of its own."""
    lower = word.lower()
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return True
        at = text.find(lower, at + 1)
    return False


def _role(text: str, end: int) -> str:
    """The role given in apposition to the name ending at ``end`` ("" for none)."""
    role = _role_match(text, end)
    return role.group(1) if role else ""


def _role_match(text: str, end: int) -> re.Match | None:
    """The match of the role given in apposition to the name ending at ``end`` (its group 1), with the comma or full
    stop that ends it; None for none."""
    role = ROLE.match(text, end)
    if role is None and (bare := BARE_ROLE.match(text, end)) and _is_job(bare.group(2)):
        role = bare  # "Ada Dahl, spokeswoman for the ferry company, said"
    return role if role and not (NOT_IN_A_ROLE.search(role.group(1)) or LIST_GOES_ON.match(text, role.end())) else None


# A role in apposition without an article, a job and whom or where it is for: "..., said Ada Dahl, press officer
# for the flight centre in Lund." (not "Ada Dahl, 34, of Lund")
BARE_ROLE = re.compile(rf", ((?:[a-z][\w'’-]* ){{0,2}}([a-z]+) (?:of|for|at|with) {_ROLE_WORD}(?: {_ROLE_WORD}){{0,6}})"
                       r"(?:,(?! and\b)|(?<!\b(?:St|Mt|Ft|Dr))\.(?:\s|$))")


# A role put before a name, set apart by commas or a dash: "the archive's director, Bob Hirst, endorsed ...", "— among
# them the archive's director, Bob Hirst — ..." (not a list's "Ada Dahl, the fire chief, Bob Hirst and ...")
ROLE_BEFORE = re.compile(r"(?<![A-Z][\w.'’-], )(?<![A-Z][\w.'’-]{2}, )\b((?:[Tt]he|[Aa]n?|[A-Z][\w&.-]*['’]s)"
                         r"(?: [a-z][\w'’&-]*){0,4} ([a-z]+)), \Z")


def _role_before(text: str, start: int, end: int) -> str:
    """The role given in apposition before the name from ``start`` to ``end`` ("" for none)."""
    if not (text.startswith((",", " —", " –"), end) or SPEAKS_AFTER.match(text, end)):
        return ""
    role = ROLE_BEFORE.search(text, max(0, start - 60), start)
    if not role or not _is_job(role.group(2)) or NOT_IN_A_ROLE.search(role.group(1)):
        return ""
    return role.group(1)[0].lower() + role.group(1)[1:] if role.group(1).startswith(("The ", "A ", "An ")) else role.group(1)


def _title(text: str, start: int) -> str:
    """The title before the name starting at ``start`` (see QUALIFIERS and JOBS, and shortened titles: "Sen.",
    "U.S. Attorney"; "" for none, and for a description: "the engineer Ada Dahl", "his lawyer Ada Dahl"). A title opening a sentence is given in lower
    case when its first word is one of those words and the others are in lower case ("Police spokesman Erik
    Lunde said" -> "police spokesman"), as it is when it is a title of address ("Professor", "Mayor"), else
    none: its first word may be capitalized only there."""
    above, newline, line = text[max(0, start - 80):start].rpartition("\n")
    last_above = above.rsplit(None, 1)[-1] if above.strip() else ""  # a wrapped line's "fire" | "chief Ada Dahl", not a
    wrapped = newline and last_above.islower() and not line[:1].isupper()  # headline's "Wednesday" | "Fire chief ..."
    words = (above + " " + line if wrapped else line).split()
    title: list[str] = []
    while words and len(title) < 4 and (_abbreviated_title(words[-1]) and not _ends_a_place(words) or (
            re.fullmatch(r"[\w.'’&-]*[\w'’&-]", words[-1]) and (
                words[-1][0].isupper() or _is_job(words[-1]) or words[-1] in QUALIFIERS))):
        title.insert(0, words.pop())
    if not title or not (_is_job(title[-1].lower()) or title[-1].rstrip(".") in TITLE_ABBREVIATIONS
                         or title[-1] in JOB_ACRONYMS):  # "Tory MP Ada Dahl"
        return ""
    nouns = _qualifying_nouns(words)
    if not nouns and words and _qualifies(words[-1]) and NOT_YET & {word.lower() for word in words[-4:-1]}:
        return ""  # "Aspiring heart surgeon" is no "surgeon"
    if nouns:  # and the name in capitals before them: "Lundline" of "Lundline media relations chief"
        title, words = words[-nouns:] + title, words[:-nouns]
        if words[-1][:1].isupper() and words[-1] not in FUNCTION_WORDS:
            title.insert(0, words.pop())
    if not words or (words[-1].endswith((".", "!", "?", ":", '"', "“", "”"))
                     and not words[-1].endswith((',"', ",”"))):  # it opens a sentence (not '..., " union leader')
        first, rest = title[0].lower(), title[1:]
        if title[0].rstrip(".") in ANY_TITLE and not (rest and first in JOBS and all(word.islower() for word in rest)):
            return " ".join(title)  # "Professor Ada Dahl", "Mayor Ada Dahl"; not "Chief executive Per Amundsen"
        common = (first in QUALIFIERS or first in JOBS) and all(word.islower() for word in rest)
        if common:
            return " ".join([first, *rest])
        if all(_title_word(word) for word in title):  # "Vice President Ada Dahl", "Former Prime Minister Ada Dahl"
            return " ".join([first if first in FORMERLY else title[0], *rest])
        return " ".join(title) if _proper(title[0], text) else ""  # "Ware police Chief"; not "Yesterday police chief"
    described = words[-1].lower() in DETERMINERS or words[-1].endswith(("'s", "’s"))
    return "" if described else " ".join(title)


def _abbreviated_title(word: str) -> bool:
    """True for a title shortened with a full stop ("Sen.", "Gov.", "Lt.": see TITLE_ABBREVIATIONS) or a country's
    initials that may open one ("U.S." of "U.S. Attorney"; not "A.M." or "D.C." ending a sentence)."""
    return word.endswith(".") and (word[:-1] in TITLE_ABBREVIATIONS or word in COUNTRY_INITIALS)


COUNTRY_INITIALS = frozenset("U.S. U.K. U.N. E.U.".split())
PLACE_AFTER = frozenset("the to in from of at for with by into".split())  # "... sailed to the U.K." ends a sentence


def _ends_a_place(words: list[str]) -> bool:
    """True when the last of ``words`` is a country's initials after a word that makes them a place a sentence ends
    on ("sailed to the U.K. Fire chief Ada Dahl ...")."""
    return words[-1] in COUNTRY_INITIALS and len(words) > 1 and words[-2].lower() in PLACE_AFTER


DOCTOR_BEFORE = re.compile(r"\b(?:Dr|Prof)\. \Z")  # "Dr. " or "Prof. " before a name


FORMERLY = frozenset("former acting interim retired".split())  # in lower case before a title: "former Vice President"
TITLE_WORDS = QUALIFIERS | JOBS


def _title_word(word: str) -> bool:
    """True for a capitalized word of a title: "Vice", "President", "Attorney", "General" (see TITLE_WORDS), "U.S."."""
    return word[:1].isupper() and (word.rstrip(".") in ANY_TITLE or word.lower() in TITLE_WORDS
                                   or word in COUNTRY_INITIALS)


def _title_and_courtesy(text: str, start: int) -> str:
    """The title before the name starting at ``start`` (see _title), with the "Dr." or "Prof." between them
    ("addiction specialist Dr." of "addiction specialist Dr. Ada Dahl"; "" for "Dr." alone)."""
    doctor = DOCTOR_BEFORE.search(text, max(0, start - 6), start)
    if not doctor:
        return _title(text, start)
    title = _title(text, doctor.start())
    return f"{title} {doctor.group().strip()}" if title else ""


def _qualifying_nouns(words: list[str]) -> int:
    """How many of the last ``words`` before a title are nouns that qualify its job, one or two: "media relations"
    of "CBC media relations chief", "abortion" of "said abortion doctor"; only after a word that tells a noun phrase
    starts there (a name in capitals or a rare one, "said", "by"), not "warns", "hires" or "Records show"."""
    count = 0
    while count < min(2, len(words) - 1) and _qualifies(words[-1 - count]):
        count += 1
    before = words[-1 - count] if count else ""
    starts = before in BEFORE_A_ROLE or before in SPEECH_VERBS or before.isupper() or (
        before[:1].isupper() and word_frequency(before.lower()) < RARE_NAME_FREQUENCY)
    return count if starts else 0


PLURAL_QUALIFIERS = frozenset("relations communications operations affairs sales services".split())
RARE_NAME_FREQUENCY = 1e-6  # a capitalized word this rare in general English names a body ("Lundline")


def _qualifies(word: str) -> bool:
    """True when ``word``, before a title's job, may be a noun that qualifies it ("relations" of "media relations
    chief", "abortion" of "abortion doctor"; not a verb: "warns", "including", "sacked")."""
    return word.isalpha() and word.islower() and word not in STOPWORDS and word not in BEFORE_A_ROLE \
        and word not in SPEECH_VERBS and not word.endswith(("ed", "ly", "ing")) \
        and (not word.endswith("s") or word in PLURAL_QUALIFIERS)


# Words that open a sentence before a title and are no part of it: "Yesterday police chief Ada Dahl said ..."
NO_PROPER_WORD = re.compile(rf"(?:{WEEKDAYS}|{MONTHS}|Yesterday|Today|Tonight|Meanwhile|Later|Earlier|Last|Next|Former|"
                            r"Local|Top|Longtime|Veteran|Recently|Currently|Finally|Separately|Similarly|Previously|"
                            r"Eventually|Initially|Ultimately|Originally|Reportedly|Apparently|Notably|Fortunately|"
                            r"Unfortunately|Interestingly|Likewise|Only|Early)$")  # not "Italy", "Beverly"


def _proper(word: str, text: str) -> bool:
    """True when ``word``, opening a sentence, is a proper name: ``text`` capitalizes it inside a sentence too,
    never writes it in lower case, and it is no word that opens sentences ("Ware", "Norwegian", "FBI"; not
    "Utility", "Yesterday", "FORMER")."""
    word = word.capitalize() if word.isupper() and len(word) > 3 else word  # "FORMER" (not "FBI")
    return not (word.lower() in STOPWORDS or word in FUNCTION_WORDS or NO_PROPER_WORD.match(word)
                or in_lower_case(word, text)) and re.search(rf"[a-z,] {re.escape(word)}\b", text) is not None


def _is_role_word(word: str) -> bool:
    """True for a capitalized word that may name what someone is rather than who: "Fisherman", "Skipper", "Police"."""
    lower = word.lower()
    return _is_job(lower) or lower in QUALIFIERS or word.rstrip(".") in ANY_TITLE or lower.endswith(ROLE_ENDINGS)


# "fisherman", "skipper", "defendant"; "Peter Vik, 61, was held" is then no full name either: a bare surname is safer
# than a wrong first name
ROLE_ENDINGS = ("man", "woman", "person", "er", "or", "ant", "ent")


def _opens_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a line or a sentence ("Ada Dahl, 61, was held"; not "Ole" of "Per Ole
    Dahl")."""
    before = text[max(0, start - 3):start]
    return not before.strip() or before.rstrip(" ").endswith((".", "!", "?", '"', "”", "\n"))


def _within_sentence(text: str, start: int) -> bool:
    """True when the word before ``start``, on the same line, is a word in lower case ("said", "21-year-old", "on our
    list: Ada Dahl"; not "Photo: Ada Dahl") or one ending a clause ("Tuesday,"), a title ("Gov.", "CEO", "Majority
    Leader") or "I'm" ("I'm Ada Dahl, the mayor")."""
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return False
    words = before.split(" ")[:-1]  # the words before the name, if any
    word = words[-1].rsplit("\n", 1)[-1] if words else ""  # on its line: "chief" of "fire\nchief Ada Dahl"
    if not word:
        return False
    if word[:1].isupper() and (word.rstrip(".") in ANY_TITLE or _is_job(word.lower())) or word in JOB_ACRONYMS \
            or word in ("I'm", "I’m"):  # "Gov.", "Majority Leader"
        return True
    if word.endswith(":"):
        return word[:-1].isalpha() and word[:-1].islower()
    bare = word.rstrip(",;")
    return bare.replace("-", "").isalnum() and (bare.islower() or bare != word)  # "21-year-old Ada Dahl"


# Words after which a name takes a role in apposition: "said Ada Dahl, the fire chief.", "by Ada Dahl, ..."
BEFORE_A_ROLE = frozenset("said says told tells asked added wrote writes by to with and or of for from that against "
                          "than as when while after before but".split())


def _role_fits(before: str) -> bool:
    """True when the words ``before`` a name give it no role of their own ("fire chief Dahl", "Dr. Dahl")."""
    words = before.split()
    return not words or words[-1].endswith((",", ";", ":", '"', "“", "”")) or words[-1] in BEFORE_A_ROLE


def give_in_full(text: str, name: str, person: Person) -> tuple[str, str, str] | None:
    """``text`` with its first mention of ``name`` alone ("Dahl said", "Mr. Dahl's"; not "Dahl-led", "the Dahl
    family") outside quotation marks given in full with the person's role or title ("Ada Dahl, the fire
    chief, said", "Fire chief Ada Dahl's"; other titles stay: "Dr. Ada Dahl"; no role or title where the
    sentence gives one: "chief Dahl", "Dr. Dahl"; a role in apposition only where the sentence goes on, not
    before "'s" or a comma), the words it replaced, and what it put in their place; None when ``text`` names
    ``name`` alone nowhere outside a quotation."""
    for start, end in _word_spans(text, name):
        if text.endswith(("The ", "the "), 0, start) or NOT_ALONE_AFTER.match(text, end):
            continue
        start = _particles_before(text, start, person.name)
        salutation = SALUTATION_BEFORE.search(text, max(0, start - 7), start)
        start = salutation.start() if salutation else start
        before, after = text[:start], text[end:]
        if not _quoting(before, after):
            shown = _with_role(person.name, before, after, person)
            return before + shown + after, text[start:end], shown
    return None


def give_role(text: str, first: str, surname: str, person: Person) -> tuple[str, str, str] | None:
    """``text`` with its first mention of ``first`` ``surname`` in full given the role or title of ``person`` as
    give_in_full gives them ("Ada Dahl said" -> "Ada Dahl, the fire chief, said"), when the role names a job (see
    JOBS: "the fire chief", not "the port authority") and the sentence tells of none (a title or job before the name,
    a role after it, a word of the role anywhere: "a neighbour, Ada Dahl, ..."), the name is in no list or apposition
    ("her lawyer, Ada Dahl"), nor part of a longer phrase ("Ada Dahl-led", "Ada Dahl of Lundline"), nor quoted; what
    it replaced and what it put in its place; None when it gives nothing."""
    role = person if _names_a_job(person.role) else Person(person.name, title=person.title)
    if not (role.role or role.title) or set(surface_words(text)) & set(surface_words(f"{role.role} {role.title}")):
        return None
    match = next((m for m in _full_name_matches(text) if (m.group(1), m.group(2)) == (first, surname)), None)
    if match is None:
        return None
    written, before, after = text[match.start():match.end()], text[:match.start()], text[match.end():]
    if NOT_ALONE_BEFORE.search(before) or NOT_ALONE_AFTER_NAME.match(after) or _quoting(before, after):
        return None
    shown = _with_role(written, before, after, role)
    return None if shown == written else (before + shown + after, written, shown)


def _names_a_job(role: str) -> bool:
    """True when one of the words of ``role`` names a job ("the harbour master", "one of the pilots")."""
    return any(_is_job(word) or _is_job(word.removesuffix("s")) for word in re.findall(r"[a-z]+", role))


# A name in a list or in apposition ("Ada Dahl and Ole Vik", "her lawyer, Ole Vik"), or part of a longer phrase, or
# told what or who it is ("Ada Dahl, lead author of the study, said", "Ada Dahl, 24, a nurse")
NOT_ALONE_BEFORE = re.compile(r"(?: and| &| or),? \Z|[\w)], \Z")
NOT_ALONE_AFTER_NAME = re.compile(r"(?:,| and| &| or) [A-Z]|, (?:[a-z]|\d+,? (?:a|an|the|who)\b)|-|"
                                  r" (?:of|from|vs\.?|v\.) [A-Z]")


def _with_role(name: str, before: str, after: str, person: Person) -> str:
    """``name``, as a sentence writes it between ``before`` and ``after``, with the role of ``person`` in apposition
    where the sentence goes on ("Ada Dahl, the fire chief, said"; not before "'s" or a comma), else the title before
    it ("Fire chief Ada Dahl's"); as it is where the sentence gives a role or title of its own (see _role_fits)."""
    if not _role_fits(before) or ROLE_AFTER.match(after):
        return name
    if person.role and after.startswith(" ") and after[1:2].islower():
        return f"{name}, {person.role},"
    if person.role and after.strip() in (".", ""):
        return f"{name}, {person.role}"
    if person.title:
        title = person.title if before.strip(" \"“") else person.title[0].upper() + person.title[1:]
        return f"{title} {name}"
    return name


NOT_ALONE_AFTER = re.compile(r"\w|-| [A-Z]")  # "Dahl-led", "Dahl Group"
SALUTATION_BEFORE = re.compile(rf"\b(?:{'|'.join(SALUTATIONS)})\.? \Z")  # "Mr. " before a surname


def _particles_before(text: str, start: int, name: str) -> int:
    """Where the mention of a surname at ``start`` begins with the particles ``name`` puts before it ("Le Pen" of
    Marine Le Pen, "De la Renta" of Oscar de la Renta; not "van" in "a white van Jones" for Tom Jones)."""
    for word in reversed(name.split()[1:-1]):
        if word.lower() not in PARTICLES or text[max(0, start - len(word) - 1):start].lower() != word.lower() + " ":
            break
        start -= len(word) + 1
    return start


def _quoting(before: str, after: str) -> bool:
    """True when a place in a sentence, with ``before`` and ``after`` it, is inside a quotation: a quotation
    mark opened before it and not closed, or one closed after it and not opened (a quotation that began in an
    earlier sentence)."""
    return (before.count('"') % 2 == 1 or after.count('"') % 2 == 1 or before.count("“") > before.count("”")
            or after.count("”") > after.count("“") or len(OPEN_SINGLE.findall(before)) > len(CLOSE_SINGLE.findall(before))
            or len(CLOSE_SINGLE.findall(after)) > len(OPEN_SINGLE.findall(after)))


# Single quotation marks, told from apostrophes ("Vik's", "don’t") by what stands beside them.
OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—]))[‘']")
CLOSE_SINGLE = re.compile(r"(?<=\S)[’'](?=$|[\s,.;:!?)\]—])")