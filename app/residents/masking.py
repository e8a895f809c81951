"""De-identified display (个人信息保护法): masked by default, full values only on purpose.

ID: keep the 6-digit region code and the last 4 → 640104********1234. Anything shorter than
11 characters is masked whole (too little is left to hide anything otherwise).
Mobile: keep 3 + last 4 → 139****1031. Landline: keep the area code, mask the first 4 digits of
the number → 0951-****345 (8 digits: 010-****5678; no area code: ****345). Anything else: every digit but the last 4
(at most half of them shown).
None gives "".
"""

from __future__ import annotations

from app.residents.idcard import normalize_id
from app.residents.phones import check_phone


def mask_id(value: object) -> str:
    text = normalize_id(value)
    if len(text) < 11:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_phone(value: object) -> str:
    if value is None:
        return ""
    check = check_phone(value)
    text = check.normalized
    if check.ok and check.kind == "mobile":
        return text[:3] + "****" + text[-4:]
    if check.ok and check.kind == "landline":
        area, _, number = text.rpartition("-")
        return f"{area}-****{number[4:]}" if area else f"****{number[4:]}"
    return _mask_digits(text)


def _mask_digits(text: str) -> str:
    total = sum(c.isdigit() for c in text)
    keep_from = max(total - 4, (total + 1) // 2)
    seen, out = 0, []
    for char in text:
        if char.isdigit():
            out.append(char if seen >= keep_from else "*")
            seen += 1
        else:
            out.append(char)
    return "".join(out)
