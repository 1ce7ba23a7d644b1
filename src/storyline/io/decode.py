"""Bytes to text, for files, stdin and fetched pages: the encoding they are in, and the body of a saved e-mail.

    decoded(b"caf\\xc3\\xa9", "a.txt")                   -> "café"
    decoded(b"caf\\xe9", "page", charset="iso-8859-1")    -> "café"
    decoded(b"From: ...\\nContent-Transfer-Encoding: quoted-printable\\n\\nmissed=\\n it", "a.eml")
        -> "From: ...\\n\\nmissed it"
"""

from __future__ import annotations

import codecs
import email
import email.message
import email.policy
import re
from html import escape

from charset_normalizer import from_bytes

from ..errors import InputError

CENTRAL_EUROPEAN = frozenset("Czech Slovak Polish Hungarian Croatian Slovene Romanian Bosnian Serbian".split())
# A saved e-mail (.eml): header lines from its first line on, one of them saying how its body is encoded
HEADER_LINE = re.compile(rb"[A-Za-z][\w-]*:[ \t]")
MIME_FIELD = re.compile(rb"^(?:MIME-Version|Content-Transfer-Encoding|Content-Type):", re.IGNORECASE | re.MULTILINE)
HEADER_END = re.compile(rb"\r?\n\r?\n")
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
SHOWN_FIELDS = ("From", "Date", "Subject")  # what the article's text keeps of the header (see text.outlets.mail_header)


def decoded(raw: bytes, name: str, charset: str | None = None) -> str:
    """The text of ``raw`` (``name`` says what it is, in errors): the body of a saved e-mail, decoded as its
    header says (quoted-printable or base64, in its charset), under its From, Date and Subject lines; else
    UTF-8, else the text in ``charset`` (as a server named it) when it reads so, else the encoding
    charset_normalizer finds likeliest; among those it finds as likely, Windows-1252, the commonest other
    (its guess for "Søren Kjær" may be Central European: "Sřren Kjćr"), unless the text reads as a Central
    European language; UTF-16 with its byte-order mark (Notepad's "Unicode"). Raises InputError for binary or
    unreadable bytes."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not readable as the UTF-16 text its first bytes announce") from None
    if b"\0" in raw[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text or HTML")
    mail = _mail_text(raw)
    if mail is not None:
        return mail
    for encoding in ("utf-8-sig", charset):  # bytes that read as UTF-8 are UTF-8, whatever a server's default says
        if encoding:
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: not readable as text in any known encoding")
    if best.language in CENTRAL_EUROPEAN:
        return str(best)
    as_likely = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return str(next((m for m in as_likely if "cp1252" in m.could_be_from_charset), best))


def _mail_text(raw: bytes) -> str | None:
    """The text of a saved e-mail whose header says how its body is encoded (MIME): its plain-text body
    (else its HTML one) decoded, under the header's From, Date and Subject lines (an HTML body with them in its
    head); None for anything else, or a body that cannot be decoded."""
    end = HEADER_END.search(raw, 0, 65536)
    if not (end and HEADER_LINE.match(raw) and MIME_FIELD.search(raw, 0, end.start())):
        return None
    message = email.message_from_bytes(raw, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return None
    try:
        content = body.get_content()
    except (LookupError, UnicodeError, ValueError, KeyError):
        return None
    if not isinstance(content, str):
        return None
    if body.get_content_subtype() == "html":  # the page, titled by the subject and dated by the sending
        return _with_head(content, message)
    content = content.replace("\r\n", "\n")  # as mail carries it
    header = "".join(f"{field}: {' '.join(str(message[field]).split())}\n" for field in SHOWN_FIELDS if message[field])
    return f"{header}\n{content}"


def _with_head(html: str, message: email.message.EmailMessage) -> str:
    """An e-mail's HTML body with its subject as the page's title and its sending as the page's date, ahead of
    what its own head gives."""
    head = "".join(f'<meta name="{name}" content="{escape(str(message[field]), quote=True)}">'
                   for name, field in (("title", "Subject"), ("date", "Date")) if message[field])
    if message["Subject"]:
        head += f"<title>{escape(str(message['Subject']))}</title>"
    opening = HEAD.search(html)
    return html[:opening.end()] + head + html[opening.end():] if opening else f"<head>{head}</head>{html}"
