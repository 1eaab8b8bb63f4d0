"""Posts in German, Spanish, Italian, Dutch and Portuguese: every word jeudis writes
around them, and every date, in the post's language.

A series in one of them, made with ``jeudis new --data-file`` as a host would, is
exported every way (a site with its indexes, feed and sitemap; one post as Markdown
for each generator, as HTML, as a fragment, as WordPress's file) and rounded up
(``jeudis compare -o``): no English word of jeudis's is left in any of them. They
wrote "Previous interview", "All interviews", "Atom feed", "2 guests answer" and
"March 4, 1953" there, in a post a German blogger could not publish.

A post in a language jeudis has no words for (Polish, Japanese, Arabic) reads
English's: each of them is marked as English (``lang="en"``, and ``dir="ltr"`` in a
language written from right to left), in every HTML jeudis makes, so that a screen
reader does not read "Previous interview" with Polish's sounds; none is in French's
or German's.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import html5lib
import pytest

from jeudis.dates import ENGLISH_MONTHS
from jeudis.export.frontmatter import FLAVORS
from jeudis.export.render import WORDS
from jeudis.roundup import ANSWERED
from jeudis.wording import YES_NO
from support import Invoke, write


@dataclass(frozen=True)
class Spoken:
    """A series in one language: its questionnaire's words, and what its posts must say."""

    language: str
    series: str  # the questionnaires' series, as their author names them
    title: str
    since: str  # a date question
    still: str  # a yes/no question quoting the date answer
    readers: str  # a number question
    story: str  # a long question, and its answer
    told: str
    date: str  # 1953-03-04 as the language writes it
    day: str  # 2011-06-09, an interview's date, as the language writes it
    locale: str  # the post's og:locale
    number: str  # 9200 as the language writes it
    yes: str
    # jeudis's words the posts must say: previous, next, by, website, draft, feed,
    # all interviews, no interview yet, read the interview, how many answer, a chart's
    # heads (a number's, a tally's).
    words: dict[str, str]
    # Words English and this language write alike (German's "Website").
    shared: frozenset[str] = frozenset({"Twitter"})


