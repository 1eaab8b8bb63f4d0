"""A renamed guest's former address (``former_slugs``) stays theirs: no new interview
takes it, and a series where one did (made before, or by hand) is told so by ``check``
and by ``export``, where it was silent and old links led to another person."""

from __future__ import annotations

from pathlib import Path

from support import ANSWERS_TOML, Invoke, fill_sheet, interview_files


def new(invoke: Invoke, guest: str, *options: str) -> tuple[Path, str]:
    """A complete twitter interview of ``guest``, and what ``new`` said on standard error."""
    result = invoke(
        "new", "twitter", "--guest", guest, *options, "--data-file", "-", input=ANSWERS_TOML
    )
    assert result.exit_code == 0, result
    return Path(result.stdout.split("Saved: ", 1)[1].split("\n", 1)[0]), result.stderr


def renamed(invoke: Invoke) -> None:
    """Camille Petit, published, renamed Camille Petit-Roux: camille-petit is her former address."""
    new(invoke, "Camille Petit")
    assert invoke("edit", "camille-petit", "--guest", "Camille Petit-Roux").exit_code == 0


NOTE = (
    "note: camille-petit is the former address of Camille Petit-Roux's interview"
    " (camille-petit-roux, renamed since), where its site leads old links:"
    " this interview is camille-petit-2"
)


def test_a_new_guest_of_the_former_name_gets_the_next_one(invoke: Invoke, series: Path) -> None:
    renamed(invoke)

    path, said = new(invoke, "Camille Petit")

    assert path.name == "camille-petit-2.toml"
    assert NOTE in said.splitlines()
    assert [p.name for p in interview_files(series)] == [
        "camille-petit-2.toml",
        "camille-petit-roux.toml",
    ]


def test_a_slug_that_is_a_former_address_is_refused(invoke: Invoke, series: Path) -> None:
    renamed(invoke)

    result = invoke(
        "new", "twitter", "--guest", "Camille P.", "--slug", "camille-petit",
        "--data-file", "-", input=ANSWERS_TOML,
    )  # fmt: skip

    assert result.exit_code == 1, result
    assert result.stderr == (
        "error: --slug camille-petit: the former address of Camille Petit-Roux's interview"
        " (camille-petit-roux, renamed since), where its site leads old links; nothing was"
        " written\n"
        "hint: choose another slug (camille-petit-2, say): the post's address goes with it\n"
    )
    assert [p.name for p in interview_files(series)] == ["camille-petit-roux.toml"]


def test_a_guest_renamed_to_a_former_name_gets_the_next_one(invoke: Invoke, series: Path) -> None:
    renamed(invoke)
    new(invoke, "Camille Petyt")

    result = invoke("edit", "camille-petyt", "--guest", "Camille Petit")

    assert result.exit_code == 0, result
    assert "camille-petyt.toml renamed camille-petit-2.toml" in result.stdout
    assert NOTE in result.stderr.splitlines()


def test_a_guest_renamed_back_takes_her_own_former_name(invoke: Invoke, series: Path) -> None:
    renamed(invoke)

    result = invoke("edit", "camille-petit-roux", "--guest", "Camille Petit")

    assert result.exit_code == 0, result
    assert "renamed camille-petit.toml" in result.stdout
    assert "note:" not in result.stderr


def test_an_answer_sheet_imported_gets_the_next_one(invoke: Invoke, series: Path) -> None:
    renamed(invoke)
    sheet = series.parent / "camille.md"
    assert invoke("sheet", "twitter", "--guest", "Camille Petit", "-o", sheet).exit_code == 0
    blank = sheet.read_text(encoding="utf-8")
    sheet.write_text(fill_sheet(blank, {"utilisations": "Trois usages."}), encoding="utf-8")

    result = invoke("import", sheet)

    assert result.exit_code == 0, result
    assert NOTE in result.stderr.splitlines()
    assert (series / "interviews" / "camille-petit-2.toml").is_file()


def taken_by_hand(series: Path) -> None:
    """An interview named camille-petit, as a series made before this check could have."""
    folder = series / "interviews"
    if not (folder / "camille-petit-2.toml").is_file():  # as jeudis named it before
        return
    text = (folder / "camille-petit-2.toml").read_text(encoding="utf-8")
    (folder / "camille-petit-2.toml").unlink()
    text = text.replace('slug = "camille-petit-2"', 'slug = "camille-petit"')
    (folder / "camille-petit.toml").write_text(text, encoding="utf-8")


