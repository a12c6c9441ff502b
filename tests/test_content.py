"""The shipped content, its validation (one test per kind of error), overlays, and the wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import coach
from coach.content import (
    CONTENT_FILES,
    REQUIRED_PROMPTS,
    REQUIRED_SCALES,
    Catalog,
    ChallengeOption,
    ContentError,
    CopingOption,
    ReconnectPrompt,
    SupportLine,
    ValueOption,
    load_catalog,
    shipped_content_dir,
)
from coach.model import Category, Dimension

CHALLENGE = """
[[challenge]]
key = "{key}"
label = "{label}"
dimension = "systemic"
line = "One line about it."
phase = 1
"""

COPING = """
[[coping]]
key = "{key}"
label = "A new strategy"
category = "relational"
line = "One line about it."
fits = [{fits}]
tiny = "Do a small version tomorrow."
phase = 3
dimension = "systemic"
"""

SUPPORT_LINE = """
[[line]]
key = "samaritans"
name = "Samaritans"
contact = "{contact}"
when = "Free, any time"
line = "Someone to listen."
phase = 3
dimension = "systemic"
"""


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def copy_of_shipped(tmp_path: Path) -> Path:
    """A full copy of the shipped content to break on purpose (loaded with ``base=``)."""
    target = tmp_path / "base"
    shutil.copytree(shipped_content_dir(), target)
    return target


def error_of(overlay: Path | None = None, base: Path | None = None) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_catalog(overlay, base=base)
    return caught.value


# --- the shipped content -----------------------------------------------------------------


def test_shipped_content_is_the_repositorys_content_folder() -> None:
    assert shipped_content_dir() == Path(coach.__file__).resolve().parent.parent / "content"
    assert {path.name for path in shipped_content_dir().glob("*.toml")} == set(CONTENT_FILES)


def test_shipped_content_meets_the_counts(shipped: Catalog) -> None:
    assert 25 <= len(shipped.values) <= 35
    assert 16 <= len(shipped.challenges) <= 20
    assert len(shipped.coping) >= 20
    assert {option.category for option in shipped.coping} == set(Category)
    assert {option.dimension for option in shipped.challenges} == set(Dimension)
    assert {"made-a-difference", "team-at-its-best"} <= {r.key for r in shipped.reconnect}


def test_every_entry_names_its_phase_and_dimension(shipped: Catalog) -> None:
    assert {c.phase for c in shipped.challenges} == {1}
    assert {v.phase for v in shipped.values} | {r.phase for r in shipped.reconnect} == {2}
    assert {c.phase for c in shipped.coping} == {3}
    everything: list[ChallengeOption | ValueOption | ReconnectPrompt | CopingOption | SupportLine]
    everything = [*shipped.challenges, *shipped.values, *shipped.reconnect, *shipped.coping]
    for entry in [*everything, *shipped.support]:
        assert isinstance(entry.dimension, Dimension), entry.key
        assert entry.phase in (1, 2, 3), entry.key


def test_coping_fits_only_existing_challenges_and_every_challenge_is_helped(
    shipped: Catalog,
) -> None:
    challenge_keys = {c.key for c in shipped.challenges}
    fitted: set[str] = set()
    for option in shipped.coping:
        assert option.fits, option.key
        assert set(option.fits) <= challenge_keys, option.key
        fitted |= set(option.fits)
        assert option.tiny.strip(), option.key
    assert fitted == challenge_keys
    relational = [o for o in shipped.coping if o.category is Category.RELATIONAL]
    assert {o.dimension for o in relational} == {Dimension.SYSTEMIC}


def test_required_prompts_and_scales_are_there(shipped: Catalog) -> None:
    for key in REQUIRED_PROMPTS:
        assert shipped.prompt(key, count=2, values="kindness", saved="17:40").strip(), key
    for name, length in REQUIRED_SCALES.items():
        assert len(shipped.scale(name)) == length
    assert shipped.scale("feeling")[-1] == "Not coping"
    assert shipped.prompts["phase1.title"] == "What was hard today"
    assert shipped.prompts["phase2.title"] == "What matters to me"
    assert shipped.prompts["phase3.title"] == "What will help"
    assert shipped.support_text["intro"]
    assert shipped.support_text["own_section_intro"]


def test_prompt_fills_placeholders_and_unknown_key_raises(shipped: Catalog) -> None:
    assert "Kindness and hope" in shipped.prompt("summary.closing", values="Kindness and hope")
    assert "{values}" in shipped.prompt("summary.closing")  # left as written, not a crash
    assert "[bold]" in shipped.prompt("summary.closing", values="[bold]")
    with pytest.raises(KeyError):
        shipped.prompt("no.such.prompt")
    with pytest.raises(KeyError):
        shipped.scale("no_such_scale")


def test_support_lines_are_the_uk_signposting(shipped: Catalog) -> None:
    by_key = {line.key: line for line in shipped.support}
    assert "116 123" in by_key["samaritans"].contact
    assert "SHOUT" in by_key["shout"].contact
    assert "85258" in by_key["shout"].contact
    assert "mental health" in by_key["nhs-111"].contact
    assert "999" in by_key["emergency"].contact
    assert "gp" in by_key


def test_lookups_and_to_dict(shipped: Catalog) -> None:
    assert shipped.challenge("caseload-volume") is not None
    assert shipped.value("compassion") is not None
    assert shipped.coping_option("protect-lunch") is not None
    assert shipped.challenge("my-own-words") is None
    plain = json.loads(json.dumps(shipped.to_dict()))
    assert set(plain) >= {"challenges", "values", "reconnect", "coping", "prompts", "scales"}
    lunch = next(item for item in plain["coping"] if item["key"] == "protect-lunch")
    assert lunch["category"] == "boundaries"
    assert "caseload-volume" in lunch["fits"]
    assert plain["scales"]["feeling"][-1] == "Not coping"
    assert plain["support"][0]["key"] == "samaritans"


# --- one test per kind of error ----------------------------------------------------------


def test_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "challenges.toml", '[[challenge]]\nkey = "a"\nlabel = \n')
    error = error_of(tmp_path)
    assert error.file == str(path)
    assert "line 3" in str(error)


def test_unknown_field(tmp_path: Path) -> None:
    text = COPING.format(key="walk-and-talk", fits='"caseload-volume"') + 'colour = "red"\n'
    path = write(tmp_path, "coping.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (
        str(path),
        "coping[0] key=walk-and-talk",
        "colour",
    )
    assert "not a known field" in str(error)


def test_duplicate_key_within_a_file(tmp_path: Path) -> None:
    text = CHALLENGE.format(key="rota", label="Rota") + CHALLENGE.format(key="rota", label="R2")
    path = write(tmp_path, "challenges.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "challenge[1] key=rota", "key")
    assert "challenge[0]" in error.problem


def test_fits_names_a_challenge_that_does_not_exist(tmp_path: Path) -> None:
    path = write(tmp_path, "coping.toml", COPING.format(key="walk", fits='"no-such-thing"'))
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "coping[0] key=walk", "fits")
    assert "no-such-thing" in str(error)


def test_serves_names_a_value_that_does_not_exist(tmp_path: Path) -> None:
    text = COPING.format(key="walk", fits='"caseload-volume"') + 'serves = ["no-such-value"]\n'
    path = write(tmp_path, "coping.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "coping[0] key=walk", "serves")
    assert "value 'no-such-value'" in str(error)


def test_serves_must_be_a_list_of_keys(tmp_path: Path) -> None:
    text = COPING.format(key="walk", fits='"caseload-volume"') + 'serves = "fairness"\n'
    write(tmp_path, "coping.toml", text)
    error = error_of(tmp_path)
    assert (error.entry, error.field) == ("coping[0] key=walk", "serves")
    assert "must be a list" in error.problem


def test_serves_is_optional_and_read_when_given(tmp_path: Path) -> None:
    """An overlay written before values shaped coping still loads; one that names values
    has them read, in order."""
    write(tmp_path, "coping.toml", COPING.format(key="walk", fits='"caseload-volume"'))
    walk = load_catalog(tmp_path).coping_option("walk")
    assert walk is not None
    assert walk.serves == ()
    text = COPING.format(key="walk", fits='"targets"') + 'serves = ["fairness", "courage"]\n'
    write(tmp_path, "coping.toml", text)
    walk = load_catalog(tmp_path).coping_option("walk")
    assert walk is not None
    assert walk.serves == ("fairness", "courage")


def test_every_shipped_strategy_serves_some_values(shipped: Catalog) -> None:
    values = {value.key for value in shipped.values}
    for option in shipped.coping:
        assert option.serves, option.key
        assert set(option.serves) <= values, option.key


def test_missing_field(tmp_path: Path) -> None:
    text = '[[value]]\nkey = "play"\nlabel = "Play"\nphase = 2\ndimension = "individual"\n'
    path = write(tmp_path, "values.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "value[0] key=play", "line")
    assert "missing" in str(error)


@pytest.mark.parametrize(
    ("field", "bad", "says"),
    [
        ("phase", '"1"', "whole number"),
        ("phase", "true", "whole number"),
        ("label", "3", "must be text"),
        ("label", '"  "', "must not be empty"),
        ("key", '"Has Spaces"', "lower-case"),
    ],
)
def test_wrong_type(tmp_path: Path, field: str, bad: str, says: str) -> None:
    lines = CHALLENGE.format(key="rota", label="Rota").splitlines()
    lines = [f"{field} = {bad}" if line.startswith(f"{field} =") else line for line in lines]
    path = write(tmp_path, "challenges.toml", "\n".join(lines))
    error = error_of(tmp_path)
    assert error.file == str(path)
    assert error.entry.startswith("challenge[0]")
    assert error.field == field
    assert says in error.problem


def test_fits_must_be_a_list_of_keys(tmp_path: Path) -> None:
    write(tmp_path, "coping.toml", COPING.format(key="walk", fits="1").replace("[1]", "1"))
    error = error_of(tmp_path)
    assert (error.entry, error.field) == ("coping[0] key=walk", "fits")
    assert "must be a list" in error.problem


@pytest.mark.parametrize(
    ("name", "text", "field"),
    [
        ("challenges.toml", CHALLENGE.replace('"systemic"', '"team"'), "dimension"),
        ("coping.toml", COPING.replace('"relational"', '"social"'), "category"),
    ],
)
def test_bad_enum_value(tmp_path: Path, name: str, text: str, field: str) -> None:
    path = write(tmp_path, name, text.format(key="rota", label="Rota", fits=""))
    error = error_of(tmp_path)
    assert (error.file, error.field) == (str(path), field)
    assert error.entry.endswith("key=rota")
    assert "must be one of" in error.problem


@pytest.mark.parametrize(("phase", "says"), [("4", "1, 2 or 3"), ("2", "must be 1 for a")])
def test_phase_out_of_range(tmp_path: Path, phase: str, says: str) -> None:
    text = CHALLENGE.format(key="rota", label="Rota").replace("phase = 1", f"phase = {phase}")
    path = write(tmp_path, "challenges.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "challenge[0] key=rota", "phase")
    assert says in error.problem


@pytest.mark.parametrize(
    "key",
    [
        "phase2.comprehensible",
        "support.offer",
        "summary.closing",
        "kind.check-in.noun",
        "kind.reflection.title",
        "step.coping",
    ],
)
def test_missing_required_prompt(tmp_path: Path, key: str) -> None:
    base = copy_of_shipped(tmp_path)
    prompts = base / "prompts.toml"
    kept = [line for line in prompts.read_text().splitlines() if not line.startswith(f"{key} =")]
    prompts.write_text("\n".join(kept) + "\n")
    error = error_of(base=base)
    assert (error.file, error.entry, error.field) == (str(prompts), "[prompts]", key)
    assert "missing" in error.problem


def test_missing_required_scale_and_support_text(tmp_path: Path) -> None:
    base = copy_of_shipped(tmp_path)
    prompts = base / "prompts.toml"
    prompts.write_text(prompts.read_text().replace("helpfulness = [", "helpfulnes = ["))
    error = error_of(base=base)
    assert (error.file, error.entry, error.field) == (str(prompts), "[scales]", "helpfulness")
    shutil.copy(shipped_content_dir() / "prompts.toml", prompts)
    support = base / "support.toml"
    support.write_text(support.read_text().replace("own_section_intro =", "own_intro ="))
    error = error_of(base=base)
    assert (error.file, error.entry, error.field) == (
        str(support),
        "[support]",
        "own_section_intro",
    )


def test_wrong_scale_length(tmp_path: Path) -> None:
    path = write(tmp_path, "prompts.toml", '[scales]\nfeeling = ["Fine", "Not coping"]\n')
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "[scales]", "feeling")
    assert "must have 4 labels, not 2" in error.problem


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("summary.closing", "Well done today.", "must use the placeholder {values}"),
        ("home.followup_waiting", "{count} waiting, {follow_up_key} {name}", "{name}"),
        ("home.followup_waiting", "{count} waiting", "{follow_up_key}"),
        ("phase1.title", "Hard {things}", "does not fill in"),
        ("my.extra", "A stray { here", "stray"),
        ("my.extra", "A stray } here", "stray"),
        ("my.extra", "Positional {0}", "not a plain name"),
    ],
)
def test_bad_placeholders(tmp_path: Path, key: str, text: str, says: str) -> None:
    path = write(tmp_path, "prompts.toml", f'[prompts]\n"{key}" = "{text}"\n')
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "[prompts]", key)
    assert says in error.problem


def test_prompt_must_be_text(tmp_path: Path) -> None:
    path = write(tmp_path, "prompts.toml", "[prompts]\nhome.done_today = 3\n")
    error = error_of(tmp_path)
    assert (error.file, error.field) == (str(path), "home.done_today")
    assert "must be text" in error.problem


def test_unknown_table_unknown_file_and_wrong_table_shape(tmp_path: Path) -> None:
    path = write(tmp_path / "a", "challenges.toml", CHALLENGE.replace("[[challenge]]", "[[chall]]"))
    error = error_of(tmp_path / "a")
    assert (error.file, error.field) == (str(path), "chall")
    path = write(tmp_path / "b", "challenge.toml", CHALLENGE)
    error = error_of(tmp_path / "b")
    assert error.file == str(path)
    assert "not a content file" in error.problem
    path = write(tmp_path / "c", "coping.toml", '[coping]\nkey = "x"\n')
    error = error_of(tmp_path / "c")
    assert (error.file, error.field) == (str(path), "coping")
    assert "[[coping]]" in error.problem


def test_overlay_folder_must_exist_and_base_must_be_complete(tmp_path: Path) -> None:
    error = error_of(tmp_path / "nowhere")
    assert error.file == str(tmp_path / "nowhere")
    base = copy_of_shipped(tmp_path)
    (base / "values.toml").unlink()
    error = error_of(base=base)
    assert error.file == str(base / "values.toml")
    assert "missing" in error.problem


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "support.toml"
    path.write_bytes(b'[support]\nintro = "caf\xe9"\n')
    error = error_of(tmp_path)
    assert error.file == str(path)


def test_support_line_is_validated(tmp_path: Path) -> None:
    text = SUPPORT_LINE.format(contact="x").replace('contact = "x"\n', "")
    path = write(tmp_path, "support.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (
        str(path),
        "line[0] key=samaritans",
        "contact",
    )


# --- overlays ----------------------------------------------------------------------------


def test_overlay_replaces_an_entry_in_place(tmp_path: Path, shipped: Catalog) -> None:
    write(tmp_path, "challenges.toml", CHALLENGE.format(key="targets", label="Our KPIs"))
    merged = load_catalog(tmp_path)
    assert [c.key for c in merged.challenges] == [c.key for c in shipped.challenges]
    assert merged.challenge("targets").label == "Our KPIs"  # type: ignore[union-attr]
    assert merged.values == shipped.values


def test_overlay_adds_entries_that_refer_to_each_other(tmp_path: Path, shipped: Catalog) -> None:
    write(tmp_path, "challenges.toml", CHALLENGE.format(key="hot-desking", label="Hot-desking"))
    write(tmp_path, "coping.toml", COPING.format(key="book-a-room", fits='"hot-desking"'))
    merged = load_catalog(tmp_path)
    assert merged.challenges[-1].key == "hot-desking"
    assert len(merged.challenges) == len(shipped.challenges) + 1
    assert merged.coping[-1].fits == ("hot-desking",)


def test_overlay_replaces_prompts_and_scales_one_by_one(tmp_path: Path, shipped: Catalog) -> None:
    text = '[prompts]\nphase1.title = "The hard bits"\n[scales]\nstrain_ends = ["Calm", "Wild"]\n'
    write(tmp_path, "prompts.toml", text)
    merged = load_catalog(tmp_path)
    assert merged.prompts["phase1.title"] == "The hard bits"
    assert merged.scale("strain_ends") == ("Calm", "Wild")
    assert merged.prompts["phase2.title"] == shipped.prompts["phase2.title"]
    assert merged.scale("appraisal") == shipped.scale("appraisal")


def test_overlay_replaces_a_support_number(tmp_path: Path, shipped: Catalog) -> None:
    text = SUPPORT_LINE.format(contact="Call 0800 000 0000") + '[support]\nintro = "Ours."\n'
    write(tmp_path, "support.toml", text)
    merged = load_catalog(tmp_path)
    samaritans = next(line for line in merged.support if line.key == "samaritans")
    assert samaritans.contact == "Call 0800 000 0000"
    assert [line.key for line in merged.support] == [line.key for line in shipped.support]
    assert merged.support_text["intro"] == "Ours."
    assert merged.support_text["own_section_intro"] == shipped.support_text["own_section_intro"]


# --- the wheel ---------------------------------------------------------------------------


def _build_wheel(root: Path, outdir: Path) -> Path:
    """Build the wheel from the checkout, without the network when hatchling is installed."""
    pip_wheel = ["pip", "wheel", "--no-deps", "--no-build-isolation"]
    attempts = [
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir)],
        [sys.executable, "-m", *pip_wheel, "--wheel-dir", str(outdir), "."],
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)],  # fetches hatchling
    ]
    failures = []
    for command in attempts:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        wheels = sorted(outdir.glob("pwp_coach-*.whl"))
        if done.returncode == 0 and wheels:
            return wheels[-1]
        failures.append(f"{' '.join(command[1:4])}: {done.stderr[-400:]}")
    pytest.fail("could not build the wheel:\n" + "\n".join(failures))


@pytest.mark.slow
def test_wheel_ships_the_content_and_loads_it_when_installed(tmp_path: Path) -> None:
    root = Path(coach.__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file():
        pytest.skip("not running from a checkout")
    wheel = _build_wheel(root, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for file_name in CONTENT_FILES:
            assert f"coach/content_files/{file_name}" in names
        for exercise in (root / "content" / "exercises").glob("*.toml"):  # the self-practice
            assert f"coach/content_files/exercises/{exercise.name}" in names
        installed = tmp_path / "site"
        archive.extractall(installed)
    script = (
        "import json, coach.content as c\n"
        "catalog = c.load_catalog()\n"
        "print(json.dumps([str(c.shipped_content_dir()), len(catalog.coping),"
        " list(catalog.exercises())]))\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    found_dir, coping_count, exercises = json.loads(done.stdout)
    assert Path(found_dir) == installed / "coach" / "content_files"
    assert coping_count == len(load_catalog().coping)
    assert exercises == list(load_catalog().exercises())


def test_a_challenges_risk_flag_must_be_true_or_false(tmp_path: Path) -> None:
    text = CHALLENGE.format(key="rota", label="Rota") + 'risk = "yes"\n'
    path = write(tmp_path, "challenges.toml", text)
    error = error_of(tmp_path)
    assert (error.file, error.entry, error.field) == (str(path), "challenge[0] key=rota", "risk")
    assert "true or false" in error.problem
    write(tmp_path, "challenges.toml", CHALLENGE.format(key="rota", label="Rota") + "risk = true\n")
    rota = load_catalog(tmp_path).challenge("rota")
    assert rota is not None
    assert rota.risk
