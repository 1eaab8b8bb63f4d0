"""What WordPress's editors write back of a post jeudis wrote, and what its filters then
make of it.

A post's text goes back through an editor before WordPress shows it again: the classic
editor (TinyMCE) once the host edits the post, the Classic block (TinyMCE too) a WXR
post opens in in the block editor, the block editor when it saves the post's blocks
again (a block added above the interview), and "Convert to blocks". Each writes the text
with its characters as they are: ``&#91;`` comes back ``[``, ``&#45;`` ``-``. The first
tests run everywhere, on how they write it (a text's characters as they are, but
``&``, ``<``, ``>``); the last run WordPress's own editors in Debian's chromium, from
WordPress's folder (see tests/test_wordpress.py), then its shortcodes and content
filters on what they wrote.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
from html5lib.serializer import HTMLSerializer

from export_helpers import chromium, need_binary
from support import Invoke
from test_wordpress import (
    ADDRESSES,
    embedded,
    html_block,
    post_outputs,
    shown,
    texturized,
    wordpress_root,
    wordpress_runner,
)

# A "[" and what could begin a shortcode's name: do_shortcode looks for these names and
# runs each one registered (wp-includes/shortcodes.php, WordPress 6.1).
OPENER = re.compile(r"\[[^<>&/\[\]\x00-\x20=]")
# What a guest typed in the probing interview, shown as typed wherever it goes.
TYPED = ('[gallery ids="1,2"]', "[caption]x[/caption]", "[[gallery]]", "[embed]https://youtu.be/x")
# The addresses of the probing interview that read as typed once an editor wrote the
# post back: all but those with a quote, three dashes, or two at their end, which
# wptexturize sets however they are parted (a link still leads to the address typed).
KEPT = tuple(address for address in ADDRESSES if not re.search(r"'|---|--$", address))


def written_back(text: str) -> str:
    """``text`` as an editor writes it: parsed, then each text with its characters as
    they are (TinyMCE's ``entity_encoding: "raw"``, a browser's ``innerHTML``)."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(text)
    walker = html5lib.getTreeWalker("etree")
    return HTMLSerializer(omit_optional_tags=False).render(walker(tree))


def test_no_shortcode_opens_in_a_post_an_editor_writes_back(invoke: Invoke, series: Path) -> None:
    """``&#91;`` alone came back ``[``, and the guest's ``[gallery]`` ran once the host
    had edited the post: a comment parts each "[" from what follows it."""
    outputs = post_outputs(invoke, series)
    for name, text in outputs.items():
        back = written_back(html_block(text) if name.endswith(".wordpress") else text)
        opener = OPENER.search(back)
        assert opener is None, (name, back[opener.start() - 60 : opener.end() + 60])
        if name.startswith("probe."):
            for typed in TYPED:
                assert typed in shown(text) and typed in shown(back), (name, typed)


def test_no_address_is_embedded_or_set_in_a_post_an_editor_writes_back(
    invoke: Invoke, series: Path
) -> None:
    """``https&#58;//`` came back ``https://``, and a line of code holding an address
    alone was embedded; ``a&#45;&#45;b`` came back ``a--b``, set ``a–b``. A comment
    parts the scheme from its colon, and each two signs wptexturize would read as one."""
    outputs = post_outputs(invoke, series)
    for name, text in outputs.items():
        back = written_back(html_block(text) if name.endswith(".wordpress") else text)
        assert embedded(back) is None, (name, embedded(back))
        if name.startswith("probe."):
            for address in KEPT:
                assert address in shown(texturized(back)), (name, address)


def hrefs(text: str) -> Counter[str]:
    return Counter(html.unescape(href) for href in re.findall(r'<a [^>]*?href="([^"]*)"', text))


# ---- WordPress's own editors -------------------------------------------------------------

