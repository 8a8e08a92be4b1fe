"""Lists written as CSV files and imported, for the tests of lists, review and crossref."""

from pathlib import Path

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.services.importing.lists import import_list
from powmia_desktop.services.importing.outcome import ImportResult

HEADER = "Last Name,First Name,Rank,Service,Unit,Date of Loss,Home State,Status,Service Number\n"
#: A roster: four men, each a new case.
ROSTER = (
    HEADER
    + 'Dumas,Roger A.,CPL,Army,"Co. F, 19th Infantry",4 Nov 1950,CT,MIA,RA11178451\n'
    + "Brown,Albert,SGT,Army,7th Cavalry,about 1951,OH,MIA,\n"
    + "Smith,John,PFC,USMC,1st Marine Division,28 Nov 1950,TX,POW,\n"
    + "Green,Tom,PFC,Army,2nd Infantry Division,1 Dec 1950,PA,MIA,\n"
)
#: Two rows that look like men of the roster but are spelled otherwise: both held.
NEAR_DUPLICATES = HEADER + "Smyth,John,PFC,USMC,,,TX,KIA,\n" + "Browne,Albert,SGT,Army,,,OH,MIA,\n"
#: Another John, lost on another day in another unit: a case of his own, and a second man
#: "John Smyth" of NEAR_DUPLICATES may be (Smythe is the closer spelling, Smith the other).
NAMESAKE = HEADER + "Smythe,John,PFC,Army,7th Cavalry,2 Jan 1951,OH,MIA,\n"


def import_text(
    archive: Archive, tmp_path: Path, name: str, text: str, title: str, as_of: str = "1953"
) -> ImportResult:
    """Import ``text`` as the list ``title``; its statuses are dated ``as_of`` (the war's
    lists), so a status a test records later is the case's current one."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with archive.session() as session:
        return import_list(session, path, list_title=title, as_of=FuzzyDate.parse(as_of))


def import_namesakes(archive: Archive, tmp_path: Path) -> ImportResult:
    """The roster ("DPAA roster"), the namesake ("Army roster"), then NEAR_DUPLICATES as
    "Last Seen Alive": its "John Smyth" is held beside John Smythe and John Smith, its
    "Albert Browne" beside Albert Brown. Returns the last import's result."""
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    import_text(archive, tmp_path, "army.csv", NAMESAKE, "Army roster")
    return import_text(archive, tmp_path, "lsa.csv", NEAR_DUPLICATES, "Last Seen Alive")
