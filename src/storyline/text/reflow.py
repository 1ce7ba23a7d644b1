"""Paragraphs of a text as its author meant them: hard-wrapped lines (e-mail, wire copy, text copied from a
PDF) joined back into paragraphs, every other line a paragraph of its own.

A line break is a wrap when the text is wrapped at a fixed width and the next line's first word would not
have fit on the line: a shorter line ends its paragraph (so headings, datelines, list items and the last
line of a paragraph stay apart). Spans keep pointing into the original text; a joined paragraph's span
holds the line breaks.
"""

from __future__ import annotations

import re

import numpy as np

from .patterns import MONTHS, WEEKDAYS

MIN_WIDTH, MAX_WIDTH = 30, 100  # the widths text is wrapped at, in characters
MIN_WRAPS = 3  # fewer wrapped breaks than this is not a wrapped text
OVERLONG = 1.05  # a line this much longer than the width (the 95th percentile of line lengths) is not wrapped
WRAPPED_SHARE = 0.5  # of the breaks between lines that must be wraps
SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")
LIST_ITEM = re.compile(r"^\s*([-*•–—]\s|\(?\d{1,3}[.)]\s|\([a-z]\)\s)")
FIRST_WORD = re.compile(r"\S+")
# Words no heading ends on; "on", "in" and "at" may ("Grenfell, five years on"), unless a date follows them
# on the next line ("... near Skarholm on" | "Tuesday and ...").
OPEN_END = re.compile(r"\s(?:a|an|the|and|or|of|to|for|with|from|by|near|into|onto|than)$")
BEFORE_A_DATE = re.compile(r"\s(?:on|in|at)$")
DATE_START = re.compile(  # "Tuesday", "March 3", "3 March", "2031"
    rf"(?:{WEEKDAYS}|(?:{MONTHS})\.?(?= \d)|\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})|(?:19|20)\d\d)\b")


# An e-mail's quotation marks opening a line ("> ", ">> "), of a text quoted so on QUOTED_LINES lines or more
QUOTE_MARKS = re.compile(r"^([ \t]*)(>[ \t>]*)", re.MULTILINE)
QUOTED_LINES = 2
# markdown's bold, "**Pellham Museum**", and bold italics, "***Pellham***", on one line; not "f***"
BOLD = re.compile(r"(?<![\w*])(\*{2,3})(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\1(?![\w*])")
# markdown's italics, "*The Ledger*" and "_The Ledger_", on one line, opening after a blank or an opening mark and closing
# before one or a mark; not "5 * 3 * 2", "f*ck", "snake_case_name", "@_Ledger_"
_OPENS, _CLOSES = r"(?:(?<=^)|(?<=[\s(\[\"“‘—–/]))", r"(?=$|[\s)\].,;:!?\"”’'—–/])"
ITALIC = re.compile(rf"{_OPENS}\*(?=[^\s*])([^*\n]{{1,200}}?)(?<=[^\s*])\*{_CLOSES}"
                    rf"|{_OPENS}_(?=[^\s_])([^_\n]{{1,200}}?)(?<=[^\s_])_{_CLOSES}", re.MULTILINE)
# markdown's image, "![A ferry aground](img/ferry.jpg)", and link, "[Coastal Rescue](https://...)": its text kept; its
# target an address or a path ("https://en.wikipedia.org/wiki/Lund_(town)", "img/ferry.jpg"; not "section 12[b](iii)")
_TARGET_PART = r"(?:[^()\s]|\([^()\s]*\))"
MARKDOWN_LINK = re.compile(rf"(!?)\[([^\[\]\n]{{0,300}})\]\((?:(?:[a-z][a-z+.-]*:|www\.|/|\.|#){_TARGET_PART}*|[\w.-]+/"
                           rf"{_TARGET_PART}*|[\w-]+\.[a-z]{{2,5}})(?: \"[^\"\n]{{0,200}}\")?\)")


