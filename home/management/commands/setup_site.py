from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cases.replications import ensure_replication_moderation
from editorial.workflow import ensure_editorial_workflow, ensure_someone_moderates
from experts.directory import ensure_expert_directories
from home.site_setup import apply_site_identity, ensure_admin, ensure_home_pages, ensure_information_pages
from members.moderation import ensure_report_moderation


def shown_path(path, base):
    """The path relative to the project when it lies inside it (VAR_DIR may be anywhere)."""
    return path.relative_to(base) if path.is_relative_to(base) else path


class Command(BaseCommand):
    help = (
        "Prepare a fresh database: locales, vocabularies, home pages, expert directories, information pages, "
        "editorial groups and workflow, and a first admin account."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create a first admin account.")

    def handle(self, *args, no_admin=False, **options):
        call_command("load_vocabularies", verbosity=options["verbosity"])
        ensure_home_pages()
        self.stdout.write("Home pages ready in " + ", ".join(code for code, _name in settings.LANGUAGES))
        site = apply_site_identity()
        self.stdout.write(f"Site: {site.site_name} at {site.root_url}")
        ensure_expert_directories()
        self.stdout.write("Expert directory ready in every language")
        ensure_information_pages()
        self.stdout.write("Information pages (about, contact, privacy, terms) ready in every language")
        ensure_editorial_workflow()
        ensure_report_moderation()
        ensure_replication_moderation()
        self.stdout.write("Editors and Moderators groups and the 'Editorial review' workflow ready")
        if not no_admin:
            self.create_admin()
        moderator = ensure_someone_moderates()
        if moderator is not None:
            self.stdout.write(f"'{moderator.get_username()}' joined Moderators and is told of new submissions")

    def create_admin(self):
        password = ensure_admin()
        if password is None:
            return
        login_file = settings.VAR_DIR / "admin-login.txt"
        login_file.parent.mkdir(parents=True, exist_ok=True)
        login_file.write_text(f"username: admin\npassword: {password}\n", encoding="utf-8")
        login_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login created: username 'admin', password '{password}' "
                f"(also saved in {shown_path(login_file, settings.BASE_DIR)})"
            )
        )
