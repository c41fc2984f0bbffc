"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17."""

from django.core.exceptions import ValidationError

from .rules import CREDIT_CODE_CHECK_DIGIT, CREDIT_CODE_FORMAT

# GB 32100-2015 表 — the 31 code characters (no I, O, Z, S, V) and the weights of positions 1–17.
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize_credit_code(value: str | None) -> str:
    """As the code is stored and checked: no surrounding spaces, capital letters."""
    return (value or "").strip().upper()


def credit_code_check_char(first17: str) -> str:
    """The check character of a code's first 17 characters: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


def credit_code_complete(first17: str) -> str:
    """The full 18-character code of `first17` (its check character appended)."""
    return first17 + credit_code_check_char(first17)


def validate_credit_code(value: str) -> None:
    code = normalize_credit_code(value)
    if len(code) != 18 or any(c not in CODE_CHARS for c in code):
        raise ValidationError(str(CREDIT_CODE_FORMAT), code=CREDIT_CODE_FORMAT.code)
    if not code[2:8].isdigit():  # 登记管理机关行政区划码
        raise ValidationError(str(CREDIT_CODE_FORMAT), code=CREDIT_CODE_FORMAT.code)
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError(str(CREDIT_CODE_CHECK_DIGIT), code=CREDIT_CODE_CHECK_DIGIT.code)
