"""`import_experts`: expert profiles from JSON Lines, as docs/import-format.md specifies.

Every row is checked first; valid rows are then written one transaction each, so a
row is imported whole or not at all. Re-importing an external_id updates its profile.

A re-import leaves alone every field changed on the site since the last import (by
the expert or an editor) and reports it: the profile remembers what each import
wrote (`imported_values`), and a field that no longer holds it was edited since.

An expert's e-mail address ties the profile to a member account: an existing account
with that address, if it has no other profile, or else a new inactive account without
a password, which the expert claims through "forgot password" (members/accounts.py).
"""

from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.text import slugify
from wagtail.models import Locale

from core.import_tools import LANGUAGE_CODES, Place, RecordReader, RowError, RowImporter, paragraphs_to_html
from core.slugs import free_slug

from .directory import directory_for
from .models import ExpertDirectoryPage, ExpertProfilePage
from .models.profile import SPOKEN_LANGUAGES

# The import file's name of each profile field an import writes, as reports name them.
FILE_NAMES = {
    "title": "name", "organisation": "organisation", "position": "position", "biography": "bio",
    "languages": "languages", "city": "city", "country": "country", "themes": "themes", "topics": "topics",
    "sdgs": "sdgs", "expertise_tags": "expertise_tags",
}  # fmt: skip
KNOWN_FIELDS = {
    "external_id", "name", "email", "organisation", "position", "city", "country", "region", "bio",
    "profile_language", "languages", "themes", "topics", "sdgs", "expertise_tags",
}  # fmt: skip


@dataclass
class AccountChange:
    """What writing a row does to the account that owns its profile."""

    KEEP = "keep"  # nothing: no address given, or the owner already has it
    ATTACH = "attach"  # an existing account with the address takes the profile
    CREATE = "create"  # a new unclaimed account with the address takes the profile
    READDRESS = "readdress"  # the profile's unclaimed account takes the new address

    action: str
    email: str = ""
    account: object = None


@dataclass
class ExpertRecord:
    """One checked row, ready to be written."""

    line: int
    external_id: str
    language: str
    existing: ExpertProfilePage | None
    place: Place
    values: dict
    relations: dict
    tags: list
    account: AccountChange


class ExpertImporter(RowImporter):
    known_fields = KNOWN_FIELDS

    def __init__(self, **options):
        super().__init__(**options)
        self.languages_with_directory = set()
        self.emails = {}  # address: the line that first gave it

    def check(self, line):
        reader = RecordReader(line.record)
        external_id = reader.text("external_id", required=True, max_length=100)
        language = reader.choice("profile_language", LANGUAGE_CODES, required=True)
        existing = ExpertProfilePage.objects.filter(external_id=external_id).select_related("owner_account").first()
        if existing and existing.locale.language_code != language:
            raise RowError(
                "profile_language",
                f"the existing profile is in {existing.locale.language_code}, not {language}",
            )
        self.check_directory(language)
        values = {
            "title": reader.text("name", required=True, max_length=255),
            "organisation": reader.text("organisation", max_length=255),
            "position": reader.text("position", max_length=255),
            "biography": paragraphs_to_html(reader.text("bio")),
            "languages": " ".join(spoken_languages(reader)),
        }
        place = self.locate(line, reader, city_required=False)
        themes, topics = reader.themes_and_topics(required=False)
        relations = {"themes": themes, "topics": topics, "sdgs": reader.sdgs(required=False)}
        tags = reader.string_list("expertise_tags")
        # Last, so that only an accepted row claims its address for this file.
        email = self.email(reader, line)
        account = account_change(email, existing, line)
        if email:
            self.emails[email] = line.number
        return ExpertRecord(
            line=line.number,
            external_id=external_id,
            language=language,
            existing=existing,
            place=place,
            values=values,
            relations=relations,
            tags=tags,
            account=account,
        )

    def check_directory(self, language):
        if language in self.languages_with_directory:
            return
        try:
            directory_for(Locale.objects.get(language_code=language))
        except (Locale.DoesNotExist, ExpertDirectoryPage.DoesNotExist) as error:
            raise RowError(
                "profile_language", f"the site has no {language} expert directory (run `manage.py setup_site`)"
            ) from error
        self.languages_with_directory.add(language)

    def email(self, reader, line):
        """The address in lower case, as allauth keeps it; one profile per address."""
        email = reader.text("email", max_length=254).lower()
        if not email:
            return ""
        try:
            validate_email(email)
        except ValidationError as error:
            raise RowError("email", f"{email!r} is not a valid e-mail address") from error
        if email in self.emails:
            raise RowError("email", f"already given on line {self.emails[email]}; an account has one expert profile")
        return email

    def find_existing(self, record):
        return record.existing

    def save(self, record, existing):
        page = existing or ExpertProfilePage(external_id=record.external_id, live=not self.draft)
        place = self.places.create_missing(record.place)
        incoming = {
            **record.values,
            "city": place.city,
            "country": place.country,
            **record.relations,
            "expertise_tags": record.tags,
        }
        kept = self.edited_on_the_site(record, page, incoming) if existing else set()
        for name, value in incoming.items():
            if name not in kept and name != "expertise_tags":
                setattr(page, name, value)
        page.imported_values = {name: comparable(value) for name, value in incoming.items()}
        apply_account_change(record.account, page)
        if existing is None:
            directory = directory_for(Locale.objects.get(language_code=record.language))
            page.slug = free_slug(directory, slugify(page.title)[:70] or slugify(record.external_id))
            directory.add_child(instance=page)
        if "expertise_tags" not in kept:
            page.expertise_tags.set(record.tags)
        self.publish(page)

    def edited_on_the_site(self, record, page, incoming):
        """The fields whose value changed since the last import, which the file's
        different value does not replace; each is reported. A profile imported
        before imports remembered their values has nothing to compare with."""
        current = current_values(page)
        kept = {
            name
            for name, last in page.imported_values.items()
            if name in incoming and current[name] != last and current[name] != comparable(incoming[name])
        }
        for name in sorted(kept, key=list(FILE_NAMES).index):
            self.report.warnings.append(
                f"line {record.line}: {FILE_NAMES[name]}: {page.title!r} changed it on the site since the last "
                "import; kept, the file's value is ignored"
            )
        return kept


