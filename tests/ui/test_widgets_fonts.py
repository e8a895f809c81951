"""The screens draw names with rare characters (𠮷田): the bundled fallback font fills in what
WenQuanYi Micro Hei lacks, on every machine, without a system font for CJK Extension B."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

from ui.application import register_font
from ui.widgets.fonts import application_font_families, bundled_font

RARE = "\U00020BB7"  # 𠮷


def drawn(text: str, font: QFont) -> QImage:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_the_application_font_falls_back_to_the_rare_character_font(qapp):
    main, *rare = application_font_families()
    assert main == "WenQuanYi Micro Hei" and rare == ["Wufu Rare Han"]
    assert QRawFont.fromFont(QFont("Wufu Rare Han", 20)).supportsCharacter(0x20BB7)
    assert not QRawFont.fromFont(QFont(main, 20)).supportsCharacter(0x20BB7)
    before = QApplication.font()
    try:
        assert register_font(qapp) == main
        assert QApplication.font().families() == [main, "Wufu Rare Han"]
    finally:
        QApplication.setFont(before)


def test_a_rare_character_is_drawn_with_the_glyph_of_the_fallback_font(qapp):
    ours = drawn(RARE, bundled_font(28))
    assert ours == drawn(RARE, QFont("Wufu Rare Han", 28))  # the glyph, not a box or blank
    assert ours != drawn("", bundled_font(28))
    # the common characters keep Micro Hei
    assert drawn("田", bundled_font(28)) == drawn("田", QFont("WenQuanYi Micro Hei", 28))