# TinyMCE as WordPress 6.1 sets it up (_WP_Editors::default_settings in
# wp-includes/class-wp-editor.php, the Classic block's plugins in script-loader.php):
# the classic editor of a post without blocks with wpautop, the Classic block without.
TINYMCE = {
    "skin": False,
    "relative_urls": False,
    "remove_script_host": False,
    "convert_urls": False,
    "fix_list_elements": True,
    "entities": "38,amp,60,lt,62,gt",
    "entity_encoding": "raw",
    "keep_styles": False,
    "end_container_on_empty_block": True,
    "wpeditimage_html5_captions": True,
    "plugins": (
        "charmap,colorpicker,hr,lists,media,paste,tabfocus,textcolor,fullscreen,wordpress,"
        "wpautoresize,wpeditimage,wpemoji,wpgallery,wplink,wpdialogs,wptextpattern,wpview"
    ),
}
EDITORS = {
    "classic": {"wpautop": True, "indent": False},
    "block": {"wpautop": False, "indent": True},
}

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>editors</title>
<script>
window.errors = [];
window.onerror = function (message, source, line) { errors.push(message + " " + source + ":" + line); };
window.userSettings = {url: "/", uid: "0", time: "0", secure: ""};
</script>
@SCRIPTS@
<script>window.POSTS = @POSTS@;</script>
</head><body>@TEXTAREAS@<pre id="out">pending</pre>
<script>
wp.oldEditor = wp.editor;
wp.blockLibrary.registerCoreBlocks();
var written = POSTS.map(function (post) {
  var blocks = wp.blocks.parse(post.post);
  var content = blocks.map(function (block) { return wp.blocks.getBlockContent(block); });
  return {
    parsed: blocks.map(function (block) { return block.name; }),
    saved: wp.blocks.serialize(blocks),
    converted: wp.blocks.serialize(wp.blocks.rawHandler({HTML: content.join("")}))
  };
});
var waiting = @EDITORS@;
Object.keys(waiting).forEach(function (id) {
  tinymce.init(Object.assign({}, @TINYMCE@, waiting[id], {
    selector: "#" + id,
    base_url: "@BASE@",
    suffix: ".min",
    init_instance_callback: function (editor) {
      var area = document.getElementById(id);
      POSTS.forEach(function (post, index) {
        area.value = post.classic;  // what the editor loads, and saves back
        editor.load();
        editor.save();
        written[index][id] = area.value;
      });
      delete waiting[id];
      if (!Object.keys(waiting).length) {
        document.getElementById("out").textContent = JSON.stringify({errors: errors, written: written});
      }
    }
  }));
});
</script></body></html>
"""


def fill(page: str, **values: str) -> str:
    for name, value in values.items():
        page = page.replace(f"@{name}@", value)
    return page


def block_editor_scripts(root: Path) -> list[Path]:
    """The scripts of WordPress's block library and what they need, in order
    (wp-includes/assets/script-loader-packages.php)."""
    php = need_binary("php", "reads WordPress's list of scripts")
    listed = subprocess.run(
        [php, "-r", "echo json_encode(include $argv[1]);", "--", "script-loader-packages.php"],
        cwd=root / "wp-includes" / "assets",
        capture_output=True,
        text=True,
        check=True,
    )
    needs = {
        f"wp-{name.removesuffix('.js')}": info["dependencies"]
        for name, info in json.loads(listed.stdout).items()
    }
    vendor = {"react": ["wp-polyfill"], "react-dom": ["react"]}  # lodash, moment: none
    order: list[str] = []

    def visit(handle: str) -> None:
        if handle not in order:
            for need in needs.get(handle, vendor.get(handle, [])):
                visit(need)
            order.append(handle)

    visit("wp-block-library")
    dist = root / "wp-includes" / "js" / "dist"
    return [
        dist / f"{handle[3:]}.js" if handle in needs else dist / "vendor" / f"{handle}.js"
        for handle in order
    ]


def edit_in_wordpress(root: Path, posts: dict[str, str], folder: Path) -> dict[str, dict[str, Any]]:
    """Each post as WordPress's editors write it back: ``classic`` and ``block`` (TinyMCE
    as the classic editor and the Classic block set it up), ``saved`` (the block editor
    saving the post's blocks), ``converted`` ("Convert to blocks"); ``parsed``, the
    names of the blocks the block editor reads in it."""
    scripts = [
        root / "wp-includes" / "js" / "utils.js",
        root / "wp-includes" / "js" / "jquery" / "jquery.js",
        root / "wp-includes" / "js" / "tinymce" / "wp-tinymce.js",
        root / "wp-admin" / "js" / "editor.js",  # wpautop's autop and removep
        *block_editor_scripts(root),
    ]
    tags = [f'<script src="{script.as_uri()}"></script>' for script in scripts]
    lodash = next(i for i, script in enumerate(scripts) if script.name == "lodash.js")
    tags.insert(lodash + 1, "<script>window.lodash = _.noConflict();</script>")  # as WordPress
    loaded = [
        {"post": text, "classic": html_block(text) if "wp:html" in text else text}
        for text in posts.values()
    ]
    page = folder / "editors.html"
    page.write_text(
        fill(
            PAGE,
            SCRIPTS="\n".join(tags),
            POSTS=json.dumps(loaded).replace("</", "<\\/"),
            TEXTAREAS="".join(f'<textarea id="{id_}"></textarea>' for id_ in EDITORS),
            EDITORS=json.dumps(EDITORS),
            TINYMCE=json.dumps(TINYMCE),
            BASE=(root / "wp-includes" / "js" / "tinymce").as_uri(),
        ),
        encoding="utf-8",
    )
    dom = chromium(["--virtual-time-budget=30000", "--dump-dom", page.as_uri()], folder / "profile")
    out = re.search(r'<pre id="out">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert dom.returncode == 0 and out and out.group(1) != "pending", dom.stderr[-3000:]
    result = json.loads(html.unescape(out.group(1)))
    assert result["errors"] == [], result["errors"]
    return dict(zip(posts, result["written"], strict=True))


@pytest.mark.browser
def test_no_shortcode_runs_once_wordpresss_editors_write_a_post_back(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """TinyMCE, the block editor saving a post's blocks and "Convert to blocks" wrote
    ``&#91;gallery]`` back ``[gallery]``, and WordPress ran it. The comment after a "["
    stays in all of them, and the text shows as the guest typed it."""
    wordpress = wordpress_runner()
    outputs = post_outputs(invoke, series)
    edited = edit_in_wordpress(wordpress_root(), outputs, tmp_path)
    for name, written in edited.items():
        block = "core/html" if name.endswith(".wordpress") else "core/freeform"
        assert written["parsed"][0] == block, name
    # The editors write "[" itself, not its reference: what WordPress's filters read.
    for editor in ("classic", "block", "saved", "converted"):
        assert re.search(r"\[(?:<!-- -->)?gallery ids", edited["probe.wxr"][editor]), editor
    texts = {
        (name, editor): text
        for name, written in edited.items()
        for editor, text in written.items()
        if editor != "parsed"
    }
    ran = wordpress("shortcodes", list(texts.values()))
    for (name, editor), text, after in zip(texts, texts.values(), ran, strict=True):
        assert "{{ran" not in str(after) and "{{embed" not in str(after), (name, editor)
        if name.startswith("probe."):
            for typed in TYPED:
                assert typed in shown(text), (name, editor, typed)


@pytest.mark.browser
def test_no_address_is_embedded_or_set_once_wordpresss_editors_write_a_post_back(
    invoke: Invoke, series: Path, tmp_path: Path
) -> None:
    """Once TinyMCE, the block editor or "Convert to blocks" wrote a post back,
    WordPress embedded a line of code holding an address alone, and wptexturize set the
    dashes, dots and "x" of an address shown. Each shows as typed after the_content;
    a link's text with a quote shows it curled, and the link still leads where it did."""
    wordpress = wordpress_runner()
    outputs = post_outputs(invoke, series)
    edited = edit_in_wordpress(wordpress_root(), outputs, tmp_path)
    # The editors write a quote itself, not its reference &#39;: what wptexturize reads.
    for editor in ("classic", "block", "saved", "converted"):
        assert "/wiki/L'Envie</a>" in edited["probe.wxr"][editor], editor
    texts = {
        (name, editor): text
        for name, written in edited.items()
        for editor, text in written.items()
        if editor != "parsed"
    }
    for (name, editor), after in zip(
        texts, wordpress("the_content", list(texts.values())), strict=True
    ):
        assert "{{embed" not in str(after), (name, editor)
        if name.startswith("probe."):
            for address in KEPT:
                assert address in shown(str(after)), (name, editor, address)
            wikipedia = 'href="https://fr.wikipedia.org/wiki/L\'Envie"'
            assert wikipedia in str(after), (name, editor)
    # make_clickable, which a theme may add to the_content, links a whole address or none.
    texts.update({(name, "as written"): text for name, text in outputs.items()})
    clickable = wordpress("make_clickable", list(texts.values()))
    for (name, editor), text, after in zip(texts, texts.values(), clickable, strict=True):
        if name.startswith("probe."):
            for href in (hrefs(str(after)) - hrefs(text)).elements():
                assert href.removeprefix("http://") in ADDRESSES, (name, editor, href)
