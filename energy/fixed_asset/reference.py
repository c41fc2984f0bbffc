"""The DeadlineRule rows of 三（五）; energy/reference.py makes them with its own (missing rows only, after every
migrate and flush), and migration 0007 makes them on an existing database."""

from . import rules

DEADLINE_RULES = [
    # code, name, amount, unit, citation, description
    (
        rules.RULE_START_WINDOW, "通过节能审查后开工建设期间", 2, "years", "三（五）2(4)",
        "项目在通过节能审查之日后两年内未开工建设的，列入监督检查内容；期间自通过节能审查之日的次日起算，"
        "按《民法典》第二百零一条至第二百零三条计算。",
    ),
    (
        rules.RULE_PERIODIC_CHECK, "固定资产投资项目定期检查", 1, "years", "三（五）4(1)",
        "对固定资产投资项目进行定期检查，一般一年一次；自项目登记或上一次定期检查反馈之日起计算。",
    ),
]