SPOKEN = [
    Spoken(
        language="de",
        series="Blogger im Gespräch",
        title="Im Gespräch mit {guest}",
        since="Seit wann bloggen Sie?",
        still="Seit dem {answer:seit}: bloggen Sie immer noch?",
        readers="Wie viele Leser haben Sie?",
        story="Ihre schönste Erinnerung?",
        told="Ein Treffen mit meinen Lesern in Köln.",
        date="4. März 1953",
        day="9. Juni 2011",
        locale="de_DE",
        number="9.200",
        yes="Ja",
        words={
            "previous": "Vorheriges Interview: ",
            "next": "Nächstes Interview: ",
            "by": " · von Alexis",
            "site": "Website: ",
            "draft": "Entwurf",
            "feed": "Atom-Feed",
            "index": "Alle Interviews",
            "none": "Noch kein Interview veröffentlicht.",
            "read": "Zum Interview",
            "answered": "2 Gäste antworten",
            "numbers": "| Gast | Antwort |",
            "tally": "| Antwort | Gäste |",
        },
        shared=frozenset({"Twitter", "Website", "Interviews"}),
    ),
    Spoken(
        language="es-MX",
        series="Blogueros en conversación",
        title="Conversación con {guest}",
        since="¿Desde cuándo escribes un blog?",
        still="Desde el {answer:seit}: ¿sigues escribiendo?",
        readers="¿Cuántos lectores tienes?",
        story="¿Tu mejor recuerdo?",
        told="Una cena con mis lectores en Puebla.",
        date="4 de marzo de 1953",
        day="9 de junio de 2011",
        locale="es_MX",
        number="9,200",
        yes="Sí",
        words={
            "previous": "Entrevista anterior: ",
            "next": "Entrevista siguiente: ",
            "by": " · por Alexis",
            "site": "Sitio web: ",
            "draft": "Borrador",
            "feed": "Feed Atom",
            "index": "Todas las entrevistas",
            "none": "Todavía no hay ninguna entrevista publicada.",
            "read": "Leer la entrevista",
            "answered": "2 invitados responden",
            "numbers": "| Invitado | Respuesta |",
            "tally": "| Respuesta | Invitados |",
        },
        shared=frozenset({"Twitter", "No"}),
    ),
    Spoken(
        language="it",
        series="Blogger a confronto",
        title="A colloquio con {guest}",
        since="Da quando scrivi un blog?",
        still="Dal {answer:seit}: scrivi ancora?",
        readers="Quanti lettori hai?",
        story="Il tuo ricordo più bello?",
        told="Una cena con i miei lettori a Torino.",
        date="4 marzo 1953",
        day="9 giugno 2011",
        locale="it_IT",
        number="9.200",
        yes="Sì",
        words={
            "previous": "Intervista precedente: ",
            "next": "Intervista successiva: ",
            "by": " · di Alexis",
            "site": "Sito web: ",
            "draft": "Bozza",
            "feed": "Feed Atom",
            "index": "Tutte le interviste",
            "none": "Ancora nessuna intervista pubblicata.",
            "read": "Leggi l’intervista",
            "answered": "2 ospiti rispondono",
            "numbers": "| Ospite | Risposta |",
            "tally": "| Risposta | Ospiti |",
        },
        shared=frozenset({"Twitter", "No"}),
    ),
    Spoken(
        language="nl-BE",
        series="Bloggers aan het woord",
        title="In gesprek met {guest}",
        since="Sinds wanneer blog je?",
        still="Sinds {answer:seit}: blog je nog steeds?",
        readers="Hoeveel lezers heb je?",
        story="Je mooiste herinnering?",
        told="Een etentje met mijn lezers in Gent.",
        date="4 maart 1953",
        day="9 juni 2011",
        locale="nl_BE",
        number="9.200",
        yes="Ja",
        words={
            "previous": "Vorig interview: ",
            "next": "Volgend interview: ",
            "by": " · door Alexis",
            "site": "Website: ",
            "draft": "Concept",
            "feed": "Atom-feed",
            "index": "Alle interviews",
            "none": "Nog geen interview gepubliceerd.",
            "read": "Lees het interview",
            "answered": "2 gasten antwoorden",
            "numbers": "| Gast | Antwoord |",
            "tally": "| Antwoord | Gasten |",
        },
        shared=frozenset({"Twitter", "Website", "Interviews"}),
    ),
    Spoken(
        language="pt-BR",
        series="Blogueiros em conversa",
        title="Conversa com {guest}",
        since="Desde quando você escreve um blog?",
        still="Desde {answer:seit}: você ainda escreve?",
        readers="Quantos leitores você tem?",
        story="Sua melhor lembrança?",
        told="Um jantar com meus leitores em Recife.",
        date="4 de março de 1953",
        day="9 de junho de 2011",
        locale="pt_BR",
        number="9.200",
        yes="Sim",
        words={
            "previous": "Entrevista anterior: ",
            "next": "Entrevista seguinte: ",
            "by": " · por Alexis",
            "site": "Site: ",
            "draft": "Rascunho",
            "feed": "Feed Atom",
            "index": "Todas as entrevistas",
            "none": "Ainda não há entrevistas publicadas.",
            "read": "Ler a entrevista",
            "answered": "2 convidados respondem",
            "numbers": "| Convidado | Resposta |",
            "tally": "| Resposta | Convidados |",
        },
    ),
]

# jeudis's English words: around a post, its yes and no, its months, a roundup's.
ENGLISH = [
    *WORDS["en"].values(),
    *YES_NO["en"],
    *ENGLISH_MONTHS,
    *(said.format("").strip() for said in ANSWERED["en"]),
    "Guest",
    "Answer",
    "Guests",
]
GUESTS = [("Ana Lima", "2011-06-02"), ("Bruno Costa", "2011-06-09"), ("Carla Rossi", "2011-06-16")]


def questionnaire(spoken: Spoken, qid: str, style: str) -> str:
    return (
        f'id = "{qid}"\ntitle = "{spoken.title}"\nseries = "{spoken.series} ({qid})"\n'
        f'language = "{spoken.language}"\nstyle = "{style}"\n\n'
        '[[fields]]\nid = "site"\ntext = "site"\nrequired = false\n\n'
        '[[fields]]\nid = "twitter"\ntext = "twitter"\nrequired = false\n\n'
        f'[[questions]]\nid = "seit"\ntype = "date"\ntext = "{spoken.since}"\n\n'
        f'[[questions]]\nid = "noch"\ntype = "yesno"\ntext = "{spoken.still}"\n\n'
        f'[[questions]]\nid = "leser"\ntype = "number"\ntext = "{spoken.readers}"\n\n'
        f'[[questions]]\nid = "story"\ntype = "long"\ntext = "{spoken.story}"\n'
    )


