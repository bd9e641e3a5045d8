"""Author and translated text written into CSS and HTML: one escaping for every style sheet
and ``style`` attribute (:func:`css_string`), and a translated sentence around a link
(:func:`around`).

(HTML and XML text and attributes go through :func:`html.escape` with ``quote=True``; a
link's URL is held to :func:`scrutiny.markdown.inline.link_allowed`; JSON in a
``<script>`` element through :func:`scrutiny.site.meta.script_json`.)
"""

from __future__ import annotations

from html import escape


def css_string(text: str) -> str:
    """A CSS string literal of ``text``, quotes included: anything but letters, digits and
    spaces escaped as a hex code point (CSS Syntax 3, 4.3.7), so no text can close the
    string, the declaration, the rule or the ``<style>`` element (``<`` is ``\\3c``).
    Characters CSS cannot hold (NUL, surrogates, controls) become U+FFFD."""
    out = []
    for c in str(text):
        if c.isalnum() or c == " ":
            out.append(c)
        elif c == "\x00" or "\ud800" <= c <= "\udfff" or (ord(c) < 0x20 and c not in "\t\n\r\f"):
            out.append("\\fffd ")
        else:
            out.append(f"\\{ord(c):x} ")
    return '"' + "".join(out) + '"'


def around(message: str, place: str, html: str) -> str:
    """A translated sentence as HTML: its words escaped, ``html`` (a link, already HTML) put
    where the sentence has ``place`` ("%(link)s"), wherever the language puts it."""
    before, _sep, after = message.partition(place)
    return escape(before) + html + escape(after)
