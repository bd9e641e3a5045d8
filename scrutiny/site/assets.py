"""The theme's static files (CSS with the brand colours, JavaScript, the logo)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..model import Brand
from ..writer import OutputWriter

#: The project folder holding ``templates/`` and ``theme/`` (beside the package).
PROJECT_DIR = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = PROJECT_DIR / "templates"
THEME_DIR = PROJECT_DIR / "theme"

#: Theme files copied unchanged into ``assets/``.
SCRIPTS = ("tracker.js", "search.js")
DEFAULT_LOGO = "logo.svg"


@dataclass(frozen=True)
class Assets:
    """Site paths of the written assets (relative to the site root)."""

    css: str = "assets/site.css"
    tracker_js: str = "assets/tracker.js"
    search_js: str = "assets/search.js"
    logo: str = "assets/logo.svg"


def brand_css(brand: Brand) -> str:
    """CSS custom properties from ``site_config.yaml`` brand colours."""
    return (":root {\n"
            f"  --primary: {brand.primary};\n  --text: {brand.text};\n  --bg: {brand.background};\n"
            f"  --link: {brand.link};\n  --focus: {brand.focus};\n}}\n")


def site_css(brand: Brand) -> str:
    """The brand's custom properties, then the theme's CSS files in name order."""
    parts = [brand_css(brand)]
    parts += [p.read_text(encoding="utf-8") for p in sorted((THEME_DIR / "css").glob("*.css"))]
    return "\n".join(parts)


def logo_source(brand: Brand, root: str) -> Path:
    """The council's logo when configured and present, else the theme's neutral mark."""
    if brand.logo and root:
        path = Path(root) / brand.logo
        if path.is_file():
            return path
    return THEME_DIR / DEFAULT_LOGO


def write_assets(writer: OutputWriter, brand: Brand, root: str) -> Assets:
    writer.write("assets/site.css", site_css(brand))
    for name in SCRIPTS:
        writer.copy(f"assets/{name}", THEME_DIR / name)
    logo = logo_source(brand, root)
    logo_rel = f"assets/logo{PurePosixPath(logo.name).suffix.lower() or '.svg'}"
    writer.copy(logo_rel, logo)
    return Assets(logo=logo_rel)


def theme_files() -> list[Path]:
    """Every template and theme file (watched by ``serve``, hashed for the page cache)."""
    return sorted(p for d in (TEMPLATES_DIR, THEME_DIR) for p in d.rglob("*") if p.is_file())
