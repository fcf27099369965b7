import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cases.models import CaseStudyPage
from core.database import refresh_planner_statistics
from demo.cases import SEED, DemoBuilder
from demo.experts import build_demo_experts, build_experts, read_experts
from demo.practices import PracticeError, PracticeLoader, read_practices
from experts.models import ExpertProfilePage


class Command(BaseCommand):
    help = (
        "Build the demo platform (idempotent): structure pages in every language, the real practices of "
        "demo/data/practices/ with their translations and the demo experts of demo/data/experts.yaml; "
        "--synthetic adds generated cases and experts, for benchmarks and the demo-derived judged set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cases", type=int, default=None, help="Load only the first N real practices (all by default)."
        )
        parser.add_argument("--experts", type=int, default=None, help="Load only the first N demo experts.")
        parser.add_argument(
            "--synthetic", type=int, default=0, metavar="N", help="Also generate N synthetic cases (benchmarks)."
        )
        parser.add_argument(
            "--synthetic-experts", type=int, default=0, metavar="N", help="Also generate N synthetic experts."
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Seed of the synthetic cases' random choices.")

    def handle(self, *args, cases=None, experts=None, synthetic=0, synthetic_experts=0, seed=SEED, **options):
        try:
            practices, people = read_practices()[:cases], read_experts()[:experts]
        except (PracticeError, OSError) as problem:
            raise CommandError(str(problem)) from problem
        call_command("setup_site", verbosity=options["verbosity"])
        quiet = options["verbosity"] < 1

        def bar(total, desc, unit):
            return tqdm(total=total, desc=desc, unit=unit, disable=quiet or not total, file=sys.stderr)

        builder = DemoBuilder(seed=seed, case_count=synthetic)
        builder.structure()
        with bar(len(practices), "Practices", "practice") as shown:
            try:
                PracticeLoader(builder, progress=lambda: shown.update(1)).load(practices)
            except PracticeError as problem:
                raise CommandError(str(problem)) from problem
        with bar(synthetic, "Synthetic cases", "case") as shown:
            builder.progress = lambda: shown.update(1)
            builder.synthetic_cases()
        builder.articles()
        build_experts(people)
        with bar(synthetic_experts, "Synthetic experts", "expert") as shown:
            build_demo_experts(seed=seed, count=synthetic_experts, progress=lambda: shown.update(1))
        refresh_planner_statistics()
        live = CaseStudyPage.objects.live()
        per_language = ", ".join(
            f"{code}: {live.filter(locale__language_code=code).count()}" for code, _name in settings.LANGUAGES
        )
        profiles = ExpertProfilePage.objects.live().count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: {live.count()} published case pages ({per_language}), {profiles} experts.")
        )
