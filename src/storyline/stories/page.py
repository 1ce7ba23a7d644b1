"""A story page: a headline, coverage by outlet, a summary (of what is new to a reader), key quotes with
their speakers, a dated timeline, and the sources these cite, numbered without gaps in reading order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ..errors import InputError, StoreError
from ..model import Cluster, Document, Sentence, Summary, publication_day
from ..summarize import Summarizer, known_days, last_day_reports
from ..text.clean import is_junk, is_truncated
from ..text.outlets import DATE_WORDS, is_attribution
from ..text.patterns import (ANY_TITLE, COURTESY_TITLES, DANGLING, FUNCTION_WORDS, SPEAKER, SPEAKER_AFTER, SPEAKER_BEFORE, SURNAME, WHEN,
                             leans_on_previous, name_stems)
from ..text.plural import counted
from ..text.prose import prose_sentences
from ..text.tokens import content_words, stem
from .store import Store, StoredArticle

SPEECH = r"(?:said|says|told [\w ]{1,30}?|added|wrote|tweeted|explained|warned)"
QUOTE = r"[\"“]([^\"“”]{25,400}?)[,.!?]?[\"”]"
ROLE = r"(?:(?:[A-Z][\w.'’-]+ ){0,3}(?:[a-z][\w'’-]* ){1,3})?"  # "fire chief ", "Halvard Timber director "
QUOTE_PATTERNS = [
    re.compile(rf"{QUOTE},? {SPEECH} {ROLE}{SPEAKER}"),
    re.compile(rf"{QUOTE},? {ROLE}{SPEAKER} {SPEECH}"),
    re.compile(rf"{SPEAKER} {SPEECH},? {QUOTE}"),
]
# A quote whose speaker is a pronoun: "..., he said." speaks for the one person the sentence before names.
PRONOUN_QUOTE = re.compile(rf"^{QUOTE},? (?:he|she) {SPEECH}\W*$")
NOT_SPEAKERS = frozenset("The A An It This That He She They We I You His Her Their Its There Here".split())
SPEAKER_QUOTES = 2  # most quotes shown from one speaker

# Captions, credits and video titles, which may pass for a title or a sentence ("Media caption Firefighters
# ...", "... | AP Photo/Jane Roe", "WATCH: ...").
CAPTION = re.compile(
    r"^\W*(media|image|video|photo|picture)s? (caption|copyright|credit|source|courtesy)\b"
    r"|\b(AP|AFP|EPA|Reuters|Getty|Bloomberg|Xinhua|Shutterstock|AAP|PA)( Photos?| Images| Pictures)\b"
    r"|\|\s*(AP|AFP|EPA|Reuters|Getty|Shutterstock|Bloomberg|Xinhua)\b"
    r"|^\W*(photo|photos|picture|image|file|gallery|video|watch|listen|live|live updates|breaking)\s*[:|]"
    r"|\b(photo|image)s? (credit|courtesy)\b",
    re.IGNORECASE,
)
SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—]{1,40})$")  # " | The Courier", " - BBC News"
HEADLINE_WORDS = 14  # longest extractive headline
HEADLINE_CHARS = 3000  # of each article's text read for a story's headline
TITLE_WORDS = (3, 25)  # a usable title's length in words
ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:according to [^,]{1,60}|(?:[\w.'’-]+\s+){0,5}(?:said|says|reported|announced|told [\w ]{1,30}?))"
    r"(?:\s+(?:on\s+)?\w+day)?\s*[.!]?$")
CLAUSE_OPENERS = frozenset("after as when while which who where because amid following but and before since "
                           "despite forcing leaving prompting".split())
PHRASE_OPENERS = frozenset("in at on near off for from with without during into over under across through".split())
HEADLINE_MIN_WORDS = 5  # a headline cut at a clause or phrase keeps at least this many words

_MONTH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH_NUMBER = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Date mentions, most precise first: (kind, pattern).
DATE_PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("month-day", re.compile(rf"\b{_MONTH}\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}})\b)?")),
    ("day-month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}\b\.?(?:,? (\d{{4}})\b)?")),
    ("month-year", re.compile(rf"\b{_MONTH} (\d{{4}})\b")),
    ("weekday", re.compile(r"\b(?:(last|next|this|on|early|late|early on|late on) )?"
                           r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("yesterday", re.compile(r"\byesterday\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|by|of) ((?:19|20)\d\d)\b")),  # not "until 2032", a deadline
]
FUTURE = re.compile(r"\b(will|would|is due|are due|is set to|are set to|plans? to|planned|scheduled (?:to|for)|expected to|"
                    r"expects?|(?<!than )(?<!as )(?:expected|forecast|predicted)(?<!than expected)\b[^,;]* to [a-z]+|"  # "expected the wind to ease"
                    r"(?:hoped|planned)\b[^,;]* to (?:resume|reopen|restart|return|begin|start|be)|"
                    r"hopes? to|intends? to|aims? to|to be held|is to|are to|next)\b", re.IGNORECASE)
# A clause that dates something else than the sentence's event: "... after a fire destroyed it on Tuesday".
SUBORDINATE = re.compile(r"\b(after|before|since|following|until|when|than|because)\b", re.IGNORECASE)
CLAUSE_START = re.compile(r"[,;:—–(]|\b(and|but)\b")
PHRASE_END = re.compile(r"[,;:—–(]|\b(?:and|but)\b(?! [A-Z])")  # not the "and" of "Bergvik and Tarnoy"
RELATIVE = re.compile(r"(?<!\bsaid )(?<!\bsays )(?<!\btold )(?<!\bso )(?<!\bnow )(?<!\bsuch )\b(?:that|which|who)\b")
AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would)\b")
SOON_DAYS = 31  # a day and month this near an article's date, after or before it, is taken in its year
SAME_EVENT = 0.35  # share of the shorter sentence's words (names and dates aside) that two sentences of one date
SAME_EVENT_WORDS = 3  # tell the same event by, and the fewest such words they share
DATE_STEMS = frozenset(stem(word) for word in DATE_WORDS)


@dataclass
class Quote:
    text: str
    speaker: str
    doc: int  # the first document (of the page's) that quotes it
    docs: list[int] = field(default_factory=list)  # every document that does


@dataclass
class Event:
    """A dated sentence. ``date`` is ISO: a day ("2031-03-11"), a month ("2031-03") or a year ("1998");
    ``when`` says it for a reader ("11 March 2031"); ``mention`` is the words that gave the date."""

    date: str
    sentence: str
    doc: int
    docs: list[int] = field(default_factory=list)
    when: str = ""
    mention: str = ""


@dataclass
class OutletCoverage:
    outlet: str
    articles: int  # its own articles
    copies: int = 0  # near-identical copies of another article (a wire report it ran)


@dataclass
class Source:
    """A cited article. ``label`` names it for a reader: its title (without the site's name), else a short
    headline from its lead; ``day`` is the ISO day it was published ('' when unknown)."""

    number: int
    id: str
    title: str
    outlet: str
    published: str
    url: str
    label: str = ""
    day: str = ""


def outlet(document: Document) -> str:
    """The outlet that published an article: its source, else its web site; '' when neither is known."""
    return document.source or urlparse(document.url).netloc.removeprefix("www.")


def outlets(documents: list[Document]) -> list[str]:
    """The outlets known to have published the articles, in alphabetical order."""
    return sorted({outlet(d) for d in documents} - {""})


def coverage_by_outlet(documents: list[Document], copies: list[Document] | None = None) -> list[OutletCoverage]:
    """Articles and copies per outlet, most articles first (then by name); those of no known outlet last, as
    outlet ''."""
    own = Counter(outlet(d) for d in documents)
    copied = Counter(outlet(d) for d in copies or [])
    return sorted((OutletCoverage(name, own[name], copied[name]) for name in own.keys() | copied.keys()),
                  key=lambda c: (not c.outlet, -c.articles, -c.copies, c.outlet.lower()))


# headline
def is_caption(line: str) -> bool:
    """True for a caption, photo credit or video title (which never heads a story or dates an event)."""
    return CAPTION.search(line) is not None


def clean_title(title: str, site: str = "") -> str:
    """A title as a headline: without the site's name after it ("... | The Courier") and spaces tidied; ''
    when it is no headline (a caption, a credit, a video title, a dateline or byline, cut off, too short
    or too long)."""
    title = " ".join(title.split())
    while (match := SITE_SUFFIX.search(title)) and len(title[:match.start()].split()) >= TITLE_WORDS[0]:
        suffix = match.group(1).strip()
        if not (_names_site(suffix, site) or is_caption(match.group(0))):
            break
        title = title[:match.start()].rstrip()
    words = len(title.split())
    if (not TITLE_WORDS[0] <= words <= TITLE_WORDS[1] or is_caption(title) or is_junk(title) or is_attribution(title)
            or is_truncated(title) or (title.isupper() and words > 3)):
        return ""
    return title


def _names_site(suffix: str, site: str) -> bool:
    """Whether the end of a title names a site or section: the outlet's name, or a few capitalized words."""
    if site and suffix.lower().replace("the ", "") == site.lower().replace("the ", ""):
        return True
    words = suffix.split()
    return len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() or w in {"&", "of", "the", "and"} for w in words)


