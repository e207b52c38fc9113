"""The ``armsflow extract`` command, run on real files made in tmp_path.

Most tests call ``armsflow.cli.main`` in-process (fast: the lexicons load
once); standard input, the exit status seen by a shell, a closed pipe and
memory use are checked with a real subprocess.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import armsflow
from armsflow.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]

DE = "Der Iran hat Russland im vergangenen Jahr Hunderte Drohnen geliefert."
EN = "The United States delivered ATACMS missiles to Ukraine last month, officials said."
DE_TURKEY = "Die Türkei hat Aserbaidschan Drohnen vom Typ Bayraktar TB2 geliefert."
DE_KOREA = "Nordkorea hat Russland Artilleriegranaten geliefert."
DE_PARAGRAPH = (
    "Der Iran hat Russland im vergangenen Jahr Hunderte Drohnen geliefert. "
    "Nach Angaben der Regierung in Kiew wurden die Waffen über das Kaspische Meer transportiert. "
    "Die Europäische Union hat daraufhin neue Sanktionen gegen Teheran verhängt.\n\n"
)
FR = (
    "Le gouvernement français a annoncé mardi la livraison de nouveaux canons Caesar à l'Ukraine. "
    "Selon le ministère, ces systèmes d'artillerie seront acheminés dans les prochaines semaines. "
    "Paris a également promis de former les soldats ukrainiens qui utiliseront ces armes sur le front."
)
SUMMARY = re.compile(r"armsflow: (\d+) documents read, (\d+) skipped, (\d+) failed, (\d+) events found")


# ---------------------------------------------------------------- helpers


def cli(capsys, *args: str) -> tuple[int, list[dict], str]:
    """Run ``armsflow ARGS`` in-process: exit code, parsed JSON lines, standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, [json.loads(line) for line in out.splitlines()], err