def test_check_says_an_interview_named_as_anothers_former_address(
    invoke: Invoke, series: Path
) -> None:
    renamed(invoke)
    new(invoke, "Camille Petit")
    taken_by_hand(series)

    result = invoke("check")

    taken = series / "interviews" / "camille-petit.toml"
    assert result.stdout.splitlines()[:2] == [
        (
            f"{taken}: warning: named as camille-petit-roux.toml's former address (Camille"
            " Petit-Roux, renamed): `export --all` gives camille-petit.html, and a generator's"
            " /camille-petit/, to this post, and leads none of them to camille-petit-roux's (no"
            " page there, no alias): old links to Camille Petit-Roux's interview land here"
        ),
        (
            "  hint: before this post is published, rename camille-petit.toml (camille-petit-2.toml,"
            " say); or give the address up: remove camille-petit from former_slugs in"
            " camille-petit-roux.toml"
        ),
    ]


def test_check_says_two_interviews_leading_the_same_former_name(
    invoke: Invoke, series: Path
) -> None:
    renamed(invoke)
    new(invoke, "Camille Petit")
    taken_by_hand(series)
    assert invoke("edit", "camille-petit", "--guest", "Camille Petit-Durand").exit_code == 0

    result = invoke("check")

    (said,) = [line for line in result.stdout.splitlines() if "former address too" in line]
    files = {
        f"{series / 'interviews' / name}.toml"
        for name in ("camille-petit-roux", "camille-petit-durand")
    }
    first, other = said.split(": warning: former_slugs: camille-petit is ")
    assert first in files and f"{series / 'interviews' / other.split('.toml')[0]}.toml" in files - {
        first
    }
    assert "`export --all` leads it to" in said


def test_export_says_a_former_address_another_post_has(invoke: Invoke, series: Path) -> None:
    renamed(invoke)
    assert invoke("export", "--all", "-o", "site").exit_code == 0
    new(invoke, "Camille Petit")
    taken_by_hand(series)

    site = invoke("export", "--all", "-o", "site")
    hugo = invoke("export", "--all", "--flavor", "hugo", "-o", "blog")

    warning = (
        "warning: camille-petit-roux: its former address camille-petit is camille-petit's"
        " address now: {}, and its old links land on camille-petit's post (`jeudis check`"
        " says more)"
    )
    assert site.exit_code == 0, site
    assert site.stderr.splitlines()[1:] == [warning.format("no page there leads to it")]
    assert hugo.stderr.splitlines()[1:] == [warning.format("its aliases leave it out")]
    page = (series.parent / "site" / "camille-petit.html").read_text()
    assert 'http-equiv="refresh"' not in page, "the live post's page, said so"
    roux = (series.parent / "blog" / "content" / "posts" / "camille-petit-roux.md").read_text()
    assert "aliases" not in roux


def test_a_former_address_listed_already_is_read_from_the_cache(
    invoke: Invoke, series: Path
) -> None:
    """`list` keeps each interview's former names in its cache, which `new` reads then."""
    renamed(invoke)
    assert invoke("list").exit_code == 0

    path, said = new(invoke, "Camille Petit")

    assert path.name == "camille-petit-2.toml"
    assert NOTE in said.splitlines()


def test_a_link_to_a_renamed_interview_is_no_second_owner_of_its_former_name(
    invoke: Invoke, series: Path
) -> None:
    """interviews/latest.toml leading to the renamed interview: check called the link a
    second interview leading camille-petit (check --strict failed for ever), and the
    guest renamed back was refused her own former name, a namesake's file in the way."""
    renamed(invoke)
    new(invoke, "Camille Petit")  # camille-petit-2
    (series / "interviews" / "latest.toml").symlink_to("camille-petit-roux.toml")

    checked = invoke("check", "--strict")
    back = invoke("edit", "camille-petit-roux", "--guest", "Camille Petit")

    assert "former address too" not in checked.stdout, checked
    assert back.exit_code == 0, back
    assert (series / "interviews" / "camille-petit.toml").is_file()


def test_check_says_nothing_of_a_withdrawn_interview_leading_a_former_name(
    invoke: Invoke, series: Path
) -> None:
    """Two interviews with the same former name, the newer withdrawn: export leads the
    name to the other one, which check said it did not."""
    renamed(invoke)
    new(invoke, "Camille Petit")
    taken_by_hand(series)
    assert invoke("edit", "camille-petit", "--guest", "Camille Petit-Durand").exit_code == 0
    assert invoke("edit", "camille-petit-durand", "--unpublish").exit_code == 0

    result = invoke("check")

    assert "former address too" not in result.stdout, result