def headline(documents: list[Document]) -> str:
    """The story's headline: the best title among its latest articles (see _latest; the one whose words all
    the articles share most), else among all, else a short headline taken from the most central lead sentence (cut at a clause, never inside
    a word). Never a caption or a credit; '' for no articles."""
    if not documents:
        return ""
    support = _word_support(documents)
    for heading in (_latest(documents), documents):
        titles = [title for d in heading if (title := clean_title(d.title, outlet(d)))]
        best = max(((_centrality(title, support), -i, title) for i, title in enumerate(titles)), default=None)
        if best is not None and best[0] > 0:
            return best[2]
    leads = []
    for number in range(len(documents)):
        sentences = [s.text for s in prose_sentences(documents[number:number + 1])
                     if not (is_caption(s.text) or DANGLING.match(s.text))][:2]
        leads += [(_centrality(text, support), -number, -k, text) for k, text in enumerate(sentences)]
    if leads:
        return short_headline(max(leads)[3])
    return short_headline(_first_line(documents[0].text))


def _latest(documents: list[Document]) -> list[Document]:
    """The articles of the last day any was published on, when every day is known (see last_day_reports): a story
    that goes on is headed by where it stands ("Residents return as fire is contained", not Monday's "Fire forces
    3,000 out")."""
    return [documents[i] for i in last_day_reports(known_days(documents))] or documents


