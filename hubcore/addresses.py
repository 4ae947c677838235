"""What an address may be, wherever one is written: in a page's links, images and embeds
(html_policy.py), in front matter and data files, and in an Office file's links (office_packages.py).

One rule for each kind of address, so that a product's ``url``, a licence's
``url`` in data/taxonomies.yml and a link in a page cannot differ in what they
let through: an address printed in an attribute must not be able to end it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Schemes a link may use; everything else (javascript:, data:, file:, ftp:...) is refused.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
# An address of another site given in front matter or a data file (a product's url, an event's
# recording, a licence, the publisher's contact): https://, a host, and no white space, quote or
# angle bracket, which could end the attribute it is printed in. The JSON Schemas and the browser
# editor check the same pattern (no backslash before the quote: editors compile patterns as
# Unicode regular expressions, where an escaped quote is an error).
HTTPS_PATTERN = "^https://[^\\s/$.?#][^\\s<>\"']*$"
_HTTPS = re.compile(HTTPS_PATTERN)


def https_url(value: object) -> bool:
    """Whether ``value`` is an https:// address of another site (HTTPS_PATTERN)."""
    return isinstance(value, str) and _HTTPS.match(value) is not None


def on_this_site(url: str) -> bool:
    """Whether ``url`` (normalised) is a path on this site rather than another site's address."""
    return bool(url) and not SCHEME.match(url) and not url.startswith("//")


def normalise_url(value: str) -> str:
    """An attribute value as a browser takes it as an address (WHATWG URL: strip, drop tabs and newlines)."""
    return value.strip(_C0_OR_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")


def url_problem(url: str, purpose: str, embed_hosts: frozenset[str] = frozenset()) -> str | None:
    """Why ``url`` may not be used as a link, image or embed (``purpose``), or None."""
    scheme_match = SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if "\\" in url:
        return f"'{url}' is a Windows path: use '/' between folders and link to a file under docs/"
    if len(scheme) == 1:
        return f"'{url}' is a path on someone's computer: put the file under docs/ and link to it"
    if scheme == "file":
        return f"'{url}' points at a file on someone's computer: put the file under docs/ and link to it"
    if scheme in ("javascript", "vbscript", "livescript"):
        return f"script URL in {'an' if purpose[0] in 'aeiou' else 'a'} {purpose} is not allowed"
    if purpose == "embed":
        host = urlsplit(url).hostname if scheme == "https" else None
        if host not in embed_hosts:
            hosts = ", ".join(sorted(embed_hosts)) or "none"
            return (f"<iframe> is only allowed from https hosts in the embed allowlist "
                    f"(data/site.yml: {hosts})")
        return None
    if purpose == "image":
        if scheme or url.startswith("//"):
            if scheme == "data":
                return "images must be files under docs/ (in the section's files/ folder), not data: URLs"
            return ("image from another host: the site's Content-Security-Policy allows images from "
                    "the site itself only; put the file under docs/")
        return None
    if scheme and scheme not in LINK_SCHEMES:
        return (f"links may use https:, http: or mailto: addresses or point at this site "
                f"(found '{scheme}:')")
    return None
