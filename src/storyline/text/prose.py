"""The prose sentences of articles: what a summary, a quote or a timeline may be made of."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Document, Sentence, copies
from .clean import FIRST_PERSON_WORD, SHORT_PARAGRAPH_WORDS, is_heading, is_junk, is_truncated, spoken_spans
from .patterns import QUOTATION
from .reflow import unmarked
from .segment import has_open_quote, segment
from .tokens import STOPWORDS, shipped_words, word_frequency

ENDS_ON_A_WORD = re.compile(r"[\w%]['\"”’]?\Z")  # "... high school students", '... called it "a disgrace"'
QUESTION = re.compile(r"[?!]['\"”’)]*\s*$")  # a question or an exclamation
# A question that ends on a full stop: "Will he ever be President of the United States." (not a condition: "Had he
# lost, ...")
ASKS_WITHOUT_MARK = re.compile(r"^(?:Will|Would|Can|Could|Should|Is|Are|Was|Were|Do|Does|Did|Has|Have) (?:he|she|it|they|we|"
                               r"you|I|there)\b[^,;:\"“”]*\.$")
QUOTE_MARK = re.compile(r"[\"“”]|(^|\s)[‘']")
QUOTED_WORDS = re.compile(r"(?<!\w)'[^']+'(?!\w)")  # 'goof' in single straight quotes, not an apostrophe
SPEECH = r"(said|says|say|told|tells|wrote|writes|added|adds|asked|explained|recalled)"
ATTRIBUTED = re.compile(rf"(?<!\bto )(?<!\bwho )\b({SPEECH}|according to)\b")  # not "fair to say", "I ... who asked"
# who asks a reported question, set off by commas: "Why, he asked, ...", "Why, asked the innkeeper, ..."
ASKED = re.compile(r", (?:(?:he|she|they|I|we|[A-Z][a-z]+|the [a-z]+) (?:asked|asks|wondered|wonders)|(?:asked|wondered) [^,]+),")
# Someone unnamed speaking to the writer: "a friend of Ada Lind tells me", "He told me", "some people have asked me"
# (for "Ada Lind told me", see TOLD_ME).
SPOKEN_TO = re.compile(r"(?:^\s*|[,:;\"”]\s*)(?:(?i:an?|some|several|many|most|half|all|dozens|hundreds|one|two|three) "
                       r"(?:[\w.'’-]+ ){0,6}?|(?i:he|she|they|people|someone|somebody|everyone) (?:[\w'’-]+ ){0,2}?)"
                       r"(?:told|tells|asked|asks|wrote to|writes to|came up to|come up to|said to|says to) (?:me|us)\b")
# Someone named telling the writer what the sentence reports in the writer's words: "Ada Lind told me the pier
# would close." (a quotation of theirs stays: 'Ada Lind told me: "It will close."')
TOLD_ME = re.compile(r"\b(?:told|tells|asked|asks|wrote to|writes to|said to|says to|explained to) (?:me|us)\b")
FIRST_PERSON_SPEECH = re.compile(rf"\b(I|[Ww]e)(['’](m|re|ve))?( \w+)? {SPEECH}\b")  # "I said", "we're told"
LIST_MARKER = re.compile(r"(?:^|(?<=\s))[a-z]\)")  # "between a) closing the pier and b) selling it"
ASIDE = re.compile(r"^\([^()]*\)\.?$")  # "(The listing will be removed in a few minutes.)"
# a page's figures, names or links lost: "spend the most ( and , respectively)", "()", "his lawyer,, told", "group ‘’"
GAP = re.compile(r"\(\s*\)|\( (?:and|or) ,|,,|‘’|“”")
OPINION_LABEL = re.compile(r"(?i:opinion|comment|column|op-ed|editorial|commentary)\s*[:|—–]\s")
COLUMNIST = re.compile(r"(?:^|[.!?]\s+)(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) an? (?:[\w-]+ ){0,5}(?:columnist|contributing "
                       r"(?:writer|editor)|opinion writer)\b", re.MULTILINE)  # not "Ada Lind, who is a columnist, said"
OPINION_TAIL = 400  # characters at an article's end that hold the note on its writer
INTERVIEW_LABEL = re.compile(r"^[QA]:\s")  # "A: As it stands now, ...": an answer to a question not given
# A paragraph that only asks, once (the full stops of "U.S." and "Ms." end no sentence).
ASKING_PARAGRAPH = re.compile(r"[\"“‘']?[A-Z](?:[^\n?.!]|\.(?! )|(?:(?<=[A-Z])|(?<=Mr)|(?<=Ms)|(?<=Dr)|(?<=Mrs))\. )"
                              r"{2,200}\?[\"”’']?")
INTERVIEW_QUESTIONS = 3  # questions, each a paragraph, that make an article an interview of questions and answers
# "_People who ...", "• Two ...", "- The society ...", "3) Turn ...", a note: "[2] Water Works, ...", "¹ Report, ..."
LIST_ITEM = re.compile(r"^\s*([_*•·▪►‣]|-\s|\d{1,2}\)\s|\[\d{1,3}\]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s)")
# The page speaks to its reader: "You can follow their journey on ...", "Think about the man he would replace.",
# "Look at it closely.", "Imagine the lines in customs.", "Just ask Ada Lind.", "Check your freezer: ...", "Let's
# not forget ...", "Go up four rows, then left."
ADDRESSES_READER = re.compile(r"^(?:You|Your|Think (?:about|of)|Consider|Imagine|Look at|Notice|Remember|Picture|Just ask|"
                              r"Note (?:that|the|how|what)|(?:Keep|Bear) in mind|Make sure|Don['’]t forget|Check (?:your|out)|"
                              r"Wait until|Let['’]s(?! Encrypt)|Go (?:up|down|left|right|back)|Call it what|Take (?:this|a look))\b")
# The reader spoken to inside a sentence, in the writer's voice: "If you paid for a repair, ask for a refund.", "the
# more you patch it, the faster it sinks" (not "Love You Like a Song", a title's capital)
SECOND_PERSON = re.compile(r"(?<![\w-])(?:you|your|yours|yourself|yourselves)(?![\w-])")  # not "a thank-you note"
READER_SPEAKING = re.compile(rf"\byou (?:[\w'’]+ ){{0,3}}?{SPEECH}\b")  # "Once you do that and say ...": no one's words
# Someone's advice to the reader: "If you sail at night, carry a radio, the harbour master warned."
ADVISED = re.compile(r"\b(?:warned|warns|urged|urges|advised|advises|recommended|recommends|cautioned|cautions)\b")
VERBS = "verbs.txt"  # the words that can be a sentence's verb, built by ``python -m storyline.train.verbs``
LETTERS = re.compile(r"[A-Za-z]+")
# A subject pronoun before a word, its verb: "He yearns", "It sports ..." ("it" opening a clause: not "a look at it from")
AFTER_A_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I) [a-z]{3,}\b|(?:^|[,;] )[Ii]t [a-z]{3,}\b")
BETWEEN_SUBJECT_AND_VERB = frozenset("now also still often never all both even already just".split())  # "Women now outnumber"
PLURAL = re.compile(r"(?<!s)s$|^(?:men|women|people|children|police)$")  # "trees", "women" (not "glass")
NO_PAST = frozenset("hundred sacred naked wicked kindred hatred rugged ragged crooked beloved wretched".split())
# The verbs most sentences have, found at once: "is", "said", "would"
COMMON_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did|"
                         r"said|says|told)\b")
# A verb in a contraction: "it's", "there's", "they're", "we've", "didn't" (not a possessive: "the ferry's deck")
CONTRACTED_VERB = re.compile(r"\b(?i:it|that|there|here|what|who|he|she|where|how|let)['’]s\b|['’](?:re|ve|ll|m|d)\b|n['’]t\b")
# Only who spoke (a name or a body just before the verb), what they said cut off before it: "Fire chief Rune
# Berg said Tuesday.", "Harbour officials said in a statement." ("Three men were arrested and charged." names
# nobody.)
_WHEN_SAID = (r"( (on |last |late )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
              r"( (morning|afternoon|evening|night))?)?")
_SAID = rf"(said|says|charged|added|told reporters|wrote|noted|stated|explained){_WHEN_SAID}"
SPEAKER_ONLY = re.compile(
    rf"^[^,;:\"“”]{{0,80}}(?:[A-Z][\w.'’-]+|officials|police|authorities|spokes(?:man|woman|person)) {_SAID}"
    rf"( in a (statement|news release|press release|post|tweet|letter)){_WHEN_SAID}\.$"
    rf"|^[^,;:\"“”]{{0,80}}[A-Z][\w.'’-]+ {_SAID}\.$")
# A participle's phrase with no clause to go with it, a list's or a box's item: "Charged with selling beer to minors.",
# "Accused of stealing a boat." (not "Charged with arson, the man was held.": a comma brings the clause; nor
# "Seated at the head of the table was the mayor."; the participle a verb's, see _participle_only: not "Speed on the road
# dropped.", "Mohammed from Lund won gold.")
PARTICIPLE_ONLY = re.compile(r"^([A-Z][a-z]+ed) (?:with|by|in|for|at|on|from|after|as|of|to)\b"
                             r"(?![^,;:\"“”]*\b(?:is|are|was|were|will|would|has|have|had|can|could|may|must|should)\b)"
                             r"[^,;:\"“”]*\.$")
# A subordinate clause alone: "Because the old pier had simply worn out.", "Though less so than before.", "Just as they
# did in 2029.", "Unless they do.", "Not that it matters.", "At least when the ferry runs." (short, with no comma: no
# main clause after it), a speaker's broken-off "If your customers -- are being mistreated."
CLAUSE_ONLY = re.compile(r"^[\"“]?(?:(?:Because(?! of\b)|Although|Though|Unless|Not that|Even (?:if|though)|At least (?:when|if)|"
                         r"Especially (?:because|when|if|since)|Just as(?= (?:he|she|it|they|we|you|I)\b)) "
                         r"(?:[^\s,;:]+ ){0,13}[^\s,;:]+"
                         r"|If [^,;:—–-]*(?:--|—|–) ?(?:is|are|was|were|has|have|had|will|would|can|could)\b[^,;:—–-]*)[.!?][\"”]?$")
# A word in capitals: a map's or graphic's labels run into text ("ITALY CROATIA Epicenter of quake ... CORSICA ..."), a
# shouted transcript ("FOR 12 YEARS TIMOTHY'S SHOT HAS APPEARED ON FLORIDA'S REGISTRY") hold SHOUTED_WORDS of them or more
CAPITALS = re.compile(r"\b[A-Z]{5,}\b")  # not a short acronym: "NATO, OPEC and the IAEA"
SHOUTED_WORDS = 3
# A short sentence (at most TEASER_CHARS) that announces what the article tells next: "One quote in particular
# stands out.", "The study has two important implications.", "Here's why.", "There's a lot to unpack here.", or what
# the page shows: "Here are the 10 best pictures of it.", "If you watch one thing this year, this should be it.",
# or what someone had, told in the next sentence: "Ada Lind had a message for the council.", "Vik had a system."
POINTS_AHEAD = re.compile(
    r"^one\b.*\b(?:stands|stood) out\.$|\bin particular (?:stands|stood) out\.$|^here['’]s (?:why|how|what)\b[^:]{0,60}\.$"
    r"|\ba lot to unpack\b|\bthis (?:should|must|has to) be it[.!]$"
    r"|\b(?:has|had) (?:a|an|one|some|another) (?:[\w-]+ )?(?:surprise|message|warning|advice|system|plan|twist|secret|"
    r"suggestion|request)(?: for [^.,]{0,40})?(?:, [^.,]{0,30})?\.$"
    r"|^here(?: are| is|['’]s) [^.!?]*\b(?:pictures?|photos?|images?|videos?|clips?|footage|gallery)\b[^.!?]*[.!]$"
    r"|\b(?:has|have|had|are|were) (?:two|three|four|five|several|a few) (?:[\w-]+ ){0,2}(?:implications|reasons|"
    r"takeaways|lessons|questions|problems)\.$", re.IGNORECASE)
TEASER_CHARS = 80
# A list the page goes on to show, at any length: "From the pier to the quay, here are 20 of Lund Bay's best views.",
# "... and here are ten of the best"
# (not "Here are two lessons: first, ...", "here are six million voters", "Most people who live here are 65 or older",
# "Here is the 2031 budget")
LISTICLE = re.compile(r"(?:^|,\s+|\band\s+)here (?:are|is) (?:the |our )?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty)\b"
                      r"(?! (?:million|billion|thousand|hundred)\b)[^:.!?]*[.!]$", re.IGNORECASE)
# What the page shows next, at the end of a sentence: "The council's page published the following image."
FOLLOWING = re.compile(r"\bthe following (?:image|photo|picture|video|clip|statement|tweet|post|message|letter|graphic|chart|"
                       r"map)s?\W*$", re.IGNORECASE)
ENGLISH_VERB_SHARE = 0.5  # of an article's sentences with a verb (see has_verb), below which it tells no verbless one
MIN_WORDS = 6
MAX_WORDS = 80
NO_WORD = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")  # a token with no letter or digit: "—", each dot of ". . ."


def prose_sentences(documents: list[Document], min_words: int = MIN_WORDS, max_words: int = MAX_WORDS,
                    standalone: bool = True) -> list[Sentence]:
    """Prose sentences of every document, in reading order: junk, headings, pieces of quotes, of asides
    in brackets ("(Though visitors could ask a resident." of a longer one) or of sentences (a speaker whose words were
    cut off), list items, an interview's answers (a paragraph "A: ..."; with ``standalone`` also those of an interview
    written as questions and answers, see ``interview_answers``), whole asides in brackets,
    cut-off teasers, sentences whose figures or names the page lost ("( and , respectively)"), a participle's phrase
    or a subordinate clause alone ("Charged with theft.", "Because it was late."), a sentence without a verb (a
    caption, a label, a fragment: see has_verb; in an article in English, as ENGLISH_VERB_SHARE of its sentences
    with one tell), labels or teasers in capitals run into a sentence (see CAPITALS), sentences in capitals
    (headings), questions the article asks (subheads, video titles, teasers, polls; a quoted one stays), and (with
    ``standalone``) sentences a reader cannot place out of their article: exclamations the article makes
    (posts, teasers), a column's sentences in its writer's voice (see is_opinion; what it says someone said stays),
    first person with no speaker, sentences that speak to the reader ("You can ...", "If you paid ...") and sentences
    that announce what comes next (``points_ahead``), sentences under ``min_words``
    words and run-ons over ``max_words`` left out; none of a document whose text an earlier one has word for word.

    A sentence that is a whole paragraph was checked for junk by the cleaner, unless the paragraph is long: the
    cleaner judges a long one by its first sentence as it splits them ('"Reading ... friend.' of a signed blurb
    '"Reading ... too."—Connie Britton').
    """
    result = []
    for number, (document, original) in enumerate(zip(documents, copies(documents))):
        if original is not None:  # the same article twice (a file or a link given twice): one source, told once
            continue
        body = unmarked(document.text)  # "> The **raid** ..." read as "The raid ..."; offsets hold
        spoken = spoken_spans(body)
        paragraphs = [(start, end) for start, end, _ in spoken]
        answers = interview_answers(body, paragraphs) if standalone else set()
        opinion = standalone and is_opinion(body)
        sentences = segment(number, body, paragraphs)
        with_verb = [has_verb(sentence.text) for sentence in sentences]
        in_english = sum(with_verb) >= ENGLISH_VERB_SHARE * len(sentences)  # not in another language, nor invented
        for sentence, verb in zip(sentences, with_verb):
            text = sentence.text
            if sentence.paragraph in answers or (opinion and not ATTRIBUTED.search(text)):
                continue
            whole_paragraph = paragraphs[sentence.paragraph] == (sentence.start, sentence.end)
            if min_words <= word_count(text) <= max_words and not (
                has_open_quote(text) or _open_bracket(text) or is_heading(text) or is_truncated(text)
                or starts_lower(text) or LIST_ITEM.match(text) or INTERVIEW_LABEL.match(text)
                or INTERVIEW_LABEL.match(_paragraph_opening(body, paragraphs[sentence.paragraph]))
                or SPEAKER_ONLY.match(text)
                or _participle_only(text) or CLAUSE_ONLY.match(text) or _shouted(text)
                or ASIDE.match(text) or GAP.search(text) or (text.isupper() and len(text.split()) > 3)
                or (in_english and not verb)
                or (is_question(text) and (standalone or "?" in text[-3:]))
                or (standalone and (speaks_unquoted(text) or points_ahead(text)
                                    or speaks_to_reader(text)))
                or ((not whole_paragraph or len(text.split()) > SHORT_PARAGRAPH_WORDS) and is_junk(text))
            ):
                speaker = spoken[sentence.paragraph][2]
                told = said_by(sentence, speaker) if speaker else sentence
                if told is not None:
                    result.append(told)
    return result


def said_by(sentence: Sentence, speaker: str) -> Sentence | None:
    """A sentence a transcript's speaker tells, as said by them ("The ship is stable." -> "The ship is stable, Ostrander
    said."; "... after 2 p.m." -> "... after 2 p.m., Ostrander said."); None for one that ends otherwise (on a
    quotation, "!"), which cannot be told as theirs."""
    text = sentence.text
    if not text.endswith(".") or text.endswith(("..", '."', ".”")):
        return None
    return replace(sentence, text=f"{text if ABBREVIATION_END.search(text) else text[:-1]}, {speaker} said.")


ABBREVIATION_END = re.compile(r"\b(?:(?:[A-Za-z]\.){2,}|(?:Inc|Co|Corp|Ltd|Bros|Jr|Sr|St|No)\.)$")  # "p.m.", "U.S.", "Inc."


def is_opinion(text: str) -> bool:
    """True for a column or an opinion piece, by the label over its headline ("OPINION: ...", "Comment | ...") or the
    note on its writer at its end ("Tora Vik is a columnist for the Lund Weekly."): what it tells in its writer's voice
    is an opinion, not a fact to report."""
    return OPINION_LABEL.match(text.lstrip()) is not None or COLUMNIST.search(text[-OPINION_TAIL:]) is not None


def interview_answers(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """The paragraphs (by their number in ``paragraphs``) that answer the questions of an interview written
    as questions and answers: INTERVIEW_QUESTIONS questions or more, each a paragraph of its own, and the
    paragraphs from the first question on mostly in the first person outside quotations and with no one said to
    speak ("We have recovered ...", not an explainer's "What happens next?" sections quoting people). An answer
    is speech with no quotation marks nor speaker, leaning on its question."""
    asked = [ASKING_PARAGRAPH.fullmatch(text, start, end) is not None for start, end in paragraphs]
    if sum(asked) < INTERVIEW_QUESTIONS:
        return set()
    first = asked.index(True)
    answers = {n for n in range(first, len(paragraphs)) if not asked[n]}
    speaking = sum(speaks_unquoted(text[slice(*paragraphs[n])]) for n in answers)
    return answers if speaking * 2 >= len(answers) else set()


def _open_bracket(sentence: str) -> bool:
    """True when ``sentence`` opens a bracket it does not close, or closes one it did not open (list markers
    such as "a)" aside): a piece of a longer aside."""
    return sentence.count("(") != sentence.count(")") - len(LIST_MARKER.findall(sentence))


def _participle_only(sentence: str) -> bool:
    """True for a participle's phrase alone (see PARTICIPLE_ONLY) whose participle is a verb's: "Charged" of "charge",
    "Saddened" of "sadden" (not "Speed", "Mohammed")."""
    match = PARTICIPLE_ONLY.match(sentence)
    word = match.group(1).lower() if match else ""
    return bool(match) and not word.endswith("eed") and max(word_frequency(word[:-1]), word_frequency(word[:-2])) >= VERB_FREQUENCY


VERB_FREQUENCY = 1e-6  # of a verb's stem in general English: "charge", "accuse", "sadden"


def _paragraph_opening(text: str, span: tuple[int, int]) -> str:
    """The first characters of the paragraph at ``span``: enough to hold an interview's label ("A: ")."""
    return text[span[0]:span[0] + 3]


def _shouted(sentence: str) -> bool:
    """True for a sentence holding SHOUTED_WORDS different words in capitals or more outside quotations (see
    CAPITALS; a quoted post in capitals stays, as does a code repeated: "KUVP 129724, ... KUVP 142200")."""
    return len(set(CAPITALS.findall(sentence))) >= SHOUTED_WORDS and \
        len(set(CAPITALS.findall(QUOTATION.sub("", sentence)))) >= SHOUTED_WORDS


def points_ahead(sentence: str) -> bool:
    """True for a short sentence that announces what comes next (see POINTS_AHEAD), or any that ends on a colon
    ("... the latest cover of the Weekly below:", "Ada Lind said:"), announces a list (see LISTICLE) or ends on what
    the page shows next (see FOLLOWING)."""
    return sentence.rstrip().endswith(":") or (len(sentence) <= TEASER_CHARS and POINTS_AHEAD.search(sentence) is not None) \
        or LISTICLE.search(sentence) is not None or FOLLOWING.search(sentence) is not None


def word_count(text: str) -> int:
    """The number of words of ``text``, leaving out what holds no letter or digit ("Try to follow along. . . ."
    has 4)."""
    return len(text.split()) - len(NO_WORD.findall(text))


def starts_lower(sentence: str) -> bool:
    """True for a piece of a sentence: one that starts with a lower-case word ("by one of the boys, ...";
    "iPhone" and "eBay" are names)."""
    first = sentence.lstrip("\"“‘'(—–- ")[:2]
    return first[:1].islower() and not first[1:].isupper()


def speaks_unquoted(sentence: str) -> bool:
    """True for a sentence in the first person outside any quotation and with no one said to speak: a
    reader cannot tell who "I" or "we" is (a memoir, a study's authors, an op-ed), nor who is spoken to ("a
    friend tells me", "people came up to me and said", "Ada Lind told me the pier would close")."""
    unquoted = QUOTATION.sub("", sentence)
    return bool(FIRST_PERSON_WORD.search(unquoted)) and (
        not ATTRIBUTED.search(FIRST_PERSON_SPEECH.sub("", unquoted))
        or SPOKEN_TO.search(unquoted) is not None or (unquoted == sentence and TOLD_ME.search(sentence) is not None))


def speaks_to_reader(sentence: str) -> bool:
    """True for a sentence that speaks to its reader ("Imagine ...", "If you paid ...") outside any quotation
    (in single straight quotes too: "The sign read 'Thank you'.") and with no one said to speak or advise ("...,
    health officials warned"): a summary's reader is not the one spoken to."""
    unquoted = QUOTED_WORDS.sub("", QUOTATION.sub("", sentence))
    return bool(ADDRESSES_READER.match(sentence) or SECOND_PERSON.search(unquoted)) \
        and not ATTRIBUTED.search(READER_SPEAKING.sub("", sentence)) and not ADVISED.search(sentence)


def has_verb(sentence: str) -> bool:
    """True when a word of ``sentence`` can be its verb (see _can_be_a_verb), a word after a subject pronoun ("He
    yearns") or a contraction ("it's"); a capitalized word inside the sentence is a name, no verb ("Qatar"). A
    sentence without one is a caption, a label or a fragment ("The cabin of a ferry.", "A beautiful morning on the
    quay.")."""
    if COMMON_VERB.search(sentence) or CONTRACTED_VERB.search(sentence) or AFTER_A_SUBJECT.search(sentence):
        return True
    known, before = verbs(), ""
    for number, match in enumerate(LETTERS.finditer(sentence)):
        word = match.group().lower()
        if (number == 0 or match.group()[0].islower()) and _can_be_a_verb(word, before, known):
            return True
        before = before if word.endswith("ly") or word in BETWEEN_SUBJECT_AND_VERB else word
    return False


def _can_be_a_verb(word: str, before: str, known: frozenset[str]) -> bool:
    """True for a word of ``known`` (see verbs), a past tense or participle ("relocated"; not "hundred", "red"), a
    present tense whose base form is known ("repairs", "buries"), or a word after a plural (and adverbs) whose past
    is known ("Trees line the road", "Women now outnumber men"; not "sex statues", "near the pier")."""
    if word in known or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and word not in NO_PAST):
        return True
    return _base_form(word) in known or (PLURAL.search(before) is not None and word not in STOPWORDS and any(
        past in known for past in (f"{word}ed", f"{word}d", f"{word}{word[-1:]}ed")))


