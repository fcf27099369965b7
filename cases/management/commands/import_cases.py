from cases.importing import CaseImporter
from core.import_tools import ImportCommand


class Command(ImportCommand):
    help = "Import case studies from a JSON Lines file (see docs/import-format.md)."
    importer = CaseImporter
    unit = "case"
