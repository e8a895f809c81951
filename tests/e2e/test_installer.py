"""The PyInstaller bundle works on its own: build installer.spec once, then run what it built.

The build takes about a minute of CPU (~60 s on an idle two-core machine, longer when the machine
is busy); deselect it with ``pytest -m "not installer"``. To test a bundle built elsewhere (e.g. by
scripts/build_installer.sh), point WUFU_BUNDLE at its folder (the one holding ``wufu`` and
``wufu-admin``) and the build is skipped.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT = 1200
RUN_TIMEOUT = 180


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("WUFU_BUNDLE")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    print(f"\nPyInstaller built the bundle in {time.monotonic() - started:.0f} s")
    return work / "dist" / "wufu"


@pytest.fixture
def env(tmp_path, make_child_env) -> dict[str, str]:
    """Data folder, settings and default database of the bundled programs go under tmp_path."""
    environ = make_child_env(tmp_path)
    for name in ("PYTHONPATH", "PYTHONHOME", "QT_PLUGIN_PATH"):  # the bundle must not need them
        environ.pop(name, None)
    return environ


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, timeout=RUN_TIMEOUT,
                          text=True, encoding="utf-8", errors="replace")


def admin(bundle: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return run(bundle / f"wufu-admin{EXE_SUFFIX}", *args, env=env, cwd=cwd)


def internal(bundle: Path) -> Path:
    return bundle / "_internal"


def head_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(ROOT / "db" / "migrations"))
    return set(ScriptDirectory.from_config(config).get_heads())


def schema_revisions(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "alembic_version" in tables, f"no alembic_version table; tables: {sorted(tables)}"
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def test_bundle_holds_both_programs_resources_and_migrations(bundle):
    assert (bundle / f"wufu{EXE_SUFFIX}").is_file()
    assert (bundle / f"wufu-admin{EXE_SUFFIX}").is_file()
    data = internal(bundle)
    fonts = data / "resources" / "fonts"
    assert (fonts / "wqy-microhei.ttc").stat().st_size == (ROOT / "resources/fonts/wqy-microhei.ttc").stat().st_size
    licences = sorted(p.name for p in fonts.iterdir() if p.suffix == ".txt")
    assert licences == sorted(p.name for p in (ROOT / "resources/fonts").glob("*.txt")) and licences
    for name in ("wufu_zh_CN.qm", "wufu_zh_CN.ts"):  # the .qm for Qt, the .ts for app/i18n.py
        assert (data / "resources" / "i18n" / name).read_bytes() == (ROOT / "resources/i18n" / name).read_bytes()
    migrations = data / "db" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    assert shipped == sorted(p.name for p in (ROOT / "db/migrations/versions").glob("*.py"))


def source_modules(*packages: str) -> set[str]:
    """Module names of every .py file under the checkout's packages (as installer.spec collects them)."""
    names = set()
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            if all(part.isidentifier() for part in parts):
                names.add(".".join(parts))
    return names


def archived_modules(program: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(program))
    (pyz,) = [name for name in archive.toc if name.endswith(".pyz")]
    return set(archive.open_embedded_archive(pyz).toc)


def test_every_ledger_module_is_bundled_although_imported_by_name(bundle):
    gui = archived_modules(bundle / f"wufu{EXE_SUFFIX}")
    assert not sorted(source_modules("app", "db", "ui") - gui)
    cli = archived_modules(bundle / f"wufu-admin{EXE_SUFFIX}")
    assert not sorted(source_modules("app", "db") - cli)
    assert not [name for name in cli if name.split(".")[0] in ("PySide6", "shiboken6", "ui")]


def test_bundle_has_the_qt_pieces_it_needs_and_not_the_big_unused_ones(bundle):
    files = [p.name for p in internal(bundle).rglob("*") if p.is_file()]
    assert any("qoffscreen" in name for name in files), "the offscreen platform plugin is missing"
    assert "qtbase_zh_CN.qm" in files, "Qt's own Chinese translation (确定, 取消) is missing"
    assert not [name for name in files if name.startswith("qtbase_") and name not in ("qtbase_zh_CN.qm", "qtbase_en.qm")]
    unwanted = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Designer")  # (QtPdf: optional, for printing)
    assert not [name for name in files if name.startswith(tuple(f"{p}{u}" for p in ("lib", "") for u in unwanted))]


def test_admin_cli_creates_checks_and_fills_a_fresh_database(bundle, env, tmp_path):
    db = tmp_path / "fresh.db"
    init = admin(bundle, "--db", str(db), "init", env=env, cwd=tmp_path)
    assert init.returncode == 0, init.stdout + init.stderr
    assert "数据库已就绪" in init.stdout
    assert db.is_file()
    assert schema_revisions(db) == head_revisions()

    check = admin(bundle, "--db", str(db), "check", env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "未发现问题" in check.stdout

    help_text = admin(bundle, "--lang", "en", "--help", env=env, cwd=tmp_path)
    assert help_text.returncode == 0, help_text.stderr
    if "demo" in help_text.stdout:
        demo = admin(bundle, "--db", str(db), "demo", "--residents", "200", env=env, cwd=tmp_path)
        assert demo.returncode == 0, demo.stdout + demo.stderr
        again = admin(bundle, "--db", str(db), "check", env=env, cwd=tmp_path)
        assert again.returncode == 0, again.stdout + again.stderr


def test_admin_cli_refuses_a_file_that_is_not_a_database(bundle, env, tmp_path):
    stranger = tmp_path / "notes.db"
    stranger.write_text("not sqlite", encoding="utf-8")
    result = admin(bundle, "--db", str(stranger), "--lang", "en", "init", env=env, cwd=tmp_path)
    assert result.returncode != 0
    assert "not a Wufu database" in result.stderr
    assert stranger.read_text(encoding="utf-8") == "not sqlite"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_gui_takes_a_screenshot_offscreen(bundle, env, tmp_path, qapp, lang):
    from PySide6.QtGui import QImage

    db = tmp_path / "gui.db"
    out = tmp_path / "out.png"
    result = run(bundle / f"wufu{EXE_SUFFIX}", "--db", str(db), "--lang", lang, "--screenshot", str(out),
                 env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    image = QImage(str(out))
    assert not image.isNull(), f"{out} is not a readable image"
    assert image.width() >= 800 and image.height() >= 600, (image.width(), image.height())
    # Something was drawn: menus, tab titles and text differ from the window background.
    background = image.pixel(image.width() // 2, image.height() // 2)
    drawn = sum(image.pixel(x, y) != background for x in range(0, image.width(), 4) for y in range(0, 120, 2))
    assert drawn > 100, "the screenshot looks blank"
    assert schema_revisions(db) == head_revisions()  # the GUI migrated the new database at start-up
