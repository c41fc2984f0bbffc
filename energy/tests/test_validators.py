"""统一社会信用代码 check character (GB 32100-2015)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from energy import rules
from energy.validators import CODE_CHARS, credit_code_check_char, validate_credit_code

# Published codes of well-known enterprises (their check characters are the standard's, not ours).
REAL = ["914403001922038216", "91110000600037341L", "91440300708461136T"]


@pytest.mark.parametrize("code", REAL)
def test_real_codes_pass(code):
    validate_credit_code(code)
    validate_credit_code(code.lower())  # the form upper-cases; the check is case-insensitive


@pytest.mark.parametrize(
    "code, rule",
    [
        ("914403001922038217", rules.CREDIT_CODE_CHECK_DIGIT),  # wrong check character
        ("914403001922038261", rules.CREDIT_CODE_CHECK_DIGIT),  # two characters swapped
        ("91440300192203821", rules.CREDIT_CODE_FORMAT),  # 17 characters
        ("9144030019220382160", rules.CREDIT_CODE_FORMAT),  # 19 characters
        ("91440300192203821O", rules.CREDIT_CODE_FORMAT),  # O is not a code character
        ("91A40300192203821I", rules.CREDIT_CODE_FORMAT),  # region code must be digits
        ("", rules.CREDIT_CODE_FORMAT),
    ],
)
def test_invalid_codes_refused_in_chinese(code, rule):
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert info.value.messages == [str(rule)] and "GB 32100-2015" in info.value.messages[0]


def test_check_character_worked_example():
    # 91440300192203821: Σ Ci·Wi = 831; 831 mod 31 = 25; 31 − 25 = 6 → check character "6".
    assert credit_code_check_char("91440300192203821") == "6"
    # A remainder of 0 gives 31, which the standard writes as "0".
    assert credit_code_check_char("00000000000000000") == "0"


@given(st.text(alphabet=CODE_CHARS, min_size=15, max_size=15), st.integers(0, 999999))
def test_any_body_with_its_check_character_passes(body, region):
    code17 = body[:2] + f"{region:06d}" + body[2:11]
    validate_credit_code(code17 + credit_code_check_char(code17))
