"""``jeudis check`` of an interview file: what the session and ``--guest`` would have
refused, what its answers are against its questionnaire, its photo. Split from
:mod:`jeudis.check`, which finds the files and says what is found."""

from __future__ import annotations

import re
from pathlib import Path

from jeudis.check_versions import Drift, lookalike_finding, version_drift
from jeudis.errors import FileProblem, JeudisError, NotFoundError, clip, describe
from jeudis.files import copy_named, read_text
from jeudis.findings import Finding, finding_of
from jeudis.former_ids import adopt, lookalikes
from jeudis.interview import Interview, new_id
from jeudis.interview_reading import load_interview
from jeudis.paths import Series
from jeudis.photos import as_on_disk, refusal
from jeudis.questionnaire import Questionnaire, load_questionnaire
from jeudis.tomlio import locate
from jeudis.wording import worded_for


def check_interview(
    series: Series,
    path: Path,
    forms: dict[tuple[str, str], Questionnaire | str],
    ids: dict[str, Path],
) -> tuple[list[Finding], Drift | None, list[Finding]]:
    """What is wrong with an interview file; made with another version of its
    questionnaire, how it differs (said with the others of that version); and what
    its answers say of the questionnaire (a question renamed, its former id not
    said: said once, however many interviews say it)."""
    try:
        interview = load_interview(path)
    except FileProblem as problem:
        return [finding_of(problem)], None, []
    findings = _same_id(path, interview, ids) + _photo(series, path, interview)
    findings += _names(path, interview) + _images(path, interview)
    # Read as the interview's commands read it (jeudis.questionnaire.find_questionnaire):
    # one that says no language is in the interview's.
    made = (interview.questionnaire, interview.language)
    if made not in forms:
        try:
            qpath, bundled = series.questionnaire_path(interview.questionnaire)
            forms[made] = load_questionnaire(qpath, bundled=bundled, language=interview.language)
        except NotFoundError:
            forms[made] = "not found"
        except JeudisError:  # its problems are said of its own file
            forms[made] = "does not read"
    form = forms[made]
    if isinstance(form, str):
        findings.append(
            Finding(
                str(path),
                f"questionnaire {interview.questionnaire!r} {form}: the answers go"
                " unchecked, and resume or edit --question cannot run",
                key="questionnaire",
                severity="warning",
                hint="export needs none: the interview keeps its questions as asked",
            )
        )
        return findings + _profiles(path, interview), None, []
    renamed = adopt(form, interview)  # an answer under a former id is its question's
    findings.extend(_register(path, interview, form))
    findings.extend(_values(path, interview, form))
    # A handle its questionnaire's rule refuses is said once, by the rule's message.
    refused = {finding.key for finding in findings}
    findings += [found for found in _profiles(path, interview) if found.key not in refused]
    if interview.is_complete:
        findings.extend(_gaps(path, interview, form))
    drift = version_drift(path, interview, form, renamed)
    return findings, drift, [lookalike_finding(form, f) for f in lookalikes(form, interview)]


def _names(path: Path, interview: Interview) -> list[Finding]:
    """The guest's and the host's names held to the rules ``--guest`` and ``--host``
    apply: one line of plain text, the guest's not blank. Edited by hand with a
    terminal escape or a line break, check said "All good.", and a post's tags had
    what the escape left ("Claire]0;PWNED[31mFontaine")."""
    from jeudis.interview_reading import plain_name

    findings = []
    for key, value in (("guest", interview.guest), ("host", interview.host)):
        if plain_name(value, blank=key == "host"):
            continue
        said = "is blank" if not value.strip() else "holds a control character"
        findings.append(
            Finding(
                str(path),
                f"the {key}'s name {said}",
                line=locate(read_text(path), [key]),
                key=key,
                hint=f'write it on one line of plain text: {key} = "First Last"',
            )
        )
    return findings


