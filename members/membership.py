"""What a member can take away or erase: their data as JSON, and their account."""

from django.db import transaction
from django.db.models import Count
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from alerts.models import SavedSearch
from cases.models import CaseContribution
from core.private_media import used_by_live_pages
from experts.ownership import own_profile, own_profiles_everywhere

from .models import Conversation, MemberProfile, Message


def member_data(user):
    """Everything the platform holds about the member, as plain JSON-ready data."""
    profile = own_profile(user)
    draft = profile.get_latest_revision_as_object() if profile else None
    conversations = Conversation.objects.involving(user)
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.all()
            ],
            **shown_to_members(user),
        },
        "profile": profile_data(draft) if draft else None,
        "conversations": [
            {
                "subject": conversation.subject,
                "expert": conversation.expert.title,
                "messages": [
                    {
                        "from_me": message.sender_id == user.pk,
                        "sent_at": message.sent_at.isoformat(),
                        "body": message.body,
                    }
                    for message in conversation.messages.all()
                ],
            }
            for conversation in conversations.select_related("expert").prefetch_related("messages")
        ],
        "contributions": [
            {"title": contribution.page.title, "submitted_at": contribution.submitted_at.isoformat()}
            for contribution in CaseContribution.objects.filter(member=user).select_related("page")
        ],
        "saved_searches": [
            {
                "name": search.name,
                "search": search.query,
                "language": search.language,
                "alerts": search.frequency,
                "created_at": search.created_at.isoformat(),
                "practices_announced": search.announced,
            }
            for search in SavedSearch.objects.filter(user=user).annotate(announced=Count("sent"))
        ],
    }


def shown_to_members(user):
    """What the member gave at sign-up, and their time zone."""
    member = MemberProfile.objects.filter(account=user).select_related("city").first()
    if member is None:
        return {}
    return {
        "name": member.name,
        "organisation": member.organisation,
        "city": member.city.slug if member.city else None,
        "time_zone": member.time_zone,
    }


def profile_data(profile):
    return {
        "name": profile.title,
        "language": profile.locale.language_code,
        "profile_type": profile.profile_type,
        "position": profile.position,
        "organisation": profile.organisation,
        "city": profile.city.slug if profile.city_id else None,
        "country": profile.country.code,
        "biography": profile.biography,
        "languages": profile.languages.split(),
        "themes": [theme.slug for theme in profile.themes.all()],
        "topics": [topic.slug for topic in profile.topics.all()],
        "sdgs": [sdg.number for sdg in profile.sdgs.all()],
        "expertise_tags": [tag.name for tag in profile.expertise_tags.all()],
        "website": profile.website,
        "linkedin_url": profile.linkedin_url,
        "orcid": profile.orcid,
        "availability": [str(label) for label in profile.availability()],
    }


@transaction.atomic
def delete_member(user):
    """Erase the member: their profile in every language with its revisions and history
    (the deletion also reaches the search index through the outbox), every image and
    document they uploaded or their profile ever showed, their conversations and
    messages, and the account with its e-mail addresses. Cases they contributed stay
    published with the photos and documents they show, no longer linked to anyone."""
    profiles = list(own_profiles_everywhere(user))
    images = member_images(user, profiles)
    documents = set(get_document_model().objects.filter(uploaded_by_user=user).values_list("pk", flat=True))
    for page in profiles:
        page_id = page.pk
        page.delete()
        PageLogEntry.objects.filter(page_id=page_id).delete()
    # Wagtail deletes the files (an image's renditions too) once this commits.
    for model, ids in ((get_image_model(), images), (get_document_model(), documents)):
        model.objects.filter(pk__in=ids - used_by_live_pages(model, ids)).delete()
    Message.objects.filter(sender=user).delete()
    user.delete()


def member_images(user, profiles):
    """The ids of the images the member uploaded (a photo replaced on every save leaves
    its predecessors behind) and of every photo a revision of their profile showed,
    which an editor may have uploaded for them."""
    images = set(get_image_model().objects.filter(uploaded_by_user=user).values_list("pk", flat=True))
    revisions = Revision.page_revisions.filter(object_id__in=[str(page.pk) for page in profiles])
    images.update(content["photo"] for content in revisions.values_list("content", flat=True) if content.get("photo"))
    images.update(page.photo_id for page in profiles if page.photo_id)
    return images
