"""The one Jinja environment: bundled templates, overridable by a series' ``templates/``.

Autoescape is on for ``.html``, ``.xml`` and ``.atom`` templates; Markdown
templates (``.md``) receive text already made inert by the exporter. The
variables each template receives are documented in ``docs/templates.md``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Imported by exports alone, which hold both already (Jinja needs markupsafe): at
# the top, not in each filter, where importing again took a microsecond or more at
# each of the forty calls of a page.
from markupsafe import Markup

from jeudis.export.bidi import against, directed, isolated, isolated_text
from jeudis.files import of_the_system
from jeudis.paths import BUNDLED_TEMPLATES, CACHE_FOLDER, Series, real_folder
from jeudis.wording import right_to_left

if TYPE_CHECKING:
    import jinja2


def _jsonld(value: Any) -> Any:
    """JSON for a ``<script type="application/ld+json">`` block: cannot close it."""
    try:
        text = _laid_out(value)
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


class _Unusual(Exception):
    """A value :func:`_laid_out` leaves to ``json.dumps``."""


def _laid_out(value: Any, depth: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, default=str)``, its strings
    encoded by the C encoder: given an indent, json falls back to a Python encoder of
    generators, twice as slow on a post's JSON-LD. Texts, whole numbers, booleans,
    None, lists and tables of text keys are laid out here; anything else (a float, a
    key that is no text, nesting deeper than any JSON-LD) raises :class:`_Unusual`."""
    if isinstance(value, str):
        return _quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) or depth == _DEEPEST:
        raise _Unusual
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        line = "\n" + "  " * (depth + 1)
        inner = ("," + line).join([_laid_out(item, depth + 1) for item in value])
        return f"[{line}{inner}\n{'  ' * depth}]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        line = "\n" + "  " * (depth + 1)
        inner = ("," + line).join(
            [f"{_key(key)}: {_laid_out(item, depth + 1)}" for key, item in value.items()]
        )
        return f"{{{line}{inner}\n{'  ' * depth}}}"
    return _quoted(str(value))  # default=str


def _key(key: Any) -> str:
    if isinstance(key, str):
        return _quoted(key)
    raise _Unusual


_quoted = json.encoder.encode_basestring
# Deeper, a table may hold itself: json.dumps says so.
_DEEPEST = 64


def _cdata(value: Any) -> Any:
    """A CDATA section holding any text, ``]]>`` included."""
    text = str(value).replace("]]>", "]]]]><![CDATA[>")
    return Markup(f"<![CDATA[{text}]]>")


def _md(value: Any) -> str:
    from jeudis.export.cleaning import inline_text

    return inline_text(str(value))


def md_url(value: Any) -> str:
    """A URL as a Markdown link's target: nothing in it ends the link or breaks its line."""
    return _MD_URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", str(value))


# Spaces and controls (a line break would end the link, and open a block), the
# characters that close a target or escape its closer.
_MD_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f()<>\\]")


def _speaker_html(html: Any, label: str) -> Any:
    """Put a dialogue speaker's name in front of the first paragraph of an answer.

    A paragraph laid out the way its first letter reads (``dir="auto"``, see
    :func:`_auto_dir`) keeps its direction: the name, which may read the other way
    ("Sara" before an answer in Arabic), is set apart with a direction of its own.
    """
    text = str(html)
    for opening, strong in (("<p>", "<strong>"), (_AUTO_P, '<strong dir="auto">')):
        if text.startswith(opening):
            return Markup(f"{opening}{strong}{{}}</strong> ").format(label) + Markup(
                text[len(opening) :]
            )
    return Markup("<p><strong>{}</strong></p>\n").format(label) + Markup(text)


_AUTO_P = '<p dir="auto">'


def _auto_dir(html: Any, language: str) -> Any:
    """A guest's HTML (an answer) with ``dir="auto"`` on each block whose first letter
    reads the other way from a page in ``language``: Arabic in a French post."""
    text = str(html)
    out = directed(text, right_to_left(str(language)))
    # Most blocks read the page's way: the HTML handed back as it came, not copied.
    return html if out is text and isinstance(html, Markup) else Markup(out)


def _auto_dir_attribute(text: Any, language: str) -> Any:
    """`` dir="auto"`` for an element holding only ``text`` (a guest's name) when its
    first letter reads the other way from a page in ``language``; else nothing."""
    return Markup(' dir="auto"') if against(str(text), right_to_left(str(language))) else ""


def _bdi(text: Any, language: str, name: Any = None) -> Any:
    """``text`` with a guest's ``name`` in it (the whole text when None) in a ``<bdi>``
    where the name holds a letter read the other way from a page in ``language``: a
    name in Arabic in a French title, byline or link (see :func:`jeudis.export.bidi.isolated`)."""
    whole = str(text)
    return isolated(whole, whole if name is None else str(name), right_to_left(str(language)))


