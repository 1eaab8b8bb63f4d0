"""The one Jinja environment: bundled templates, overridable by a series' ``templates/``.

Autoescape is on for ``.html``, ``.xml`` and ``.atom`` templates; Markdown
templates (``.md``) receive text already made inert by the exporter. The
variables each template receives are documented in ``docs/templates.md``.
"""

from __future__ import annotations

import contextlib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jeudis.paths import BUNDLED_TEMPLATES, CACHE_FOLDER

if TYPE_CHECKING:
    import jinja2


def _jsonld(value: Any) -> Any:
    """JSON for a ``<script type="application/ld+json">`` block: cannot close it."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _cdata(value: Any) -> Any:
    """A CDATA section holding any text, ``]]>`` included."""
    from markupsafe import Markup

    text = str(value).replace("]]>", "]]]]><![CDATA[>")
    return Markup(f"<![CDATA[{text}]]>")


def _md(value: Any) -> str:
    from jeudis.export.markup import inline_text

    return inline_text(str(value))


def _md_url(value: Any) -> str:
    return (
        str(value).replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
    )


def _speaker_html(html: Any, label: str) -> Any:
    """Put a dialogue speaker's name in front of the first paragraph of an answer."""
    from markupsafe import Markup

    text = str(html)
    if text.startswith("<p>"):
        return Markup("<p><strong>{}</strong> ").format(label) + Markup(text[3:])
    return Markup("<p><strong>{}</strong></p>\n").format(label) + Markup(text)


def _speaker_md(markdown: Any, label: str) -> str:
    from jeudis.export.markup import inline_text

    text = str(markdown)
    head = f"**{inline_text(label)}**"
    if re.match(r"\s*(?:[-*+>#|]|\d+[.)]|```|~~~|    )", text):
        return f"{head}\n\n{text}"
    return f"{head} {text}"


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
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=_AUTOESCAPED, default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_bytecode_cache(cache_dir) if cache_dir is not None else None,
        **_OPTIONS,
    )
    env.filters.update(jsonld=_jsonld, cdata=_cdata, md=_md, md_url=_md_url, speaker=_speaker_html)
    env.filters["speaker_md"] = _speaker_md
    return env


def _bytecode_cache(cache_dir: Path) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the series' cache folder, as Python keeps ``.pyc`` files.

    Compiling the page templates takes about 20 ms, each time an export starts:
    most of the wait for one post. Jinja checks each template's source against
    its cached code; the folder's name holds jeudis's version and the options.
    The cache is best effort: a folder that cannot be written means no cache.
    """
    import hashlib

    import jinja2

    from jeudis import __version__

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            # Read-only, full: the template was compiled all the same.
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    shape = repr((sorted(_OPTIONS.items()), _AUTOESCAPED)).encode()
    options = hashlib.sha1(shape, usedforsecurity=False).hexdigest()[:8]
    folder = cache_dir / f"templates-{__version__}-{options}"
    try:
        cache_dir.mkdir(exist_ok=True)  # never the series folder itself
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(folder), "%s.jinja")


def environment(series_root: Path | None) -> jinja2.Environment:
    """The environment for a series: its ``templates/`` first, then the bundled ones."""
    if series_root is None:
        return _environment(None, None)
    override = series_root / "templates"
    return _environment(override if override.is_dir() else None, series_root / CACHE_FOLDER)


def template_stamp(series_root: Path | None) -> str:
    """What the templates in use look like on disk, for the incremental export."""
    parts = []
    folders = [BUNDLED_TEMPLATES]
    if series_root is not None and (series_root / "templates").is_dir():
        folders.insert(0, series_root / "templates")
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def render(series_root: Path | None, name: str, **context: Any) -> str:
    import jinja2

    from jeudis.errors import FileProblem

    try:
        return environment(series_root).get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise FileProblem(
            exc.filename or name, f"template error: {exc.message}", line=exc.lineno
        ) from None
    except jinja2.UndefinedError as exc:
        raise FileProblem(
            name, f"template error: {exc.message}", hint="docs/templates.md lists the variables"
        ) from None