def story_headline(articles: Sequence[StoredArticle]) -> str:
    """The headline of a story of ``articles`` (as stored, copies too), read from the first HEADLINE_CHARS
    characters of each text, so that a story has one headline wherever it is listed or shown."""
    return headline([without_captions(dataclasses.replace(a.to_document(), text=a.text[:HEADLINE_CHARS]))
                     for a in articles])


def short_headline(sentence: str, words: int = HEADLINE_WORDS) -> str:
    """A sentence made a headline: its closing attribution (", police said.") and full stop dropped, and
    when still longer than ``words`` words, cut before the last clause or phrase that does not fit (else
    at a word, with "…"); never inside a word."""
    text = ATTRIBUTION_TAIL.sub("", " ".join(sentence.split())).rstrip(" .;:,")
    tokens = text.split(" ")
    if len(tokens) <= words:
        return text
    cuts = [i for i in range(HEADLINE_MIN_WORDS, words + 1)
            if tokens[i - 1].endswith((",", ";", ":")) or tokens[i] in {"—", "–", "-"}
            or tokens[i].lower().strip("“\"(") in CLAUSE_OPENERS | PHRASE_OPENERS]
    if cuts:
        return " ".join(tokens[:cuts[-1]]).rstrip(" ,;:—–-")
    return " ".join(tokens[:words]).rstrip(" ,;:—–-") + "…"


def without_captions(document: Document) -> Document:
    """The article with its caption, credit and video-title lines blanked out (spaces, so that every offset
    into its text still holds): none of them reaches a page."""
    lines = document.text.split("\n")
    masked = [" " * len(line) if line.strip() and is_caption(line.strip()) else line for line in lines]
    if masked == lines:
        return document
    return Document(text="\n".join(masked), id=document.id, title=document.title, source=document.source,
                    url=document.url, published=document.published)


