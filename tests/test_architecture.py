"""The layers hold: the core starts without the web stack, no import circles, rooms a newcomer can read."""

from __future__ import annotations

import re
import subprocess
import sys

import grimp
import pytest

from service.config import PROJECT_ROOT

WEB_STACK = ("flask", "werkzeug", "twilio")
MAX_ROOM_SIZE = 12  # modules and sub-packages in one package, beside its __init__


@pytest.mark.parametrize(
    "module",
    ["service.core.calls", "service.core.texts", "service.core.wording", "service.core.matching",
     "service.safety.triage", "service.words.fold",
     "service.speech.worker", "service.speech.talk", "service.checker", "service.store"],
)
def test_a_core_module_imports_without_flask_or_twilio(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {WEB_STACK!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "", f"importing {module} loaded {loaded}"


def test_the_app_factory_still_builds_the_web_app() -> None:
    code = "import sys, service.web.app; print('flask' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "True"


def test_no_module_of_service_is_in_an_import_circle() -> None:
    graph = grimp.build_graph("service")
    circles = set()
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                start = back.index(min(back))  # one spelling per circle, whichever module it is found from
                circles.add(" -> ".join((*back[start:], *back[:start], back[start])))
    assert not circles, "import circles:\n" + "\n".join(sorted(circles))


def test_no_package_of_service_holds_more_than_a_dozen_modules() -> None:
    crowded = {}
    for init in (PROJECT_ROOT / "service").rglob("__init__.py"):
        package = init.parent
        rooms = [p for p in package.iterdir() if p.suffix == ".py" and p.name != "__init__.py"]
        rooms += [p for p in package.iterdir() if (p / "__init__.py").is_file()]
        if len(rooms) > MAX_ROOM_SIZE:
            crowded[str(package.relative_to(PROJECT_ROOT))] = sorted(p.name for p in rooms)
    assert not crowded, f"packages over {MAX_ROOM_SIZE} modules: {crowded}"


def _packages() -> set[str]:
    """Every package under service/, as `service/web/pages/`."""
    service = PROJECT_ROOT / "service"
    return {f"{init.parent.relative_to(PROJECT_ROOT)}/" for init in service.rglob("*/__init__.py")}


def test_the_readme_layout_table_names_every_package_and_only_those() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `(service/[\w/]+/)` \|", section, re.MULTILINE))
    packages = _packages()
    assert named == packages, f"not in the table: {packages - named}; no such package: {named - packages}"


def test_the_architecture_doc_names_every_module_of_the_web_layer() -> None:
    doc = (PROJECT_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    web = PROJECT_ROOT / "service" / "web"
    unnamed = sorted(
        str(path.relative_to(web)) for path in web.rglob("*.py")
        if path.name != "__init__.py" and not re.search(rf"\b{re.escape(path.name)}", doc)
    )
    assert not unnamed, f"docs/architecture.md does not say where these are: {unnamed}"
