"""Who published an article: the outlet named by a web address, a dateline or a copyright notice, and
which lines say who, where or when (datelines, bylines, date stamps) rather than what, so are never a title.

    outlet_from_url("https://www.theguardian.com/world/x")       -> "theguardian.com"
    outlet_from_dateline("Hanoi CNN  —\\nVietnam said ...")         -> "CNN"
    outlet_from_dateline("MOBILE, Ala. (AP) -- A jury ...")          -> "AP"
    outlet_from_dateline("BRUSSELS, January 22 (Xinhua) -- ...")     -> "Xinhua"
    outlet_from_dateline("LOS ANGELES (CBSLA.com) — ...")            -> "CBSLA.com"
    outlet_from_notice("...\n© 2031 Coastal Courier. All rights reserved.") -> "Coastal Courier"
    outlet_of("https://northseawire.example/x", "PORT ALDREN (North Sea Wire) -- ...") -> "North Sea Wire"
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parseaddr
from urllib.parse import urlsplit

from ..model import read_date
from .clean import FORWARDED, WIRE_ISSUER, is_heading, is_junk
from .patterns import BODIES, MONTHS, WEEKDAYS
from .reflow import paragraph_spans
from .segment import one_line

# The agencies and broadcasters that write their name bare, without parentheses: "Hanoi CNN —".
BARE_AGENCIES = ("AP", "AFP", "CNN", "Reuters", "Xinhua", "UPI", "Bloomberg", "dpa", "Yonhap", "Kyodo", "TASS",
                 "PTI", "IANS", "ANSA", "EFE", "AAP", "ANI")
# Words that can sit in parentheses after a place without naming an outlet.
NOT_OUTLETS = frozenset("photo photos video videos file update updated watch live opinion analysis exclusive breaking "
                        "map graphic audio listen".split())

_WORD = r"[A-Z][A-Za-z.'’/-]*"
_CONNECTOR = r"(?:de|da|do|del|della|di|du|des|la|le|el|al|am|an|sur|upon|on|of)"
_PLACE = rf"{_WORD}(?:(?:[ ,]+|\s+{_CONNECTOR}\s+){_WORD})*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_DASH = r"(?:--|—|–|-)"
# A dateline naming its outlet: place and date (both optional), then "(Outlet)" or a bare agency name, then
# a dash; or a known agency in parentheses with no dash, before the first word of the sentence, as CNN
# writes it ("Washington (CNN) The ...", "(CNN)The ...").
AGENCY_DATELINE = re.compile(
    rf"^\s*(?:{_PLACE},?\s*)?(?:(?P<day>{_DATE}),?\s*)?"
    rf"(?:\((?P<paren>[A-Za-z][\w.&'’/ -]{{0,39}}?)\)\s*{_DASH}(?=\s|$)"
    rf"|/(?P<wire>{WIRE_ISSUER})(?: via {WIRE_ISSUER})?/\s*{_DASH}(?=\s|$)"  # a release's: "LUND, May 4, 2031 /Lund Lines/ --"
    rf"|(?<![\w.])(?P<bare>{'|'.join(BARE_AGENCIES)})\s*{_DASH}(?=\s|$)"
    rf"|\((?P<undashed>{'|'.join(BARE_AGENCIES)})\)\s*(?=[A-Z0-9\"“‘']))"
)
# A dateline with its day and no outlet, opening a line: "LUND, 4 May 2031 — Ferries ..."
DATED_DATELINE = re.compile(rf"^\s*{_PLACE},?\s*(?P<day>{_DATE}),?\s*{_DASH}\s*(?=[A-Z\"“‘])")
# A dateline without an outlet, alone on its line: "PARIS —", "Hanoi --".
BARE_DATELINE = re.compile(rf"^\s*{_PLACE},?\s*(?:{_DATE},?\s*)?{_DASH}\s*$")
BYLINE = re.compile(
    r"^\s*(?i:by):?\s+(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|den|da|di|du|la|le|al|bin|y)|,)*"
    r"(?:\s+for\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})?"  # "By Ada Lind for the Vela Dispatch"
    r"\s*(?:(?:\||•|·|—|–|-)\s*.{0,60})?$"
)
FOR_THE_OUTLET = re.compile(r"\s+for\s+(?:the\s+)?")
BYLINE_SEPARATOR = re.compile(r"\s[|•·—–-]\s")
MASTHEAD_SEPARATOR = re.compile(r",\s+")  # "Fjord Post, Monday 4 May 2031"; a line with a bar splits there
MASTHEAD_BAR = re.compile(r"[|·•]")  # "Fjord Post | News | May 4, 2031", "Fjord Post · Monday 4 May 2031"
MASTHEAD_DASHES = re.compile(r"\s[—–]\s")  # "LUND HERALD — Tuesday 3 June 2031 — Page 4": a page's running header
NO_MASTHEAD = NOT_OUTLETS | frozenset("latest top release statement briefing".split())  # "Press Release", "Daily Briefing"
PLACE_ENDING = re.compile(r"\b(?:Square|Street|Avenue|Road|Park|Bridge|Station)$")  # "Times Square", "Fleet Street"
# A word that makes a name a publication's, not a person's ("Fjord Post", not "Ada Lind").
PUBLICATION_WORD = re.compile(r"\b(?:Post|Times|News|Echo|Herald|Gazette|Journal|Ledger|Tribune|Chronicle|Daily|Mail|"
                              r"Express|FM|TV|Radio|Observer|Guardian|Telegraph|Star|Sun|Record|Courier|Press|Review|"
                              r"Standard|Independent|Mirror|Wire|Bulletin|Examiner|Inquirer|Register|Monitor|Weekly|"
                              r"Magazine|Sport|Sports|Online|Today|Argus|Advertiser|Citizen|Globe|Dispatch|Sentinel)\b")
OUTLET_FIELD = re.compile(r"(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}")  # "Fjord Post", "The Vela Times"
NOT_AN_OUTLET = re.compile(rf"\b(?:(?i:staff|writer|reporter|correspondent|editor|contributor|columnist|economist|"
                           rf"analyst|chief|senior|opinion|photos?|video|updated|published|twitter|facebook|instagram)|{WEEKDAYS})\b")
_WORD_TOKEN = re.compile(r"[^\W\d_]+|\d+")
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "am pm a m p gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et ct pt ist jst aest aedt "
    "updated update published posted broadcast aired last first modified created on at of the st nd rd th h "
    "today yesterday".split()
)
# A copyright notice naming the publisher: "© 2031 Coastal Courier. All rights reserved.", "Copyright 2031 by
# WKXX News4 - All rights reserved.", "Copyright © 2031 Vela (Vela Media Corp.). All rights reserved.",
# "© 2031 St. Louis Ledger", "© Vela Post Ltd 2031". A full stop ends the name only before the end, "All" or a word
# in lower case.
_DOTS = r"(?:\.[\w&'’/-]+)*(?:\.(?= (?!All\b)[A-Z]))?"  # in or after a word: "CBSLA.com", "U.S. News", "St. Louis"
NOTICE = re.compile(
    r"^(?:(?i:copyright)\s*|©\s*|\((?i:c)\)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?"
    rf"(?!All\b)(?P<name>[A-Z][\w&'’/-]*{_DOTS}(?: [\w&'’/-]+{_DOTS}){{0,5}}?)"
    r"\s*(?:\([^)]*\)\s*)?(?:via [^.,]*)?(?P<year>\s\d{4})?(?=\.?(?:\s+All\b|\s+[a-z]|\s*$)|[,;|]|\s[-–—]\s)"
)
PICTURE_AGENCIES = re.compile(r"(?:Getty|Shutterstock|iStock|Alamy|AP Photo|AFP Photo)\b")  # a picture's credit
CORPORATE_SUFFIX = re.compile(r",?\s+(?:Ltd|Inc|LLC|plc|GmbH|Corp|Corporation|Co)\.?$")
MAX_DATELINE = 80  # characters of a dateline, outlet and dash included
GENERIC_SUBDOMAINS = re.compile(r"^(?:www\d*|m|mobile|amp)\.")


def outlet_from_url(url: str) -> str:
    """The web site of an address, without 'www.' and the like: "https://www.theguardian.com/x" ->
    "theguardian.com"; a bare host ("www.bbc.co.uk") works too. '' when there is no host name."""
    url = url.strip()
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if "." not in host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return ""  # localhost, an IP address
    while GENERIC_SUBDOMAINS.match(host) and host.count(".") > 1:
        host = GENERIC_SUBDOMAINS.sub("", host, count=1)
    return host


def dateline_outlet(line: str) -> str:
    """The outlet named by a dateline opening ``line`` ("MOBILE, Ala. (AP) -- ..." -> "AP"), else ''."""
    match = AGENCY_DATELINE.match(line)
    if not match or len(match.group(0).strip()) > MAX_DATELINE:
        return ""
    name = " ".join((match.group("paren") or match.group("wire") or match.group("bare") or match.group("undashed") or "").split())
    if not re.search(r"[A-Z]", name) and name not in BARE_AGENCIES:
        return ""
    if NOT_OUTLETS & {word.lower() for word in re.findall(r"\w+", name)} or len(name.split()) > 4:
        return ""
    return name


def outlet_from_dateline(text: str, lines: int = 6) -> str:
    """The outlet named by the dateline at the start of an article ("Hanoi CNN  — ..." -> "CNN"), else ''."""
    line = _first_dateline(text, lines)
    return dateline_outlet(line) if line else ""


def dateline_day(text: str, lines: int = 6) -> str:
    """The day the dateline at the start of an article gives, with its outlet or without ("LUND, May 4, 2031 /PRNewswire/
    -- ..." and "LUND, 4 May 2031 — ..." -> "2031-05-04"), as ISO 8601; '' for none, or a day without its year."""
    line = _first_dateline(text, lines) or _first_prose_line(text, lines)
    match = (AGENCY_DATELINE.match(line) or DATED_DATELINE.match(line)) if line else None
    match = match if match and len(match.group(0).strip()) <= MAX_DATELINE else None
    day = _whole_day(match.group("day")) if match and match.group("day") else None
    return day.isoformat() if day else ""


def _first_dateline(text: str, lines: int) -> str:
    """The line that opens on a dateline naming an outlet, looked for on the first line of prose and on the short lines
    before it (a title, a byline, a date stamp, a dateline on a line of its own), at most ``lines`` of them; ''
    for none."""
    for line in _first_lines(text, lines):
        if dateline_outlet(line):
            return line
        if not _above_the_article(line):
            return ""  # the first line of prose has no dateline
    return ""


def _first_prose_line(text: str, lines: int) -> str:
    """The first line of ``text`` that is no title, byline, date stamp or junk, or that opens on a dated dateline (a
    hard-wrapped one may read as a title: "LUND, 4 May 2031 — The ferry ran" with no end), among its first ``lines``;
    '' for none."""
    return next((line for line in _first_lines(text, lines) if not _above_the_article(line) or DATED_DATELINE.match(line)),
                "")


def _above_the_article(line: str) -> bool:
    """True for a line that may come above an article's first line of prose: a title, a byline, a date stamp, junk."""
    return is_heading(line) or is_junk(line) or is_byline(line) or is_date_stamp(line)


def outlet_from_notice(text: str, lines: int = 8) -> str:
    """The publisher named by a copyright notice on one of the last ``lines`` lines of an article
    ("© 2031 Coastal Courier. All rights reserved." -> "Coastal Courier"), else ''. A notice with neither a
    year nor "all rights reserved" (a picture's "Copyright Marvel Comics") names no publisher, nor one whose
    year comes after a name that is no publication's nor a company's ("© Ada Lind 2031", not "© Fjord Post
    Ltd 2031")."""
    tail = [line.strip() for line in text[-3000:].split("\n") if line.strip()][-lines:]
    for line in reversed(tail):
        match = NOTICE.match(line)
        if match and (re.search(r"\d{4}", line[:match.start("name")]) or "rights reserved" in line.lower()
                      or (match.group("year") and is_publisher(match.group("name")))) \
                and not PICTURE_AGENCIES.match(match.group("name")):
            return CORPORATE_SUFFIX.sub("", match.group("name"))
    return ""


def is_publisher(name: str) -> bool:
    """Whether a name reads as a publisher's: a publication's word, a company's suffix, an agency's name or an
    acronym ("Fjord Post Ltd", "Reuters", "BBC"; not "Ada Lind", "Mapbox")."""
    return bool(PUBLICATION_WORD.search(name) or CORPORATE_SUFFIX.search(name) or name in BARE_AGENCIES
                or re.fullmatch(r"[A-Z]{2,5}", name))


def outlet_of(url: str, text: str) -> str:
    """The outlet of an article at ``url``: the web site, unless the text names the outlet (see
    outlet_from_text) by the site's own name ("North Sea Wire" at northseawire.example); a dateline naming an
    agency ("(AP)" at vestmarknews.example) does not change it. The named outlet when there is no address."""
    site, named = outlet_from_url(url), outlet_from_text(text)
    if site and named and re.sub(r"\W", "", named.lower()) not in re.sub(r"\W", "", site):
        return site
    return named or site


def outlet_from_text(text: str) -> str:
    """The outlet a plain-text article names: by its dateline, else its copyright notice, else its byline,
    else its masthead line; else ''."""
    return (outlet_from_dateline(text) or outlet_from_notice(text) or outlet_from_byline(text)
            or press_release(text)[0] or outlet_from_masthead(text))


def press_release(text: str) -> tuple[str, str]:
    """Who issues a press release (a text whose first line says so: "FOR IMMEDIATE RELEASE", "Press release") and
    its headline, when the lines after that one give issuer (a body's name, see ISSUERS), day and headline ("Fenhollow
    Water Authority", "Wednesday 4 June 2031", then the headline, one in capitals given as a title); ('', '') for any
    other text."""
    lines = _first_lines(text, 4)
    if len(lines) < 4 or not RELEASE_LINE.fullmatch(lines[0]) or not OUTLET_FIELD.fullmatch(lines[1]) \
            or lines[1].split()[-1].rstrip(".") not in ISSUERS or not is_date_stamp(lines[2]) or not is_heading(lines[3]):
        return "", ""
    return lines[1], _capitalized(lines[3]) if lines[3].isupper() else lines[3]


# The last word of an issuer's name: "Fenhollow Water Authority", "Lund Ferries Ltd"
ISSUERS = BODIES | frozenset("Inc Ltd plc LLC Corporation Corp Co Limited Services Partners".split())
RELEASE_LINE = re.compile(r"(?i:for immediate release|(?:press|news|media) release)\W*")


def outlet_from_byline(text: str, lines: int = 6) -> str:
    """The outlet a byline among an article's first ``lines`` lines names in a field of its own ("By Hanne
    Rust | Fjord Post | May 4, 2031" -> "Fjord Post"; not a date, nor a job: "Staff Writer"), else ''."""
    for line in _first_lines(text, lines):
        if is_byline(line):
            return next((field for field in byline_fields(line) if OUTLET_FIELD.fullmatch(field)
                         and not is_date_stamp(field) and NOT_AN_OUTLET.search(field) is None), "")
    return ""


def outlet_from_masthead(text: str, lines: int = 6) -> str:
    """The outlet a masthead line among an article's first ``lines`` lines names ("Fjord Post, Monday 4 May
    2031", "Fjord Post | News | May 4, 2031" -> "Fjord Post"), or a publication's name alone on its line over a date
    stamp ("Fjord Post" | "Published Monday 4 May 2031, 08:10"), else ''."""
    first = _first_lines(text, lines)
    for k, (line, following) in enumerate(zip(first, first[1:] + [""])):
        if fields := masthead_fields(line):
            return fields[0]
        if k and is_date_stamp(following) and (name := publication_name(line, ending=True)):
            return name  # not the first line, a headline's: "Mail Strike Hits Lund Bay" | "May 4, 2031"
    return ""


def masthead_fields(line: str) -> list[str]:
    """The fields of a masthead line: a publication's name (see publication_name), perhaps a section, and a whole
    day ("Fjord Post | News | May 4, 2031", "Fjord Post, Monday 4 May 2031", "Fjord Post · Monday 4 May 2031", "THE FJORD POST | TUESDAY, MAY 5, 2031 |
    £1.80", a page's header: "FJORD POST — Monday 4 May 2031 — Page 4"); [] for any other line."""
    if len(line) > 120:
        return []
    barred = MASTHEAD_BAR.search(line) is not None
    dashed = not barred and MASTHEAD_DASHES.search(line) is not None
    fields = [field.strip() for field in (MASTHEAD_BAR.split(line) if barred else MASTHEAD_DASHES.split(line) if dashed
                                          else MASTHEAD_SEPARATOR.split(line, maxsplit=1))]
    days = [k for k, field in enumerate(fields[1:], 1) if is_date_stamp(field) and _whole_day(field) is not None]
    name = publication_name(fields[0], ending=dashed) if days else ""
    return [name, *fields[1:days[0] + 1]] if name else []  # not its price: "| £1.80"


def publication_name(field: str, ending: bool = False) -> str:
    """``field`` as a publication's name of two words or more (see OUTLET_FIELD and PUBLICATION_WORD, which with
    ``ending`` must be its last word: "Fjord Post", not "Times Square Attack"; not "Breaking News", "Press Release";
    in capitals, given as a title: "THE FJORD POST" -> "The Fjord Post"), else ''."""
    name = _capitalized(field) if field.isupper() else field  # "THE NORTHGATE HERALD"
    words = {word.lower() for word in name.split()}
    if len(words) < 2 or not (PUBLICATION_WORD.fullmatch(name.split()[-1]) if ending else PUBLICATION_WORD.search(name)) \
            or not OUTLET_FIELD.fullmatch(name) \
            or NOT_AN_OUTLET.search(name) or words & NO_MASTHEAD or PLACE_ENDING.search(name):
        return ""
    return name


def _capitalized(name: str) -> str:
    """A name set in capitals as a name ("THE NEW YORK TIMES" -> "The New York Times"); acronyms stay in capitals
    ("USA TODAY" -> "USA Today", "BBC NEWS" -> "BBC News")."""
    words = [word if word in ACRONYMS or not set("AEIOUY") & set(word) else word.capitalize() for word in name.split()]
    return " ".join(word.lower() if word in ("Of", "And") and k else word for k, word in enumerate(words))


ACRONYMS = frozenset("USA UK US EU UN AP AFP BBC ABC NPR".split())  # and words without a vowel: "CNN", "NBC"


def byline_fields(line: str) -> list[str]:
    """The fields of a byline after the name, split by "|", "•", "·" or a dash ("By Ada Lind | Vela News" ->
    ["Vela News"]), and a publication's name after a comma ("By Ada Lind, Vela Weekly — May 4, 2031" ->
    ["Vela Weekly", "May 4, 2031"]; not "By Ada Lind, Staff Writer") or "for" ("By Ada Lind for the Vela Dispatch")."""
    name, *fields = BYLINE_SEPARATOR.split(line)
    name, *outlet = FOR_THE_OUTLET.split(name, maxsplit=1)
    named = outlet + [part for part in name.split(",")[1:] if PUBLICATION_WORD.search(part)]
    return [field.strip() for field in named + fields if field.strip()]


def _first_lines(text: str, most: int) -> list[str]:
    lines = (plain_line(line) for line in text[:3000].split("\n"))
    return [line for line in lines if line][:most]


def plain_line(line: str) -> str:
    """``line`` stripped, without the marks of emphasis around its words ("*By Ada Lind | Vela News*", "**Vela News**
    | May 4, 2031"; not "snake_case")."""
    return EMPHASIS.sub("", line.strip())


EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")  # "**Lund Weekly** | ..."


def is_dateline(line: str) -> bool:
    """True for a line that opens with a dateline naming an outlet ("Hanoi CNN — ...") or that is only a
    dateline ("PARIS —")."""
    return bool(dateline_outlet(line)) or (BARE_DATELINE.match(line) is not None and len(line.strip()) <= MAX_DATELINE)


def is_byline(line: str) -> bool:
    """True for a byline: "By Jane Doe", "BY JANE DOE AND JOHN ROE, Staff Writers", "By Jane Doe | Vela News", "By Jane
    Doe for the Vela Dispatch" (a name of two words at least there: not "By Ferry for the Last Time")."""
    if len(line) > 160 or BYLINE.match(line) is None:
        return False
    name, *outlet = FOR_THE_OUTLET.split(line, maxsplit=1)
    return not outlet or len(name.split()) >= 3


def is_date_stamp(line: str) -> bool:
    """True for a line that only gives a date or time: "March 5, 2031", "2031-03-05",
    "Updated 10:32 AM EDT, Tue March 5, 2031"."""
    tokens = _WORD_TOKEN.findall(line)
    if not tokens or len(line) > 100 or not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t.lower() in DATE_WORDS for t in tokens)


