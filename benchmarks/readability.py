"""Readability audit: how many summary sentences would a reader stumble on?

Every cluster of a JSONL file is summarized at 120 words (the default) and at 250 words, and each summary
sentence is checked from its own text, its position and the summary sentences before it only:

  dangling           leans on something the summary never told: opens on a connective or pronoun with nothing
                     to lean on ("But ...", "She added ...", "That means ..."), on a demonstrative or bare
                     noun phrase whose thing was never mentioned ("This plan ...", "The other driver ...",
                     "the newspaper"), names a person by surname alone who was never introduced ("Lindqvist said"),
                     says who speaks only by a pronoun with no person just before ("..., she said"), or is a
                     quotation or a first-person ("I ...", "We ...") passage with no speaker named in it or
                     in the sentence before
  caption_or_credit  photo captions ("(L)", "poses for", "pictured", a place and date at the end) and credits
  glued              two sentences run together without a space ("glue.Lizandra")
  bare_question      a sentence that is only a question in the writer's voice (subheads, video titles)
  furniture          site furniture: newsletter, share and comment prompts, related links, pointers to what the
                     page shows ("this video", "Check out ..."), transcript speaker labels ("TRUMP:"), raw web
                     and e-mail addresses, video running times
  fragment           under 6 words, or not a whole sentence (starts in lower case, a short line with no ending,
                     a subordinate clause alone, a label and a phrase, a quotation trailing off)

    python benchmarks/readability.py                        # Multi-News dev and the bundled example
    python benchmarks/readability.py --data FILE.jsonl --json readability.json
    python benchmarks/readability.py --check-labels         # precision and recall against the hand labels
    python benchmarks/readability.py --sample 50 --seed 3   # unlabelled sentences to hand-label, in context

The hand labels (benchmarks/labels/readability.jsonl) are of storyline's summaries of Multi-News train and
validation, never dev, on which the figures are reported. They hold no text: the cluster, the budget, the
position, the SHA-1 of the sentence and of the summary sentences before it, and the flags an editor gave it.
--check-labels summarizes those clusters again, skips labelled sentences that are no longer in their summary,
and leaves out of dangling (which depends on what comes before) the sentences that now follow other sentences.
Labels of a random sample (--sample) also name the commit whose summaries were labelled ("labelled_on"):
the share of those sentences the editor flagged is the readability of that commit, as a reader sees it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from wordfreq import zipf_frequency

from storyline.errors import StorylineError
from storyline.io import iter_jsonl, read_clusters
from storyline.model import Cluster
from storyline.summarize import Summarizer
from storyline.train import skip

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multi_news"
LABELS = ROOT / "benchmarks" / "labels" / "readability.jsonl"
EXAMPLE = ROOT / "examples" / "harbour-fire"
LABEL_FILES = ("train.jsonl", "validation.jsonl", "train_full_extra.jsonl", "validation_full_extra.jsonl")
LENGTHS = (120, 250)
FLAGS = ("dangling", "caption_or_credit", "glued", "bare_question", "furniture", "fragment")
CONTEXT_FLAGS = ("dangling",)  # the flags that depend on the summary sentences before


# --- summaries -----------------------------------------------------------------------------------------

def summaries(clusters: Iterable[Cluster], words: int) -> Iterator[tuple[str, list[str]]]:
    """(cluster id, summary sentences) of each cluster at ``words`` words: the default Summarizer() for 120,
    Summarizer(words=N) otherwise. A cluster without prose is left out, saying so."""
    summarizer = Summarizer() if words == 120 else Summarizer(words=words)
    for cluster in clusters:
        try:
            yield cluster.id, [s.text for s in summarizer.summarize(cluster).sentences]
        except StorylineError as error:
            print(f"skipped {cluster.id}: {error}", file=sys.stderr)


def sha1(text: str) -> str:
    """The SHA-1 of a text: how a label names a sentence without holding it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def context_sha1(sentences: list[str], position: int) -> str:
    """The SHA-1 of the summary sentences before ``position``, one per line."""
    return sha1("\n".join(sentences[:position]))


# --- word lists and patterns ---------------------------------------------------------------------------

def _alternatives(*groups: str) -> str:
    """Space-separated words as a regex alternation."""
    return "|".join(word for group in groups for word in group.split())


def _word_set(*groups: str) -> set[str]:
    return set(_alternatives(*groups).split("|"))


QUOTES = "\"“”‘’'"
SPEECH = _alternatives(
    "said says say told tells tell added adds wrote writes explained explains noted notes asked asks argued",
    "argues claimed claims insisted insists continued recalled recalls testified tweeted admitted admits",
    "acknowledged replied responded stated warned warns conceded countered stressed suggested agreed announced",
    "confirmed denied cautioned complained concluded")
