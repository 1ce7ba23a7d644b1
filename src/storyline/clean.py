"""Remove the junk of scraped news pages: captions, credits, widgets, notices, bylines and headings.

Cleaning never rewrites text: it returns the character spans of a document worth keeping, so every
later sentence still points into the original text.
"""

from __future__ import annotations

import re

# Lines or sentences that are page furniture, not reporting (matched in any case).
_JUNK_ANYCASE = [
    # photo captions and credits
    r"^(photo|photograph|image|picture|pictured|file photo|caption|credit|illustration)s?\b.{0,80}[:/|]",
    r"\((AP|AFP|EPA|Reuters|Getty Images?)( Photo)?(/[^)]*)?\)\s*$",
    r"\b(Getty Images|AP Photo|AFP Photo|Shutterstock|iStock|Wikimedia Commons)\b\s*\)?\s*$",
    r"/\s*(AP|AFP|EPA|Reuters|Getty( Images)?|Shutterstock|Bloomberg)\s*$",
    r"^image (copyright|caption)\b",
    r"\b[\w-]+\.(jpe?g|png|gif|webp)\b",
    # video widgets and media players
    r"\b\d{1,2}:\d{2}\s*-\s*Source:",
    r"^(video|watch|listen)\s*[:|]|^(now playing|play video|up next)\b",
    r"media playback is (unsupported|not supported)",
    r"^(replay|autoplay|play)\b.*\bvideo\b",
    # loading, paywall, cookie and consent notices
    r"^loading\b.{0,30}(please wait|\.\.\.|…)",
    r"\bplease wait\b.{0,20}$",
    r"to (read|continue reading) (the|this) (full )?(article|story)",
    r"\b(subscribe now|subscribe today|subscribers only|subscriber-only|for unlimited access)\b",
    r"\bsubscribe to (read|continue|keep reading)\b|\bunlimited digital access\b",
    r"\b(already a subscriber|sign in to|log in to|create (a free|an) account|free articles? (left|remaining))\b",
    r"\byou have reached (your|the) (limit|maximum)",
    r"\b(this|our) (site|website) uses cookies\b",
    r"\b(cookie policy|accept (all )?cookies|privacy policy|terms of (service|use))\b",
    r"\bby (continuing|using) (to use )?(this|our) (site|website)\b",
    r"\benable javascript\b|\bjavascript is (disabled|required)\b",
    r"^advertisement\b|\bstory continues below\b|\bad ?blocker\b",
    # related links, share and newsletter prompts
    r"^(related( articles| stories| coverage| content)?|read more|more from [\w ]+|recommended( for you)?|see also"
    r"|most popular|trending( now)?)\s*([:|»›>-]|$)",
    r"\b(share (this|on)|share via|tweet this|pin it|email this|print this)\b",
    r"\b(sign up|subscribe) (for|to) (our|the)\b.{0,40}\b(newsletter|alerts|emails?|briefing)\b",
    r"\bnewsletter\b.{0,40}\b(sign up|inbox|subscribe)\b",
    r"\bfollow (us|him|her|me) on (twitter|facebook|instagram)\b",
    r"^follow @\w+",
    r"\bclick here\b",
    r"\bemail notifications?\b|\bproblem saving your\b|\bposts? new content\b|\bdelivered to your inbox\b",
    r"\b(all rights reserved|copyright ©|© \d{4})",
    r"\bthis material may not be (published|broadcast|rewritten)",
    r"\b(contributed to this report|reporting by|editing by|writing by)\b",
    # time stamps and staff labels
    r"^(?=.{0,70}$)(updated|published|posted|last updated|first published)\b\s*:?\s*(on )?(\w+\.? \d|\d)",
    r"\b(staff writer|staff reporter|correspondent|contributing writer)\s*$",
]
# Patterns that only hold in their written case: agency credits, bylines, all-capital labels.
_JUNK_CASED = [
    r"\b(REUTERS|AFP|AP|EPA|Getty|Shutterstock|Bloomberg|Xinhua)/[A-Z]",
    r"\b([Pp]hoto(graph)?|[Ii]mage|[Pp]icture)s?( [Cc]redit)?\s*:\s*[A-Z]",
    r"^By( [A-Z][\w.'-]*){1,4}( and( [A-Z][\w.'-]*){1,4})?(,[^.]{0,40})?$",
    r"^\(?[A-Z][A-Z .'-]{2,}\)?\s*$",
]
JUNK = re.compile("|".join(f"(?:{p})" for p in _JUNK_ANYCASE), re.IGNORECASE)
JUNK_CASED = re.compile("|".join(f"(?:{p})" for p in _JUNK_CASED))
# A junk pattern can only match a line that opens with one of START_WORDS, holds one of TRIGGERS, or is
# in capitals: checking for them first spares the slow patterns on almost every line of prose.
START_WORDS = frozenset(
    """photo photos photograph photographs image images picture pictures pictured file caption captions credit
    credits illustration video watch listen now play up replay autoplay loading advertisement related read more
    recommended see most trending follow updated published posted last first by""".split()
)
TRIGGERS = frozenset(
    """ap afp epa reuters getty photo photograph photos image images picture pictures shutterstock istock
    wikimedia bloomberg xinhua jpg jpeg png gif webp source playback wait article reading story subscribe
    subscribers subscriber unlimited sign log account articles reached cookies cookie privacy terms site
    website javascript continues blocker adblocker ad share tweet pin email print newsletter alerts emails
    briefing twitter facebook instagram click rights copyright © material contributed reporting editing
    writing staff reporter correspondent writer notifications notification saving content inbox""".split()
)
TRIGGER_TOKEN = re.compile(r"[a-z0-9©]+")

