from __future__ import annotations

from typing import Any

import typer

from detente.cli import app

from .conftest import ROOT


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            out.update(_commands(cmd, f"{full} "))
        else:
            out[full] = cmd
    return out


def test_docs_every_cli_command_and_option_is_documented():
    doc = (ROOT / "docs" / "cli.md").read_text()
    root = typer.main.get_command(app)
    commands = _commands(root)
    for param in root.params:
        assert all(f"`{opt}" in doc for opt in param.opts if opt.startswith("--")), param.opts
    assert {"code", "export", "show", "db info"} <= set(commands)
    for name, cmd in commands.items():
        assert f"`detente {name}" in doc, name
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in doc, f"{name} {opt}"


def test_docs_readme_opens_with_install_and_test_commands():
    lines = (ROOT / "README.md").read_text().splitlines()
    block = lines[lines.index("```bash") + 1 : lines.index("```bash") + 3]
    assert block[0].startswith("pip install -e . && detente code examples/")
    assert block[1] == 'pip install -e ".[dev]" && python -m pytest'
    assert "python3 -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_docs_linked_files_exist():
    readme = (ROOT / "README.md").read_text()
    for name in ("cli.md", "input.md", "event-record.md", "architecture.md", "ontology.md"):
        assert f"docs/{name}" in readme and (ROOT / "docs" / name).exists()