def cli_raw(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def subprocess_cli(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "armsflow.cli", *args], cwd=cwd, input=input, capture_output=True, timeout=300
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    return done


def summary(err: str) -> tuple[int, int, int, int]:
    """The counts of the summary line, which must be the last line of standard error."""
    last = err.strip().splitlines()[-1]
    found = SUMMARY.fullmatch(last)
    assert found, f"no summary line at the end of stderr: {err!r}"
    return tuple(int(n) for n in found.groups())  # type: ignore[return-value]


def check_events(doc: dict, text: str) -> None:
    """Every event carries evidence, offsets that point at it in ``text``, and a rule name."""
    for event in doc["events"]:
        assert event["evidence"]
        assert isinstance(event["start"], int) and isinstance(event["end"], int)
        assert text[event["start"] : event["end"]] == event["evidence"]
        assert isinstance(event["rule"], str) and event["rule"]


def write_jsonl(path: Path, rows: list[dict | str]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def doc(id_: str, text: str, lang: str | None = None, title: str = "Titel") -> dict:
    return {"id": id_, "lang": lang, "date": "2024-03-01", "title": title, "text": text}


MEASURE = """
import json, resource, subprocess, sys
out = sys.argv[1]
with open(out, "wb") as handle:
    done = subprocess.run(sys.argv[2:], stdout=handle, stderr=subprocess.PIPE)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "stderr": done.stderr.decode("utf-8", "replace"), "peak_kb": peak_kb}))
"""


def measured_cli(tmp_path: Path, *args: str) -> tuple[int, str, float, Path]:
    """Run the CLI as a subprocess of a small wrapper whose RUSAGE_CHILDREN sees only it.

    Returns exit code, stderr, the CLI's peak RSS in MB, and the file holding its stdout.
    """
    out = tmp_path / "measured.out"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(out), sys.executable, "-m", "armsflow.cli", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    report = json.loads(done.stdout)
    assert "Traceback" not in report["stderr"]
    return report["code"], report["stderr"], report["peak_kb"] / 1024, out


# ---------------------------------------------------------------- the happy path


def test_the_test_sentences_yield_events():
    """The sentences the CLI tests rely on are ones the extractor reads correctly."""
    (iran,) = armsflow.extract(DE)
    assert (iran.type, iran.supplier, iran.recipient, iran.item, iran.status) == (
        "transfer",
        "IRN",
        "RUS",
        "uav",
        "delivered",
    )
    (usa,) = armsflow.extract(EN)
    assert (usa.supplier, usa.recipient, usa.item, usa.designation, usa.status) == (
        "USA",
        "UKR",
        "ballistic-missile",
        "ATACMS",
        "delivered",
    )
    (turkey,) = armsflow.extract(DE_TURKEY)
    assert (turkey.supplier, turkey.recipient, turkey.item) == ("TUR", "AZE", "uav")


def test_txt_files_give_one_json_line_each(tmp_path, capsys):
    de = tmp_path / "iran-drohnen.txt"
    de.write_text("Moskau\n\n" + DE + "\n", encoding="utf-8")
    en = tmp_path / "atacms.txt"
    en.write_text(EN + "\n", encoding="utf-8")

    code, docs, err = cli(capsys, "extract", str(de), str(en))

    assert code == 0
    assert [d["id"] for d in docs] == ["iran-drohnen", "atacms"]
    assert [d["lang"] for d in docs] == ["de", "en"]
    check_events(docs[0], de.read_text(encoding="utf-8"))
    check_events(docs[1], en.read_text(encoding="utf-8"))
    (iran,) = docs[0]["events"]
    assert (iran["supplier"], iran["recipient"], iran["item"], iran["status"]) == ("IRN", "RUS", "uav", "delivered")
    assert iran["evidence"] == DE and iran["start"] == len("Moskau\n\n")
    (usa,) = docs[1]["events"]
    assert (usa["supplier"], usa["recipient"], usa["designation"]) == ("USA", "UKR", "ATACMS")
    assert summary(err) == (2, 0, 0, 2)


def test_real_subprocess(tmp_path):
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")

    done = subprocess_cli("extract", "iran.txt", cwd=tmp_path)

    assert done.returncode == 0
    (line,) = done.stdout.decode("utf-8").splitlines()
    result = json.loads(line)
    assert result["id"] == "iran" and result["lang"] == "de"
    check_events(result, DE)
    assert len(result["events"]) == 1
    assert summary(done.stderr.decode("utf-8")) == (1, 0, 0, 1)


def test_folder_reads_its_text_and_jsonl_files(tmp_path, capsys):
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(DE, encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [doc("c1", DE_TURKEY, "de")])
    (tmp_path / "ignored.csv").write_text("x,y\n1,2\n", encoding="utf-8")

    code, docs, err = cli(capsys, "extract", str(tmp_path))

    assert code == 0
    assert sorted(d["id"] for d in docs) == ["a", "b", "c1"]
    assert summary(err) == (3, 0, 0, 3)


def test_jsonl_documents_in_the_contract_shape(tmp_path, capsys):
    rows = [
        doc("dev-de-1", DE, "de", "Drohnen für Moskau"),
        doc("dev-en-1", EN, "en", "ATACMS for Kyiv"),
        doc("dev-de-2", DE_TURKEY, None),
    ]
    path = write_jsonl(tmp_path / "docs.jsonl", rows)

    code, docs, err = cli(capsys, "extract", str(path))

    assert code == 0
    assert [d["id"] for d in docs] == ["dev-de-1", "dev-en-1", "dev-de-2"]
    assert [d["lang"] for d in docs] == ["de", "en", "de"]  # the last one detected
    for result, row in zip(docs, rows, strict=True):
        check_events(result, row["text"])
        assert len(result["events"]) == 1
    assert docs[2]["events"][0]["designation"] == "Bayraktar TB2"
    assert summary(err) == (3, 0, 0, 3)


def test_standard_input_text(tmp_path):
    done = subprocess_cli("extract", "-", cwd=tmp_path, input=(DE + "\n").encode("utf-8"))

    assert done.returncode == 0
    (result,) = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert result["id"] == "stdin" and result["lang"] == "de"
    check_events(result, DE + "\n")
    assert [e["supplier"] for e in result["events"]] == ["IRN"]


def test_standard_input_jsonl(tmp_path):
    lines = [json.dumps(doc("x1", DE, "de")), json.dumps(doc("x2", EN, "en"))]
    done = subprocess_cli("extract", "-", cwd=tmp_path, input=("\n".join(lines) + "\n").encode("utf-8"))

    assert done.returncode == 0
    results = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in results] == ["x1", "x2"]
    check_events(results[0], DE)
    check_events(results[1], EN)
    assert summary(done.stderr.decode("utf-8")) == (2, 0, 0, 2)


def test_format_table(tmp_path, capsys):
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "usa.txt").write_text(EN, encoding="utf-8")

    code, out, err = cli_raw(
        capsys, "extract", "--format", "table", str(tmp_path / "iran.txt"), str(tmp_path / "usa.txt")
    )

    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["document", "actors", "item", "status", "designation", "source", "evidence"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 4  # header, rule, one row per event
    assert lines[2].startswith("iran ") and "IRN → RUS" in lines[2] and "uav" in lines[2]
    assert "delivered" in lines[2] and "Der Iran hat Russland" in lines[2]
    assert lines[3].startswith("usa ") and "USA → UKR" in lines[3] and "ATACMS" in lines[3]
    assert not out.lstrip().startswith("{")
    assert summary(err) == (2, 0, 0, 2)


def test_lang_option_forces_the_language(tmp_path, capsys):
    text = tmp_path / "iran.txt"
    text.write_text(DE, encoding="utf-8")
    mislabelled = write_jsonl(tmp_path / "docs.jsonl", [doc("m1", DE, "en")])

    code, docs, _ = cli(capsys, "extract", "--lang", "de", str(mislabelled))
    assert code == 0
    assert docs[0]["lang"] == "de"  # --lang wins over the document's own label
    assert [e["supplier"] for e in docs[0]["events"]] == ["IRN"]

    code, docs, _ = cli(capsys, "extract", str(mislabelled))
    assert code == 0 and docs[0]["lang"] == "en"  # without --lang the label is trusted

    code, docs, _ = cli(capsys, "extract", "--lang", "en", str(text))
    assert code == 0 and docs[0]["lang"] == "en"  # detection would have said "de"

    code, _, err = cli(capsys, "extract", "--lang", "fr", str(text))
    assert code == 2 and "--lang" in err


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path, capsys):
    for n, text in enumerate([DE, EN, DE_TURKEY, DE_PARAGRAPH]):
        (tmp_path / f"doc{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "french.txt").write_text(FR, encoding="utf-8")
    write_jsonl(tmp_path / "docs.jsonl", [doc(f"j{n}", t, None) for n, t in enumerate([DE, EN] * 40)] + ["{broken"])
    args = ["extract", "--samples", str(tmp_path)]

    code1, docs1, err1 = cli(capsys, *args, "--jobs", "1")
    code2, docs2, err2 = cli(capsys, *args, "--jobs", "2")

    assert docs2 == docs1
    assert code1 == code2 == 1  # the broken JSONL line
    assert err2 == err1
    read, skipped, failed, events = summary(err1)
    assert (read, skipped, failed) == (len(docs1), 2, 1) and read > 85
    assert events == sum(len(d["events"]) for d in docs1)


# ---------------------------------------------------------------- bad input


def test_empty_file_is_skipped_with_a_warning(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")

    code, docs, err = cli(
        capsys, "extract", str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt"), str(tmp_path / "iran.txt")
    )

    assert code == 0
    assert [d["id"] for d in docs] == ["iran"]
    assert re.search(r"warning: .*empty\.txt: empty", err)
    assert re.search(r"warning: .*blank\.txt: empty", err)
    assert summary(err) == (1, 2, 0, 1)


def test_binary_file_is_a_clear_error(tmp_path, capsys):
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")

    code, docs, err = cli(capsys, "extract", str(binary), str(tmp_path / "iran.txt"))

    assert code == 1
    assert [d["id"] for d in docs] == ["iran"]  # the other document is still processed
    assert re.search(r"error: .*picture\.txt: .*binary", err)
    assert summary(err) == (1, 0, 1, 1)


def test_windows_1252_file_is_decoded(tmp_path, capsys):
    text = f"„{DE_TURKEY}“ Das teilte das Außenministerium in Ankara mit; die Lieferung kostete 40 Millionen €.\n"
    path = tmp_path / "tuerkei.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    code, docs, err = cli(capsys, "extract", str(path))

    assert code == 0
    (result,) = docs
    assert result["lang"] == "de"
    check_events(result, text)
    (event,) = result["events"]
    assert "Türkei" in event["evidence"]
    assert (event["supplier"], event["recipient"], event["designation"]) == ("TUR", "AZE", "Bayraktar TB2")
    assert summary(err) == (1, 0, 0, 1)


def test_bytes_that_are_no_text_are_a_clear_error(tmp_path, capsys):
    rng = random.Random(1252)
    junk = bytes(b for b in rng.randbytes(6000) if b)  # no NUL: not caught as binary by the first check
    path = tmp_path / "garbled.txt"
    path.write_bytes(junk)
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")

    code, docs, err = cli(capsys, "extract", str(path), str(tmp_path / "iran.txt"))

    assert code == 1
    assert [d["id"] for d in docs] == ["iran"]
    assert re.search(r"error: .*garbled\.txt: not UTF-8", err)
    assert summary(err) == (1, 0, 1, 1)


def test_large_text_is_read_in_parts_with_whole_text_offsets(tmp_path):
    """A 2.6 MB file is cut into parts (above 1 MB); offsets still point into the whole file."""
    filler = DE_PARAGRAPH * (1_300_000 // len(DE_PARAGRAPH))
    text = filler + DE_KOREA + "\n\n" + filler + DE_TURKEY + "\n"
    path = tmp_path / "lang.txt"
    path.write_text(text, encoding="utf-8", newline="")
    assert path.stat().st_size > 2_500_000

    code, err, peak_mb, out = measured_cli(tmp_path, "extract", "lang.txt")

    assert code == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    result = json.loads(line)
    assert result["id"] == "lang" and result["lang"] == "de"
    check_events(result, text)
    by_supplier = {e.get("supplier"): e for e in result["events"]}
    assert by_supplier["IRN"]["start"] == 0  # repeated events are reported once, at their first place
    assert by_supplier["PRK"]["start"] == len(filler)
    assert by_supplier["TUR"]["start"] == len(text) - len(DE_TURKEY) - 1
    assert summary(err) == (1, 0, 0, len(result["events"]))
    assert "warning" not in err
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MB"


def test_50_mb_text_file_in_parts_with_bounded_memory(tmp_path):
    """A 50 MB text file is read in parts: one result, offsets into the whole file, bounded memory.

    Run with two workers to keep it under a minute; ``ru_maxrss`` of RUSAGE_CHILDREN is the peak
    of the largest single process (the CLI or a worker), which is what would grow if the file
    were held or extracted whole.
    """
    block = DE_PARAGRAPH * (1024 * 1024 // len(DE_PARAGRAPH))
    half = block * 25
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(half)
        handle.write(DE_KOREA + "\n\n")
        handle.write(half)
        handle.write(DE_TURKEY + "\n")
    assert path.stat().st_size > 50 * 1024 * 1024

    code, err, peak_mb, out = measured_cli(tmp_path, "extract", "--jobs", "2", "big.txt")

    assert code == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    result = json.loads(line)
    assert result["id"] == "big" and result["lang"] == "de"
    text = path.read_text(encoding="utf-8")
    check_events(result, text)
    by_supplier = {e.get("supplier"): e for e in result["events"]}
    assert by_supplier["IRN"]["start"] == 0  # repeated events are reported once, at their first place
    assert by_supplier["PRK"]["start"] == len(half)
    assert by_supplier["TUR"]["start"] == len(text) - len(DE_TURKEY) - 1
    assert summary(err) == (1, 0, 0, len(result["events"]))
    assert "warning" not in err
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MB"


def test_bad_jsonl_lines_are_reported_with_file_and_line(tmp_path, capsys):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            doc("ok-1", DE, "de"),
            "this is not JSON",
            {"id": "no-text", "lang": "de", "date": "2024-03-01", "title": "Ohne Text"},
            doc("ok-2", EN, "en"),
        ],
    )

    code, docs, err = cli(capsys, "extract", str(path))

    assert code == 1
    assert [d["id"] for d in docs] == ["ok-1", "ok-2"]
    assert re.search(r"error: .*mixed\.jsonl:2: not valid JSON", err)
    assert re.search(r"error: .*mixed\.jsonl:3: .*\"text\"", err)
    assert summary(err) == (2, 0, 2, 2)


def test_unsupported_language_is_skipped_with_a_warning(tmp_path, capsys):
    (tmp_path / "france.txt").write_text(FR, encoding="utf-8")
    labelled = write_jsonl(tmp_path / "docs.jsonl", [doc("fr-1", FR, "fr"), doc("de-1", DE, "de")])

    code, docs, err = cli(capsys, "extract", str(tmp_path / "france.txt"), str(labelled))

    assert code == 0
    assert [d["id"] for d in docs] == ["de-1"]
    assert re.search(r"warning: france: .*not supported.*\(skipped\)", err)
    assert re.search(r"warning: fr-1: .*'fr'.*not supported.*\(skipped\)", err)
    assert summary(err) == (1, 2, 0, 1)


def test_summary_counts_a_mixed_folder(tmp_path, capsys):
    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)

    code, docs, err = cli(capsys, "extract", str(tmp_path))

    assert code == 1
    assert sorted(d["id"] for d in docs) == ["de", "en"]
    assert summary(err) == (2, 2, 1, 2)


# ---------------------------------------------------------------- exit codes and usage errors


def test_usage_errors_exit_2(tmp_path, capsys):
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")
    good = str(tmp_path / "iran.txt")

    for args in (
        ["extract", "--jobs", "0", good],
        ["extract", "--jobs", "two", good],
        ["extract", "--no-such-option", good],
        ["extract", "--format", "xml", good],
        ["no-such-command"],
        [],
    ):
        code, out, err = cli_raw(capsys, *args)
        assert code == 2, args
        assert out == "", args
        assert "armsflow" in err and ("error" in err or "usage" in err), args


def test_missing_path_is_a_usage_error_naming_it(tmp_path, capsys):
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")
    missing = tmp_path / "no-such-file.txt"

    code, out, err = cli_raw(capsys, "extract", str(tmp_path / "iran.txt"), str(missing))

    assert code == 2
    assert out == ""  # nothing is read when the command line is wrong
    assert str(missing) in err and "no such file" in err


def test_exit_codes_seen_by_the_shell(tmp_path):
    (tmp_path / "iran.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 64)

    assert subprocess_cli("extract", "iran.txt", cwd=tmp_path).returncode == 0
    failed = subprocess_cli("extract", "iran.txt", "bin.txt", cwd=tmp_path)
    assert failed.returncode == 1 and len(failed.stdout.splitlines()) == 1
    usage = subprocess_cli("extract", "--jobs", "0", "iran.txt", cwd=tmp_path)
    assert usage.returncode == 2 and usage.stdout == b""


def test_version_and_help_exit_0(capsys):
    code, out, _ = cli_raw(capsys, "--version")
    assert code == 0 and out.startswith(f"armsflow {armsflow.__version__}, lexicons ")
    assert out.strip().endswith(armsflow.native.describe())  # says whether the compiled core runs
    code, out, _ = cli_raw(capsys, "extract", "--help")
    assert code == 0 and "--jobs" in out


def test_closed_output_pipe_is_no_traceback(tmp_path):
    """``armsflow extract ... | head -1``: the reader goes away; the CLI stops without a traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "armsflow.cli", "extract", "--samples"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # before the CLI has written anything
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    proc.stderr.close()
    assert "Traceback" not in err and "Exception ignored" not in err
    assert proc.returncode == 1


# ---------------------------------------------------------------- documentation


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {
        opt for action in parser._actions for opt in action.option_strings if opt.startswith("--") and opt != "--help"
    }


def test_jsonl_file_starting_with_a_byte_order_mark(tmp_path, capsys):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": DE}).encode() + b"\n")
    code, docs, _err = cli(capsys, "extract", str(path))
    assert code == 0 and docs[0]["id"] == "a" and docs[0]["events"][0]["supplier"] == "IRN"


def test_readme_documents_every_subcommand_and_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = _subcommands(parser)
    assert "extract" in commands
    missing = [name for name in commands if not re.search(rf"\b{re.escape(name)}\b", readme)]
    nested = {name: sub for command in commands.values() for name, sub in _subcommands(command).items()}
    missing += [name for name in nested if not re.search(rf"\b{re.escape(name)}\b", readme)]  # review's actions
    options = _options(parser).union(*(_options(sub) for sub in [*commands.values(), *nested.values()]))
    missing += sorted(opt for opt in options if not re.search(rf"{re.escape(opt)}\b", readme))
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


def test_progress_bar_only_on_a_terminal(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(3):
        (folder / f"d{n}.txt").write_text(DE + "\n", encoding="utf-8")
    code, docs, err = cli(capsys, "extract", str(folder))
    assert code == 0 and len(docs) == 3
    assert "docs/s" not in err  # a pipe or log file gets only the summary line
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, docs, err = cli(capsys, "extract", str(folder))
    assert code == 0 and len(docs) == 3
    assert "docs/s" in err  # the bar (redrawn at most twice a second, cleared at the end)
    assert "/3 [" in err  # with its total: the folder's three documents, counted before the run


def test_the_command_line_starts_without_the_name_matcher():
    """Building the parser must not import screening's matcher (rigour, ICU, rapidfuzz): every command,
    extract included, would pay for it at start-up."""
    heavy = "('rigour', 'rapidfuzz', 'armsflow.screening.match')"
    code = f"import sys, armsflow.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_the_command_line_starts_without_the_code_of_other_commands():
    """`armsflow extract` must not pay at start-up for what only other commands need: fetching web pages
    or lists (ingest.web, screening's fetch: http.client, ssl, e-mail parsing), the knowledge-base, review
    and screening commands' code, the export and query code the vocabulary commands use."""
    heavy = (
        "('armsflow.ingest.web', 'http.client', 'email.parser', 'ssl', 'armsflow.screening.lists.fetch', "
        "'armsflow.cli.knowledge_commands', 'armsflow.cli.review_run', 'armsflow.cli.screen_run', "
        "'armsflow.load', 'armsflow.review', 'armsflow.export', 'armsflow.query')"
    )
    code = f"import sys, armsflow.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_simplemma_rules_of_other_languages_are_compiled_only_when_used():
    """Importing armsflow leaves simplemma's rule modules for languages it does not read uncompiled (stand-ins),
    and their lemmas are what simplemma gives without armsflow."""
    words = ["kirjoituksineen", "taloissa", "casas", "cantaremos", "domov", "mesta", "hundarna", "cărțile"]
    langs = ["fi", "fi", "es", "es", "sk", "sk", "sv", "ro"]
    lemmas = f"[simplemma.lemmatize(w, lang=l) for w, l in zip({words}, {langs})]"
    check = "'DEFAULT_RULES' in vars(sys.modules['simplemma.strategies.defaultrules.fi'])"
    with_armsflow = f"import sys, armsflow, simplemma; compiled = {check}; print(compiled, {lemmas})"
    alone = f"import sys, simplemma; print({check}, {lemmas})"
    ours = subprocess.run([sys.executable, "-c", with_armsflow], capture_output=True, text=True, check=True)
    theirs = subprocess.run([sys.executable, "-c", alone], capture_output=True, text=True, check=True)
    assert ours.stdout.startswith("False ")  # not compiled at import
    assert theirs.stdout.startswith("True ")
    assert ours.stdout.split(" ", 1)[1] == theirs.stdout.split(" ", 1)[1]