def date_stamp(text: str, lines: int = 4) -> str:
    """The day a plain-text article gives on a line of its own, or in a field of its byline, among its first
    ``lines`` non-blank lines ("November 21, 2026", "Updated 7:42 AM, March 12, 2031", "By Ada Lind | Vela
    News | May 4, 2031", "Vela News | Monday 4 May 2031", "Posted: May 4, 2031 | Updated: May 5, 2031", "Posted by Ada
    Lind on May 4, 2031 · 6 min read"), as ISO 8601 ("2026-11-21"); '' for none. A date without its day, month or year
    ("March 2031", "Nov 22") is no publication date."""
    top = [plain for line in text.lstrip().split("\n", lines * 3)[:lines * 3] if (plain := plain_line(line))][:lines]
    stamps = [field for line in top for field in (byline_fields(line) if is_byline(line) else masthead_fields(line)[-1:]
                                                  or [line, *line.split("|")])]
    stamps += [posted.group(1) for line in top if len(line) <= POSTED_LINE and not line.endswith(".")
               for field in BYLINE_FIELD.split(line) if (posted := POSTED_ON.match(field))]
    return next((day.isoformat() for stamp in stamps if is_date_stamp(stamp) and (day := _whole_day(stamp))), "")


def mail_header(text: str, field: str) -> str:
    """A field of the e-mail header that opens ``text``, or follows its note of a forward ("Subject", "Date"), when the
    header has its "From:" and "Subject:" lines; a subject without its "Fwd:" or "Re:"; '' for none."""
    forwarded = FORWARDED.search(text, 0, MAIL_HEAD_CHARS)
    block = text[forwarded.end() if forwarded else 0:][:MAIL_HEAD_CHARS]
    head = MAIL_HEAD.match(QUOTE_MARKS.sub("", block).lstrip())  # a forward quoted in a reply: "> From: ..."
    fields = dict(MAIL_FIELD.findall(head.group())) if head else {}
    if "From" not in fields or "Subject" not in fields:
        return ""
    return MAIL_REPLY.sub("", fields.get(field, "").strip())


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The fields of the front matter that opens a Markdown file, YAML between "---" lines (read with PyYAML) or TOML
    between "+++" ones (with tomllib), each as text ("title", "date"), and where the article after it begins; ({}, 0)
    for none or one unreadable."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    import tomllib

    import yaml

    try:
        fields = tomllib.loads(match.group(2)) if match.group(1) == "+++" else yaml.safe_load(match.group(2))
    except (tomllib.TOMLDecodeError, yaml.YAMLError):
        return {}, 0
    if not isinstance(fields, dict):
        return {}, 0
    return {str(key): _field_text(value) for key, value in fields.items()}, match.end()


FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.{0,3000}?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _field_text(value: object) -> str:
    """A front matter's value as text: a date or a moment in ISO 8601 ("2031-05-04"), a text with its blanks made one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def mail_sender(text: str) -> str:
    """The name an e-mail's header (see mail_header) gives its sender ("Lund Evening Post" of "From: Lund Evening Post
    <briefing@eveningpost.example>"), a forward's the original's; '' for none or an address alone."""
    name, _ = parseaddr(mail_header(text, "From"))
    return " ".join(name.split())


def mail_day(text: str) -> str:
    """The day an e-mail's header (see mail_header) gives as sent, as ISO 8601; '' for none."""
    sent = mail_header(text, "Date")
    day = _whole_day(sent) if sent and is_date_stamp(sent) else None
    return day.isoformat() if day else ""


MAIL_HEAD_CHARS = 2000
QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
MAIL_HEAD = re.compile(r"(?:[ \t]*[A-Z][\w-]*:[^\n]*\n)+")  # its lines, one after another: "From: ...", "Date: ..."
MAIL_FIELD = re.compile(r"^[ \t]*([A-Z][\w-]*):[ \t]*([^\n]*)", re.MULTILINE)
MAIL_REPLY = re.compile(r"^(?:(?i:fwd?|re|aw|tr|sv):\s*)+")  # "Fwd: Re: ..."