# After these, a name is the speaker ("said Lindqvist"); after "told" it is the listener ("told the BBC").
SPEAKER_AFTER = "said|says|added|adds|wrote|writes|explained|noted|continued|recalled|insisted|argued|asked"
TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Father|Rev)\.?"
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
NOT_NAMES = _word_set(
    "I A An The This That These Those It Its He She His Her They Their We Our You Your But And Or So Yet",
    "Police Officials Authorities Investigators Prosecutors Researchers Scientists Experts Doctors Witnesses",
    "Residents Officers Analysts Critics Sources Reports Republicans Democrats Americans Lawmakers Others Many",
    "Some Most Both All Several Friends Family Neighbors Parents Students Fans Users Voters People",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday God President Congress Senate Court")
BEFORE_NON_PERSON = _word_set("the a an from of in at for to with by on near outside across")
FUNCTION_WORDS = _word_set("is was are were has have had will would can could may might must should do does did",
                           "the a an of to in on at for and or but not be been being 's it its")
DEICTIC = _word_set("week year month day morning afternoon evening night weekend season summer winter spring fall",
                    "autumn time moment story article page post")
PEOPLE_AND_MEDIA = _word_set("man woman boy girl gunman shooter magazine official")

# dangling: openings that point back
CONNECTIVE = re.compile(
    r"^(but|and|or|so|yet|still|also|however|meanwhile|instead|moreover|furthermore|besides|nevertheless|"
    r"nonetheless|then|thus|therefore|hence|otherwise|likewise|similarly|indeed|plus|again|later|afterwards?|"
    r"in addition|as a result|even so|of course|in turn|by contrast|in contrast|that said|on the other hand|"
    r"at the same time|as well)\b", re.I)
PRONOUN_OPENING = re.compile(
    r"^(he|she|it|they|his|her|its|their|him|them|this|these|those|that|both|such|each|neither|either|here|"
    r"(many|some|most|all|none|one|two|three|each|both|several|few|either|neither) of (them|those|these|us|whom)|"
    r"the (two|three|four|other|others|same|latter|former|pair|trio|next|rest))\b", re.I)
EXPLETIVE = re.compile(r"^(it|there|here)(('s| is| was| has| had| will| would| seems| appears| remains)\b|$)", re.I)
ALWAYS_BACK = re.compile(
    r"^(such\b|the (other|others|same|latter|former|next|rest)\b|that('s| is| was| puts| means| matters| meant|"
    r" made| makes| comes| came)\b|that (year|day|week|month|night|morning|time|decision|move|number)\b)", re.I)
FIRST_SENTENCE_BACK = re.compile(r"\b(also|as well(?! as\b)|another|again|either|too)\b(?! (of|than|who)\b)", re.I)
ELLIPSIS = re.compile(r"\b(won't|will|would|can't|can|could|should|must|might|didn't|did|doesn't|does|don't|do|"
                      r"hasn't|has|haven't|have|had)( not)?( have to| need to| want to| to| too| so)?[.!]$", re.I)
DEMONSTRATIVE = re.compile(r"^(?:(?:one|two|some|many|all|each|none|most|both) of )?(this|these|those|that) "
                           r"([a-z][a-z-]+)(?: ([a-z][a-z-]+))?", re.I)
INTRODUCTION = re.compile(r"^[^,;:]{1,40}, ")  # "On Wednesday, ..." before the main clause
# dangling: pronouns and speakers
HE_SHE = re.compile(r"^(he|she|his|her|him)\b", re.I)
PERSON_WORDS = re.compile(
    r"\b(he|she|his|her|him|himself|herself|man|woman|boy|girl|mother|father|wife|husband|son|daughter|"
    r"spokesman|spokeswoman|spokesperson|official|officer|president|minister|chief|director|founder|actor|"
    r"actress|singer|star|judge|lawyer|attorney|senator|governor|mayor|leader|candidate|nominee|victim|suspect|"
    r"driver|teen|teenager|child|priest|anchor|host|player|coach|CEO|doctor|professor|author|reporter)s?\b", re.I)
PRONOUN_SPEAKER = re.compile(
    rf"(^|[,{QUOTES}]\s*)(he|she|they) ({SPEECH})\b|\b({SPEECH}) (he|she)\b(?=\s*[.,;!?]|$)", re.I)
NAMED_SPEAKER = re.compile(
    rf"\b(?:{SPEECH}|reads?)\b|\baccording to\b|\bin a statement\b|:\s*[{QUOTES}]|\b(?:he|she|they) (?:{SPEECH})\b",
    re.I)
THIRD_PARTY_SPEECH = re.compile(rf"(?<!\bI )\b(?:{SPEECH})\b", re.I)
FIRST_PERSON = re.compile(r"\b(I|me|my|mine)\b|^(\W*\w+\W+){0,2}(we|We|our|Our)\b")
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|“[^”]*$|^[^“]*”")
# dangling: bare noun phrases ("the man", "the Friday night fire", "The nurse said ...")
BARE_NOUN = re.compile(
    rf"\bthe (?:(?:{DAYS}|last|early|late)(?: night| morning| afternoon| evening)? )?"
    r"(man|woman|boy|girl|couple|pair|suspect|victim|gunman|shooter|flight|plane|ship|attack|crash|incident|"
    r"building|magazine|lot|woman's|man's|couple's|retired official|official|find|discovery|move|decision)\b"
    r"(?!\s+(who|that|which|of|where|named|called)\b)", re.I)
INTRODUCED_PERSON = re.compile(r"\b(a|an)\s+([\w-]+\s+){0,3}(man|woman|boy|girl|child|teen|teenager|mother|father|"
                               r"resident|student|driver|passenger|officer|worker)\b", re.I)
ROLE_OPENING = re.compile(
    r"^the (?:[a-z-]+ )?(assistant|teacher|officer|official|driver|pilot|suspect|victim|gunman|shooter|lawyer|"
    r"attorney|judge|spokesman|spokeswoman|spokesperson|nurse|doctor|student|teen|teenager|boy|girl|man|woman|"
    r"couple|pair|worker|employee|owner|manager|witness|passenger|customer|neighbor|neighbour|boyfriend|girlfriend|"
    r"source|team|picture|photo|photograph|image|video)(?:'s)?"
    r"(?=,|\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|could|did|does|also|then|later|saw|took|made|went|came|"
    r"gave|got|found|left|told|said|knew|began|ran|put|sent|brought|held|kept)\b|\s+[a-z]+ [a-z]+)", re.I)
# dangling: people by surname only
NAME = r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
TITLE_NAME = re.compile(rf"\b{TITLES} {NAME}\b(?! [A-Z][a-z])")
NAME_SPEECH = re.compile(rf"\b{NAME}(?:,[^,]{{0,60}},)? ({SPEECH})\b")
SPEECH_NAME = re.compile(rf"\b(?:{SPEAKER_AFTER}) {NAME}(?=\s*[,;]|\.?\s*$)(?!,? (a|an|the|who)\b)")
START_NAME = re.compile(r"^[\"“]?([A-Z][a-z]+)( (was|is|has|had|also|reportedly|allegedly|later|then|and (his|her)|"
                        r"told|will|would|could|did|does)\b| [a-z]+ed\b)")

CAPTIONS = [
    re.compile(r"\((L|R|C|left|right|center|centre|top|bottom|front|back|far left|far right|seated|standing)\)"),
    re.compile(r"\b(from )?left to right\b|\bL-R\b|\bpictured\b|\b(is|are) (seen|shown|pictured)\b|"
               r"\bshown (here|above|below)\b", re.I),
    re.compile(r"\bpos(e|es|ing) (for|with|during|at|in front|on|alongside|next to|together)\b", re.I),
    re.compile(r"\b(shake|shakes|shaking) hands\b(?! with (him|her|them) (after|before))", re.I),
    re.compile(r"\((AP|AFP|EPA|Reuters|Getty|Photo|Courtesy)\b[^)]*\)|\b(AP|AFP|EPA|Reuters) Photo\b"
               r"|/(AP|AFP|EPA|Reuters|Getty( Images)?)\b|\bGetty Images\b|\bShutterstock\b"
               r"|\b(Photo|Image|Picture|Photograph)s? (by|courtesy|credit)\b|\b(Photo|Image|Credit)\s*:"
               r"|\b(file|handout) (photo|image|picture)\b"
               r"|^In this (undated |file |handout |recent )*(photo|image|picture)\b"),
]
# A caption's present-tense action ending on a place and a date: "Firefighters walk past the warehouse in Port
# Aldren, Norway, on Wednesday."
PLACE_AND_DATE = re.compile(
    rf"\b(in|at|near|outside) [A-Z][\w.'-]*( [A-Z][\w.'-]*)*(, [A-Z][\w.'-]*( [A-Z][\w.'-]*)*)?,? (on )?"
    rf"({DAYS}|{MONTHS} \d{{1,2}}(, \d{{4}})?|\d{{1,2}} {MONTHS}( \d{{4}})?)(, \d{{4}})?\.?$")
CAPTION_VERB = re.compile(
    r"\b(speaks|gestures|waves|arrives|attends|looks on|listens|reacts|walks|stands|sits|holds|smiles|greets|"
    r"talks|delivers|leaves|takes|carries|watches|celebrates|pauses|prays|mourns|rides|inspects|visits|"
    r"make their way|makes (his|her|its) way|are (seen|shown)|is (seen|shown)|gather|pose|stand|walk|hold|wait|"
    r"march|protest|rally|excavate|excavates|work|works)\b")

GLUED = re.compile(r"[a-z0-9)\]](?<!\.\.)[.!?][\"”’]?[A-Z][a-z]")
NOT_GLUED = re.compile(r"\b([A-Z]\.){2,}|\b(Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Vol|vs)\.[A-Z]|\.(com|org|net)\b", re.I)

QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")

FURNITURE = [
    re.compile(r"\b(sign up|subscribe|newsletter|unsubscribe|share (this|on|via)|follow us|click (here|to)|"
               r"read more\b|related:|see also|more from|tell us|send us|contact us|have something to add|"
               r"leave a comment|comments? (below|section)|join the conversation|download (the|our) app|"
               r"on newsstands|pick up (this|the) week's issue|this (story|article) (has been|was) (updated|corrected)|"
               r"scroll down|advertisement|all rights reserved|copyright ©|© \d{4}|loading\.\.\.|please wait|"
               r"watch the (full )?video|video (above|below)|(see|watch|shown|pictured) (above|below)|"
               r"at the top of this page|this video|photo gallery|you can see (it )?(above|below|here))\b", re.I),
    # raw web and e-mail addresses, handles
    re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\.(com|org|net|gov|co\.uk)/\S|pic\.twitter\.com"
               r"|(^|\s)@\w{2,}"),
    re.compile(r"^[A-Z][A-Z.' -]{1,30}:\s"),                                # transcript labels: "TRUMP: ", "Q: "
    re.compile(r"^(?:[A-Z][a-z]+\.? ){0,2}[A-Z][a-z]+:\s+(?!\d)[A-Z\"“]"),    # "Jon Smith: You said ..."
    re.compile(r"\s\d{1,2}:\d{2}\s*$"),                                     # a video's running time
]
# Pointers to what the page shows, outside quotations: "Check out the list", "this 1890 photo".
PAGE_POINTER = re.compile(
    r"^(check out|click|scroll|take a look|don't miss)\b|\b(this|these|the following|the above|the below) "
    r"(\w+ ){0,2}(photos?|videos?|images?|pictures?|clips?|graphics?|charts?|slideshow|gallery)\b"
    r"|\b(photos?|videos?|images?|pictures?|clips?|graphics?|charts?|slideshow|gallery|statement) (above|below)\b",
    re.I)

