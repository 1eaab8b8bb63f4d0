"""A series' own templates tried before an export does: ``jeudis check``'s part of them.

A template in the series' ``templates/`` folder may not compile (an ``{% if %}``
never closed, a filter that does not exist), or compile and still fail on a post
(``post.hots``, a filter given the wrong value, an include of a file not there):
``jeudis export`` would find it only then, half-way through a site perhaps.
Here each file is compiled, then every output export makes is rendered once, in
memory, from one post of the series: its most recent interview, or a small
sample when it has none yet. A mistake is said as export says it (file and line,
:func:`jeudis.export.templating.template_errors`). A branch the post does not
take (a draft's banner on a finished post, say) is not rendered.

Imported only when a series has a ``templates/`` folder: it brings in Jinja.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem, JeudisError
from jeudis.export.model import Post, build_post, page_href, value_markdown
from jeudis.export.render import SiteInfo
from jeudis.interview import Answer, Interview
from jeudis.interview_reading import load_interview
from jeudis.paths import BUNDLED_TEMPLATES, Series

if TYPE_CHECKING:
    import jinja2

    from jeudis.roundup import Roundup

# What the trial renders when the series has no interview yet: a little of everything
# a template may print (an intro, a site, a follow-up, a list, a number, a date).
_SAMPLE = Interview(
    questionnaire="exemple",
    guest="Camille Exemple",
    slug="camille-exemple",
    title="Les jeudis de Camille Exemple",
    register="vous",
    host="Hôte",
    date=dt.date(2011, 4, 7),
    status="complete",
    fields={
        "intro": "Camille écrit *depuis longtemps*.",
        "site": "https://example.org",
        "twitter": "camille",
    },
    answers=[
        Answer("followers", "number", "Combien d'abonnés avez-vous ?", 8572),
        Answer("depuis", "date", "Depuis quand ?", dt.date(2009, 5, 1)),
        Answer("pourquoi", "long", "Pourquoi ?", "Pour lire :\n\n- des livres\n- la presse"),
        Answer("encore", "text", "Et encore ?", "Toujours.", followup=True),
    ],
)


@dataclass
class Findings:
    """What the templates hold: their mistakes (each once), and the files jeudis never reads."""

    problems: list[FileProblem]
    unused: list[Path]


def bundled_names() -> list[str]:
    """The templates jeudis reads, by name: a series' file of the same name overrides one."""
    return sorted(p.name for p in BUNDLED_TEMPLATES.iterdir() if p.is_file())


def check_templates(series: Series) -> Findings:
    """Compile the files of the series' ``templates/`` jeudis reads, then render each
    output export makes from a post; say which files it never reads."""
    folder = series.templates_dir
    files = {
        path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }
    problems: list[FileProblem] = []
    sources: dict[str, str] = {}
    for name, path in files.items():
        try:
            sources[name] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            problems.append(FileProblem(path, "not UTF-8 text"))
        except OSError as error:
            problems.append(FileProblem(path, f"cannot be read ({error.strerror})"))
    unused = _unused(series, sources, files)
    # Not a misspelt name's file, which jeudis never reads: it may hold anything.
    known = bundled_names()
    compiled = [name for name in sources if name in known or name not in unused]
    problems += _compile(series, compiled, sources)
    # A file that does not compile fails each render that reads it: said once. So is
    # a mistake in a file several outputs read (article.html, in pages and fragments).
    said = {problem.path for problem in problems}
    for problem in _trial(series) if compiled else []:
        if problem.path not in said:
            said.add(problem.path)
            problems.append(problem)
    return Findings(problems, [files[name] for name in unused])


# The templates export and compare render by name; the others (article.html, style.css)
# are read only when one of these includes them.
RENDERED = (
    "post.html",
    "fragment.html",
    "post.md",
    "wxr.xml",
    "index.html",
    "feed.atom",
    "sitemap.xml",
    "roundup.html",
    "roundup-fragment.html",
    "roundup.md",
)


