"""A series' own templates tried before an export does: ``jeudis check``'s part of them.

A template in the series' ``templates/`` folder may not compile (an ``{% if %}``
never closed, a filter that does not exist), or compile and still fail on a post
(``post.hots``, a filter given the wrong value, an include of a file not there):
``jeudis export`` would find it only then, half-way through a site perhaps.
Here each file is compiled, then every output export makes is rendered, in
memory, from one post of the series: its most recent interview, or a small
sample when it has none yet; and from the same filled out, to take the branches
it does not (a draft's banner on a finished post, the link to a newer post, a
photo), and bare (:mod:`jeudis.export.samples`). A mistake is said as export
says it (file and line, :func:`jeudis.export.templating.template_errors`).

Imported only when a series has a ``templates/`` folder: it brings in Jinja.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from jeudis.errors import FileProblem, JeudisError
from jeudis.export.model import Post, build_post, page_href
from jeudis.export.render import SiteInfo
from jeudis.export.samples import SAMPLE
from jeudis.export.values import value_markdown
from jeudis.files import of_the_system, read_bytes
from jeudis.interview import Interview
from jeudis.interview_reading import load_interview
from jeudis.links import TEMPLATE, out_problem
from jeudis.paths import BUNDLED_TEMPLATES, Series

if TYPE_CHECKING:
    import jinja2

    from jeudis.roundup import Roundup


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
        and not of_the_system(path.name)
    }
    problems: list[FileProblem] = []
    sources: dict[str, str] = {}
    for name, path in files.items():
        if refused := out_problem(series.root, path, TEMPLATE):  # export stops at it
            problems.append(refused)
            continue
        try:
            sources[name] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            problems.append(FileProblem(path, "not UTF-8 text"))
        except OSError as error:
            problems.append(FileProblem(path, f"cannot be read ({error.strerror})"))
    for name in bundled_names():  # export would stop at it (not a file: jeudis says which)
        path = folder / name
        if name not in files and os.path.lexists(path) and not path.is_file():
            try:
                read_bytes(path)
            except FileProblem as refused:
                problems.append(refused)
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
    """The renders the trial makes: of the newest post, and of it filled out and bare."""
    from jeudis.export import samples

    interview, post = _post(series)
    site = SiteInfo.from_settings(series.root, series.settings)
    site.index_href, site.feed_href = "index.html", "feed.xml"  # as in a site export --all makes
    renders = _outputs(series, [post], site, _roundup(interview, post, site))
    # The branches the newest post does not take: taken by the same filled out, in each
    # style, and left by the same bare (its index lists no post yet).
    full_site = samples.filled_site(site)
    filled = samples.filled_posts(interview, series.settings, full_site)
    question = filled[0].items[0].question_raw
    roundup = samples.filled_roundup(filled, full_site, question)
    others = samples.index_others(filled)
    renders += _outputs(series, filled, full_site, roundup, others=others)
    single = replace(site, feed_href="")  # a page exported alone links no feed
    bare = samples.bare_post(interview, series.settings, single)
    renders += _outputs(series, [bare], single, None, listed=False)
    return renders


def _outputs(
    series: Series,
    posts: list[Post],
    site: SiteInfo,
    quoted: Roundup | None,
    *,
    others: list[dict[str, object]] | None = None,
    listed: bool = True,
) -> list[Callable[[], object]]:
    """Every output export makes of ``posts``: each one's page, fragment and Markdown in
    each flavor; their WordPress file, index (``others``: the other questionnaires' ones,
    when the site has several; ``listed=False``: none of them published), feed and
    sitemap; and ``quoted``'s roundup in each format, its Markdown in each flavor."""
    from jeudis import roundup_post
    from jeudis.export import listings, sitebuild
    from jeudis.export.frontmatter import FLAVORS
    from jeudis.export.render import fragment, markdown, page, wxr

    items = [sitebuild.index_item(series, post, site) for post in posts]
    title = listings.site_title(site, items)
    # A sitemap lists absolute URLs: a site has none without a base URL, but may have later.
    mapped = replace(site, base_url=site.base_url or "https://example.org")
    renders: list[Callable[[], object]] = []
    for post in posts:
        renders += [
            partial(page, post, site),
            partial(fragment, post, site, wordpress=True),
            *(partial(markdown, post, site, flavor) for flavor in (None, *FLAVORS)),
        ]
    # An index of its questionnaire's posts links the site's home: one of several.
    name = f"index-{posts[0].questionnaire}.html" if others else "index.html"
    shown = items if listed else []
    feed = [post for post in posts if not post.draft] or posts
    renders += [
        partial(wxr, posts, site),
        partial(listings.index_page, series, site, name, title, shown, others or []),
        lambda: listings.feed_page(
            series, site, title, [(post, fragment(post, site, feed=True)) for post in feed]
        ),
        partial(listings.sitemap_page, series, mapped, ["index.html"], items),
    ]
    if quoted is not None:
        renders.append(partial(roundup_post.render, series, quoted, "html"))
        renders += [
            partial(roundup_post.render, series, quoted, "md", flavor=flavor)
            for flavor in (None, *FLAVORS)
        ]
        renders.append(partial(roundup_post.render, series, quoted, "html", wordpress=True))
    return renders


def _post(series: Series) -> tuple[Interview, Post]:
    """The most recent interview as export makes its post (its links to the others
    included), or the sample when the series has none, or it does not read (check
    says why)."""
    from jeudis import listing
    from jeudis.export import posts_for

    try:
        path = listing.latest(series)
        return load_interview(path), posts_for(series, [path], include_drafts=True)[0]
    except JeudisError:
        interview = replace(SAMPLE, language=str(series.settings.get("language") or "fr"))
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
        title=first.question,
        subtitle=roundup.answered(1, post.language),
        language=post.language,
        entries=[entry],
    )
