import signal
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from opensearchpy.exceptions import OpenSearchException
from tqdm import tqdm

from core import page_cache
from search import index, sync
from search.documents import indexable_pages


class Command(BaseCommand):
    help = (
        "Manage the public search index: rebuild, verify, status, drain the outbox, work continuously, "
        "or apply the editors' search synonyms now (synonyms)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "verify", "status", "drain", "work", "synonyms"])
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between outbox polls (work).")
        parser.add_argument(
            "--batch",
            type=int,
            default=sync.BATCH_SIZE,
            help="Pages a worker claims at a time (drain, work); several workers may run at once.",
        )

    def handle(self, *args, action, interval=1.0, batch=sync.BATCH_SIZE, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        try:
            getattr(self, action)(interval=interval, batch=batch, verbosity=options["verbosity"])
        except OpenSearchException as error:
            raise CommandError(f"OpenSearch cannot be reached or refused the request: {error}") from error

    def rebuild(self, verbosity, **kwargs):
        total = indexable_pages().count()
        with tqdm(total=total, desc="Indexing", unit="page", disable=verbosity < 1, file=sys.stderr) as bar:
            name, count = index.rebuild(progress=bar.update)
        self.stdout.write(f"Rebuilt {index.alias_name()} -> {name}: {count} documents.")

    def verify(self, **kwargs):
        drift = index.verify()
        self.stdout.write(f"missing: {drift.missing}, stale: {drift.stale}, extra: {drift.extra}")
        if drift.total:
            raise CommandError("The index has drifted from the database; run `search_index rebuild`.")

    def status(self, **kwargs):
        age = sync.backlog_age()
        waiting = "" if age is None else f", the oldest waiting for {age:.0f} s"
        self.stdout.write(f"outbox backlog: {sync.backlog()}{waiting}")
        behind = index.indices_behind_alias()
        if not behind:
            self.stdout.write(f"alias {index.alias_name()}: missing (run `search_index rebuild`)")
            return
        self.stdout.write(f"alias {index.alias_name()} -> {', '.join(behind)}: {index.document_count()} documents")

    def drain(self, batch, **kwargs):
        applied = sync.drain(batch)
        self.stdout.write(f"applied {applied} change(s); {sync.backlog()} waiting")
        if applied:
            self.warm()

    def warm(self):
        """The changes threw every cached page away: the most visited ones (home,
        collections) are rendered again here, not by their next visitor."""
        rendered = page_cache.warm()
        if rendered:
            self.stdout.write(f"warmed {len(rendered)} page(s): {', '.join(rendered)}")

    def synonyms(self, **kwargs):
        """Saving a set applies it at once; this catches up after OpenSearch was unreachable then."""
        started = time.monotonic()
        updated = index.update_synonyms()
        if not updated:
            raise CommandError(f"The alias {index.alias_name()} is missing: run `search_index rebuild`.")
        self.stdout.write(f"Synonyms applied to {', '.join(updated)} in {time.monotonic() - started:.2f} s.")

    def work(self, interval, batch, **kwargs):
        """Apply outbox changes as they come, until interrupted."""
        self.stdout.write(f"Search index worker: polling the outbox every {interval:g} s (Ctrl-C stops).")
        interrupted = []

        def defer(signum, frame):
            interrupted.append(signum)

        try:
            while True:
                # Ctrl-C while draining ends the drain after the claim in hand, which is
                # marked done and reported; while waiting it stops the worker at once.
                signal.signal(signal.SIGINT, defer)
                try:
                    applied = sync.drain(batch, stopping=lambda: bool(interrupted))
                finally:
                    # Python's own handler, not the one inherited: a worker started in
                    # the background (nohup, a script) inherits Ctrl-C ignored, and would
                    # then never stop while it waits.
                    signal.signal(signal.SIGINT, signal.default_int_handler)
                if applied:
                    self.stdout.write(f"applied {applied} change(s)")
                    self.warm()
                if interrupted:
                    raise KeyboardInterrupt
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("Search index worker stopped.")
