"""Split cleaned paragraphs into sentences with character offsets (Bling Fire, plus quote repair).

A quotation of a few sentences on one line stays one unit ("We ran. The roof fell," she said.), so no
unit opens a quote it does not close when the quote can be kept whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import blingfire

from ..model import Sentence
from .patterns import ENTRY_TIME, TITLE_ABBREVIATIONS
from .tokens import word_frequency

QUOTE_SENTENCES = 4  # longest quotation kept as one unit, in sentences (cross-validated on Multi-News train + validation)
LINE_BREAKS = str.maketrans("\r\n\xa0", "   ")  # and a space that does not break: "said.\xa0 Its"
WRAP = re.compile(r"[ \t\r]*\n[ \t\r]*")
_INVISIBLE = "\u200b\u00ad\u2060\ufeff"
INVISIBLE = re.compile(f"[{_INVISIBLE}]")  # "A\u200brwa Damon": no character a reader sees
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})  # a PDF's "ﬁ"
# A typewriter's double quote ("plan,'' mom said", "``We left''"; the last two of three marks, not inches: "6'2''")
DOUBLED_QUOTE = re.compile(r"''(?<!\d'')(?!')|``")
# The exchanges of a wire's stock codes: New York, Nasdaq, London, Paris, Frankfurt, unlisted, Hong Kong, Tokyo, ...
_EXCHANGES = "N|O|L|PA|DE|UL|HK|T|TO|AX|SS|SZ|KS|BO|NS|MI|AS|SW|ST|CO|OL|HE|MC|BR|VI|LS|SI|TW"
# Marks news style leaves out: the semicolon a reference decoded twice leaves after a name with "&" ("AT&T; and",
# "R&B; singer"; not "from K&V; Skarholm built ..."), trademark signs ("PurePulse™") and a wire's stock codes ("Lund
# Lines Inc (LUND.O) said", "[LUND.UL]", "<LUNDa.N>"; not "clause (4.B)")
_LEFT_OUT = (r";(?:(?<=[A-Z]&[A-Z];)|(?<=[A-Z]&[A-Z]{2};))(?= [a-z]|[,.:])|[™®℠]"
             rf"|[\[(<][A-Z][A-Za-z0-9_]{{0,6}}\.(?:{_EXCHANGES})[\])>]")
LEFT_OUT = re.compile(rf" ?(?:{_LEFT_OUT})")  # with the space before a stock code
# A ligature or an apostrophe a copy from a PDF lost to a question mark inside a word: "of?cial", "?rst", "Lind?s"
LOST_GLYPH = re.compile(r"(?<![\w?])([A-Za-z]*)\?([a-z]+)\b")  # (not a web address's query: "watch?v=", "?id=")
LOST_LETTERS = ("fi", "fl", "ff", "ffi", "ffl")
RESTORED_FREQUENCY = 1e-7  # the word restored is at least this frequent in general English
UNUSUAL = re.compile(f"[{_INVISIBLE}\ufb00-\ufb04]|{DOUBLED_QUOTE.pattern}|{_LEFT_OUT}|{LOST_GLYPH.pattern}")  # see one_line
_TITLES = "|".join(sorted({"Mr", "Mrs", "Ms", "Dr", *TITLE_ABBREVIATIONS}))
TITLE_ALONE = re.compile(rf"[\"“]?({_TITLES}|St)\.")  # "Mr." cut off by Bling Fire
TITLE_LAST = re.compile(rf"\s(?:{_TITLES})\.$")  # "said IMPD Ofc." cut off from its name
CLOSING_MARK = re.compile(r"[”’](?:\s+|$)")  # a quotation's closing mark set apart by a blank, cut off by Bling Fire
NAME_WITH_BANG = re.compile(r"(?<![\w.])E!$")  # "E! News": a name, not a sentence's end
VERSUS_LAST = re.compile(r"\b[A-Z][\w'’&-]* v\.$")  # "Roe v." cut off from "Wade": a case's name goes on
# A sentence end inside a line: without one, every line is a single sentence and Bling Fire is not needed.
INNER_END = re.compile(r"[.!?…]['\"”’)\]]*[ \t]+\S")
# Two sentences glued without a space, as scraped pages leave them ("hot glue.Lizandra Cosme, 32, said",
# "they argued.\"If we ...", "last week.\"I think", 'a letter."I\'m leaving', "his iPad.The house", "told
# PEOPLE.Douglas", 'quickly."A spokesman', "in 1956.Kennedy's"): a word's or a year's full
# stop (not an abbreviation's), perhaps after a bracket or before a closing quote, followed at once by a
# capitalized word or a quotation opening on one.
GLUED_HINT = re.compile(r"[a-zA-Z0-9)][.!?]['\"”’)]?[\"“]?['‘]?[A-Z][a-z '’]")  # a cheap first look for GLUED
GLUED = re.compile(r"(?<![\w.])(?!(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Capt|Gen|Lt|St|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
                   r"|Oct|Nov|Dec|No|Nos|Vol|Inc|Corp|Ltd|Co|Jr|Sr|Prof|Rev)\.)(?:[A-Za-z]*[a-z]{2}|[A-Z]{3,}|(?:1[89]|20)\d\d)\)?[.!?]"
                   r"(?P<close>['\"”’)])?(?=[\"“]?['‘]?(?:[A-Z][a-z]|I[ '’]|A ))"
                   r"|(?<![\w.])(?:[A-Z]\.){2,}(?=(?:The|That|This|It|He|She|They|We|But|And|In)\b)")  # "D.C.That's"
# A time ending a sentence before one Bling Fire does not know for a sentence's start ("at 3 a.m. Firefighters
# built ..."), not one the time goes on with: a day or a month, named or cut short ("3 a.m. Monday", "9 a.m.
# Mondays", "7 a.m. Jan. 5"), a time zone or a day ("4 p.m. Eastern", "6 a.m. New York time", "Election Day").
_GOES_ON = (r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?s?\b|(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|"
            r"Sept?|Oct|Nov|Dec)[a-z]*\.?(?= \d)|(?:Eastern|Central|Mountain|Pacific|Atlantic)\b"
            r"|(?:[A-Z][\w'’]+ ){0,2}(?:time|Day|Eve|Sunday)\b")
# A sentence that opens on a number after a word's full stop, which Bling Fire never splits before ("gave birth
# in May. 30 Rock returns", "in Gaza. 12 of them", "sank in 2019. 12 boats were lost"): after a word of three
# letters or more or a year, never an abbreviation ("Approx. 30", "Inc. 5000", "Prop. 22", "art. 5"; two letters
# never: "Rs. 500", "pp. 12").
_ABBREVIATIONS = ("approx|est|vols?|figs?|min|hrs|yrs|tel|ext|para|nos|incl|dept|govt|misc|pts|lbs|ibid|resp|cit|inc|corp|"
                  "ltd|bros|prop|assn|univ|intl|blvd|ave|hwy|rte|apt|ste|bldg|dist|div|flt|jan|feb|mar|apr|jun|jul|aug|"
                  "sept?|oct|nov|dec|gen|sen|rep|gov|col|sgt|capt|mrs|rev|prof|art|sec|eds|ch|op")
NUMBER_OPENS = re.compile(rf"(?<![\w.])(?!(?i:{_ABBREVIATIONS})\.)(?:[A-Za-z]{{3,}}|(?:1[89]|20)\d\d)[.!?][\"”’]?"
                          r"(?= \d[\d,.]*%? [A-Za-z])")
NUMBER_HINT = re.compile(r"[.!?][\"”’]? \d")  # a cheap first look for NUMBER_OPENS
TIME_END = re.compile(rf"\b[ap]\.m\.(?= (?!{_GOES_ON})[A-Z][a-z])")
# A sentence end a page lost before "The" or "But" opening the next sentence ("reach budget deal The agreement
# would ...", "while the state appealed But that appeal ..."): after a word in lower case that no title, quotation
# or label goes on with ("a book called The ...", "he said The ...", "Image caption The ..." are left).
_GOES_ON_WITH_TITLE = ("caption|highlights|know|from|of|in|by|on|at|to|with|for|and|or|nor|but|about|like|against|into|onto|"
                       "than|via|per|as|is|was|are|were|be|been|the|that|what|where|when|while|because|if|then|read|reads|"
                       "reading|see|watch|called|named|titled|entitled|dubbed|say|says|said|saying|told|tells|wrote|writes|"
                       "writing|asked|added|quote|quoted|tweeted|posted|shouted|declared|proclaimed|proclaiming")
MISSING_STOP = re.compile(rf"(?<![\w'’-])(?!(?:{_GOES_ON_WITH_TITLE})\b)[a-z]{{3,}}(?= (?:The|But) [a-z]{{2,}}\b)")
MISSING_STOP_HINT = re.compile(r"[a-z] (?:The|But) [a-z]")  # a cheap first look for MISSING_STOP
# A word whose full stop and space a page lost, run into the next sentence's first word: "41 daysThe divers",
# "have soaredIt's the third rise" (a headline run into the text)
LOST_STOP = re.compile(r"(?<![\w'’-])[a-z]{3,}(?=(?:The|It['’]s|This|But) [a-z]+\b)")
LOST_STOP_HINT = re.compile(r"[a-z](?:The|It['’]s|This|But) [a-z]")
GOES_ON = re.compile(_GOES_ON)

# A page's label glued to the sentence after it: "Image The spokeswoman said ...", "Link Former mayor Ada Lind ...",
# "Analysis There was talk of ...", "Buy Photo Harbour master Ada Lind ...", a share bar's "SHARE COPY LINK Police
# said ...", "[Video Link] The ...", a picture's credit "Getty Thousands of ...", "Updated | When the ...", and an
# agency's dateline whose place the page lost ("... a study says. (HarbourDay)—A little rowing ..."); a live blog's
# time stamp and flash opening its entry ("12:58 GMT - The mayor has ...", "BREAKING: Part of the pier ...").
_STAMP = rf"{ENTRY_TIME}\s+[-–—]\s+"
_FLASH = r"(?:BREAKING|Breaking)(?: NEWS| [Nn]ews)?:\s+"
GLUED_LABEL = re.compile(rf"(?:{_STAMP}(?:{_FLASH})?|{_FLASH})(?=[A-Z\"“])|(?:Buy Photo|Enlarge Image|SHARE COPY LINK|(?:Additional|More) Information)\s+(?=[A-Z\"“])"
                         r"|\[(?:Video|Photo|Image|Audio|Gallery|Watch)(?: [A-Z]?[a-z]+)?\]\s*(?=[A-Z\"“])"
                         r"|(?:Image|Link|Photo|Analysis|Advertisement|Explainer|Related|Opinion|Updated?|Video|Watch|Getty Images|Getty)\s+"
                         r"(?=(?:The|A|An|This|In|On|At|After|When|Former|There|It|Police|Officials|Thousands|Hundreds|Dozens|Millions)"
                         r"\b(?!-))|(?:Updated?|UPDATED?)(?:,? \(?\d{1,2}(?::\d{2})? ?(?:[ap]\.m\.|[AP]M)\)?)? ?[|:] (?=[A-Z])"
                         r"|(?:ORIGINAL|Original)(?: (?:POST|STORY|[Pp]ost|[Ss]tory))?: (?=[A-Z\"“])"  # a post's text under its update
                         r"|[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}: (?=[\"“])"  # a speaker's label before a quotation
                         r"|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)(?=[A-Z\"“])"  # a post's date run into it: "(10/18)In ..."
                         r"|[A-Z0-9-]{3,}\.(?:COM|NET|ORG|CO\.UK)\s+(?=[A-Z\"“'‘])"  # a picture's site in capitals
                         r"|\([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\)(?: ?(?:—|–|--) ?| - )(?=[A-Z\"“])"
                         # a video player's buttons, with its video's title and length, and a station's "more videos" bar
                         r"|Play(?: Facebook| Twitter| Google Plus| Email)+ Embed .{1,160}?(?<! at)(?<! from)(?<! until)"
                         r"(?<! by)(?<! to) \d{1,2}(?::\d{2}){1,2}\s+(?!(?:AM|PM|a\.m|p\.m)\b)(?=[A-Z\"“])"  # no time of day
                         r"|(?:EMBED|Embed)\s*(?:</?>)?\s*More News Videos\s+(?=[A-Z\"“])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, as offsets into ``text``; no sentence crosses a newline.

    Bling Fire splits after a quoted exclamation or question ("Run!" she said.) and after a title that
    opens a sentence ("Mr." | "Dahl said ..."), a title it does not know ("said Ofc." | "Dahl."), a name
    such as "E!" ("E!" | "News said ..."), the "v." of a case ("Roe v." | "Wade was ...") and a time the
    sentence goes on with ("6 a.m." | "New York time"), and before a closing quotation mark set apart by a
    blank ("to leave." | "” He said"). A piece that starts in lower case is joined back to the sentence before
    it on the same line, such a title, name or time to the sentence after it, and such a closing mark to the
    quotation it closes. It does not split after a time before a new sentence ("3 a.m. Firefighters came."):
    TIME_END does.
    """
    chunk = text[start:end]
    if not chunk.strip():
        return []
    if not INNER_END.search(chunk):
        spans = _lines(chunk)
    else:
        spans = []
        for a, b in _locate(chunk):
            mark = CLOSING_MARK.match(chunk, a, b)
            if spans and mark and "\n" not in chunk[spans[-1][1]:a]:  # "leave.’" | "” He"
                spans[-1] = (spans[-1][0], a + 1)
                a = mark.end()
                if a == b:
                    continue
            if spans and (chunk[a:b][:1].islower() or _ends_on_a_name(chunk, *spans[-1])
                          or (chunk.endswith(".m.", 0, spans[-1][1]) and GOES_ON.match(chunk, a))) \
                    and "\n" not in chunk[spans[-1][1]:a]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    if GLUED_HINT.search(chunk):
        spans = [piece for span in spans for piece in _unglue(chunk, span)]
    if ".m. " in chunk:
        spans = [piece for span in spans for piece in _cut_after(TIME_END, chunk, span)]
    if NUMBER_HINT.search(chunk):
        spans = [piece for span in spans for piece in _cut_after(NUMBER_OPENS, chunk, span)]
    if MISSING_STOP_HINT.search(chunk):
        spans = [piece for span in spans for piece in _cut_after(MISSING_STOP, chunk, span)]
    if LOST_STOP_HINT.search(chunk):
        spans = [piece for span in spans for piece in _cut_after(LOST_STOP, chunk, span, space=False)]
    if "[" in chunk or FOOTNOTE_HINT.search(chunk):
        spans = [piece for span in spans for piece in _cut_after(FOOTNOTE_END, chunk, span)]
    return [(start + a, start + b) for a, b in spans]