def _profiles(path: Path, interview: Interview) -> list[Finding]:
    """A ``twitter``, ``mastodon`` or ``bluesky`` field holding no handle, which posts
    leave out: a hand edit's "voir son blog", a Twitter handle written under Mastodon."""
    from jeudis.profiles import NETWORKS

    findings = []
    for key, (network, read) in NETWORKS.items():
        value = interview.fields.get(key)
        if not isinstance(value, str) or not value.strip() or read(value):
            continue
        findings.append(
            Finding(
                str(path),
                f"{describe(value)} is no {network} handle: posts leave it out",
                line=locate(read_text(path), ["fields", key]),
                severity="warning",
                key=f"fields.{key}",
                hint=_PROFILE_HINTS[key],
            )
        )
    return findings


_PROFILE_HINTS = {
    "twitter": "write the handle, @pseudo, or the profile's address, https://x.com/pseudo",
    "mastodon": "write the whole handle, @pseudo@instance.social, or the profile's address",
    "bluesky": "write the handle, @pseudo.bsky.social, or the profile's address",
}


_IMAGE_SOURCE = re.compile(r'<img src="([^"]*)"')


def _images(path: Path, interview: Interview) -> list[Finding]:
    """An image an answer (or the intro, the closing) shows from a file, by a path: no
    post publishes a file of the series but the guest's photo, and a page showed a
    broken image, in a site, a CMS or a feed, with no word."""
    from jeudis.export.markup import to_html, url_scheme

    texts: list[tuple[str, object]] = [(f"answer {a.id}", a.value) for a in interview.answers]
    texts += [(f"field {key}", interview.fields.get(key)) for key in ("intro", "closing")]
    findings = []
    for where, text in texts:
        if not isinstance(text, str) or ("](" not in text and "]:" not in text):
            continue
        for source in _IMAGE_SOURCE.findall(to_html(text)):
            if url_scheme(source) or source.startswith("//"):
                continue  # a web address: shown from where it is
            findings.append(
                Finding(
                    str(path),
                    f"{where} shows {source}, a file no post publishes (only the guest's"
                    " photo is copied with a post)",
                    severity="warning",
                    hint="give the image's web address (https://…), once it is online",
                )
            )
    return findings


def _same_id(path: Path, interview: Interview, ids: dict[str, Path]) -> list[Finding]:
    """A file copied to start another interview has the first one's id: a feed reader
    would take the two posts for one."""
    first = ids.setdefault(interview.key, path)
    if first == path:
        return []
    if copy_named(path.stem, first.stem) or copy_named(first.stem, path.stem):
        copy, original = (path, first) if copy_named(path.stem, first.stem) else (first, path)
        return [
            Finding(
                str(copy),
                f"a copy of {original.name} (the same id), by its name a sync tool's or a"
                " file manager's: export --all leaves it out",
                severity="warning",
                hint=f"keep in {original.name} what this copy holds of its own, then delete"
                " the copy",
            )
        ]
    text = read_text(path)
    return [
        Finding(
            str(path),
            f"the same id as {first.name}: a feed reader would take the two posts for one",
            line=locate(text, ["id"]),
            key="id",
            severity="warning",
            hint=f'give this one an id of its own: id = "{new_id()}", say',
        )
    ]


def _gaps(path: Path, interview: Interview, form: Questionnaire) -> list[Finding]:
    """A complete interview lacking a required answer, or holding one its conditions
    leave out (see :func:`jeudis.conditions.gaps`)."""
    from jeudis.conditions import gaps, why_not_asked

    missing, not_asked = gaps(form, interview)
    findings = []
    text = read_text(path) if missing or not_asked else ""
    if missing:
        message = "complete, but required answers are missing: " + ", ".join(missing)
        hint = (
            f"`jeudis resume {path.stem}` asks them; or, if they were added to {form.id}"
            " after this interview, raise its version: the interview keeps what it was asked"
        )
        findings.append(
            Finding(str(path), message, locate(text, ["status"]), key="status", hint=hint)
        )
    if not_asked:
        values = interview.values()
        ids = [a.id for a in interview.answers]
        for qid in not_asked:
            question = form.question(qid)
            why = why_not_asked(form, question, values) if question is not None else "not asked"
            findings.append(
                Finding(
                    str(path),
                    f"answered, but {why}: its post publishes it all the same",
                    locate(text, ["answers", ids.index(qid), "id"]),
                    key=f"answers.{qid}",
                    severity="warning",
                    hint="take it out of the file (its text into notes, say), or change the"
                    " answer its condition reads",
                )
            )
    return findings


