"""The kit installed from its wheel, outside the checkout: build the wheel, install
it into a fresh virtual environment (offline: the wheel from here, its
dependencies from this environment), and run the quick start on a DataFrame."""

import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from analysis.paths import project_root

QUICK_START = textwrap.dedent('''
    import pathlib, pandas as pd, analysis
    assert "site-packages" in analysis.__file__, analysis.__file__
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Italy accused smugglers of the deaths of migrants.",
        "Aid workers rescued 200 people. The government said it would act."]})
    corpus = analysis.load_corpus(docs)
    sents = analysis.sentences(corpus)
    scores = analysis.frame_scores(sents)
    attributions = analysis.attributions(corpus)
    print(scores[["humanitarian", "criminality"]].values.tolist())
    print(attributions[["speaker_actor", "actor", "kind"]].values.tolist())
    print(analysis.find_actors("the Mexican government")[0].actor)
    out = analysis.save_table(scores, "scores", directory="tables")
    print(sorted(p.name for p in pathlib.Path("tables").iterdir()))
    try:
        analysis.load_corpus()
    except analysis.CorpusError as err:
        print("no default:", "Pass a folder" in str(err))
''')


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-w", str(out), str(project_root())], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return next(out.glob("analysis-*.whl"))


def test_the_wheel_ships_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for resource in ("countries.csv", "cues.yaml", "cleaning.yaml", "segmentation.yaml", "migration/frames.yaml",
                     "migration/actors.yaml", "migration/cues.yaml", "migration/frame_classifier.json"):
        assert f"analysis/data/{resource}" in names
    assert not any(name.startswith(("tests/", "seeds/", "data/coding")) for name in names)


def test_the_quick_start_runs_from_the_installed_wheel(wheel, tmp_path):
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies, from this environment (a .pth line adds its folder but runs
    # none of the .pth files in it, so its editable install of the kit stays out)
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", "--no-deps",
                           "--quiet", str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    work = tmp_path / "work"
    work.mkdir()
    run = subprocess.run([python, "-c", QUICK_START], cwd=work, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    # the frames: whatever the shipped model says, the installed wheel must say what the checkout says
    import pandas as pd

    import analysis
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Italy accused smugglers of the deaths of migrants.",
        "Aid workers rescued 200 people. The government said it would act."]})
    here = analysis.frame_scores(analysis.sentences(analysis.load_corpus(docs)))[["humanitarian", "criminality"]]
    assert here["criminality"].tolist()[0] == 1                       # "smugglers": the dictionary and the model agree
    assert run.stdout.splitlines() == [
        str(here.values.tolist()),
        "[['europe', 'smugglers_traffickers', 'causal']]",
        "mexico",
        "['scores.csv', 'scores.md', 'scores.tex']",
        "no default: True",
    ]