SPEAKER_LABEL = re.compile(r"^(?:[A-Z][A-Z.' -]{1,30}|(?:[A-Z][a-z]+\.? ){0,2}[A-Z][a-z]+):\s+")
RUNNING_TIME = re.compile(r"\s\d{1,2}:\d{2}\s*$")
TERMINAL = re.compile(r"[.!?…][\"”’')\]]*\s*$")
LOWER_START = re.compile(r"^[\"“‘'(\[]*[a-z](?![a-z]*[A-Z])")  # "and then left ...", not "iPhone"
TRAILING_OFF = re.compile(r"(\.\.\.|…)\s*[\"”]")
HEADLINE_LABEL = re.compile(r"^(?:\w+ ){0,2}\w+: [a-z]")           # "The plan: a tax that ..."
SUBORDINATE_ALONE = re.compile(
    r"^(not that|just as|as if|even though|although|though|because|unless|whereas|which|who)\b[^,;:]*$", re.I)
SUBJECTLESS = re.compile(r"^(and|but|or) (says|said|claims|claimed|adds|added|is|was|has|had|will|would|can|could)\b",
                         re.I)


# --- the audit -----------------------------------------------------------------------------------------

def _unquoted(text: str) -> str:
    """The text outside quotation marks."""
    return QUOTED.sub(" ", text)


