"""The Chinese catalog is complete and the committed .qm is built from it.

Fails when code gains a user-visible string that has no zh_CN translation:
run `python scripts/i18n.py update`, translate, then `python scripts/i18n.py compile`.
"""

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n_tool)


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context") for m in c.iter("message")}


def test_every_source_string_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "wufu_zh_CN.ts"
    shutil.copy(i18n_tool.TS_FILE, fresh)
    i18n_tool.update(fresh)
    new_strings = _messages(fresh) - _messages(i18n_tool.TS_FILE)
    assert not new_strings, f"strings missing from wufu_zh_CN.ts (run scripts/i18n.py update): {sorted(new_strings)[:20]}"
    assert i18n_tool.missing(fresh) == []


def test_committed_qm_matches_the_catalog(tmp_path):
    built = i18n_tool.compile_qm(i18n_tool.TS_FILE, tmp_path / "check.qm")
    assert built.read_bytes() == i18n_tool.TS_FILE.with_suffix(".qm").read_bytes(), "run scripts/i18n.py compile"


def test_app_layer_reads_the_same_catalog():
    from app import i18n

    i18n.set_language("zh_CN")
    assert i18n.translate("app", "Cancelled; nothing was changed.") == "已取消，数据未作任何改动。"
    i18n.set_language("en")
    assert i18n.translate("app", "Cancelled; nothing was changed.") == "Cancelled; nothing was changed."
    i18n.set_language("zh_CN")