def comparable(value):
    """A field's value as imported_values keeps it: text as is, a term by its primary
    key, a list of terms or tags sorted."""
    if isinstance(value, list | tuple):
        return sorted(comparable(item) for item in value)
    return getattr(value, "pk", value)


def current_values(page):
    values = {name: comparable(getattr(page, name)) for name in ("title", "organisation", "position", "biography")}
    values["languages"] = page.languages
    values["city"], values["country"] = page.city_id, page.country_id
    for name in ("themes", "topics", "sdgs"):
        values[name] = comparable(list(getattr(page, name).all()))
    values["expertise_tags"] = sorted(page.expertise_tags.names())
    return values


def spoken_languages(reader):
    codes = list(dict.fromkeys(code.lower() for code in reader.string_list("languages")))
    unknown = [code for code in codes if code not in SPOKEN_LANGUAGES]
    if unknown:
        codes_named = ", ".join(map(repr, unknown))
        raise RowError("languages", f"unknown language code {codes_named}; use ISO 639-1 codes such as en, fr, es")
    return codes


def accounts_with_address(email):
    """Accounts whose login or any e-mail address is this one, case ignored."""
    return list(
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .distinct()
        .order_by("pk")
    )


def is_claimed(account):
    return account.is_active or account.has_usable_password() or account.last_login is not None


def account_change(email, profile, line):
    """How the profile's account follows the row's address; checked now, done on writing.

    A claimed account belongs to its member, who alone changes its address. An
    account still unclaimed was made by an earlier import: the file still speaks for
    it, so a corrected address replaces the old one on the same account.
    """
    owner = profile.owner_account if profile else None
    if not email:
        return AccountChange(AccountChange.KEEP)
    accounts = accounts_with_address(email)
    if owner in accounts:
        return AccountChange(AccountChange.KEEP)
    if owner and is_claimed(owner):
        line.warn("email", "the profile belongs to a claimed account, whose address only its member changes; ignored")
        return AccountChange(AccountChange.KEEP)
    if len(accounts) > 1:
        raise RowError("email", "belongs to more than one account")
    if not accounts:
        if owner:
            return AccountChange(AccountChange.READDRESS, email, owner)
        return AccountChange(AccountChange.CREATE, email)
    account = accounts[0]
    if owner:
        raise RowError(
            "email",
            "belongs to another account, while this profile already has an unclaimed account of its own; "
            "choose the profile's member account in the admin",
        )
    others = ExpertProfilePage.objects.filter(owner_account=account)
    if profile:
        others = others.exclude(translation_key=profile.translation_key)
    other = others.first()
    if other:
        raise RowError("email", f"belongs to an account that already has the expert profile {other.title!r}")
    return AccountChange(AccountChange.ATTACH, email, account)


def apply_account_change(change, page):
    account = change.account
    if change.action == AccountChange.CREATE:
        account = create_unclaimed_account(change.email)
    elif change.action == AccountChange.READDRESS:
        account.email = change.email
        account.save(update_fields=["email"])
        EmailAddress.objects.filter(user=account).delete()
        EmailAddress.objects.create(user=account, email=change.email, verified=False, primary=True)
    if change.action in (AccountChange.ATTACH, AccountChange.CREATE):
        page.owner_account = page.owner = account


def create_unclaimed_account(email):
    """An inactive account without a password: the expert claims it by resetting the
    password, which proves the address and activates it (members/accounts.py)."""
    account = get_user_model()(
        username=get_adapter().generate_unique_username([email, "expert"]), email=email, is_active=False
    )
    account.set_unusable_password()
    account.save()
    EmailAddress.objects.create(user=account, email=email, verified=False, primary=True)
    return account