def _opening(text: str) -> str:
    """The sentence without leading quotation marks, dashes and brackets."""
    return text.lstrip(QUOTES + "-–—([ ")


def _main_clause(text: str) -> str:
    """The sentence after a short introductory phrase ("On Monday, his sister ..." -> "his sister ...")."""
    return INTRODUCTION.sub("", text, count=1)


def _is_quotation(text: str) -> bool:
    """True when the whole sentence is a quotation, with no one named outside it."""
    return text.lstrip().startswith(("\"", "“")) and not _unquoted(text).strip(" .,;:!?-–—")


def _names(text: str) -> set[str]:
    """The capitalized words of a text: names, and the first word of a sentence unless it is a common word."""
    names = set()
    for m in re.finditer(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", text):
        just_before = text[max(0, m.start() - 4):m.start()]
        opens = m.start() == 0 or re.search(r"[.!?][\"”’']?\s+[\"“‘']?$|^[\"“‘']$", just_before)
        if not opens or zipf_frequency(m.group(0).lower(), "en") < 4.5:
            names.add(m.group(0))
    return names


def _has_person(text: str) -> bool:
    """True when a text (outside quotations) mentions someone: a name, a person noun or he/she."""
    outside = _unquoted(text)
    return bool(PERSON_WORDS.search(outside) or _names(outside) - NOT_NAMES)


def _introduced(name: str, text: str) -> bool:
    """True when ``text`` gives ``name`` with a first name, or says who they are ("Berg, a violinist")."""
    for m in re.finditer(rf"([A-Z][\w.'-]+) {name}\b", text):
        if not re.fullmatch(TITLES, m.group(1)):
            return True
    return bool(re.search(rf"\b{name}, (a|an|the|who|whose)\b|\b{name} \(", text))


def _plural_noun(word: str) -> bool:
    """True for a capitalized plural noun opening a sentence ("Firefighters said") rather than a surname."""
    return word.endswith("s") and zipf_frequency(word[:-1].lower(), "en") >= 3.5


COMMON_AT_START = 4.0  # a word this frequent (Zipf) opening a sentence before a verb is no surname ("Thousands were")
COMMON_WORD = 4.0  # nor one this frequent opening it before "said" ("Regardless, ..., said ...")


def _unknown_surnames(text: str, earlier: str) -> list[str]:
    """People named by surname alone ("Lindqvist said", "said Lindqvist", "Mr. Lindqvist") that the summary never
    mentioned before and this sentence does not introduce."""
    found = [m.group(1) for m in TITLE_NAME.finditer(text) if m.group(1) not in NOT_NAMES]
    for pattern in (NAME_SPEECH, SPEECH_NAME, START_NAME):
        for m in pattern.finditer(text):
            name, start = m.group(1), m.start(1)
            word_before = (text[:start].split() or [""])[-1]
            after_capital = re.match(r"[A-Z]", word_before.lstrip(QUOTES))
            if name in NOT_NAMES or after_capital or word_before.lower() in BEFORE_NON_PERSON:
                continue  # "Karin Dahl said", "Mayor Dahl said", "the Crown argued", "from Norway said"
            common = zipf_frequency(name.lower(), "en") >= (COMMON_AT_START if pattern is START_NAME else COMMON_WORD)
            if start <= 1 and (_plural_noun(name) or common):
                continue  # "Firefighters said", "When asked ...", "Also found ..."
            found.append(name)
    known = _names(earlier)
    return [name for name in found if name not in known and not _introduced(name, text)]


def _says_also(text: str) -> bool:
    """True when ``text`` says also, again, too ... of something told before ("The ferry also sank"; not "not
    only ... but also", "as well as")."""
    back = FIRST_SENTENCE_BACK.search(text)
    if back is None:
        return False
    before = text[:back.start()].lower()
    return not (back.group(1).lower() == "also" and before.rstrip().endswith(" but") and "not only" in before)


def _unknown_demonstrative(opening: str, text: str, earlier: str) -> bool:
    """True for "This plan ...", "Both of these ships ..." when the summary never mentioned the thing."""
    match = DEMONSTRATIVE.match(opening)
    if not match or text.lstrip().startswith(("\"", "“")) or match.group(2).lower() in FUNCTION_WORDS | DEICTIC:
        return False
    nouns = [w.lower() for w in match.groups()[1:] if w and w.lower() not in FUNCTION_WORDS]
    return not any(re.search(rf"\b{re.escape(noun.rstrip('s'))}", earlier.lower()) for noun in nouns)


def _unknown_bare_noun(text: str, position: int, earlier: str) -> str:
    """"the man", "the newspaper" (anywhere) or "the flight", "the find" (in the first sentence) never told before."""
    for m in BARE_NOUN.finditer(text):
        noun = m.group(1).lower().split()[-1].removesuffix("'s")
        told = earlier.lower() + " " + text[:m.start()].lower()
        introduced = noun in PEOPLE_AND_MEDIA and INTRODUCED_PERSON.search(text[:m.start()])
        if (position == 0 or noun in PEOPLE_AND_MEDIA) and noun not in told and not introduced:
            return noun
    role = ROLE_OPENING.match(_opening(text))
    if role and role.group(1).lower() not in earlier.lower():
        return role.group(1).lower()
    return ""


def dangling_reason(text: str, position: int, before: list[str]) -> str:
    """Why the sentence leans on something the summary has not told the reader ("" when it does not)."""
    text = text.replace("’", "'")
    opening = _opening(text)
    previous = before[-1].replace("’", "'") if before else ""
    earlier = " ".join(before).replace("’", "'")
    if position == 0:
        if CONNECTIVE.match(opening):
            return "the summary opens on a connective"
        if PRONOUN_OPENING.match(opening) and not EXPLETIVE.match(opening):
            return "the summary opens on a pronoun"
        if _says_also(_unquoted(text)):
            return "the first sentence says also / another / as well"
    if ALWAYS_BACK.match(opening):
        return "opens pointing back (such, the other, that ...)"
    if len(text.split()) <= 10 and ELLIPSIS.search(text):
        return "leaves out an action told before (they did too)"
    if _unknown_demonstrative(opening, text, earlier):
        return "this / these + something never mentioned"
    main_clause = opening if CONNECTIVE.match(opening) else _main_clause(opening)
    if position > 0 and (HE_SHE.match(opening) or HE_SHE.match(main_clause)) and not _has_person(previous):
        return "he / she with no person in the sentence before"
    speaker = PRONOUN_SPEAKER.search(text)
    if speaker and not (_has_person(previous) or _names(_unquoted(text[:speaker.start()])) - NOT_NAMES):
        return "he / she said with no person in the sentence before"
    if _is_quotation(text) and not NAMED_SPEAKER.search(previous):
        return "a quotation with no speaker in it or in the sentence before"
    unquoted = _unquoted(text).strip()
    if ((FIRST_PERSON.search(unquoted) or FIRST_PERSON.search(_main_clause(unquoted)))
            and not THIRD_PARTY_SPEECH.search(unquoted) and not NAMED_SPEAKER.search(previous)):
        return "unquoted first person with no speaker"
    noun = _unknown_bare_noun(text, position, earlier)
    if noun:
        return f"the {noun} never mentioned"
    names = _unknown_surnames(text, earlier)
    if names:
        return f"surname only, never introduced: {names[0]}"
    return ""


def is_caption(text: str) -> bool:
    """True for a photo caption or credit."""
    return (any(pattern.search(text) for pattern in CAPTIONS)
            or bool(PLACE_AND_DATE.search(text) and CAPTION_VERB.search(text)))


def is_glued(text: str) -> bool:
    """True for two sentences joined without a space ("said.The"), not for "U.S.A" or "Mr.Smith"."""
    return any(not NOT_GLUED.search(m.group(0)) for m in GLUED.finditer(text))


def is_bare_question(text: str) -> bool:
    """True for a question in the writer's voice, not a quotation, not "...: Where are the bodies?"."""
    return (bool(QUESTION_END.search(text)) and not _is_quotation(text) and ":" not in text[:-2]
            and not text.rstrip(QUOTES).endswith("you know?"))


def is_furniture(text: str) -> bool:
    """True for site furniture: prompts, links, labels, addresses, pointers to the page."""
    return any(pattern.search(text) for pattern in FURNITURE) or bool(PAGE_POINTER.search(_unquoted(text)))


def is_fragment(text: str) -> bool:
    """True for fewer than 6 words or something that is not a whole sentence."""
    opening = _opening(text)
    return (len(SPEAKER_LABEL.sub("", text).split()) < 6 or bool(LOWER_START.match(text))
            or (len(text.split()) <= 12 and not TERMINAL.search(RUNNING_TIME.sub("", text)))  # a heading, a label
            or bool(TRAILING_OFF.search(text))
            or bool(HEADLINE_LABEL.match(text)) or bool(SUBORDINATE_ALONE.match(opening))
            or bool(SUBJECTLESS.match(opening)))


def audit_sentence(text: str, position: int, before: list[str]) -> list[str]:
    """The flags of one summary sentence, from its text, its position and the summary sentences before it."""
    found = {
        "dangling": bool(dangling_reason(text, position, before)),
        "caption_or_credit": is_caption(text),
        "glued": is_glued(text),
        "bare_question": is_bare_question(text),
        "furniture": is_furniture(text),
        "fragment": is_fragment(text),
    }
    return [flag for flag in FLAGS if found[flag]]


def audit(sentences: list[str]) -> list[list[str]]:
    """The flags of every sentence of a summary."""
    return [audit_sentence(text, k, sentences[:k]) for k, text in enumerate(sentences)]


# --- hand labels ---------------------------------------------------------------------------------------

def label_pool(data: Path) -> dict[tuple[str, int], list[str]]:
    """The summaries of the labelling clusters (Multi-News train and validation), by (cluster id, words)."""
    pool = {}
    for name in LABEL_FILES:
        clusters = list(iter_jsonl(str(data / name), on_error=skip))
        for words in LENGTHS:
            for cluster_id, sentences in summaries(clusters, words):
                pool[cluster_id, words] = sentences
    return pool


def draw_sample(pool: dict[tuple[str, int], list[str]], per_length: int, seed: int,
                labelled: frozenset[tuple[str, int, str]] = frozenset()) -> list[tuple[str, int, int]]:
    """A seeded sample of ``per_length`` summary sentences at each length, as (cluster id, words, position),
    leaving out the sentences already labelled, given as (cluster id, words, sha1)."""
    rng = random.Random(seed)
    chosen = []
    for words in LENGTHS:
        slots = [(c, w, k) for (c, w), sentences in sorted(pool.items()) if w == words
                 for k in range(len(sentences)) if (c, w, sha1(sentences[k])) not in labelled]
        chosen += rng.sample(slots, min(per_length, len(slots)))
    return sorted(chosen)


def matched_labels(labels: list[dict], pool: dict[tuple[str, int], list[str]]
                   ) -> tuple[list[tuple[dict, list[str], bool]], int]:
    """Each label whose sentence is still in its summary, as (label, the audit's flags, whether the sentences
    before it are the same), and the number of labels whose sentence is gone."""
    matched, gone = [], 0
    for label in labels:
        sentences = pool.get((label["cluster"], label["words"]), [])
        hashes = [sha1(s) for s in sentences]
        if label["sha1"] not in hashes:
            gone += 1
            continue
        k = hashes.index(label["sha1"])
        same_context = context_sha1(sentences, k) == label["before_sha1"]
        matched.append((label, audit_sentence(sentences[k], k, sentences[:k]), same_context))
    return matched, gone


def precision_recall(matched: list[tuple[dict, list[str], bool]]) -> dict[str, dict]:
    """Precision and recall of each flag of the audit against the hand labels (None when undefined). A
    sentence that now follows other sentences than when labelled counts for every flag but dangling."""
    result = {}
    for flag in FLAGS + ("any",):
        tp = fp = fn = 0
        for label, found, same_context in matched:
            if flag in CONTEXT_FLAGS and not same_context:
                continue
            counted = [f for f in FLAGS if same_context or f not in CONTEXT_FLAGS] if flag == "any" else [flag]
            truth = any(f in label["flags"] for f in counted)
            guess = any(f in found for f in counted)
            tp, fp, fn = tp + (truth and guess), fp + (guess and not truth), fn + (truth and not guess)
        result[flag] = {"labelled": tp + fn, "flagged": tp + fp, "both": tp,
                        "precision": tp / (tp + fp) if tp + fp else None,
                        "recall": tp / (tp + fn) if tp + fn else None}
    return result


def flag_shares(flag_lists: list[list[str]]) -> dict[str, float]:
    """The share of sentences given each flag, and any flag, from each sentence's list of flags."""
    count = max(len(flag_lists), 1)
    shares = {flag: sum(flag in flags for flags in flag_lists) / count for flag in FLAGS}
    return shares | {"any": sum(map(bool, flag_lists)) / count}


def editor_shares(labels: list[dict]) -> list[dict]:
    """For each commit whose summaries were labelled as a random sample, the share of the sentences the
    editor gave each flag (and any), in the order the commits were labelled."""
    commits = list(dict.fromkeys(label["labelled_on"] for label in labels if "labelled_on" in label))
    samples = [[label["flags"] for label in labels if label.get("labelled_on") == commit] for commit in commits]
    return [{"commit": commit, "sentences": len(sample), "shares": flag_shares(sample)}
            for commit, sample in zip(commits, samples)]


# --- reports -------------------------------------------------------------------------------------------

def audit_run(name: str, summarized: Iterable[tuple[str, list[str]]], words: int) -> dict:
    """Flag counts and shares over every sentence of some summaries."""
    counts: Counter[str] = Counter()
    sentences = clusters = flagged_summaries = 0
    for _, summary in summarized:
        flags = audit(summary)
        clusters += 1
        sentences += len(summary)
        flagged_summaries += any(flags)
        counts.update(flag for found in flags for flag in found)
        counts["any"] += sum(1 for found in flags if found)
    return {"name": name, "words": words, "clusters": clusters, "sentences": sentences,
            "counts": {flag: counts[flag] for flag in FLAGS + ("any",)},
            "shares": {flag: counts[flag] / sentences if sentences else 0.0 for flag in FLAGS + ("any",)},
            "summaries_with_a_flag": flagged_summaries / clusters if clusters else 0.0}


def print_runs(runs: list[dict]) -> None:
    """The share of summary sentences with each flag, as a Markdown table."""
    print("| summaries | words | clusters | sentences | " + " | ".join(FLAGS) + " | any flag | summaries with a flag |")
    print("|---" * (len(FLAGS) + 6) + "|")
    for run in runs:
        shares = " | ".join(f"{100 * run['shares'][flag]:.1f}%" for flag in FLAGS + ("any",))
        print(f"| {run['name']} | {run['words']} | {run['clusters']} | {run['sentences']} | {shares} "
              f"| {100 * run['summaries_with_a_flag']:.0f}% |")


def print_check(result: dict[str, dict], total: int, matched: int, moved: int, gone: int) -> None:
    """Precision and recall of each flag against the hand labels, as a Markdown table."""
    print(f"{total} labelled sentences: {matched} still in their summaries, {moved} of which now follow other "
          f"sentences (left out of dangling); {gone} no longer in their summaries (skipped)\n")
    print("| flag | labelled | flagged | both | precision | recall |")
    print("|---|---|---|---|---|---|")
    for flag, v in result.items():
        p, r = ("-" if x is None else f"{x:.2f}" for x in (v["precision"], v["recall"]))
        print(f"| {flag} | {v['labelled']} | {v['flagged']} | {v['both']} | {p} | {r} |")


def print_editor(shares: list[dict]) -> None:
    """The share of sampled summary sentences the editor flagged, per labelled commit, as a Markdown table."""
    print("\n" + "\n".join(share_table(["summaries of commit", "sentences"],
                                       [([row["commit"], row["sentences"]], row["shares"]) for row in shares])))


def share_table(columns: list[str], rows: list[tuple[list, dict[str, float]]]) -> list[str]:
    """A Markdown table: the given leading columns, then each flag's share of sentences in percent."""
    flags = list(rows[0][1]) if rows else list(FLAGS) + ["any"]
    return ["| " + " | ".join(columns + flags) + " |", "|---" * (len(columns) + len(flags)) + "|",
            *("| " + " | ".join([str(value) for value in values] + [f"{100 * shares[flag]:.1f}%" for flag in flags])
              + " |" for values, shares in rows)]


def print_sample(pool: dict[tuple[str, int], list[str]], sample: list[tuple[str, int, int]]) -> None:
    """The sampled sentences in their summaries, to label by hand (printed only, never written to the repository)."""
    for number, (cluster_id, words, k) in enumerate(sample):
        sentences = pool[cluster_id, words]
        print(f"### {number} {cluster_id} words={words} position={k} sha1={sha1(sentences[k])} "
              f"before_sha1={context_sha1(sentences, k)}")
        for j in range(k):
            print(f"   ({j}) {sentences[j]}")
        print(f" >>({k}) {sentences[k]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA / "dev.jsonl", help="JSONL clusters (Multi-News dev)")
    parser.add_argument("--example", type=Path, default=EXAMPLE, help="a folder of articles, also audited")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--check-labels", action="store_true", help="precision and recall against the hand labels")
    parser.add_argument("--labels", type=Path, default=LABELS, help="the hand labels (JSONL)")
    parser.add_argument("--label-data", type=Path, default=DATA, help="the folder of train.jsonl and validation.jsonl")
    parser.add_argument("--sample", type=int, metavar="N", help="print N unlabelled sentences per length, to label")
    parser.add_argument("--seed", type=int, default=0, help="the seed of --sample")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.sample or args.check_labels:
        pool = label_pool(args.label_data)
        labels = [json.loads(line) for line in args.labels.read_text().splitlines() if line.strip()] \
            if args.labels.exists() else []
        if args.sample:
            labelled = frozenset((label["cluster"], label["words"], label["sha1"]) for label in labels)
            print_sample(pool, draw_sample(pool, args.sample, args.seed, labelled))
            return
        matched, gone = matched_labels(labels, pool)
        moved = sum(1 for *_, same_context in matched if not same_context)
        result = precision_recall(matched)
        print_check(result, len(labels), len(matched), moved, gone)
        print_editor(editor_shares(labels))
        figures: dict = {"labels": str(args.labels), "labelled": len(labels), "matched": len(matched),
                         "moved": moved, "gone": gone, "flags": result}
    else:
        clusters = list(iter_jsonl(str(args.data), on_error=skip))
        example = read_clusters([str(args.example)])
        runs = [audit_run(args.data.name, summaries(clusters, words), words) for words in LENGTHS]
        runs += [audit_run(args.example.name, summaries(example, words), words) for words in LENGTHS]
        print_runs(runs)
        figures = {"data": str(args.data), "example": str(args.example), "runs": runs}
    print(f"\n{time.perf_counter() - started:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