def _isolate(text: Any, language: str, name: Any) -> str:
    """``text`` with a guest's ``name`` in it between Unicode's isolates, where the name
    holds a letter read the other way from a post in ``language``: plain text's
    :func:`_bdi`, for a ``<title>``, an attribute, a feed's or WordPress's title (see
    :func:`jeudis.export.bidi.isolated_text`)."""
    return isolated_text(str(text), str(name), right_to_left(str(language)))


def _speaker_md(markdown: Any, label: str) -> str:
    from jeudis.export.cleaning import inline_text

    text = str(markdown)
    head = f"**{inline_text(label)}**"
    if _OWN_BLOCK.match(text):
        return f"{head}\n\n{text}"
    return f"{head} {text}"


# An answer opening on a block of its own (a list, a quote, a heading, code): the
# speaker's name goes on the line above. A list marker or a heading's # is one only
# before a space: "1.5 million", "*Never*", "#jeudis" and "-3 °C" are the paragraph's
# first words, and take the name in front of them.
_OWN_BLOCK = re.compile(r"\s*(?:(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:[ \t]|\n|$)|[>|]|```|~~~|    )")


def _rtl(language: str) -> bool:
    return right_to_left(language)


def _english() -> Callable[[Any, str], Any]:
    """The filter of jeudis's English words in a page in ``language``, marked as English
    where it has no words of that language (see :func:`jeudis.export.model.in_english`)."""
    from jeudis.export.model import in_english  # once, not at each of a page's words

    return lambda value, language: in_english(value, str(language))


# Every option that shapes the compiled code (autoescape is decided when a template
# is compiled): part of the bytecode cache's name, so a cached template is never run
# under options it was not compiled with.
_AUTOESCAPED = ("html", "xml", "atom")
_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "auto_reload": False,
}


@cache
def _environment(override: Path | None, cache_dir: Path | None) -> jinja2.Environment:
    import jinja2

    folders = [str(override)] if override is not None else []
    folders.append(str(BUNDLED_TEMPLATES))
    env = jinja2.Environment(
        loader=_loader(override, folders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=_AUTOESCAPED, default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_bytecode_cache(cache_dir) if cache_dir is not None else None,
        **_OPTIONS,
    )
    env.filters.update(jsonld=_jsonld, cdata=_cdata, md=_md, md_url=md_url, speaker=_speaker_html)
    env.filters["speaker_md"] = _speaker_md
    env.filters["english"] = _english()  # {{ words.by | english(post.language) }}
    env.filters["auto_dir"] = _auto_dir  # {{ item.html | auto_dir(post.language) }}
    env.filters["auto_dir_attribute"] = _auto_dir_attribute
    env.filters["bdi"] = _bdi  # {{ post.title_text | bdi(post.language, post.guest_text) }}
    env.filters["isolate"] = _isolate  # {{ post.title | isolate(post.language, post.guest) }}
    env.tests["rtl"] = _rtl  # {% if post.language is rtl %} dir="rtl"{% endif %}
    return env


def _loader(override: Path | None, folders: list[str]) -> jinja2.BaseLoader:
    """The series' templates first, then the bundled ones. Jinja passes over a name that
    is no file (a folder, a link to nothing) to the bundled template of that name:
    here it is said, as it would be of an interview (its host meant their own)."""
    import jinja2

    from jeudis.files import read_bytes
    from jeudis.links import TEMPLATE, refuse_out

    class SeriesLoader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            if override is not None:
                path = override.joinpath(*jinja2.loaders.split_template_path(template))
                if os.path.lexists(path) and not path.is_file():
                    read_bytes(path)  # raises, saying what is there
                # A link out of the series (a file of the host's) is no template of it.
                refuse_out(override.parent, path, TEMPLATE)
            return super().get_source(environment, template)

    return SeriesLoader(folders)


def _bytecode_cache(cache_dir: Path) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the series' cache folder, as Python keeps ``.pyc`` files.

    Compiling the page templates takes about 20 ms, each time an export starts:
    most of the wait for one post. Jinja checks each template's source against
    its cached code; the folder's name holds jeudis's version and the options.
    The cache is best effort: a folder that cannot be written means no cache.

    Only code compiled on this machine is loaded. Jinja's check is a checksum of the
    template's source, which anyone can compute for a bundled template: a series
    received from someone else (a git repository, a zip) with a ``.jeudis-cache`` of
    theirs ran their code at its first export, templates of its own or none. So each
    file's identity as written (its inode and change time, which no copy keeps and
    no one sets) is noted beside it, and a file that is not as noted is compiled again.
    """
    import hashlib

    import jinja2

    from jeudis import __version__

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            path = Path(self._get_cache_filename(bucket))
            with contextlib.suppress(OSError, ValueError), path.open("rb") as code:
                noted = path.with_name(path.name + ".own").read_text(encoding="ascii")
                if noted == _identity(os.fstat(code.fileno())):
                    bucket.load_bytecode(code)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            # Read-only, full: the template was compiled all the same.
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)
                path = Path(self._get_cache_filename(bucket))
                path.with_name(path.name + ".own").write_text(
                    _identity(path.stat()), encoding="ascii"
                )

    shape = repr((sorted(_OPTIONS.items()), _AUTOESCAPED)).encode()
    options = hashlib.sha1(shape, usedforsecurity=False).hexdigest()[:8]
    # Folders of their own, never links: jinja would write (and load code) where they lead.
    own = real_folder(cache_dir, make=True)
    folder = real_folder(own / f"templates-{__version__}-{options}", make=True) if own else None
    return QuietCache(str(folder), "%s.jinja") if folder else None


def _identity(status: os.stat_result) -> str:
    """A file as written here: the same file, never changed since (see :func:`_bytecode_cache`)."""
    return f"{status.st_dev}:{status.st_ino}:{status.st_ctime_ns}:{status.st_size}"


# The environments found while a site is written (see :func:`pinned`), by series; None
# outside one.
_PINNED: dict[Path | None, jinja2.Environment] | None = None


@contextlib.contextmanager
def pinned() -> Iterator[None]:
    """Within it, a series' environment is found once (its ``templates/`` folder looked
    at on disk once), not at each page: two system calls and a tenth of a millisecond
    a post, on every post of a site. Workers forked inside keep what was found."""
    global _PINNED
    before = _PINNED
    _PINNED = {} if before is None else before
    try:
        yield
    finally:
        _PINNED = before


def environment(series_root: Path | None) -> jinja2.Environment:
    """The environment for a series: its ``templates/`` first, then the bundled ones."""
    if _PINNED is None:
        return _find_environment(series_root)
    found = _PINNED.get(series_root)
    if found is None:
        found = _PINNED[series_root] = _find_environment(series_root)
    return found


def _find_environment(series_root: Path | None) -> jinja2.Environment:
    if series_root is None:
        return _environment(None, None)
    override = series_root / "templates"
    if override.is_dir():
        return _environment(override, series_root / CACHE_FOLDER)
    Series(series_root).refuse_misplaced("templates")
    return _environment(None, series_root / CACHE_FOLDER)


def render(series_root: Path | None, name: str, **context: Any) -> str:
    with template_errors(series_root, name):
        return environment(series_root).get_template(name).render(**context)


def load(series_root: Path | None, name: str) -> jinja2.Template:
    """A template compiled (before workers fork, say), its errors said like render's."""
    with template_errors(series_root, name):
        return environment(series_root).get_template(name)


