"""Checks a workbook file before any parser sees it.

Import files come from outside (e-mail, USB sticks, other offices), so before calamine parses one we
make sure, cheaply and with bounded memory, that it is what it claims to be:

* a regular file under a size limit;
* a zip (xlsx, xlsm, xlsb, ods) or an OLE2 compound file (xls) by its first bytes, not its name;
* an OLE2 file that holds an ``EncryptionInfo``/``EncryptedPackage`` stream is an xlsx that Excel
  encrypted with a password;
* a zip whose declared sizes are not a bomb (total size, per-member ratio, entry count), whose
  members really inflate to the declared sizes (CRC checked while streaming, so a member that lies
  about its size is caught before a parser that trusts the stream inflates it), and whose XML parts
  declare no DOCTYPE or ENTITY (entity expansion).

Every refusal is a ``UserError`` with a translated message.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.i18n import translate

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB
MAX_UNCOMPRESSED_BYTES = 1024 * MB
MAX_COMPRESSION_RATIO = 200
MAX_ZIP_ENTRIES = 10_000
# A member this small cannot hurt, whatever its ratio (tiny repetitive XML compresses very well).
RATIO_FLOOR_BYTES = 1 * MB
XML_HEAD_BYTES = 4096
CHUNK_BYTES = 1 * MB

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Parts calamine opens to find the sheets: xlsx/xlsm, xlsb, ods.
WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")
# OLE2 directory entries are 128 bytes, start on a 128-byte boundary, and begin with the stream
# name in UTF-16LE followed by a NUL character. Matching the name there (rather than parsing the
# directory chain) is enough to recognise Excel's encrypted container and cannot be fooled by
# the same words inside ordinary cell text, which is never aligned and NUL-terminated like this.
ENCRYPTED_STREAM_NAMES = tuple(
    (name + "\0").encode("utf-16-le") for name in ("EncryptionInfo", "EncryptedPackage")
)
OLE_DIR_ENTRY_BYTES = 128

_UNSAFE_XML = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_START_TAG = re.compile(rb"<[A-Za-z_]")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_FILE_BYTES
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES
    max_ratio: float = MAX_COMPRESSION_RATIO
    max_entries: int = MAX_ZIP_ENTRIES


def check_workbook(path: str | os.PathLike, limits: Limits = Limits(),
                   streamed: Callable[[zipfile.ZipInfo], bool] | None = None) -> str:
    """Refuse anything that is not a plausible, safe workbook. Returns "zip" or "ole".

    ``streamed``: zip members the caller reads itself through ``zipfile`` before any parser sees
    them (a big sheet cut into parts): zipfile checks their size and CRC as it reads, so they are
    not inflated here too (a second pass over 100 MB of XML); their declared sizes and XML
    declarations are checked all the same. If such a member is to be parsed as it is after all,
    check the workbook again without ``streamed`` first."""
    path = Path(path)
    _check_regular_file(path, limits.max_bytes)
    magic = _read_magic(path)
    if magic.startswith(ZIP_MAGIC):
        _check_zip(path, limits, streamed)
        return "zip"
    if magic.startswith(OLE_MAGIC):
        _check_ole(path)
        return "ole"
    raise not_a_workbook(path)


def not_a_workbook(path: Path) -> UserError:
    return UserError(translate("app", "{name} is not an Excel workbook.").format(name=path.name))


def damaged(path: Path) -> UserError:
    return UserError(
        translate("app", "The file {name} is damaged and cannot be read.").format(name=path.name)
    )


def password_protected(path: Path) -> UserError:
    return UserError(
        translate(
            "app",
            "The workbook {name} is password-protected. Remove the password in Excel "
            "and save it again, then import it.",
        ).format(name=path.name)
    )


def unreadable(path: Path) -> UserError:
    return UserError(
        translate(
            "app",
            "The file {name} cannot be opened. Close it in other programs and check that "
            "you are allowed to read it.",
        ).format(name=path.name)
    )


def _check_regular_file(path: Path, max_bytes: int) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(translate("app", "The file {path} does not exist.").format(path=path))
    except OSError:
        raise unreadable(path)
    if not stat.S_ISREG(info.st_mode):
        raise UserError(translate("app", "{path} is not a file.").format(path=path))
    if info.st_size > max_bytes:
        raise UserError(
            translate(
                "app", "The file {name} is {size} MB; files over {limit} MB cannot be imported."
            ).format(name=path.name, size=_megabytes(info.st_size), limit=_megabytes(max_bytes))
        )


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def _read_magic(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(8)
    except OSError:
        raise unreadable(path)


def _check_ole(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK_BYTES):  # CHUNK_BYTES is a multiple of 128
                if _has_encrypted_stream(chunk):
                    raise password_protected(path)
    except OSError:
        raise unreadable(path)


def _has_encrypted_stream(chunk: bytes) -> bool:
    for name in ENCRYPTED_STREAM_NAMES:
        pos = chunk.find(name)
        while pos != -1:
            if pos % OLE_DIR_ENTRY_BYTES == 0:
                return True
            pos = chunk.find(name, pos + 1)
    return False


def _check_zip(path: Path, limits: Limits, streamed: Callable[[zipfile.ZipInfo], bool] | None) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_declared_sizes(path, members, limits)
            if not any(name in WORKBOOK_PARTS for name in archive.namelist()):
                raise not_a_workbook(path)
            for member in members:
                _check_member(path, archive, member, whole=streamed is None or not streamed(member))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
        # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression.
        raise damaged(path)
    except OSError:
        raise unreadable(path)


def _check_declared_sizes(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.max_entries:
        raise _zip_bomb(path)
    if sum(m.file_size for m in members) > limits.max_uncompressed:
        raise _zip_bomb(path)
    for m in members:
        if m.file_size > RATIO_FLOOR_BYTES and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise _zip_bomb(path)


def _check_member(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, whole: bool = True) -> None:
    """Inflate the member in chunks (``whole``; else only its head): zipfile stops at the declared
    size and checks the CRC."""
    if member.is_dir():
        return
    with archive.open(member) as stream:
        head = stream.read(XML_HEAD_BYTES)
        if member.filename.endswith((".xml", ".rels")) and _xml_head_is_unsafe(head, member):
            raise UserError(
                translate(
                    "app",
                    "{name} contains XML declarations that a workbook never needs (DOCTYPE or "
                    "ENTITY) and was refused for safety.",
                ).format(name=path.name)
            )
        while whole and stream.read(CHUNK_BYTES):
            pass


def _xml_head_is_unsafe(head: bytes, member: zipfile.ZipInfo) -> bool:
    head = _as_utf8(head)
    if _UNSAFE_XML.search(head):
        return True
    # A DOCTYPE may only come before the root element; a prolog longer than the head could hide one.
    return member.file_size > XML_HEAD_BYTES and not _START_TAG.search(head)


def _as_utf8(head: bytes) -> bytes:
    """XML may be UTF-16; search the same bytes as UTF-8 so '<!DOCTYPE' cannot hide in it."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", errors="ignore").encode("utf-8")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", errors="ignore").encode("utf-8")
    return head


def _zip_bomb(path: Path) -> UserError:
    return UserError(
        translate(
            "app",
            "{name} would expand to an unreasonably large size when opened (it looks like a "
            "zip bomb) and was refused for safety.",
        ).format(name=path.name)
    )