def _whole_day(stamp: str) -> dt.date | None:
    """The day a date stamp names, when it names day, month and year; read twice, with two defaults for
    what it leaves out, the same day both times."""
    try:
        days = {read_date(stamp, default=default, fuzzy=True).date() for default in STAMP_DEFAULTS}
    except (ValueError, OverflowError):
        return None
    return days.pop() if len(days) == 1 else None


STAMP_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
# A day a post's line gives after its author: "Posted by Ada Lind on March 10, 2031 · 6 min read"
POSTED_ON = re.compile(rf"^\W*(?i:posted|published|updated)\b.{{0,60}}?\bon ((?:(?:{WEEKDAYS}),? )?(?:(?:{MONTHS})\.? \d{{1,2}},? "
                       rf"\d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}))")
POSTED_LINE = 150  # characters of a post's line under its title, at most (never a sentence: no full stop at its end)
BYLINE_FIELD = re.compile(r"\s*[|·]\s*|,\s*(?=(?i:posted|published|updated)\b)")  # "By Ada Lind, Posted on March 3, 2031"
HEAD_CHARS = 4000  # of an article read for its headline: its first lines, and enough to tell how it is wrapped
HEAD_LINES = 12  # of a saved page's first lines that may come before its headline (a menu, a notice)


def is_attribution(line: str) -> bool:
    """True for a line that says who, where or when (a dateline, a byline, a date stamp): never a title."""
    return is_dateline(line) or is_byline(line) or is_date_stamp(line)