def _register(path: Path, interview: Interview, form: Questionnaire) -> list[Finding]:
    """A form of address written by hand that its questionnaire does not declare
    ("Vous"): edit and resume would word its questions in another one. A questionnaire
    worded one way only reads the same in any, as an import reads its sheet."""
    if len(form.registers) < 2 or interview.register in form.registers:
        return []
    return [
        Finding(
            str(path),
            f"{form.id} is worded for {worded_for(form.registers)}, not {interview.register!r}",
            locate(read_text(path), ["register"]),
            key="register",
            hint="write the form of address the guest was asked in:"
            " jeudis edit and resume word its questions in it",
        )
    ]


def _values(path: Path, interview: Interview, form: Questionnaire) -> list[Finding]:
    """Fields and answers written by hand that the questionnaire's rules refuse.

    The session, ``jeudis edit`` and ``jeudis import`` never accept them; edited
    into the file, they would reach the post as written (a guest's site that is
    no address is a broken link). Answers are checked against the version of the
    questionnaire they were given with only (an older one may have other rules).
    """
    from jeudis.answers import InvalidAnswer, coerce

    refused: list[tuple[list[str | int], str, str]] = []
    fields = {f.id: f for f in form.fields}
    for name, value in interview.fields.items():
        if name in fields and name != "photo":  # the photo has its own check
            try:
                coerce(fields[name], value)
            except InvalidAnswer as error:
                refused.append((["fields", name], f"fields.{name}", str(error)))
    if str(interview.questionnaire_version) == str(form.version):
        questions = {q.id: q for q in form.questions}
        for index, answer in enumerate(interview.answers):
            if answer.given and not answer.followup and answer.id in questions:
                where: list[str | int] = ["answers", index, "answer"]
                try:
                    value = coerce(questions[answer.id], answer.value)
                except InvalidAnswer as error:
                    refused.append((where, f"answers.{answer.id}", str(error)))
                    continue
                kind = questions[answer.id].type
                same_shape = type(value) is type(answer.value)  # (a multi written as one text)
                if kind in ("choice", "multi") and same_shape and value != answer.value:
                    # A choice typed "mastodon" is read "Mastodon"; a condition or a
                    # roundup reads the file, which must write it as the questionnaire does.
                    said = f"{describe(answer.value)} is written {describe(value)} in {form.id}"
                    refused.append((where, f"answers.{answer.id}", said))
    if not refused:
        return []
    text = read_text(path)
    return [
        Finding(str(path), message, locate(text, keys), key=key) for keys, key, message in refused
    ]


def _photo(series: Series, path: Path, interview: Interview) -> list[Finding]:
    """A photo no export can show: outside the series folder, or missing."""
    photo = interview.fields.get("photo")
    if not isinstance(photo, str) or not photo or photo.startswith(("https://", "http://")):
        return []
    if "://" in photo or photo.lower().startswith(("javascript:", "data:")):
        problem = "is not a web address (https://...): exports leave it out"
    elif why := refusal(series.root, photo):
        problem = f"is {why}: exports leave it out"
    elif not (series.root / as_on_disk(series.root, photo)).is_file():
        problem = "is missing: a site leaves it out"
    else:
        return []
    line = locate(read_text(path), ["fields", "photo"])
    return [
        Finding(
            str(path),
            f"photo {clip(photo)} {problem}",
            line,
            key="fields.photo",
            severity="warning",
        )
    ]