def visible(text: str) -> str:
    """What a reader reads of a page, a feed or a post: its text, not its markup, its
    comments nor its style sheet (English's "by" would be found in a CSS comment)."""
    text = re.sub(r"<!--.*?-->|<style>.*?</style>", " ", text, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    return html.unescape(text)  # a feed's content is HTML escaped once more


def english_left(spoken: Spoken, text: str) -> list[str]:
    """jeudis's English words in ``text``, but those the language writes alike."""
    return [
        word
        for word in ENGLISH
        if word not in spoken.shared and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    ]


@pytest.fixture(params=SPOKEN, ids=[spoken.language for spoken in SPOKEN])
def spoken(request: pytest.FixtureRequest) -> Spoken:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def made(series: Path, invoke: Invoke, spoken: Spoken) -> Path:
    """A series in ``spoken``'s language: three interviews of one questionnaire (the
    last a draft), one of another; no blog name, so that an index says its own."""
    (series / "questionnaires" / "twitter.toml").unlink()
    write(
        series / "jeudis.toml",
        f'language = "{spoken.language}"\nhost = "Alexis"\nbase_url = "https://blog.example/"\n',
    )
    write(series / "questionnaires" / "eins.toml", questionnaire(spoken, "eins", "numbered"))
    write(series / "questionnaires" / "zwei.toml", questionnaire(spoken, "zwei", "dialogue"))
    data = write(
        series.parent / "data.toml",
        '[fields]\nsite = "https://example.org/"\ntwitter = "beispiel"\n\n'
        f'[answers]\nseit = 1953-03-04\nnoch = true\nleser = 9200\nstory = "{spoken.told}"\n',
    )
    made = [("eins", *guest) for guest in GUESTS] + [("zwei", "Dirk Jansen", "2011-06-23")]
    for form, guest, date in made:
        run = invoke("new", form, "--guest", guest, "--date", date, "--data-file", data)
        assert run.exit_code == 0, run
    draft = series / "interviews" / "carla-rossi.toml"
    draft.write_text(
        draft.read_text("utf-8").replace('status = "complete"', 'status = "draft"'), "utf-8"
    )
    return series


def test_a_site_speaks_its_posts_language(made: Path, invoke: Invoke, spoken: Spoken) -> None:
    """Each page, each index (the site's and each questionnaire's), the feed and the
    sitemap: the words of the language, its dates; none of English's."""
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    site = made / "site"
    words = spoken.words

    page = (site / "bruno-costa.html").read_text("utf-8")
    for said in (
        f"{words['previous']}Ana Lima",
        f"{words['next']}Carla Rossi",
        f"{spoken.day}</time>{words['by']}</p>",
        f">{words['site']}<a",
        f"{spoken.still.replace('{answer:seit}', spoken.date)}</h2>",
        f"<p>{spoken.date}</p>",
        f"<p>{spoken.yes}</p>",
        f"<p>{spoken.number}</p>",
    ):
        assert said in page
    assert f'<meta property="og:locale" content="{spoken.locale}">' in page
    assert f'<p class="draft">{words["draft"]}</p>' in (site / "carla-rossi.html").read_text()
    dialogue = (site / "dirk-jansen.html").read_text("utf-8")
    assert f"<strong>Alexis:</strong> {spoken.since}" in dialogue

    index = (site / "index.html").read_text("utf-8")
    assert f'<span class="draft">{words["draft"]}</span>' in index
    assert f">{words['feed']}</a></footer>" in index
    assert f'<time datetime="2011-06-09">{spoken.day}</time>' in index
    [of_one] = [name for name in site.glob("index-*.html") if "eins" in name.name]
    assert f">{words['index']}</a></p>" in of_one.read_text("utf-8")
    feed = (site / "feed.xml").read_text("utf-8")
    assert spoken.date in visible(feed) and words["site"] in visible(feed)

    pages = [*sorted(site.glob("*.html")), site / "feed.xml", site / "sitemap.xml"]
    assert len(pages) == 9  # four posts, three indexes, the feed, the sitemap
    for path in pages:
        assert english_left(spoken, visible(path.read_text("utf-8"))) == [], path.name


def test_an_index_with_no_post_yet_says_so_in_the_series_language(
    series: Path, invoke: Invoke, spoken: Spoken
) -> None:
    write(series / "jeudis.toml", f'language = "{spoken.language}"\n')
    assert invoke("export", "--all").exit_code == 0
    index = (series / "site" / "index.html").read_text("utf-8")
    assert f'<p class="empty">{spoken.words["none"]}</p>' in index
    assert english_left(spoken, visible(index)) == []


@pytest.mark.parametrize("how", [["--format", "md"], *(["--flavor", f] for f in FLAVORS)])
def test_a_markdown_post_speaks_its_language(
    made: Path, invoke: Invoke, spoken: Spoken, how: list[str]
) -> None:
    post = invoke("export", "bruno-costa", *how, "-o", "-")
    assert post.exit_code == 0, post
    escaped = spoken.date.replace(". ", "\\. ", 1) if spoken.language == "de" else spoken.date
    assert f"\n{escaped}\n" in post.stdout  # a paragraph, not a list numbered from 4
    assert f"\n{spoken.words['site']}[" in post.stdout
    assert spoken.still.replace("{answer:seit}", spoken.date) in post.stdout.replace("\\", "")
    assert f"\n{spoken.yes}\n" in post.stdout
    assert english_left(spoken, post.stdout) == []


@pytest.mark.parametrize("how", [["--format", "html"], ["--fragment"], ["--format", "wxr"]])
def test_a_post_for_a_cms_speaks_its_language(
    made: Path, invoke: Invoke, spoken: Spoken, how: list[str]
) -> None:
    post = invoke("export", "bruno-costa", *how, "-o", "-")
    assert post.exit_code == 0, post
    text = visible(post.stdout)
    assert spoken.date in text and spoken.words["site"] in text
    assert english_left(spoken, text) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_roundup_speaks_its_language(
    made: Path, invoke: Invoke, spoken: Spoken, fmt: str, tmp_path: Path
) -> None:
    """How many answer, a chart's heads, yes and no, the links to each interview."""
    for question in ("leser", "noch", "seit"):
        target = tmp_path / f"{question}.{fmt}"
        run = invoke("compare", "eins", "-q", question, "-o", target)
        assert run.exit_code == 0, run
        text = target.read_text("utf-8")
        assert spoken.words["answered"] in text
        if fmt == "html":
            assert f">{spoken.words['read']}</a>" in text
            text = visible(text)
        elif question != "seit":
            assert spoken.words["numbers" if question == "leser" else "tally"] in text
        if question == "noch":
            assert spoken.yes in text
        if question == "seit":
            assert spoken.date in text.replace("\\", "")
        assert english_left(spoken, text) == [], question


def test_a_language_jeudis_writes_no_posts_in_keeps_english(series: Path, invoke: Invoke) -> None:
    """Swedish, as before: English's words and dates, no og:locale guessed."""
    swedish = Spoken(
        language="sv",
        series="Bloggare",
        title="Samtal med {guest}",
        since="Sedan när bloggar du?",
        still="Sedan {answer:seit}: bloggar du fortfarande?",
        readers="Hur många läsare har du?",
        story="Ditt finaste minne?",
        told="En middag med mina läsare.",
        date="March 4, 1953",
        day="June 9, 2011",
        locale="",
        number="9\u00a0200",
        yes="Yes",
        words={},
    )
    write(series / "questionnaires" / "eins.toml", questionnaire(swedish, "eins", "numbered"))
    write(series / "jeudis.toml", 'host = "Alexis"\n')
    data = write(
        series.parent / "data.toml",
        '[answers]\nseit = 1953-03-04\nnoch = true\nleser = 9200\nstory = "Ja."\n',
    )
    for guest, date in GUESTS[:2]:
        run = invoke("new", "eins", "--guest", guest, "--date", date, "--data-file", data)
        assert run.exit_code == 0, run
    assert invoke("export", "--all").exit_code == 0
    page = (series / "site" / "bruno-costa.html").read_text("utf-8")
    for said in (
        '<span lang="en">Previous interview:</span> Ana Lima',
        '<span lang="en">June 9, 2011</span></time> · <span lang="en">by</span> Alexis</p>',
        '<h2><a class="anchor" href="#q-noch">2.</a> Sedan March 4, 1953: bloggar',
        '<p><span lang="en">March 4, 1953</span></p>',
        '<p><span lang="en">Yes</span></p>',
        "<p>9\u00a0200</p>",
    ):
        assert said in page
    assert "og:locale" not in page


def test_the_guests_screen_speaks_it_and_the_hosts_roundup_english(
    made: Path, invoke: Invoke, spoken: Spoken
) -> None:
    """The session offers the post's own yes and no ("Ja", "Nein" in German), and
    quotes an answer so; the terminal's roundup, the host's, says how many answer in
    English."""
    from jeudis.answers import as_input
    from jeudis.prompts import choice_words

    yes, no, _ = choice_words(spoken.language)
    assert [as_input(value, spoken.language) for value in (True, False)] == [yes, no]
    assert yes == spoken.yes != "Yes"
    assert as_input(True, "fr-CA") == "Oui"
    shown = invoke("compare", "eins", "-q", "leser")
    assert shown.exit_code == 0, shown
    assert "\n2 guests answer\n" in shown.stdout


def test_each_table_of_words_has_each_language_posts_are_written_in() -> None:
    from jeudis.dates import _DATES, _MONTHS
    from jeudis.roundup_chart import _HEADS
    from jeudis.wording import POST_LANGUAGES

    for table in (WORDS, YES_NO, ANSWERED, _HEADS):
        assert list(table) == list(POST_LANGUAGES)
    assert list(_DATES) == list(_MONTHS) == [*POST_LANGUAGES[2:]]  # French and English apart
    assert all(len(months.split()) == 12 for months in _MONTHS.values())


# Languages jeudis writes no posts in, in Latin letters, in others, from right to left.
# Their questions quote no answer: a question quoting a date ("Od March 4, 1953: …")
# is kept as its guest read it, in their interview's file.
UNWORDED = [
    Spoken(
        language="pl",
        series="Blogerzy",
        title="Rozmowa z {guest}",
        since="Od kiedy blogujesz?",
        still="Czy nadal blogujesz?",
        readers="Ilu masz czytelników?",
        story="Twoje najpiękniejsze wspomnienie?",
        told="Kolacja z czytelnikami w Krakowie.",
        date="March 4, 1953",
        day="June 9, 2011",
        locale="",
        number="9\u00a0200",
        yes="Yes",
        words={},
    ),
    Spoken(
        language="ja",
        series="ブロガーたち",
        title="{guest}さんに聞く",
        since="いつからブログを書いていますか？",
        still="今も書いていますか？",
        readers="読者は何人いますか？",
        story="一番の思い出は？",
        told="京都で読者と夕食をとったことです。",
        date="March 4, 1953",
        day="June 9, 2011",
        locale="",
        number="9,200",
        yes="Yes",
        words={},
    ),
    Spoken(
        language="ar",
        series="مدونون",
        title="مقابلة مع {guest}",
        since="منذ متى تدوّن؟",
        still="هل ما زلت تدوّن؟",
        readers="كم عدد قرائك؟",
        story="أجمل ذكرياتك؟",
        told="عشاء مع قرائي في بيروت.",
        date="March 4, 1953",
        day="June 9, 2011",
        locale="",
        number="9,200",
        yes="Yes",
        words={},
    ),
]
FRENCH = replace(
    UNWORDED[0],
    language="fr",
    series="Blogueurs",
    title="Entretien avec {guest}",
    since="Depuis quand bloguez-vous ?",
    still="Depuis le {answer:seit} : bloguez-vous toujours ?",
    date="4 mars 1953",
    day="9 juin 2011",
    locale="fr_FR",
    number="9\u202f200",
    yes="Oui",
)
_ENGLISH_WORD = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in ENGLISH))


