"""Names the command line offers as choices, kept here so its parser loads no service code.

Building ``powmia``'s parser imports this module and nothing heavier: no SQLAlchemy, no
importer, no ReportLab. The modules that implement each name import them from here too, so
the parser and the implementations cannot disagree.
"""

from typing import Final

#: What ``powmia import`` and the import wizard bring in (services/importing/dispatch.py).
IMPORT_KINDS: Final = ("cases", "contacts", "meetings", "events", "correspondence", "archive")
#: What ``powmia export`` and File > Export let out (services/exporting/dispatch.py).
EXPORT_KINDS: Final = ("cases", "contacts", "meetings", "events", "dna-followup", "archive")
#: The packet template used when none is named (services/packets/templates.py).
DEFAULT_TEMPLATE_NAME: Final = "DPAA Family Member Update"
