from core.import_tools import ImportCommand
from experts.importing import ExpertImporter


class Command(ImportCommand):
    help = "Import expert profiles from a JSON Lines file (see docs/import-format.md)."
    importer = ExpertImporter
    unit = "expert"
