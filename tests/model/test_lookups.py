"""The model's cached lookups (a Markdown field's hash, a committee by id) never change
what a record is: equal records stay equal and hash alike, and a pickle (what the report
cache keeps, and what keys are made of) has the same bytes before and after a lookup, in
this process and in another, where a string's hash differs."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import replace

from scrutiny.model import Committee, Markdown, Source


def test_a_markdown_fields_hash_is_kept_but_never_pickled() -> None:
    md = Markdown("The Panel asked for a report.", Source("content/reports/a/recommendations.yaml", 12))
    before = pickle.dumps(md)
    h = hash(md)
    assert pickle.dumps(md) == before, "a lookup changed the pickle"
    again = Markdown("The Panel asked for a report.", Source("content/reports/a/recommendations.yaml", 12))
    assert again == md and hash(again) == h and {md: "x"}[again] == "x"
    other = replace(md, text="The Panel asked for two reports.")
    assert other != md and other not in {md: "x"}
    # in another process (another string hash seed) the unpickled field hashes as it does there
    code = ("import pickle, sys; md = pickle.loads(sys.stdin.buffer.read()); "
            "print(hash(md) == hash((md.text, md.source, md.numbered)))")
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(md), capture_output=True, check=True,
                         env={"PYTHONHASHSEED": "12345"}, cwd=".")
    assert out.stdout.strip() == b"True", out.stderr


def test_a_committee_is_found_by_id_without_changing_the_configs_pickle(tmp_path) -> None:
    from tests.conftest import copy_fixture
    from scrutiny.load import load_config
    from scrutiny.problems import Problems

    config = load_config(copy_fixture(tmp_path), Problems())
    assert config is not None and config.committees
    before = pickle.dumps(config)
    for c in config.committees:
        assert config.committee(c.id) is c
    assert pickle.dumps(config) == before
    assert isinstance(config.committee(config.committees[0].id), Committee)