def _base_form(word: str) -> str:
    """The base form of a present tense's third person: "buries" -> "bury", "clashes" -> "clash", "repairs" -> "repair"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("shes", "ches", "sses", "xes", "zes")) else word.removesuffix("s")


@lru_cache(maxsize=1)
def verbs() -> frozenset[str]:
    """The words that can be a sentence's verb ("said", "is", "suppress"; not "cabin"), in lower case."""
    return shipped_words(VERBS)


def with_full_stop(sentence: str) -> str:
    """``sentence`` ended with a full stop when it ends on a word, as a headline or a standfirst does ("Harbour
    board reaches ferry deal" -> "Harbour board reaches ferry deal.")."""
    return sentence + "." if ENDS_ON_A_WORD.search(sentence) else sentence


def is_question(sentence: str) -> bool:
    """True for a question or an exclamation in the article's own voice (a subhead, a teaser, a quoted
    post without its quotation marks), not one it quotes or reports ("What happens in the final "Harbour
    Days"?" is the article's; "Why now?" she asked. and Why, he asked, were they "late"? are not)."""
    if not QUESTION.search(sentence):
        return ASKS_WITHOUT_MARK.match(sentence) is not None
    unquoted = QUOTED_WORDS.sub("", QUOTATION.sub("", sentence))
    return bool(QUESTION.search(unquoted)) and not QUOTE_MARK.search(unquoted) and not ASKED.search(unquoted)
