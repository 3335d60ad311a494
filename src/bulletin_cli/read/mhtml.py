"""A web page saved as one file (MHTML: ``.mht``/``.mhtml``, as Internet Explorer, Chrome's "single
file" and Word's "single file web page" save it): a MIME message whose first ``text/html`` part is
the page, quoted-printable or base64, its charset in the part's header (often gb2312). That part
is read as any saved page is; pictures and style sheets in the other parts are left out.

>>> page = "<html><body><h1>县住建局推进老旧小区改造</h1><p>今年以来，改造小区12个。</p></body></html>"
>>> data = (b"From: <Saved by Blink>\\r\\nMIME-Version: 1.0\\r\\nContent-Type: multipart/related;\\r\\n"
...         b'\\ttype="text/html";\\r\\n\\tboundary="B"\\r\\n\\r\\n--B\\r\\nContent-Type: text/html; charset="gb2312"\\r\\n'
...         b"Content-Transfer-Encoding: base64\\r\\n\\r\\n" + base64.encodebytes(page.encode("gb2312")) + b"\\r\\n--B--\\r\\n")
>>> is_mhtml(data), html_part(data)[0].decode("gb18030")[16:26], html_part(data)[1]
(True, '县住建局推进老旧小区', 'gb2312')
"""

from __future__ import annotations

import base64  # noqa: F401  (the doctest's)
import re

from ..lexicon.patterns import Regex

#: What opens an MHTML file: MIME headers, one of them naming a multipart/related body.
MHTML_HEADER = Regex(rb"^(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?content-type:\s*multipart/related", re.I)
#: A part holding parts. Example: Content-Type: multipart/alternative.
MULTIPART = Regex(rb"^content-type:\s*multipart/", re.I | re.M)
#: The most parts holding parts a saved page has (one, sometimes a second inside it): many more,
#: nested 5,000 deep, are no page, and Python's MIME parser would recurse into each.
MAX_MULTIPARTS = 32


class MhtmlError(ValueError):
    """What is wrong with an MHTML file, in one line."""


def is_mhtml(data: bytes) -> bool:
    """True for the bytes of a page saved as one MHTML file."""
    head = data[:4096].lstrip().replace(b"\r\n", b"\n")
    return head[:40].lower().startswith((b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:",
                                         b"snapshot-content-location:", b"x-")) and bool(MHTML_HEADER.match(head))


def html_part(data: bytes) -> tuple[bytes, str | None]:
    """The bytes of the page inside (transfer encoding undone) and the charset its header names."""
    multiparts = len(MULTIPART.findall(data))
    if multiparts > MAX_MULTIPARTS:
        raise MhtmlError(f"MHTML file of {multiparts:,} multipart parts (parts holding parts, nested in one another: "
                         f"a saved page has one or two, at most {MAX_MULTIPARTS}): not a saved page")
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    raise MhtmlError("MHTML file without a web page in it (no text/html part)")