def headline(text: str) -> str:
    """The first line of a plain-text article that reads as a headline, after a saved page's menu words and
    junk ("Skip to main content", "Home", a cookie notice), else ''. A dateline, byline, date stamp or junk
    ("Image copyright PA Image caption ...") is never a headline, nor is the first line of a hard-wrapped
    paragraph."""
    if issued := press_release(text)[1]:
        return issued
    spans = paragraph_spans(text[:HEAD_CHARS])[:HEAD_LINES]
    for (start, end), following in zip(spans, [*spans[1:], (0, 0)]):
        line = HEADLINE_MARKS.sub("", text[start:end])
        if masthead_fields(line.split("\n", 1)[0]) or "\n" not in line and (
                is_junk(line) or len(line.split()) == 1 or WIRE_SLUG.match(line)):
            continue  # a masthead (with a section's word under it), a menu's word, the page's furniture or a wire's slug
        second = "" if "\n" in line else text[following[0]:following[1]]  # a headline set on two lines:
        if not second[:1].islower() or "\n" in second or is_attribution(second) or is_junk(second):
            second = ""  # "Two men held as police find" | "burned-out van"; not "by Ada Lind"
        two_lines = " ".join(one_line(f"{line}\n{second}" if second else line, False, text).split())  # "foot-" | "bridge"
        if line.count("\n") + bool(second) in (1, 2) and len(two_lines.split()) <= TWO_LINE_HEADLINE and is_heading(two_lines):
            return two_lines
        return line if "\n" not in line and is_heading(line) and not is_attribution(line) else ""
    return ""


TWO_LINE_HEADLINE = 14  # words of a headline set on two lines (three in a narrow column), going on in lower case
# "# ...", "UPDATE 2-...", "**...**"
HEADLINE_MARKS = re.compile(r"^(?:#{1,6}\s+|(?:UPDATE|REFILE|CORRECTED|RPT)\s*\d*-)|(?<!\*)\*\*(?!\*)")
WIRE_SLUG = re.compile(r"^[A-Z0-9-]+(?:/[A-Z0-9-]+)+(?: \([A-Z0-9 ]+\))?$")  # "BRITAIN-MUSEUM/THEFT (UPDATE 2)"
