from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def search_report_urls():
    return [path("reports/searches/", views.searches_report, name="search_analytics")]


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return MenuItem(_("Searches"), reverse("search_analytics"), icon_name="search", order=710)