def _first_line(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return next((line for line in lines if line and not is_caption(line) and not is_junk(line)), "")


def _word_support(documents: list[Document]) -> dict[str, float]:
    """For each content word, the share of the articles (title and first paragraphs) that use it."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update(set(content_words(f"{document.title} {document.text[:3000]}")))
    return {word: n / len(documents) for word, n in counts.items()}


def _centrality(text: str, support: dict[str, float]) -> float:
    """How much of what the articles share a line says: the mean support of its words, less for a line of
    under four words; 0 when fewer than two of its words occur in the articles at all."""
    words = set(content_words(text))
    known = [support.get(word, 0.0) for word in words]
    if sum(value > 0 for value in known) < 2:
        return 0.0
    return sum(known) / len(known) * min(1.0, len(words) / 4)


# quotes
def quotes(documents: list[Document], limit: int = 5, added: Sequence[int] | None = None) -> list[Quote]:
    """Direct quotes with a named speaker (or "he" or "she" after a sentence in which one person speaks),
    each quote once (with every document that carries it), in reading order, at most SPEAKER_QUOTES per
    speaker; past ``limit``, those that most documents carry, then those of the documents added last (by
    ``added``, each document's place in the order they came; by default their order), so that a story
    followed for days shows its latest voices."""
    found: dict[str, Quote] = {}
    per_speaker: Counter[str] = Counter()
    before: Sentence | None = None
    for sentence in prose_sentences(documents):
        previous, before = before, sentence
        said = None if is_caption(sentence.text) else _quote_and_speaker(sentence, previous)
        if said is None:
            continue
        quote, speaker = said
        key = " ".join(content_words(quote))[:60] or quote.lower()[:60]
        if key in found:
            if sentence.doc not in found[key].docs:
                found[key].docs.append(sentence.doc)
        elif speaker.split()[0] not in NOT_SPEAKERS:
            speaker = _full_name(_tidy_speaker(speaker), [documents[sentence.doc]] + documents)
            if per_speaker[speaker] < SPEAKER_QUOTES:
                per_speaker[speaker] += 1
                found[key] = Quote(quote.strip().rstrip(","), speaker, sentence.doc, [sentence.doc])  # "Never again,"
    told = list(found.values())
    came = added if added is not None else range(len(documents))
    kept = sorted(range(len(told)), key=lambda i: (-len(told[i].docs), -came[told[i].doc], i))[:limit]
    return [told[i] for i in sorted(kept)]


def _quote_and_speaker(sentence: Sentence, previous: Sentence | None) -> tuple[str, str] | None:
    """The quote ``sentence`` holds and who said it (see QUOTE_PATTERNS and PRONOUN_QUOTE), else None."""
    for pattern in QUOTE_PATTERNS:
        if match := pattern.search(sentence.text):
            quote, speaker = match.group(2, 1) if pattern is QUOTE_PATTERNS[2] else match.group(1, 2)
            return quote, speaker
    if (match := PRONOUN_QUOTE.match(sentence.text)) and (speaker := _one_person(sentence, previous)):
        return match.group(1), speaker
    return None


def _one_person(sentence: Sentence, previous: Sentence | None) -> str:
    """The name of the one person who speaks in ``previous`` ("Mayor Karin Dahl said ...": Karin Dahl;
    "Professor Vik said ...": Vik) when it is the sentence just before ``sentence`` in its article, and no
    one else (no body, no group: "Police said ...") speaks there; else ''."""
    if previous is None or (previous.doc, previous.index + 1) != (sentence.doc, sentence.index):
        return ""
    speakers = {_person_ending(run) for run in SPEAKER_BEFORE.findall(previous.text) + SPEAKER_AFTER.findall(previous.text)}
    return speakers.pop() if len(speakers) == 1 else ""


def _person_ending(words: str) -> str:
    """The person that ends ``words``: a first name and a surname ("fire chief Rune Adler" -> "Rune Adler")
    or a courtesy title and a surname ("Professor Vik" -> "Vik"); '' for anyone else ("Police", "the owner", a
    rank in capitals: "ACM Houston")."""
    *before, last = words.split()
    first = before[-1] if before else ""
    if not re.fullmatch(SURNAME, last) or WHEN.fullmatch(last):
        return ""
    if first.rstrip(".") in COURTESY_TITLES:
        return last
    rank = len(first) > 2 and first.isupper()  # "ACM Houston"; not initials: "TJ Adler"
    named = first[:1].isupper() and not rank and first.rstrip(".") not in ANY_TITLE and first not in NOT_SPEAKERS
    return f"{first} {last}" if named else ""


def _tidy_speaker(speaker: str) -> str:
    """A speaker's name without the full stop of the sentence it ended ("Mona Berg." -> "Mona Berg"), an
    initial's kept ("John Q.")."""
    last = speaker.split()[-1]
    return speaker[:-1] if speaker.endswith(".") and len(last) > 2 and last not in {"Jr.", "Sr."} else speaker


def _full_name(speaker: str, documents: list[Document]) -> str:
    """A speaker named by surname alone ("Adler") by the full name the articles give ("Rune Adler"), as the
    first of ``documents`` that gives one writes it; the surname alone when the articles give it two first
    names ("Ibragim Todashev" and "Abdulbaki Todashev", a son and his father)."""
    if " " in speaker:
        return speaker
    name = re.compile(rf"\b(([A-Z][a-z]+)(?: [A-Z]\.)? {re.escape(speaker)})\b")
    full_names = [match for document in documents for match in name.finditer(document.text)
                  if not (match.group(2) in NOT_SPEAKERS or match.group(2) in FUNCTION_WORDS
                          or match.group(2).rstrip(".") in ANY_TITLE or WHEN.fullmatch(match.group(2)))]
    return full_names[0].group(1) if len({match.group(2) for match in full_names}) == 1 else speaker


# timeline
def timeline(documents: list[Document], limit: int = 10) -> list[Event]:
    """Sentences that date an event, earliest first, one per event: sentences of one date that tell the
    same thing (most of the words of the shorter one) become one, citing every document that tells it; a
    sentence that leans on the one before it in its article ("..., he said.") is left out. A date
    without a year, a weekday ("on Tuesday") or "yesterday" is read relative to the article's publication
    date (the story's latest one when the article has none; left out when no date is known). When
    there are more than ``limit`` events, those told by the most documents are kept, the latest first (a story
    followed for days reaches its latest development)."""
    fallback = max((day for d in documents if (day := publication_day(d.published))), default=None)
    events: list[tuple[tuple, Event, set[str]]] = []
    for sentence in prose_sentences(documents):
        text = sentence.text
        if is_caption(text) or DANGLING.match(text) or leans_on_previous(text):
            continue
        reference = publication_day(documents[sentence.doc].published) or fallback
        dated = _date_in(text, reference)
        if dated is None:
            continue
        key, iso, when, mention = dated
        words = set(content_words(text)) - set(content_words(mention)) - DATE_STEMS - name_stems(text)
        same = next((event for _, event, other in events if event.date == iso and _same_event(words, other)), None)
        if same is not None:
            if sentence.doc not in same.docs:
                same.docs.append(sentence.doc)
            continue
        events.append((key, Event(iso, text, sentence.doc, [sentence.doc], when, mention), words))
    if len(events) > limit:  # those most documents tell, the latest first
        kept = sorted(range(len(events)), key=lambda i: (-len(events[i][1].docs), -events[i][0][0].toordinal(), i))
        events = [events[i] for i in sorted(kept[:max(limit, 0)])]
    events.sort(key=lambda item: item[0])
    return [event for _, event, _ in events]


def _same_event(one: set[str], other: set[str]) -> bool:
    """True when the words of two sentences of one date, names and dates aside, tell the same event: a
    SAME_EVENT share of the shorter one's, at least SAME_EVENT_WORDS, are in the other ("police arrested a
    man at the harbour warehouse in Lund Bay" is not "a blaze at the harbour warehouse in Lund Bay")."""
    shared = len(one & other)
    return shared >= SAME_EVENT_WORDS and shared >= SAME_EVENT * min(len(one), len(other))


STATE_OR_DEADLINE = re.compile(r"(?:\b(?:since|until|till)|['’]til)(?: at least| the end of| early| late| mid-?)? ?$")


def _date_in(sentence: str, reference: dt.date | None) -> tuple[tuple, str, str, str] | None:
    """The first date a sentence gives: (sort key, ISO date, date for a reader, the words that gave it),
    or None. A day and month without a year, and a weekday, are the ones before ``reference`` (after it
    when its clause speaks of the future; for a day and month see _nearest). A date in a clause that dates
    something else ("after the fire on Tuesday", "Tuesday's fire") gives way to one in a main clause."""
    matches = [(match.start(), rank, kind, match) for rank, (kind, pattern) in enumerate(DATE_PATTERNS)
               for match in pattern.finditer(sentence)]
    found = []
    taken = -1  # end of the last mention used (a month-day match holds a weekday's place, say)
    dated = {m.start() for _, _, kind, m in matches if kind in ("month-day", "day-month")}  # "Monday 2 June": the date
    for start, _, kind, match in sorted(matches, key=lambda m: (m[0], m[1])):
        if start < taken or STATE_OR_DEADLINE.search(sentence, 0, start):  # "since March", "until at least Friday":
            continue  # a state or a deadline, no event
        if kind == "weekday" and dated & {match.end() + 1, match.end() + 2}:
            continue  # the day its date names
        clause = _clause_before(sentence, start)
        try:
            resolved = _resolve(kind, match, _tense(_clause_before(sentence, start, PHRASE_END, taken)), reference)
        except (ValueError, OverflowError):  # no such day (February 30, or past year 9999)
            continue
        if resolved is not None:
            taken = match.end()
            another = SUBORDINATE.search(clause) is not None or _in_a_relative_clause(clause) \
                or sentence.startswith(("'s ", "’s "), match.end())
            found.append((another, resolved, match.group(0).strip()))  # "Monday's crash": another event's date
    if not found:
        return None
    _, (day, precision), mention = min(found, key=lambda f: f[0])  # the first date of a main clause, if any
    return (day, precision), *_formats(day, precision), mention


def _tense(clause: str) -> str:
    """The tense ``clause`` speaks in: 'future' of what is ahead ("will reopen"), 'future in the past' of what
    was ahead when told ("would reopen"), else ''."""
    found = FUTURE.search(clause)
    if not found:
        return ""
    return "future in the past" if found.group(1).lower() == "would" else "future"


def _clause_before(sentence: str, position: int, boundary: re.Pattern = CLAUSE_START, since: int = 0) -> str:
    """The words of the clause a date mention is in, up to the mention: back to the last ``boundary``, and no
    further than ``since``. With PHRASE_END and the end of the mention before it, the words its tense is read
    from ("would resume the timetable between Bergvik and Tarnoy on" | "Monday"; "will meet again and the
    strike began on" | "Monday" reads " the strike began on")."""
    before = sentence[max(since, 0):position]
    starts = [match.end() for match in boundary.finditer(before)]
    return before[starts[-1] if starts else 0:]


def _in_a_relative_clause(clause: str) -> bool:
    """True when a date mention ending ``clause`` is in a relative clause that dates something else: no verb
    but its own after "that", "which" or "who" ("The ferry that ran aground on" | "Sunday was refloated on
    Wednesday"; not "... on Sunday was refloated on" | "Wednesday", nor "police said that ...")."""
    found = list(RELATIVE.finditer(clause))
    if not found:
        return False
    auxiliaries = [match.start() for match in AUXILIARY.finditer(clause, found[-1].end())]
    return not auxiliaries or (len(auxiliaries) == 1 and auxiliaries[0] == found[-1].end() + 1)


def _resolve(kind: str, match: re.Match, tense: str, reference: dt.date | None) -> tuple[dt.date, int] | None:
    """The day a date mention names and its precision (0 year, 1 month, 2 day)."""
    if kind == "iso":
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), 2
    if kind in ("month-day", "day-month"):
        month_name, day, year = match.group(1, 2, 3) if kind == "month-day" else match.group(2, 1, 3)
        month, number = MONTH_NUMBER[month_name[:3].lower()], int(day)
        if year:
            return dt.date(int(year), month, number), 2
        if reference is None:
            return None
        candidates = []
        for offset in (-1, 0, 1):
            try:
                candidates.append(dt.date(reference.year + offset, month, number))
            except ValueError:
                continue
        return (_nearest(candidates, reference, tense), 2) if candidates else None
    if kind == "month-year":
        return dt.date(int(match.group(2)), MONTH_NUMBER[match.group(1)[:3].lower()], 1), 1
    if kind == "year":
        return dt.date(int(match.group(1)), 1, 1), 0
    if reference is None:
        return None
    if kind == "yesterday":
        return reference - dt.timedelta(days=1), 2
    qualifier, name = (match.group(1) or "").lower(), match.group(2).lower()
    ahead = (WEEKDAYS.index(name) - reference.weekday()) % 7  # days to the next such weekday (0: the same day)
    if qualifier == "next" or (qualifier != "last" and tense):
        return reference + dt.timedelta(days=ahead or (7 if qualifier == "next" else 0)), 2
    back = (reference.weekday() - WEEKDAYS.index(name)) % 7
    return reference - dt.timedelta(days=back or (7 if qualifier == "last" else 0)), 2


def _nearest(days: list[dt.date], reference: dt.date, tense: str) -> dt.date:
    """Of the same day and month in years around ``reference``: the first on or after it when the clause
    speaks of the future ("will return on December 28"), the first after it or within SOON_DAYS before it
    when of what was ahead when told ("would reopen on November 18" in an article of November 20), else the
    last before it or within SOON_DAYS after it ("the hearing on December 2" in a November article; "The
    report, dated March 14, ..." in a November article is of the March before)."""
    if tense:
        back = SOON_DAYS if tense == "future in the past" else 0
        return min((day for day in days if (reference - day).days <= back), default=max(days))
    return max((day for day in days if (day - reference).days <= SOON_DAYS), default=min(days))


def _formats(day: dt.date, precision: int) -> tuple[str, str]:
    """(ISO date, date for a reader) at a precision: 0 year, 1 month, 2 day."""
    if precision == 0:
        return f"{day.year:04d}", f"{day.year}"
    if precision == 1:
        return f"{day.year:04d}-{day.month:02d}", f"{day:%B} {day.year}"
    return day.isoformat(), f"{day.day} {day:%B} {day.year}"


# the page
@dataclass
class StoryPage:
    """What a story page shows. ``summary`` covers the articles new to the reader (all of them on a first
    look; None when nothing is new, or when the new articles hold no sentence to summarize: then
    ``summary_error`` says so), never repeating what was read; ``update`` says the reader
    had read some before. Summary sentences, quotes and timeline events name documents by their place in
    ``documents`` (the new articles, then those read); ``number`` gives each cited one its source number,
    1, 2, 3 ... in the order the page first cites them, and ``sources`` lists them in that order."""

    story: int
    articles: int
    outlets: list[str]
    summary: Summary | None
    update: bool
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    last_seq: int = 0
    headline: str = ""
    coverage: list[OutletCoverage] = field(default_factory=list)
    first_seen: str = ""  # ISO day of the earliest publication date, '' when none is known
    last_seen: str = ""
    new_articles: int = 0  # articles (no copies) the summary covers
    read_articles: int = 0  # and those the reader had read
    documents: list[Document] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)  # document -> source number
    summary_error: str = ""  # why there is no summary although there are new articles
    thread: int | None = None  # the thread (topic followed over time) the story belongs to
    thread_stories: list[int] = field(default_factory=list)  # that thread's stories, oldest first (this one too)

    def number(self, doc: int) -> int:
        """The source number of document ``doc`` (a place in ``documents``)."""
        return self.numbers[doc]

    def cite(self, docs: list[int]) -> list[int]:
        """The source numbers of ``docs``, ascending, each once."""
        return sorted({self.numbers[doc] for doc in docs})