@contextlib.contextmanager
def template_errors(series_root: Path | None, name: str) -> Iterator[None]:
    """A template's mistakes as one-line errors with the file and line, not tracebacks."""
    import jinja2

    from jeudis.errors import FileProblem, JeudisError

    try:
        yield
    except JeudisError:  # said already (a template that is a folder), with its path
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise FileProblem(
            exc.filename or name, f"template error: {exc.message}", line=exc.lineno
        ) from None
    except jinja2.TemplateNotFound as exc:
        file, line = _series_frame(exc, series_root) or (name, None)
        raise FileProblem(file, f"template error: no template {exc.name!r}", line=line) from None
    except jinja2.UndefinedError as exc:
        file, line = _series_frame(exc, series_root) or (name, None)
        raise FileProblem(
            file,
            f"template error: {_as_documented(exc.message or '')}",
            line=line,
            hint="docs/templates.md lists the variables",
        ) from None
    except UnicodeDecodeError:
        raise FileProblem(_undecodable(series_root) or name, "not UTF-8 text") from None
    except Exception as exc:
        # An error in the series' own template code (a division by zero, a filter
        # given the wrong value, an include that includes itself): its file and line.
        # One in the bundled templates is jeudis's own bug, and keeps its traceback.
        found = _series_frame(exc, series_root)
        if found is None:
            raise
        raise FileProblem(
            found[0], f"template error: {type(exc).__name__}: {exc}", line=found[1]
        ) from None


# The objects a template is given, by the names docs/templates.md gives them.
_DOCUMENTED = {"Post": "post", "Item": "item", "SiteInfo": "site", "Link": "post.prev / post.next"}


def _as_documented(message: str) -> str:
    """Jinja's "'jeudis.export.model.Post object' has no attribute 'hots'" as the docs
    say it: "post has no attribute 'hots'"."""

    def name(match: re.Match[str]) -> str:
        kind = match.group(1).rpartition(".")[2]
        return _DOCUMENTED.get(kind, kind.lstrip("_"))

    return re.sub(r"'([\w.]+) object'", name, message)


def _undecodable(series_root: Path | None) -> str | None:
    """The series' template that is not UTF-8 text (the loader does not say which)."""
    folder = series_root / "templates" if series_root is not None else None
    for path in sorted(folder.rglob("*")) if folder is not None and folder.is_dir() else []:
        try:
            if path.is_file() and not of_the_system(path.name):
                path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return str(path)
    return None


def _series_frame(exc: BaseException, series_root: Path | None) -> tuple[str, int] | None:
    """The innermost place in the series' ``templates/`` where ``exc`` was raised, if any."""
    if series_root is None:
        return None
    folder = os.path.normpath(series_root / "templates") + os.sep
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = os.path.normpath(tb.tb_frame.f_code.co_filename)
        if filename.startswith(folder):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
