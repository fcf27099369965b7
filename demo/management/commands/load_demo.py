import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from tqdm import tqdm

from cases.models import CaseStudyPage
from core.database import refresh_planner_statistics
from demo.cases import CASE_COUNT, SEED, DemoBuilder
from demo.experts import EXPERT_COUNT, build_demo_experts
from experts.models import ExpertProfilePage


class Command(BaseCommand):
    help = "Build the demo platform (idempotent): structure pages in every language, 150 cases and 40 experts."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=CASE_COUNT, help="How many original cases to build.")
        parser.add_argument("--experts", type=int, default=EXPERT_COUNT, help="How many expert profiles to build.")
        parser.add_argument("--seed", type=int, default=SEED, help="Seed of the random choices.")

    def handle(self, *args, cases=CASE_COUNT, experts=EXPERT_COUNT, seed=SEED, **options):
        call_command("setup_site", verbosity=options["verbosity"])
        with tqdm(
            total=cases, desc="Demo cases", unit="case", disable=options["verbosity"] < 1, file=sys.stderr
        ) as bar:
            DemoBuilder(seed=seed, case_count=cases, progress=lambda: bar.update(1)).build()
        with tqdm(
            total=experts, desc="Demo experts", unit="expert", disable=options["verbosity"] < 1, file=sys.stderr
        ) as bar:
            build_demo_experts(seed=seed, count=experts, progress=lambda: bar.update(1))
        refresh_planner_statistics()
        live = CaseStudyPage.objects.live()
        per_language = ", ".join(
            f"{code}: {live.filter(locale__language_code=code).count()}" for code, _name in settings.LANGUAGES
        )
        profiles = ExpertProfilePage.objects.live().count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: {live.count()} published case pages ({per_language}), {profiles} experts.")
        )
