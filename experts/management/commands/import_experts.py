from experts.importing import ExpertImporter
from home.import_tools import ImportCommand


class Command(ImportCommand):
    help = "Import expert profiles from a JSON Lines file (see docs/import-format.md)."
    importer = ExpertImporter
    unit = "expert"