def _ends_on_a_name(chunk: str, a: int, b: int) -> bool:
    """True when the span ``chunk[a:b]`` ends on a title or a name that Bling Fire took for a sentence's end
    ("Mr.", "said Ofc.", "E!", "Roe v."): only its last few characters are looked at."""
    tail = max(a, b - 8)
    return (chunk[b - 1:b] == "." and bool(TITLE_ALONE.fullmatch(chunk, a, b) or TITLE_LAST.search(chunk, tail, b)
                                           or VERSUS_LAST.search(chunk, max(a, b - 24), b))) \
        or (chunk[b - 1:b] == "!" and bool(NAME_WITH_BANG.search(chunk, tail, b)))


def _unglue(chunk: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut after each sentence end glued to the next sentence."""
    a, b = span
    cuts = [_cut(chunk, a, match) for match in GLUED.finditer(chunk, a, b)]
    return list(zip([a, *cuts], [*cuts, b]))


def _cut_after(end: re.Pattern, chunk: str, span: tuple[int, int], space: bool = True) -> list[tuple[int, int]]:
    """``span`` cut after each sentence end that ``end`` finds (a time: TIME_END; a word before a sentence that
    opens on a number: NUMBER_OPENS; a footnote's mark: FOOTNOTE_END; a word whose full stop a page lost:
    MISSING_STOP, and its space too: LOST_STOP), the ``space`` after it left out."""
    a, b = span
    ends = [match.end() for match in end.finditer(chunk, a, b)]
    return list(zip([a, *(end + int(space) for end in ends)], [*ends, b]))


def _cut(chunk: str, start: int, match: re.Match) -> int:
    """Where a glued sentence end cuts: after its closing quote, or before a straight quote that opens
    the next sentence (an even number of them before it on its line)."""
    line = chunk.rfind("\n", 0, start) + 1
    if match.group("close") == '"' and chunk.count('"', line, match.start("close")) % 2 == 0:
        return match.start("close")
    return match.end()


def _locate(chunk: str) -> list[tuple[int, int]]:
    """Bling Fire's sentences, cut at newlines, as offsets found in the text.

    Bling Fire joins lines that do not end a sentence with a space, so sentences are looked up in
    the text with newlines read as spaces (same length, same offsets).
    """
    flat = chunk.replace("\n", " ")
    offsets, position = [], 0
    for sentence in blingfire.text_to_sentences(chunk).split("\n"):
        found = flat.find(sentence, position)
        if found < 0:
            return _cut_at_newlines(chunk, blingfire.text_to_sentences_and_offsets(chunk)[1])
        offsets.append((found, found + len(sentence)))
        position = found + len(sentence)
    return _cut_at_newlines(chunk, offsets)


def has_open_quote(sentence: str) -> bool:
    """True when a sentence opens a quotation it does not close (a piece of a longer quote)."""
    return (sentence.count('"') + len(DOUBLED_QUOTE.findall(sentence))) % 2 == 1 or sentence.count("“") != sentence.count("”")


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each quotation of up to QUOTE_SENTENCES sentences on one line joined into one span."""
    result, first = [], 0
    while first < len(spans):
        last = first
        while (has_open_quote(text[spans[first][0]:spans[last][1]]) and last + 1 < min(len(spans), first + QUOTE_SENTENCES)
               and "\n" not in text[spans[last][1]:spans[last + 1][0]]):
            last += 1
        if has_open_quote(text[spans[first][0]:spans[last][1]]):  # the quote goes on: leave the sentence alone
            last = first
        result.append((spans[first][0], spans[last][1]))
        first = last + 1
    return result


def _lines(chunk: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``chunk``, without their surrounding blanks (zero-width ones too, as Bling Fire)."""
    spans, offset = [], 0
    for line in chunk.split("\n"):
        if body := line.strip().strip("\u200b\ufeff").strip():
            first = offset + line.index(body)
            spans.append((first, first + len(body)))
        offset += len(line) + 1
    return spans


def _cut_at_newlines(chunk: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result = []
    for a, b in offsets:
        while (newline := chunk.find("\n", a, b)) >= 0:
            if chunk[a:newline].strip():
                result.append((a, newline))
            a = newline + 1
        if chunk[a:b].strip():
            result.append((a, b))
    return result


def one_line(span: str, unusual: bool = True, text: str = "") -> str:
    """A sentence span of a wrapped paragraph as one line: each line break and the blanks around it read as
    one space, a word hyphenated across a break whole again (see _rejoined; ``text``: the whole text), blanks
    left by marks taken out (see reflow.unmarked) one space, footnote marks (FOOTNOTE) and invisible characters
    (zero-width spaces, soft hyphens) left out, ligatures spelled out ("ﬁ" -> "fi", and "of?cial" -> "official": see
    _restored) and a typewriter's doubled quote
    marks one ("plan,'' he said" -> 'plan," he said'), the marks of LEFT_OUT left out ("AT&T;" -> "AT&T"; ``unusual=False``:
    the text has none of these, do not look), and a drop cap joined to its word ("F irst" -> "First")."""
    if "\n" in span:
        span = WRAP.sub(" ", HYPHEN_BREAK.sub(lambda match: _rejoined(match, text), span) if "-" in span else span)
    if unusual:
        span = LEFT_OUT.sub("", DOUBLED_QUOTE.sub('"', INVISIBLE.sub("", span).translate(LIGATURES)))
        if "?" in span:
            span = LOST_GLYPH.sub(_restored, span)
    if "  " in span:
        span = BLANKS.sub(lambda blanks: " " if blanks.group(1) else "", span)
    if "[" in span or FOOTNOTE_HINT.search(span):
        span = FOOTNOTE.sub("", span).rstrip()  # "reservoir.[1] " (a sentence span ending after its mark)
    if span[1:2] == " " and (drop_cap := DROP_CAP.match(span)) and _whole_word(*drop_cap.groups()):
        span = span[0] + span[2:]
    return span


def _restored(match: re.Match[str]) -> str:
    """A word whose ligature or apostrophe a PDF lost to "?" (see LOST_GLYPH) whole again, when general English
    knows the word restored ("of?cial" -> "official", "Lind?s" -> "Lind's"); else as it is ("watch?v")."""
    head, tail = match.groups()
    if tail == "s" and head:
        return f"{head}'s"
    for letters in LOST_LETTERS if len(tail) > 1 else ():
        if word_frequency(f"{head}{letters}{tail}".lower()) >= RESTORED_FREQUENCY:
            return f"{head}{letters}{tail}"
    return match.group()


# A page's drop cap set apart from the rest of its word: "F irst there was ...", "A fter the storm ..."
DROP_CAP = re.compile(r"([A-Z]) ([a-z]{2,})\b")
WORD_LETTERS = frozenset("AIO")  # capitals that are words themselves: "A fter" is one word, "A ferry" two
DROP_CAP_WORD_FREQUENCY = 1e-6  # a drop cap and the rest of its word make a word this frequent in general English


def _whole_word(capital: str, rest: str) -> bool:
    """True when a drop cap and the ``rest`` of its word are one word, more frequent than the rest alone: "F" "irst",
    "T" "he", "A" "fter" (not "A" "ferry", "O" "say", "T" "cells", "E" "commerce")."""
    whole, alone = word_frequency(capital.lower() + rest), word_frequency(rest)
    return whole >= DROP_CAP_WORD_FREQUENCY and whole > alone and (
        capital not in WORD_LETTERS or alone < JOINED_WORD_FREQUENCY)


# A footnote's mark glued to a word or a mark ("reservoir.[1]", "in 48 hours²", a PDF's "the Half Marathon.2" at a
# sentence's end; not "300 m²" nor "km²", nor "[1] Ada Lind said" in a list, nor "version 3.2", "Sept.11 changed",
# "vol.12"): left out, so that a number in brackets is only ever a citation of the summary's.
_PRINTED_MARK = r"(?<=[a-z]{4}[.!?])(?<!Sept\.)\d{1,2}"
FOOTNOTE = re.compile(r"(?<=[\w.,;:!?\"”’)])\[\d{1,3}\]|(?:(?<=[A-Za-z]{3})|(?<=[.,;:!?\"”’)]))[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
                      rf"|{_PRINTED_MARK}(?=\s+[\"“]?[A-Z]|\s*$)")
FOOTNOTE_HINT = re.compile(rf"[¹²³⁴⁵⁶⁷⁸⁹⁰]|{_PRINTED_MARK}")
FOOTNOTE_END = re.compile(r"[.!?][\"”’]?(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?= [\"“]?[A-Z])"  # "piles.[1] An ..." ends there
                          rf"|{_PRINTED_MARK}(?= [\"“]?[A-Z])")


# Where marks were blanked: none inside brackets and curly quotes or before a mark ("(  Harwick Astrolabe  )",
# "Astrolabe  , one"), one space elsewhere ("the   Pellham Museum   in", 'called it   "a disaster"   and')
BLANKS = re.compile(r"(?<=[(\[“‘]) {2,}| {2,}(?=[,.;:!?)\]”’])|( {2,})")


HYPHEN_BREAK = re.compile(r"(\w+)-[ \t\r]*\n[ \t\r]*(\w+)")  # "gov-" | "ernment", "best-" | "known", "Jean-" | "Pierre"
JOINED_WORD_FREQUENCY = 1e-7  # a word this frequent in general English, hyphenated across lines, is one word
PART_FREQUENCY = 1e-6  # halves this frequent are words: joined only into a frequent word ("because"; not "fulltime")
COMPOUND_WORD_FREQUENCY = 1e-5
# Endings general English also writes as words, never a word of a compound: "halt-" | "ed", "help-" | "less"
ENDINGS = frozenset("ed ing ly es er ers est ness ment sion less able ship ish ism ist ive al".split())


def _rejoined(match: re.Match[str], text: str) -> str:
    """A word hyphenated across a line break ("gov-" | "ernment") as one word when the rest of ``text`` writes
    it so ("Achterberg"), or, unless it writes it with the hyphen, general English does ("government",
    "because"; as often as a word for two halves that are words); else with its hyphen ("best-known", "full-time",
    "Jean-Pierre", "COVID-19")."""
    head, tail = match.groups()
    whole = head + tail
    words, hyphenated = _written(text)
    if tail[0].isupper() or tail[0].isdigit() or (head, tail) in hyphenated:
        return f"{head}-{tail}"
    compound = tail.lower() not in ENDINGS and all(word_frequency(part.lower()) >= PART_FREQUENCY
                                                   for part in (head, tail))  # "full-time", not "halt-" | "ed"
    least = COMPOUND_WORD_FREQUENCY if compound else JOINED_WORD_FREQUENCY
    if whole in words or word_frequency(whole.lower()) >= least:
        return whole
    return f"{head}-{tail}"


@lru_cache(maxsize=4)
def _written(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The words ``text`` writes, and the pairs of words it writes hyphenated on one line ("best-known"): read once
    a text, however many words it hyphenates across lines."""
    return frozenset(WORD.findall(text)), frozenset(HYPHENATED.findall(text))


WORD = re.compile(r"\w+")
HYPHENATED = re.compile(r"\b(?=(\w+)-(\w+)\b)")


def segment(doc: int, text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences of one document, numbered in reading order, from its kept paragraph spans.

    The paragraphs are split in one pass, one per line, and the offsets mapped back to ``text``.
    """
    joined_starts, pieces, length = [], [], 0
    for a, b in paragraphs:
        joined_starts.append(length)
        pieces.append(text[a:b].translate(LINE_BREAKS))  # a paragraph's wrapped lines read as one line
        length += b - a + 1
    joined = "\n".join(pieces)
    unusual = UNUSUAL.search(text) is not None
    sentences: list[Sentence] = []
    for a, b in _join_quotes(joined, split_sentences(joined)):
        label = GLUED_LABEL.match(joined, a, b)
        a = label.end() if label else a
        number = bisect_right(joined_starts, a) - 1
        shift = paragraphs[number][0] - joined_starts[number]
        sentences.append(Sentence(doc, len(sentences), a + shift, b + shift, one_line(text[a + shift:b + shift], unusual, text),
                                  number))
    return sentences