def html_made(made: Path, invoke: Invoke) -> dict[str, str]:
    """Every HTML jeudis makes of ``made``'s posts, by name: its site's pages (posts and
    indexes) and feed entries; a post as a page, a fragment, for WordPress and in a WXR
    file (its body), in each style; roundups of a number, a yes/no and a date, as a
    page, a fragment and for WordPress."""
    assert invoke("export", "--all", "--include-drafts").exit_code == 0
    site = made / "site"
    made_html = {path.name: path.read_text("utf-8") for path in site.glob("*.html")}
    atom = "{http://www.w3.org/2005/Atom}"
    for number, entry in enumerate(ET.parse(site / "feed.xml").iter(f"{atom}entry")):
        made_html[f"feed entry {number}"] = entry.findtext(f"{atom}content") or ""
        summary = entry.find(f"{atom}summary")
        assert summary is not None
        if _ENGLISH_WORD.search(summary.text or ""):  # the first answer, a date
            assert summary.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    ways = {"page": ["-f", "html"], "fragment": ["--fragment"], "wordpress": ["--wordpress"]}
    for slug in ("bruno-costa", "dirk-jansen"):  # numbered, dialogue
        for way, how in [*ways.items(), ("wxr", ["-f", "wxr"])]:
            run = invoke("export", slug, *how, "-o", "-")
            assert run.exit_code == 0, run
            made_html[f"{slug} {way}"] = run.stdout
        wxr = ET.fromstring(made_html[f"{slug} wxr"])  # its post's body
        body = wxr.findtext(".//{http://purl.org/rss/1.0/modules/content/}encoded")
        made_html[f"{slug} wxr"] = body or ""
    for question in ("leser", "noch", "seit"):
        for way, how in ways.items():
            run = invoke("compare", "eins", "-q", question, *how, "-o", "-")
            assert run.exit_code == 0, run
            made_html[f"roundup of {question}, {way}"] = run.stdout
    return made_html


