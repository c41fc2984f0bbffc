from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from .choices import DayKind
from .forms import CalendarYearForm
from .models import CalendarDay, CalendarYear, Deadline, DeadlineRule
from .periods import MAX_AMOUNT, Unit
from .selectors import calendar_schedule
from .services import CALENDAR_ENTER_PERMISSION


class CalendarDayInline(admin.TabularInline):
    """Read-only: a schedule changes only as a whole (录入放假安排), so that deadlines get recomputed."""

    model = CalendarDay
    fields = ["date", "weekday", "kind", "name"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="星期")
    def weekday(self, day):
        return "一二三四五六日"[day.date.weekday()]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "holiday_days", "makeup_days", "loaded_at", "loaded_by", "note"]
    list_filter = ["source"]
    readonly_fields = ["year", "source", "loaded_at", "loaded_by", "note", "schedule"]
    inlines = [CalendarDayInline]
    change_list_template = "admin/deadlines/calendaryear/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("loaded_by")
            .annotate(
                n_holiday=Count("days", filter=Q(days__kind=DayKind.HOLIDAY)),
                n_workday=Count("days", filter=Q(days__kind=DayKind.WORKDAY)),
            )
        )

    @admin.display(description="工作日放假天数", ordering="n_holiday")
    def holiday_days(self, obj):
        return obj.n_holiday

    @admin.display(description="调休上班天数", ordering="n_workday")
    def makeup_days(self, obj):
        return obj.n_workday

    @admin.display(description="放假安排")
    def schedule(self, obj):
        ranges, workdays = calendar_schedule(obj)
        holidays = "；".join(
            f"{r.name} {r.first:%m月%d日}" + (f"至{r.last:%m月%d日}" if r.last != r.first else "")
            for r in ranges
        )
        makeup = "、".join(f"{d.date:%m月%d日}" for d in workdays) or "无"
        return format_html(
            "放假：{}<br>调休上班：{}<br><a href='{}'>修改放假安排</a>",
            holidays,
            makeup,
            reverse("admin:deadlines_calendaryear_enter") + f"?year={obj.year}",
        )

    def has_add_permission(self, request):
        return request.user.has_perm(CALENDAR_ENTER_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting a year would silently change the deadlines counted with it.
        return False

    def get_urls(self):
        return [
            path("enter/", self.admin_site.admin_view(self.enter_view), name="deadlines_calendaryear_enter")
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:deadlines_calendaryear_enter")

    def enter_view(self, request):
        """录入放假安排: a year's official schedule, as holiday ranges and make-up days."""
        if not request.user.has_perm(CALENDAR_ENTER_PERMISSION):
            raise PermissionDenied
        if request.method == "POST":
            form = CalendarYearForm(request.POST)
            entered = form.enter(actor=request.user)
            if entered:
                self.message_user(request, form.entered_message(entered), messages.SUCCESS)
                return redirect("admin:deadlines_calendaryear_change", entered.calendar_year.pk)
        else:
            year = request.GET.get("year", "")
            existing = CalendarYear.objects.filter(year=int(year)).first() if year.isdigit() else None
            if existing:
                form = CalendarYearForm(initial=CalendarYearForm.initial_for(existing))
            else:
                latest = CalendarYear.objects.order_by("-year").values_list("year", flat=True).first()
                form = CalendarYearForm(
                    initial={"year": int(year) if year.isdigit() else (latest or 2026) + 1}
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "录入年度放假安排",
            "form": form,
        }
        return TemplateResponse(request, "admin/deadlines/calendaryear/enter.html", context)


class DeadlineRuleForm(forms.ModelForm):
    class Meta:
        model = DeadlineRule
        fields = ["code", "name", "amount", "unit", "citation", "description"]

    def clean(self):
        data = super().clean()
        unit, amount = data.get("unit"), data.get("amount")
        if unit in Unit.values and amount and amount > MAX_AMOUNT[Unit(unit)]:
            raise ValidationError({"amount": f"不能超过{MAX_AMOUNT[Unit(unit)]}{Unit(unit).label}。"})
        return data


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(HistoryAdmin):
    form = DeadlineRuleForm
    list_display = ["code", "name", "amount", "unit", "citation"]
    list_editable = ["amount"]
    list_filter = ["unit"]
    search_fields = ["code", "name", "citation"]

    def get_readonly_fields(self, request, obj=None):
        # Regimes look rules up by code; renaming one would orphan their calls.
        return ["code"] if obj else []


@admin.register(Deadline)
class DeadlineAdmin(ReadOnly, HistoryAdmin):
    """Read only: a deadline opens, moves and ends through deadlines.services (which keep the case's next one)."""

    list_display = [
        "__str__",
        "case_link",
        "start",
        "period",
        "due",
        "moved",
        "provisional",
        "state",
        "section",
    ]
    list_filter = ["state", "provisional", "moved", "rule", "section"]
    list_select_related = ["rule", "section", "content_type"]
    search_fields = ["label", "rule__name"]
    date_hierarchy = "due"
    exclude = ["content_type", "object_id"]
    readonly_fields = [
        "case_link",
        "rule",
        "label",
        "start",
        "amount",
        "unit",
        "nominal",
        "due",
        "moved",
        "provisional",
        "state",
        "waived_reason",
        "waived_by",
        "closed_on",
        "responsible",
        "section",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="期间")
    def period(self, obj):
        return obj.period_display

    @admin.display(description="案件")
    def case_link(self, obj):
        url = obj.case_url()
        return format_html("<a href='{}'>{}</a>", url, obj.case) if url else str(obj.case)

