from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from inspections import views as inspections_views
from linggao_mi.casework import views as casework_views
from linggao_mi.org import views as org_views

api_v1 = [
    path("", include("duties.api")),
    path("", include("boundaries.api")),
    path("", include("services.api")),
    path("", include("linggao_mi.deadlines.api")),
    path("", include("linggao_mi.casework.api")),
    path("", include("energy.api")),
    path("", include("inspections.api")),
    path("", include("infoproj.api")),
]

urlpatterns = [
    path("", org_views.home, name="home"),
    path("workspace/", casework_views.workspace, name="workspace"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("duties/", include("duties.urls")),
    path("boundaries/", include("boundaries.urls")),
    path("services/", include("services.urls")),
    path("deadlines/", include("linggao_mi.deadlines.urls")),
    path("notifications/", include("linggao_mi.notifications.urls")),
    path("exports/", include("linggao_mi.lists.urls")),
    path("documents/", include("linggao_mi.documents.urls")),
    path("attachments/", include("linggao_mi.attachments.urls")),
    path("energy/", include("energy.urls")),
    path("inspections/", include("inspections.urls")),
    path("discretion/", inspections_views.discretion_list, name="discretion"),
    path("complaints/new/", inspections_views.complaint_new, name="complaint_new"),
    path("complaints/received/", inspections_views.complaint_received, name="complaint_received"),
    path("complaints/track/", inspections_views.complaint_track, name="complaint_track"),
    path("infoproj/", include("infoproj.urls")),
    path("tenders/", include("infoproj.public_urls")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]

handler400 = "linggao_mi.org.views.bad_request"
handler403 = "linggao_mi.org.views.permission_denied"
handler404 = "linggao_mi.org.views.page_not_found"
handler500 = "linggao_mi.org.views.server_error"

admin.site.site_header = "临高县工业和信息化局 监管业务平台"
admin.site.site_title = "监管业务平台管理"
