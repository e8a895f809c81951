"""Translations: keep resources/i18n/wufu_zh_CN.ts in step with the code and compile the .qm.

    python scripts/i18n.py update          # lupdate: add new source strings, drop vanished ones
    python scripts/i18n.py fill FILE.tsv   # set translations from "source<TAB>translation" lines
    python scripts/i18n.py missing         # list strings without a translation (exit 1 if any)
    python scripts/i18n.py compile         # lrelease: .ts -> .qm
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "wufu_zh_CN.ts"
SOURCE_DIRS = ("app", "ui")


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def source_files() -> list[str]:
    files = [str(ROOT / "main.py")]
    for folder in SOURCE_DIRS:
        files += sorted(str(p) for p in (ROOT / folder).rglob("*.py"))
    return files


def update(ts_file: Path = TS_FILE) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language", "zh_CN",
                    *source_files(), "-ts", str(ts_file)], check=True, cwd=ROOT, capture_output=True)


def compile_qm(ts_file: Path = TS_FILE, qm_file: Path | None = None) -> Path:
    qm_file = qm_file or ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True, capture_output=True)
    return qm_file


def missing(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    root = ET.parse(ts_file).getroot()
    result = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                result.append((name, message.findtext("source") or ""))
    return result


def _read_tsv(tsv: Path) -> tuple[dict, dict]:
    """"source<TAB>translation" for every context, or "context<TAB>source<TAB>translation"."""
    anywhere, in_context = {}, {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if "\t" not in line or line.startswith("#"):
            continue
        fields = [field.replace("\\n", "\n") for field in line.split("\t")]
        if len(fields) == 3:
            in_context[(fields[0], fields[1])] = fields[2]
        else:
            anywhere[fields[0]] = fields[1]
    return anywhere, in_context


def fill(tsv: Path, ts_file: Path = TS_FILE) -> int:
    anywhere, in_context = _read_tsv(tsv)
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = in_context.get((name, source), anywhere.get(source))
            if text is not None and translation is not None:
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    ET.indent(tree, space="    ")
    with open(ts_file, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    return filled


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "missing"
    if command == "update":
        update()
    elif command == "compile":
        print(compile_qm())
    elif command == "fill":
        print(f"filled {fill(Path(argv[1]))}")
    elif command == "missing":
        gaps = missing()
        for context, source in gaps:
            print(f"{context}\t{source!r}")
        return 1 if gaps else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
