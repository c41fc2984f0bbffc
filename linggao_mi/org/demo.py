"""Demo accounts, one per role (README). Only `load_demo` calls this, and only where settings allow."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from .choices import Role
from .models import Certificate, Section
from .services import staff_set_role

DEMO_USERS = [
    # username, family+given name, role, section code
    ("admin", "系统管理员", Role.ADMIN, None),
    ("leader", "王局长", Role.LEADER, None),
    ("chief", "陈股长", Role.CHIEF, "industry"),
    ("legal", "林法制", Role.LEGAL, None),
    ("inspector1", "李执法", Role.INSPECTOR, "industry"),
    ("inspector2", "张执法", Role.INSPECTOR, "industry"),
    ("staff", "赵工作", Role.STAFF, "industry"),
    ("itchief", "黄股长", Role.CHIEF, "it"),
    ("itstaff", "吴信息", Role.STAFF, "it"),
]
# Who heads which section in the demo.
DEMO_CHIEFS = {"industry": "chief", "it": "itchief"}


@transaction.atomic
def load(password: str) -> dict[str, User]:
    users = {}
    for username, name, role, section_code in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": name, "email": f"{username}@linggao.example"}
        )
        if created:
            user.set_password(password)
            user.is_superuser = role == Role.ADMIN
            user.save()
        section = Section.objects.get(code=section_code) if section_code else None
        staff_set_role(user=user, role=role, section=section)
        users[username] = user
    for code, username in DEMO_CHIEFS.items():
        section = Section.objects.get(code=code)
        if section.chief_id is None:
            section.chief = users[username]
            section.save(update_fields=["chief"])
    today = datetime.date.today()
    for n, username in enumerate(("inspector1", "inspector2"), start=1):
        Certificate.objects.get_or_create(
            number=f"琼执{today.year}0{n:04d}",
            defaults={
                "holder": users[username],
                "issuing_authority": "海南省人民政府",
                "enforcement_area": "临高县 工业和信息化",
                "valid_from": today.replace(year=today.year - 1, month=1, day=1),  # the demo cases reach back months
                "valid_to": today.replace(year=today.year + 3, month=12, day=31),
            },
        )
    return users