def build_page(store: Store, story: int, reader: str | None = None, since: int = 0,
               summarizer: Summarizer | None = None, unsummarized: bool = False) -> StoryPage:
    """The page of ``story``: its summary covers what was added after ``reader``'s last look (or after
    article number ``since``), and never repeats, even in other words, what was read before. Raises
    StoreError when the store has no such story (naming the story it was merged into, if it was), and
    InputError when the new articles hold no sentence to summarize, unless ``unsummarized``: then the
    page has no summary and ``summary_error`` says why."""
    with store.snapshot():
        articles = store.articles(story)
        merged = None if articles else store.merged_into(story)
        watermark = store.watermark(reader, story) if reader else since
        thread = store.thread_of(story)
        thread_stories = store.thread_stories(thread) if thread is not None else []
    if not articles:
        if merged is not None:
            raise StoreError(f"story {story} was merged into story {merged} (stories show {merged})")
        raise StoreError(f"no story {story} in {store.path}")
    originals = [a for a in articles if a.duplicate_of is None]
    unread = [a for a in originals if a.seq > watermark]
    seen = [a for a in originals if a.seq <= watermark]
    new, read = ([without_captions(a.to_document()) for a in part] for part in (unread, seen))
    summary, problem = None, ""
    if new:
        try:
            summary = (summarizer or Summarizer()).summarize(Cluster(documents=new, previous=read, id=str(story)))
        except InputError as err:  # the new articles hold no sentence to summarize
            if not unsummarized:
                raise
            problem = str(err)
    documents = new + read
    copies = [without_captions(a.to_document()) for a in articles if a.duplicate_of is not None]
    dates = sorted(day for a in articles if (day := publication_day(a.published)))
    page = StoryPage(
        story=story,
        articles=len(articles),
        outlets=outlets([a.to_document() for a in articles]),
        summary=summary,
        update=bool(read) and bool(new),
        quotes=quotes(documents, added=[a.seq for a in unread + seen]),
        timeline=timeline(documents),
        last_seq=max(a.seq for a in articles),
        headline=story_headline(articles),
        coverage=coverage_by_outlet(documents, copies),
        first_seen=dates[0].isoformat() if dates else "",
        last_seen=dates[-1].isoformat() if dates else "",
        new_articles=len(new),
        read_articles=len(read),
        documents=documents,
        summary_error=problem,
        thread=thread,
        thread_stories=thread_stories,
    )
    _number_sources(page)
    return page


