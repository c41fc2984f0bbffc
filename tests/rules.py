"""Asserting a refusal by its rule, the same way in every test module."""

import pytest

from linggao_mi.casework.rules import Rule, RuleViolation


def refused(rule: Rule, call, /, *args, **kwargs) -> RuleViolation:
    """`call(*args, **kwargs)` raises RuleViolation of `rule`, whose message states the rule and cites its clause."""
    with pytest.raises(RuleViolation) as info:
        call(*args, **kwargs)
    exc = info.value
    assert exc.rule is rule, f"refused by {exc.rule.code}, not {rule.code}: {exc}"
    assert str(exc).startswith(str(rule)), str(exc)
    assert rule.clause and rule.clause in str(exc), str(exc)
    return exc
