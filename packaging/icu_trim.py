"""A smaller ICU data library for the bundle: the kiosk's four languages instead of all of them.

Qt's wheels ship ICU's whole data package (libicudata.so.NN, 32 MB) as one symbol, icudtNN_dat,
in ICU's "common data" format: a header, a table of contents (count, then name and data offsets
relative to the table), the names, then each item 16-byte aligned. Qt reads little of it
(collation, locale-aware case mapping, text converters), so this keeps every item that is not
about a particular language, plus root, Bulgarian, English, Ukrainian and Turkish, and drops:
the other languages' locale data, the CJK/Thai/Khmer/Lao/Burmese word-break dictionaries,
transliteration, and the legacy text converters except the Cyrillic and Turkish code pages.
The result is linked into a shared library with the same soname and symbol (binutils `as`/`ld`).

Usage: python packaging/icu_trim.py SOURCE.so DEST.so   (prints the sizes)
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = ("bg", "en", "uk", "tr")
# Code pages a Bulgarian, Ukrainian or Turkish text file may still come in.
CONVERTERS = re.compile(
    r"ibm-(5347|5350|1251|1254|915|920|878|1168|866|857)_|cnvalias|ibm-(437|850|858)_"
)
# Locale-keyed folders: one item per language, all but the kept ones dropped.
LOCALE_TREES = ("brkitr", "coll", "curr", "lang", "rbnf", "region", "unit", "zone", "")
# Items that are never needed by Qt and are large.
DROP = re.compile(r"^(translit/|brkitr/.*\.dict$)")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_KEEP_LOCALE = re.compile(rf"^(root|res_index|pool|({'|'.join(LANGUAGES)})(_[A-Za-z0-9]+)*)$")


class IcuDataError(Exception):
    pass


def _symbol(lib: bytes) -> tuple[str, int, int]:
    """The icudtNN_dat symbol of an ELF64 little-endian library: name, file offset, size."""
    if lib[:6] != b"\x7fELF\x02\x01":
        raise IcuDataError("not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            st_name, _inf, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", lib, pos)
            end = lib.index(b"\0", strtab + st_name)
            name = lib[strtab + st_name : end].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                section = sections[shndx]
                return name, value - section[3] + section[4], st_size
    raise IcuDataError("no icudtNN_dat symbol: not an ICU data library")


def _items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The common data's header and its (name, item) pairs, in table order."""
    header_size, magic = struct.unpack_from("<H2s", data, 0)
    if magic != b"\xda\x27" or data[12:16] != b"CmnD":
        raise IcuDataError("the symbol does not hold ICU common data")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(data) - toc]
    items = []
    for (name_offset, offset), end in zip(entries, ends, strict=True):
        name = data[toc + name_offset : data.index(b"\0", toc + name_offset)].decode()
        items.append((name, data[toc + offset : toc + end]))
    return data[:header_size], items


def wanted(name: str) -> bool:
    """Keep an item (named like 'icudt73l/coll/bg.res')?"""
    path = name.split("/", 1)[1]
    if DROP.search(path):
        return False
    if path.endswith(".cnv"):
        return bool(CONVERTERS.search(path))
    folder, _, file = path.rpartition("/")
    stem = file.rsplit(".", 1)[0]
    if folder in LOCALE_TREES and file.endswith(".res") and _LOCALE.match(stem):
        return bool(_KEEP_LOCALE.match(stem))
    return True


def pack(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """Common data again: the same header, a new table, every item 16-byte aligned."""
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = table_size + len(names)
    offset += -(len(header) + offset) % 16
    entries, blobs, name_offset = [], [], table_size
    for name, blob in items:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name.encode()) + 1
        pad = -(len(blob)) % 16
        blobs.append(blob + b"\0" * pad)
        offset += len(blob) + pad
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    table += b"\0" * (-(len(header) + len(table)) % 16)
    return header + table + b"".join(blobs)


def trim(source: Path, dest: Path) -> tuple[int, int]:
    """Write the trimmed library to dest; returns (items kept, items in the source)."""
    lib = source.read_bytes()
    symbol, offset, size = _symbol(lib)
    header, items = _items(lib[offset : offset + size])
    kept = [item for item in items if wanted(item[0])]
    names = {name.split("/", 1)[1] for name, _ in kept}
    for required in ("root.res", "coll/root.res", "coll/ucadata.icu", "coll/bg.res"):
        if required not in names:
            raise IcuDataError(f"{required} would be dropped")
    data = pack(header, kept)
    if [name for name, _ in _items(data)[1]] != [name for name, _ in kept]:
        raise IcuDataError("the trimmed data does not read back")
    with tempfile.TemporaryDirectory() as tmp:
        blob, asm, obj = Path(tmp, "icu.dat"), Path(tmp, "icu.s"), Path(tmp, "icu.o")
        blob.write_bytes(data)
        asm.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f"\t.size {symbol}, {len(data)}\n\t.balign 16\n{symbol}:\n"
            f'\t.incbin "{blob}"\n\t.section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", source.name, "-o", str(dest), str(obj)], check=True
        )
    return len(kept), len(items)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    source, dest = Path(argv[0]), Path(argv[1])
    kept, total = trim(source, dest)
    print(
        f"ICU data: {source.stat().st_size / 1e6:.1f} MB -> {dest.stat().st_size / 1e6:.1f} MB "
        f"({kept} of {total} items)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