def thread_link(page: StoryPage, fmt: str = "text") -> str:
    """The line of a story page that names its thread and its other stories ("Thread 4 · 3 stories; the
    others: 2, 9 (storyline stories list --thread 4)"; in Markdown the thread in bold and the command as
    code); '' for a story with no thread."""
    if page.thread is None:
        return ""
    count = len(page.thread_stories)
    others = ", ".join(str(story) for story in page.thread_stories if story != page.story)
    markdown = fmt == "markdown"
    name = f"**Thread {page.thread}**" if markdown else f"Thread {page.thread}"
    command = f"storyline stories list --thread {page.thread}"
    return (f"{name} · {counted(count, 'story', 'stories')}" + (f"; the others: {others}" if others else "")
            + (f" (`{command}`)" if markdown else f" ({command})"))


@dataclass
class ThreadStory:
    story: int
    headline: str
    articles: int
    outlets: list[str]
    first_seen: str  # ISO day, '' when unknown
    last_seen: str


@dataclass
class ThreadPage:
    """A thread: a topic followed over time, its stories in the order they began (undated ones last)."""

    thread: int
    headline: str  # the headline of its largest story
    articles: int
    outlets: list[str]
    first_seen: str
    last_seen: str
    stories: list[ThreadStory] = field(default_factory=list)


