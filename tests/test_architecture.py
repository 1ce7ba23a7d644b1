"""The layout's one import rule: a package imports only from the packages below it (docs/architecture.md)."""

import ast
from pathlib import Path

import storyline

PACKAGE = Path(storyline.__file__).parent
LAYERS = [
    {"model", "errors"},
    {"settings"},
    {"text"},
    {"summarize"},
    {"stories"},
    {"io"},
    {"eval", "batch", "service"},
    {"train"},
    {"cli"},
]
LAYER_OF = {name: number for number, names in enumerate(LAYERS) for name in names}


def part_of(module: Path) -> str:
    """The package (or top-level module) of storyline a source file belongs to."""
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(module: Path) -> set[str]:
    """The parts of storyline a source file imports, absolute or relative."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    depth = len(module.relative_to(PACKAGE).parts) - 1
    parts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level > depth:  # from .. (the package root): the names themselves are the parts
                parts.update(node.module.split(".")[:1] if node.module else (a.name for a in node.names))
            elif node.level == depth == 0:
                parts.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storyline."):
            parts.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            parts.update(a.name.split(".")[1] for a in node.names if a.name.startswith("storyline."))
    return parts & set(LAYER_OF)


def test_every_part_of_the_package_has_a_layer():
    parts = {part_of(module) for module in PACKAGE.rglob("*.py")} - {"__init__", "data"}
    assert parts <= set(LAYER_OF), parts - set(LAYER_OF)


def test_no_package_imports_from_a_package_above_it_or_beside_it():
    wrong = []
    for module in PACKAGE.rglob("*.py"):
        part = part_of(module)
        if part == "__init__":
            continue
        for other in imported_parts(module) - {part}:
            if LAYER_OF[other] >= LAYER_OF[part]:
                wrong.append(f"{module.relative_to(PACKAGE)} imports storyline.{other}")
    assert not wrong, wrong


def test_the_core_never_imports_evaluation_or_its_dependencies():
    core = [m for m in PACKAGE.rglob("*.py") if part_of(m) in {"model", "errors", "text", "summarize", "stories", "io"}]
    for module in core:
        source = module.read_text(encoding="utf-8")
        assert "rouge_score" not in source and "sumy" not in source, module