def _texts(
    element: ET.Element, said: tuple[ET.Element, ...] = ()
) -> Iterator[tuple[str, tuple[ET.Element, ...]]]:
    """Each text of ``element``'s body, with the elements holding it, innermost first."""
    if not isinstance(element.tag, str) or element.tag in ("head", "script", "style"):
        return  # a comment, or what a reader does not read in the page
    said = (element, *said)
    yield element.text or "", said
    for child in element:
        yield from _texts(child, said)
        yield child.tail or "", said


def unmarked_english(page: str) -> list[str]:
    """Each text of ``page`` holding one of jeudis's English words whose nearest element
    saying a language says another, or whose nearest one saying a direction says
    another than left to right: what a screen reader reads with the page's sounds."""
    root = html5lib.parse(page, namespaceHTMLElements=False)
    unmarked = []
    for text, holders in _texts(root):
        if _ENGLISH_WORD.search(text):
            language = next((e.get("lang") for e in holders if e.get("lang") is not None), None)
            side = next((e.get("dir") for e in holders if e.get("dir") is not None), "ltr")
            if (language, side) != ("en", "ltr"):
                unmarked.append(text)
    return unmarked


@pytest.mark.parametrize("spoken", UNWORDED, ids=[s.language for s in UNWORDED], indirect=True)
def test_english_in_a_language_jeudis_has_no_words_for_is_marked(
    made: Path, invoke: Invoke, spoken: Spoken
) -> None:
    """Every word of jeudis's around a post, each date and yes or no, a roundup's count
    and its chart's yes and no, in every HTML it makes: in an element saying it is
    English, nearer than the page's root, and in a right-to-left page laid out from
    the left; the guest's site and handle too."""
    made_html = html_made(made, invoke)
    assert len(made_html) == 7 + 3 + 2 * 4 + 3 * 3  # pages, feed entries, posts, roundups
    for name, page in made_html.items():
        assert unmarked_english(page) == [], name
    page = made_html["bruno-costa.html"]
    marks = ' lang="en" dir="ltr"' if spoken.language == "ar" else ' lang="en"'
    # A Latin name in a page read from the right stands apart from the words around it.
    name = "<bdi>Ana Lima</bdi>" if spoken.language == "ar" else "Ana Lima"
    for said in (
        f'<time datetime="2011-06-09"><span{marks}>June 9, 2011</span></time>',
        f"<p><span{marks}>March 4, 1953</span></p>",
        f"<p><span{marks}>Yes</span></p>",
        f"<span{marks}>Previous interview:</span> {name}</a>",
    ):
        assert said in page
    assert f"<p>{spoken.number}</p>" in page and spoken.told in page  # not jeudis's English
    assert ('dir="ltr">https://example.org/</a>' in page) is (spoken.language == "ar")
    for name, page in made_html.items():  # nothing else said English
        root = html5lib.parse(page, namespaceHTMLElements=False)
        for element in root.iter():
            if element.get("lang") == "en":
                assert _ENGLISH_WORD.search("".join(element.itertext())), (name, element.tag)


@pytest.mark.parametrize("spoken", UNWORDED, ids=[s.language for s in UNWORDED], indirect=True)
def test_an_index_with_no_post_yet_marks_its_english(
    series: Path, invoke: Invoke, spoken: Spoken
) -> None:
    write(series / "jeudis.toml", f'language = "{spoken.language}"\n')
    assert invoke("export", "--all").exit_code == 0
    index = (series / "site" / "index.html").read_text("utf-8")
    assert unmarked_english(index) == []
    assert "No interview published yet." in index and ">Interviews</span></h1>" in index


@pytest.mark.parametrize("spoken", [FRENCH, SPOKEN[0]], ids=["fr", "de"], indirect=True)
def test_a_language_jeudis_has_words_for_marks_none(made: Path, invoke: Invoke) -> None:
    """French's and German's pages have no English of jeudis's to mark: none is."""
    for name, page in html_made(made, invoke).items():
        assert 'lang="en"' not in page and 'dir="ltr"' not in page, name