def build_thread(store: Store, thread: int) -> ThreadPage:
    """The page of ``thread``: its stories (with their headlines), articles, outlets and dates. Raises
    StoreError when the store has no such thread (naming the thread it was merged into, if it was)."""
    with store.snapshot():
        stories = store.thread_stories(thread)
        merged = None if stories else store.thread_merged_into(thread)
        entries = []
        for story in stories:
            articles = store.articles(story, text_chars=HEADLINE_CHARS)
            if not articles:
                continue
            documents = [a.to_document() for a in articles]
            days = sorted(day.isoformat() for a in articles if (day := publication_day(a.published)))
            entries.append(ThreadStory(story, story_headline(articles) or f"Story {story}", len(articles), outlets(documents),
                                       days[0] if days else "", days[-1] if days else ""))
    if not entries:
        if merged is not None:
            raise StoreError(f"thread {thread} was merged into thread {merged}")
        raise StoreError(f"no thread {thread} in {store.path}")
    entries.sort(key=lambda entry: (entry.first_seen == "", entry.first_seen, entry.story))
    largest = max(entries, key=lambda entry: (entry.articles, -entry.story))
    firsts = [entry.first_seen for entry in entries if entry.first_seen]
    lasts = [entry.last_seen for entry in entries if entry.last_seen]
    return ThreadPage(thread, largest.headline, sum(entry.articles for entry in entries),
                      sorted({name for entry in entries for name in entry.outlets}),
                      min(firsts, default=""), max(lasts, default=""), entries)


def _number_sources(page: StoryPage) -> None:
    """Number the documents the page cites, in the order it first cites them: summary, quotes, timeline."""
    cited: list[int] = []
    if page.summary is not None:
        cited += [ref.doc for sentence in page.summary.sentences for ref in sorted(sentence.sources, key=lambda r: r.doc)]
    cited += [doc for quote in page.quotes for doc in sorted(quote.docs)]
    cited += [doc for event in page.timeline for doc in sorted(event.docs)]
    for doc in cited:
        page.numbers.setdefault(doc, len(page.numbers) + 1)
    page.sources = [Source(number, d.id, d.title, outlet(d), d.published, d.url,
                           clean_title(d.title, outlet(d)) or headline([d]) or d.id,
                           day.isoformat() if (day := publication_day(d.published)) else "")
                    for doc, number in page.numbers.items() for d in [page.documents[doc]]]
