import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.page_cache import page_cache
from demo import relevance
from search import service


class Command(BaseCommand):
    help = (
        "Score a judged set (the demo-derived one or the independent one, docs/search-relevance.md) through "
        "/api/v1/search/ and print nDCG@10 overall and per category. `make relevance` runs both on throwaway "
        "databases and a node of their own, then prints them side by side."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--set", dest="set_name", choices=sorted(relevance.SETS), default="demo", help="Which judged set."
        )
        parser.add_argument(
            "--load",
            action="store_true",
            help="First migrate, load the set's content and rebuild the index (meant for a throwaway database).",
        )
        parser.add_argument("--record", action="store_true", help="Write the figures as the set's new baseline.")
        parser.add_argument("--queries", action="store_true", help="Also print every query's nDCG@10.")
        parser.add_argument(
            "--fallback",
            action="store_true",
            help="Score the database fallback's answers (OpenSearch stopped) instead of OpenSearch's.",
        )
        parser.add_argument("--save", metavar="FILE", help="Also write the figures to FILE (JSON), for --beside.")
        parser.add_argument(
            "--beside",
            nargs="+",
            metavar="LABEL=FILE",
            help="Score nothing: print figures saved with --save side by side, one column per file.",
        )

    def handle(self, *args, set_name="demo", load=False, record=False, queries=False, fallback=False, **options):
        if options["beside"]:
            self.stdout.write(self.beside(options["beside"]))
            return
        judged = relevance.SETS[set_name]
        judgments = judged.judgments()
        if load:
            call_command("migrate", no_input=True, verbosity=0)
            judged.load(verbosity=1)
            self.stdout.write("Building the search index...")
            service.rebuild_index()
        engine = "database" if fallback else "opensearch"
        # Anonymous answers are cached: one from before a code change, or OpenSearch's when
        # the fallback is scored, would be measured instead of the search as it is now.
        page_cache().clear()
        try:
            scored = relevance.score(judged.graded(judgments), engine=engine)
        except (ValueError, RuntimeError) as problem:
            hint = f"is the {set_name} set's content loaded and indexed? see docs/search-relevance.md"
            raise CommandError(f"{problem} ({hint})") from problem
        figures = relevance.summarise(scored)
        # The baseline is OpenSearch's: the fallback's figures are printed, never compared or recorded.
        baseline = None if fallback else judged.baseline()
        if queries:
            for query in scored:
                line = f"  {query['ndcg']:.3f}  {query['category']:<15} {query['language']}  {query['q']}"
                if relevance.too_few(query):
                    line += f"  ({len(query['returned'])} results, {query['relevant']} relevant)"
                self.stdout.write(line)
        self.stdout.write(f"{set_name} set, {engine}:")
        self.stdout.write(self.table(figures, baseline))
        self.stdout.write(
            f"Queries with {relevance.MANY_RELEVANT}+ relevant documents returning fewer than "
            f"{relevance.FEW_RESULTS} results: {figures['too_few']}"
        )
        if options["save"]:
            Path(options["save"]).write_text(json.dumps(figures, indent=2) + "\n")
        if record and not fallback:
            judged.baseline_path.write_text(json.dumps({**judged.recorded_on(judgments), **figures}, indent=2) + "\n")
            self.stdout.write(self.style.SUCCESS(f"Recorded as the baseline in {judged.baseline_path}"))
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

    @staticmethod
    def beside(labelled_files):
        """One row per category, one column per saved figures file (a missing one is skipped)."""
        columns = {}
        for item in labelled_files:
            label, _, path = item.partition("=")
            if Path(path).exists():
                columns[label] = json.loads(Path(path).read_text())
        if not columns:
            raise CommandError("none of the figures files exists")
        names = sorted({name for figures in columns.values() for name in figures["categories"]})
        width = max(12, *(len(label) + 2 for label in columns))
        lines = [f"{'nDCG@10':<16}" + "".join(f"{label:>{width}}" for label in columns)]
        for name in names:
            cells = []
            for figures in columns.values():
                values = figures["categories"].get(name)
                cells.append(f"{values['ndcg']:.3f} ({values['queries']})" if values else "-")
            lines.append(f"{name:<16}" + "".join(f"{cell:>{width}}" for cell in cells))
        lines.append(f"{'overall':<16}" + "".join(f"{figures['overall']:>{width}.3f}" for figures in columns.values()))
        too_few = (f"{figures.get('too_few', '-'):>{width}}" for figures in columns.values())
        lines.append(f"{'too few results':<16}" + "".join(too_few))
        return "\n".join(lines)
