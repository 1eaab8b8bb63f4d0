"""A slug as WordPress makes one: its ``sanitize_title``, step by step.

The WordPress importer finds a post's category and tags by their slugs. A slug
other than the one WordPress made when the host typed the same name in its
admin screens ("linterview-du-jeudi" for "L'interview du jeudi") is another
category, with the same name, and the imported posts go there. So the slug is
WordPress's own: ``remove_accents`` (the letters it folds, and those a locale
spells out), then ``sanitize_title_with_dashes`` as it runs when a term is saved.
"""

from __future__ import annotations

import re
import unicodedata

from jeudis.wording import SPELLED_OUT, primary_language

# The code points remove_accents folds to their letter (their canonical
# decomposition without its marks): Latin-1, Latin Extended-A, a few of -B
# (Vietnamese, pinyin, Romanian) and the Vietnamese letters of Latin Extended
# Additional. The others (ligatures, "ḱ", Greek, Cyrillic) it leaves alone.
_FOLDED = (
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x17F),
    (0x1A0, 0x1A1),
    (0x1AF, 0x1B0),
    (0x1CD, 0x1DC),
    (0x218, 0x21B),
    (0x1EA0, 0x1EF9),
)
# Those it spells out (no decomposition gives them), and two signs.
_SPELLED = {
    "ª": "a", "º": "o", "Æ": "AE", "æ": "ae", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o",
    "Þ": "TH", "þ": "th", "ß": "s", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i",
    "Ĳ": "IJ", "ĳ": "ij", "ĸ": "k", "Ŀ": "L", "ŀ": "l", "Ł": "L", "ł": "l", "ŉ": "n",
    "Ŋ": "N", "ŋ": "n", "Œ": "OE", "œ": "oe", "Ŧ": "T", "ŧ": "t", "ſ": "s", "ɑ": "a",
    "£": "", "€": "E",
}  # fmt: skip
# What sanitize_title_with_dashes does, saving, to the percent-encoded text.
_TO_DASH = (
    "%c2%a0", "%e2%80%93", "%e2%80%94",  # no-break space, en and em dashes
    "&nbsp;", "&#160;", "&ndash;", "&#8211;", "&mdash;", "&#8212;",
    "/",
    *(f"%e2%80%{byte:02x}" for byte in (*range(0x80, 0x8B), 0xA8, 0xA9, 0xAF)),  # spaces
)  # fmt: skip
_DROPPED = (
    "%c2%ad", "%c2%a1", "%c2%bf",  # soft hyphen, ¡ ¿
    "%c2%ab", "%c2%bb", "%e2%80%b9", "%e2%80%ba",  # guillemets
    "%e2%80%98", "%e2%80%99", "%e2%80%9c", "%e2%80%9d",  # curly quotes
    "%e2%80%9a", "%e2%80%9b", "%e2%80%9e", "%e2%80%9f",
    "%e2%80%a2", "%c2%a9", "%c2%ae", "%c2%b0", "%e2%80%a6", "%e2%84%a2",  # • © ® ° … ™
    "%c2%b4", "%cb%8a", "%cc%81", "%cd%81", "%cc%80", "%cc%84", "%cc%8c",  # accents
    *(f"%e2%80%{byte:02x}" for byte in (*range(0x8B, 0x90), *range(0xAA, 0xAF))),  # no width
    "%ef%bb%bf", "%ef%bf%bc",
)  # fmt: skip
_LONGEST = 200  # bytes, once percent-encoded


def sanitize_title(name: str, language: str = "fr") -> str:
    """The slug WordPress saves for ``name`` on a site in ``language`` ("" when
    nothing is left of it: WordPress then numbers the term)."""
    title = _strip_tags(_remove_accents(name, language))
    title = re.sub(r"%(?![0-9a-fA-F]{2})", "", title)  # a % that is no octet
    title = _encode(title.lower()).lower()
    for sequence in _TO_DASH:
        title = title.replace(sequence, "-")
    for sequence in _DROPPED:
        title = title.replace(sequence, "")
    title = title.replace("%c3%97", "x")  # ×
    title = re.sub(r"&.+?;", "", title).replace(".", "-")
    title = re.sub(r"[^%a-z0-9 _-]", "", title)
    title = re.sub(r"\s+", "-", title)
    return re.sub(r"-+", "-", title).strip("-")


def _remove_accents(text: str, language: str) -> str:
    text = unicodedata.normalize("NFC", text)  # as WordPress does with PHP's intl
    if text.isascii():
        return text
    spelled = SPELLED_OUT.get(primary_language(language), {})  # a site's locale changes a few
    out = []
    index = 0
    while index < len(text):
        if text.startswith("l·l", index) and "l·l" in spelled:
            out.append(spelled["l·l"])
            index += 3
            continue
        char = text[index]
        if char in spelled:
            out.append(spelled[char])
        elif char in _SPELLED:
            out.append(_SPELLED[char])
        elif any(low <= ord(char) <= high for low, high in _FOLDED):
            decomposed = unicodedata.normalize("NFD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _strip_tags(text: str) -> str:
    """PHP's strip_tags, for what a name holds: a tag, a comment, or a "<" opening one
    that never closes (the rest goes); a "<" before a space is text."""
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char != "<" or text[index + 1 : index + 2].isspace():
            out.append(char)
            index += 1
            continue
        if text.startswith("<!--", index):
            end = text.find("-->", index + 4)
            index = len(text) if end < 0 else end + 3
            continue
        quote = ""
        index += 1
        while index < len(text) and (quote or text[index] != ">"):
            if quote and text[index] == quote:
                quote = ""
            elif not quote and text[index] in "\"'":
                quote = text[index]
            index += 1
        index += 1
    return "".join(out)


def _encode(text: str) -> str:
    """utf8_uri_encode: other than ASCII percent-encoded, cut before the character
    that would pass 200 bytes."""
    out = []
    length = 0
    for char in text:
        unit = char if char.isascii() else "".join(f"%{b:02x}" for b in char.encode())
        if length + len(unit) > _LONGEST:
            break
        out.append(unit)
        length += len(unit)
    return "".join(out)
