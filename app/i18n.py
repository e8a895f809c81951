"""Translation for the Qt-free layers.

Source strings are English; the zh_CN catalog is the Qt Linguist file that the UI also uses
(resources/i18n/wufu_zh_CN.ts), read here directly so that app/ and the command line speak the
same Chinese as the screens without importing Qt. Mark strings as

    translate("app", "Row {row}: the ID number has {n} characters").format(row=..., n=...)

so that pyside6-lupdate finds them. Format after translating, never before.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ET

from app.resources import translation_source

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED_LANGUAGES = ("zh_CN", "en")

_lock = threading.Lock()


def _new_lock() -> None:
    """A forked child (an import's reading process) gets a free lock, whoever held it at the fork."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock)
_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[tuple[str, str], str]] = {}


def _load_catalog(language: str) -> dict[tuple[str, str], str]:
    path = translation_source(language)
    catalog: dict[tuple[str, str], str] = {}
    if not path.exists():
        return catalog
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                catalog[(name, source)] = translation.text
    return catalog


def set_language(language: str) -> None:
    global _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    if _language == "en":
        return text
    with _lock:
        catalog = _catalogs.get(_language)
        if catalog is None:
            catalog = _catalogs[_language] = _load_catalog(_language)
    return catalog.get((context, text), text)