# A dateline opening a paragraph: "PARIS (AP) --", "Paris CNN —", "BRUSSELS, January 22 (Xinhua) --".
_PLACE = r"(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*)*(?:,? [A-Z][a-z]+\.? \d{1,2})?,?\s*)?"
_AGENCY = r"\(?(?:AP|AFP|CNN|Reuters|Xinhua|UPI|Bloomberg|dpa)\)?"
DATELINE = re.compile(rf"^\s*{_PLACE}(?:{_AGENCY}\s*(?:--|—|–|-)|(?:--|—|–))\s+")
TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*\s*$")
NOT_LETTER = re.compile(r"[^A-Za-z]+")


def is_junk(line: str) -> bool:
    """True for a line or sentence that is page furniture rather than reporting."""
    line = line.strip()
    if not line:
        return True
    letters = len(NOT_LETTER.sub("", line))
    if letters < 0.5 * len(line) or _is_file_name(line):
        return True
    tokens = TRIGGER_TOKEN.findall(line.lower())
    if not (line.isupper() or (tokens and tokens[0] in START_WORDS) or not TRIGGERS.isdisjoint(tokens)):
        return False
    return bool(JUNK.search(line) or JUNK_CASED.search(line))


def has_open_quote(sentence: str) -> bool:
    """True when a sentence opens a quotation it does not close (a piece of a longer quote)."""
    return sentence.count('"') % 2 == 1 or sentence.count("“") != sentence.count("”")


def is_heading(line: str) -> bool:
    """True for a title, subhead or label: a short line that does not end like a sentence."""
    return not TERMINAL.search(line) and len(line.split()) <= 20


def _is_file_name(line: str) -> bool:
    """Bare image file names such as '20170311 harbour fire photo'."""
    words = line.split()
    return len(words) <= 8 and any(re.fullmatch(r"\d{6,}[\w-]*|[\w-]*\d{6,}", w) for w in words) and not TERMINAL.search(line)


def strip_dateline(line: str) -> int:
    """Number of leading characters that are a dateline (0 when there is none)."""
    match = DATELINE.match(line)
    if not match or len(match.group(0)) > 60 or not re.search(r"[A-Z]", match.group(0)):
        return 0
    return match.end()


def clean_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` worth keeping, datelines and junk lines removed."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        body = line.strip()
        if not body or is_junk(body) or is_heading(body):
            continue
        start += len(line) - len(line.lstrip())
        start += strip_dateline(text[start:end])
        end -= len(line) - len(line.rstrip())
        if end > start:
            spans.append((start, end))
    return spans