def unmarked(text: str) -> str:
    """``text`` with the marks of an e-mail's quoted lines ("> The raid ..."), markdown's bold and italic marks and
    its links' marks and addresses blanked (an image's text too), so that offsets into it still point into ``text``; a text
    quoted on fewer than QUOTED_LINES lines keeps its marks."""
    if text.count("\n>") + text.startswith(">") >= QUOTED_LINES:
        text = QUOTE_MARKS.sub(lambda mark: mark.group(1) + " " * len(mark.group(2)), text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(_link_text, MARKDOWN_LINK.sub(_link_text, text))  # a linked image: the image, then the link
    if "*" in text or "_" in text:
        text = ITALIC.sub(_italic_text, text)
    return BOLD.sub(lambda mark: f"{' ' * len(mark.group(1))}{mark.group(2)}{' ' * len(mark.group(1))}", text) \
        if "**" in text else text


def _italic_text(mark: re.Match) -> str:
    """An italic's text, each mark blanked where a blank is next to it (one space with it, see segment.one_line; rules
    anchored at a line's start look past it: "*LUND* — The ferry ..."), else a zero-width space ("(*so*)")."""
    text, start, end = mark.string, mark.start(), mark.end()
    opening = " " if start == 0 or text[start - 1].isspace() else "\u200b"
    closing = " " if end == len(text) or text[end].isspace() else "\u200b"
    return f"{opening}{mark.group(1) or mark.group(2)}{closing}"


def _link_text(link: re.Match) -> str:
    """A markdown link blanked but for its text, an image blanked whole (see MARKDOWN_LINK)."""
    image, shown = link.group(1), link.group(2)
    blank = " " * len(link.group(0))
    return blank if image else " " + shown + blank[len(shown) + 1:]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``, surrounding blanks left out, in order."""
    lines = _lines(text)
    wraps = _wraps(text, lines) or [_goes_on(text, line, following) for line, following in zip(lines, lines[1:])]
    spans = lines[:1]
    for wrap, line in zip(wraps, lines[1:]):
        spans[-1:] = [(spans[-1][0], line[1])] if wrap else [spans[-1], line]
    return spans


def _wraps(text: str, lines: list[tuple[int, int]]) -> list[bool]:
    """For a text wrapped at a fixed width, whether each break between ``lines`` is a wrap; [] for another text."""
    if len(lines) < MIN_WRAPS + 1:
        return []
    blank_between = [text.count("\n", a, b) > 1 for (_, a), (b, _) in zip(lines, lines[1:])]
    soft_kind = not all(blank_between)  # wraps are single line breaks, unless every break is a blank line
    # the width: of the lines a paragraph goes on after (a one-line notice, however long, is not wrapped)
    inside = [end - start for (start, end), kind in zip(lines, blank_between) if kind != soft_kind]
    width = float(np.percentile(inside if len(inside) >= MIN_WRAPS else [end - start for start, end in lines], 95))
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return []
    wraps = [kind != soft_kind and _is_wrap(text, line, following, width)
             and (soft_kind or not _ends_a_sentence(text, line, following))  # double-spaced: a blank line after a sentence
             for kind, line, following in zip(blank_between, lines, lines[1:])]
    breaks = sum(kind != soft_kind for kind in blank_between)
    return wraps if sum(wraps) >= MIN_WRAPS and sum(wraps) >= WRAPPED_SHARE * breaks else []


def _ends_a_sentence(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether ``line`` ends a sentence and the line after it opens another, in capitals."""
    return bool(SENTENCE_END.search(text, line[0], line[1])) and not text[following[0]:following[0] + 1].islower()


def _goes_on(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether a line break inside a sentence was left by a single wrap: the line does not end a sentence,
    and the next line (right after it) goes on in lower case, or the line stops on a word no heading ends
    on (see OPEN_END), even before a blank line ("the former engineer who heads the" | "" | "Family Radio ...")."""
    if SENTENCE_END.search(text, line[0], line[1]):
        return False
    if text.count("\n", line[1], following[0]) > 1:
        return bool(OPEN_END.search(text, line[0], line[1]))
    return (text[following[0]:following[0] + 1].islower() or bool(OPEN_END.search(text, line[0], line[1]))
            or bool(BEFORE_A_DATE.search(text, line[0], line[1]) and DATE_START.match(text, following[0])))


def _is_wrap(text: str, line: tuple[int, int], following: tuple[int, int], width: float) -> bool:
    """Whether the break after ``line`` wraps it: the next line goes on (not a list item) and its first word
    would not have fit within ``width``, or it goes on in lower case."""
    after = text[following[0]:following[1]]
    if LIST_ITEM.match(after):
        return False
    first = FIRST_WORD.match(after)
    length = line[1] - line[0]
    if not first or length > OVERLONG * width:  # a line longer than the width was never wrapped
        return False
    return length + 1 + len(first.group(0)) > width or (after[:1].islower() and length > width / 2)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding blanks."""
    spans, offset = [], 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            start = offset + line.index(body)
            spans.append((start, start + len(body)))
        offset += len(line) + 1
    return spans
