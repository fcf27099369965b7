"""Admin additions that belong to no content app: members' unreviewed documents kept
from the public."""

from django.http import Http404
from wagtail import hooks

from . import private_media


@hooks.register("before_serve_document")
def unreviewed_documents_to_their_member_and_the_editors(document, request):
    """/documents/<id>/<name> serves a member's unreviewed document only to those who
    may see its file (core/private_media.py)."""
    if not private_media.may_see(request.user, document, "wagtaildocs.choose_document"):
        raise Http404