def _unused(series: Series, sources: dict[str, str], files: dict[str, Path]) -> list[str]:
    """The files jeudis never reads: no template it renders leads to them (through
    include, import or extends), the series' own or, where it has none, the bundled one.

    A file that does not compile is taken to lead to every file it names; one that
    includes a name it computes, to any file: neither makes another unused.
    """
    import jinja2
    import jinja2.meta

    from jeudis.export.templating import environment

    env = environment(series.root)

    def leads(name: str) -> set[str] | None:
        """The templates ``name`` reads (None: any, a name it computes)."""
        text = sources.get(name)
        if text is None and name not in files and (BUNDLED_TEMPLATES / name).is_file():
            text = (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8")
        if text is None:
            return set()
        try:
            found = set(jinja2.meta.find_referenced_templates(env.parse(text)))
        except jinja2.TemplateSyntaxError:
            return {other for other in files if other in text}
        return None if None in found else {str(other) for other in found}

    # The series' own first: the bundled ones are read only while a file is left unreached.
    todo = sorted(RENDERED, key=lambda name: name in files)
    seen = set(todo)
    while todo and not set(files) <= seen:
        found = leads(todo.pop())
        if found is None:
            return []
        todo += sorted(found - seen)
        seen |= found
    return [name for name in files if name not in seen]


def includers(name: str) -> list[str]:
    """The bundled templates that include ``name``: why a series' file of that name
    is read, when the series' own templates do not include it."""
    import jinja2.meta

    from jeudis.export.templating import environment

    env = environment(None)
    return [
        other
        for other in bundled_names()
        if name
        in jinja2.meta.find_referenced_templates(
            env.parse((BUNDLED_TEMPLATES / other).read_text(encoding="utf-8"))
        )
    ]


def _compile(series: Series, names: list[str], sources: dict[str, str]) -> list[FileProblem]:
    from jeudis.export.templating import load, template_errors

    problems = []
    for name in names:
        try:
            template = load(series.root, name)
            with template_errors(series.root, name):
                _only_known_filters(template.environment, sources[name], name, template.filename)
        except FileProblem as problem:
            problems.append(problem)
    return problems


def _only_known_filters(
    env: jinja2.Environment, source: str, name: str, filename: str | None
) -> None:
    """Raise Jinja's own error for a filter or test that does not exist, as compiling does,
    inside an ``{% if %}`` too: Jinja leaves it to the render there (the environment
    may gain it), which the trial's post may never take. jeudis's never gains one.
    A name the template tests for first (``"x" is filter``) is its own business.
    """
    import jinja2
    from jinja2 import nodes

    tree = env.parse(source, name, filename)
    asked = {
        test.node.value
        for test in tree.find_all(nodes.Test)
        if test.name in ("filter", "test") and isinstance(test.node, nodes.Const)
    }
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, known = (
            ("filter", env.filters) if isinstance(node, nodes.Filter) else ("test", env.tests)
        )
        if node.name not in known and node.name not in asked:
            message = f"No {kind} named {node.name!r}."
            raise jinja2.TemplateAssertionError(message, node.lineno, name, filename)


def _trial(series: Series) -> list[FileProblem]:
    """Every output export makes, rendered from one post: what fails, and where."""
    try:
        renders = _renders(series)
    except FileProblem as problem:  # the series' settings do not read: no export runs either
        return [problem]
    problems = []
    for render in renders:
        try:
            render()
        except FileProblem as problem:
            problems.append(problem)
    return problems


def _renders(series: Series) -> list[Callable[[], object]]:
    from jeudis import roundup
    from jeudis.export import listings, sitebuild
    from jeudis.export.frontmatter import FLAVORS
    from jeudis.export.render import fragment, markdown, page, wxr

    interview, post = _post(series)
    site = SiteInfo.from_settings(series.root, series.settings)
    site.index_href, site.feed_href = "index.html", "feed.xml"  # as in a site export --all makes
    item = sitebuild.index_item(series, post, site)
    title = listings.site_title(site, [item])
    # A sitemap lists absolute URLs: a site has none without a base URL, but may have later.
    mapped = replace(site, base_url=site.base_url or "https://example.org")
    renders: list[Callable[[], object]] = [
        lambda: page(post, site),
        lambda: fragment(post, site, wordpress=True),
        *(partial(markdown, post, site, flavor) for flavor in (None, *FLAVORS)),
        lambda: wxr([post], site),
        lambda: listings.index_page(series, site, "index.html", title, [item], []),
        lambda: listings.feed_page(series, site, title, [(post, fragment(post, site, feed=True))]),
        lambda: listings.sitemap_page(series, mapped, ["index.html"], [item]),
    ]
    quoted = _roundup(interview, post, site)
    if quoted is not None:
        renders += [partial(roundup.render, series, quoted, fmt) for fmt in roundup.FORMATS]
        renders.append(partial(roundup.render, series, quoted, "html", wordpress=True))
    return renders


def _post(series: Series) -> tuple[Interview, Post]:
    """The most recent interview as export makes its post (its links to the others
    included), or the sample when the series has none, or it does not read (check
    says why)."""
    from jeudis import storage
    from jeudis.export import posts_for

    try:
        path = storage.latest(series)
        return load_interview(path), posts_for(series, [path], include_drafts=True)[0]
    except JeudisError:
        interview = replace(_SAMPLE, language=str(series.settings.get("language") or "fr"))
        post = build_post(interview, series.settings)
        SiteInfo.from_settings(series.root, series.settings).place(post)
        return interview, post


def _roundup(interview: Interview, post: Post, site: SiteInfo) -> Roundup | None:
    """A roundup of the post's first answer, as ``jeudis compare`` makes one."""
    from jeudis import roundup

    first = next((a for a in interview.given_answers() if not a.followup), None)
    if first is None:
        return None
    entry = roundup.Entry(
        guest=interview.guest,
        slug=post.slug,
        date=interview.date,
        asked=first.question,
        value=first.value,
        text=value_markdown(first, post.language),
        href=site.url(page_href(post.slug)) or page_href(post.slug),
        reworded=first.reworded,
        language=post.language,
    )
    return roundup.Roundup(
        questionnaire=post.questionnaire,
        series=post.series,
        question_id=first.id,
        question=first.question,
        title=f"{first.question} {roundup.answered(1, post.language)}",
        language=post.language,
        entries=[entry],
    )
