from editorial.workflow import grant_moderators


def ensure_report_moderation():
    """Moderators read and resolve the messages members report (wagtail_hooks.py)."""
    grant_moderators([("members", "change_messagereport")])
