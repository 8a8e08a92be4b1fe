"""Where the program's own files (demo content, icons, fonts) are found.

An installed wheel carries them inside the package (``powmia_desktop/resources/``); a source
checkout keeps them in the repository's top-level ``resources/`` folder.
"""

from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("demo", "dumas.json")``.

    Raises FileNotFoundError naming the file when neither location holds it.
    """
    here = Path(__file__)
    for base in (here.with_name("resources"), here.parents[2] / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    name = "/".join(parts)
    raise FileNotFoundError(
        f"The program's resource file '{name}' is missing from this installation"
    )
