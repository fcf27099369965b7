import json

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import relevance
from search import index


class Command(BaseCommand):
    help = (
        "Score the judged queries (bench/relevance/judgments.json) through /api/v1/search/ and print "
        "nDCG@10 overall and per category. `make relevance` runs it on a throwaway database and node."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--load",
            action="store_true",
            help="First migrate, load the judged demo and rebuild the index (meant for a throwaway database).",
        )
        parser.add_argument("--record", action="store_true", help="Write the figures as the new baseline.")
        parser.add_argument("--queries", action="store_true", help="Also print every query's nDCG@10.")

    def handle(self, *args, load=False, record=False, queries=False, **options):
        judgments = relevance.load()
        demo = judgments["demo"]
        if load:
            call_command("migrate", no_input=True, verbosity=0)
            call_command("load_demo", cases=demo["cases"], experts=demo["experts"], seed=demo["seed"], verbosity=1)
            self.stdout.write("Building the search index...")
            index.rebuild()
        try:
            scored = relevance.score(judgments)
        except (ValueError, RuntimeError) as problem:
            hint = "is the judged demo loaded and indexed? see docs/search-relevance.md"
            raise CommandError(f"{problem} ({hint})") from problem
        figures = relevance.summarise(scored)
        baseline = json.loads(relevance.BASELINE.read_text()) if relevance.BASELINE.exists() else None
        if queries:
            for query in scored:
                self.stdout.write(f"  {query['ndcg']:.3f}  {query['category']:<15} {query['language']}  {query['q']}")
        self.stdout.write(self.table(figures, baseline))
        if record:
            relevance.BASELINE.write_text(json.dumps({"demo": demo, **figures}, indent=2) + "\n")
            self.stdout.write(self.style.SUCCESS(f"Recorded as the baseline in {relevance.BASELINE}"))
        elif baseline and (fallen := relevance.drops(figures, baseline)):
            names = ", ".join(f"{name} {now:.3f} < {was:.3f}" for name, now, was in fallen)
            self.stdout.write(self.style.WARNING(f"Below the baseline by more than {relevance.TOLERANCE}: {names}"))

    @staticmethod
    def table(figures, baseline):
        recorded = (baseline or {}).get("categories", {})
        lines = [f"{'category':<16}{'queries':>8}{'nDCG@10':>10}{'baseline':>10}"]
        for name, values in figures["categories"].items():
            was = recorded.get(name, {}).get("ndcg", "-")
            lines.append(f"{name:<16}{values['queries']:>8}{values['ndcg']:>10.3f}{was:>10}")
        total = sum(values["queries"] for values in figures["categories"].values())
        was = (baseline or {}).get("overall", "-")
        lines.append(f"{'overall':<16}{total:>8}{figures['overall']:>10.3f}{was:>10}")
        return "\n".join(lines)
