"""The exported pages as people with a keyboard, a screen reader or low vision use them.

What the built-in style and templates promise every reader, whatever the colour
scheme: text that keeps WCAG AA contrast, a focus that shows, content reached
without a mouse. The browser tests use Debian's Chromium (``@pytest.mark.browser``).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from export_helpers import chromium, make_interview, need_binary
from support import Invoke

# The code blocks of a page, each as wide as it shows and as wide as its text.
CODE_PROBE = """<script>
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify(
  [...document.querySelectorAll('section pre')].map(pre => [pre.clientWidth, pre.scrollWidth]));
document.body.append(probe);
</script>"""


@pytest.mark.browser
def test_a_long_line_of_code_wraps_rather_than_scroll_out_of_a_keyboards_reach(
    series: Path, invoke: Invoke, tmp_path: Path
) -> None:
    """A code block scrolled sideways, and a reader without a mouse could not scroll it:
    a ``<pre>`` takes no focus, so its end was out of reach (axe:
    scrollable-region-focusable). Its lines wrap now, on a phone as on a desktop."""
    need_binary("/usr/bin/chromium", "lays out the exported pages")
    command = "curl -s https://api.example.org/1/statuses/user_timeline.json?count=200 | jq ."
    make_interview(series, "ada", guest="Ada", answers=[("how", "How?", f"```\n{command}\n```")])
    page = tmp_path / "ada.html"
    assert invoke("export", "ada", "-o", page).exit_code == 0
    probed = page.with_name("probed-ada.html")
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</body>", CODE_PROBE + "</body>"), encoding="utf-8")

    for width in (360, 1200):
        window = f"--window-size={width},900"
        dom = chromium([window, "--dump-dom", probed.as_uri()], tmp_path / "profile")
        assert dom.returncode == 0, dom.stderr[-2000:]
        found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.DOTALL)
        assert found, dom.stdout[-2000:]
        [(shown, wide)] = json.loads(html.unescape(found.group(1)))
        assert wide <= shown, width
