"""Charts reach nothing and crash nothing: a chart spec that would load data or a resource
is refused by ``check`` at file:line and by the renderer itself, with a local server
watching that no request arrives; a string the renderer cannot handle, a crash or a hang
of its native code is a clear problem, never the end of the build's process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from scrutiny.build import build, gather
from scrutiny.problems import ContentError
from scrutiny.render import chartsafety
from scrutiny.render.chart import chart_svg, spec_svg
from scrutiny.render.chartsafety import ChartError, chart_problems, draw_svg, svg_problem
from tests.conftest import ROOT
from tests.site.conftest import project_copy

SERVER = textwrap.dedent("""
    import http.server, sys
    log = open(sys.argv[1], "a", buffering=1)
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            log.write(self.path + "\\n")
            body = b'[{"Year": "2021", "Journeys": 999999}]'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        def log_message(self, *args):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
""")


class Recorder:
    """A web server on 127.0.0.1, in its own process, that writes down every request."""

    def __init__(self, folder: Path):
        self.log = folder / "requests.log"
        self.log.write_text("")
        script = folder / "server.py"
        script.write_text(SERVER)
        self.proc = subprocess.Popen([sys.executable, str(script), str(self.log)], stdout=subprocess.PIPE, text=True)
        self.base = f"http://127.0.0.1:{self.proc.stdout.readline().strip()}"

    def requests(self) -> list[str]:
        time.sleep(0.2)  # a request in flight is written down before we look
        return self.log.read_text().split()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    recorder = Recorder(tmp_path_factory.mktemp("server"))
    # the server works: a plain client's request is written down
    import urllib.request
    assert urllib.request.urlopen(recorder.base + "/probe").status == 200
    assert recorder.requests() == ["/probe"]
    recorder.log.write_text("")
    yield recorder
    recorder.proc.kill()
    recorder.proc.wait()


ENC = {"x": {"field": "Year", "type": "ordinal"}, "y": {"field": "Journeys", "type": "quantitative"}}


def remote_specs(base: str) -> dict[str, dict]:
    """Every way a spec can name something to fetch."""
    return {
        "data.url": {"data": {"url": f"{base}/data.json"}, "mark": "bar", "encoding": ENC},
        "layer data": {"layer": [{"data": {"url": f"{base}/layer.json"}, "mark": "bar", "encoding": ENC}]},
        "datasets": {"datasets": {"x": [{"Year": "1", "Journeys": 2}]}, "mark": "bar", "encoding": ENC},
        "lookup": {"mark": "bar", "encoding": ENC, "transform": [
            {"lookup": "Year", "from": {"data": {"url": f"{base}/lookup.json"}, "key": "Year",
                                        "fields": ["Journeys"]}}]},
        "image": {"mark": {"type": "image", "width": 10, "height": 10},
                  "encoding": {**ENC, "url": {"value": f"{base}/image.png"}}},
        "loader": {"mark": "bar", "encoding": ENC, "loader": {"baseURL": f"{base}/"}},
    }


def chart_yaml(spec: dict) -> str:
    return "    chart: " + json.dumps(spec) + "\n"


def with_chart(tmp_path: Path, spec: dict) -> Path:
    """The minimal project, its table "journeys" given ``spec`` as its chart."""
    root = project_copy(tmp_path, formats="[data]")
    report = root / "content" / "reports" / "school-transport-review" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    anchor = "    source: Transport team records\n"
    assert anchor in text
    report.write_text(text.replace(anchor, anchor + chart_yaml(spec)), encoding="utf-8")
    return root


def table_line(root: Path) -> int:
    lines = (root / "content/reports/school-transport-review/report.yaml").read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if "id: journeys" in line)


@pytest.mark.parametrize("kind", list(remote_specs("http://x")))
def test_check_and_build_refuse_a_chart_that_names_something_to_fetch(kind, server, tmp_path):
    spec = remote_specs(server.base)[kind]
    root = with_chart(tmp_path, spec)
    with pytest.raises(ContentError) as err:
        gather(root)
    problems = [p for p in err.value.problems if 'table "journeys"' in p.message]
    assert len(problems) >= 1, err.value.report()
    where = f"content/reports/school-transport-review/report.yaml:{table_line(root)}: "
    assert all(str(p).startswith(where) for p in problems), err.value.report()
    assert all("report's own table" in str(p) or "another mark" in str(p) for p in problems), err.value.report()
    out = tmp_path / "site"
    with pytest.raises(ContentError):
        build(root, out)
    assert not out.exists()
    assert server.requests() == [], "the chart's URL was fetched"


def test_the_renderer_itself_refuses_every_url(server):
    """Defence in depth: a spec that never went through ``check`` still fetches nothing."""
    for kind, spec in remote_specs(server.base).items():
        if kind in ("image", "datasets", "loader"):
            continue  # an image's URL is caught in the drawing (next test); the others fetch nothing
        with pytest.raises(ValueError, match="not allowed"):
            spec_svg({**spec, "data": spec.get("data", {"values": [{"Year": "2021", "Journeys": 1}]})}, "x")
    assert server.requests() == []


def test_a_drawing_that_would_load_or_link_anything_is_refused(server):
    image = remote_specs(server.base)["image"]
    with pytest.raises(ValueError, match="image"):
        spec_svg({**image, "data": {"values": [{"Year": "2021", "Journeys": 1}]}}, "x")
    assert svg_problem('<svg><image href="x.png"/></svg>')
    assert svg_problem('<svg><a href="javascript:alert(1)"><rect/></a></svg>')
    assert svg_problem('<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href=\'file:///etc/passwd\'>'
                       '<rect/></a></svg>')
    assert svg_problem('<svg><style>@import url(https://evil.example/x.css);</style></svg>')
    assert svg_problem('<svg><text>&lt;a href="javascript:x"&gt; url(http://a)</text></svg>') is None  # words only
    assert svg_problem('<svg><rect fill="url(http://evil.example/p.svg#x)"/></svg>')
    assert svg_problem('<svg><path d="M0 0" fill="url(#pattern-0)"/><a href="https://ok.example/">x</a></svg>') is None
    assert server.requests() == []


def journeys():
    table = gather(ROOT).report("criteria-for-entry-into-care").table("children-starting-care")
    assert table is not None and table.chart
    return table


def test_chart_links_follow_the_link_rule_of_the_text():
    table = journeys()
    first = table.columns[0]
    links = replace(table, columns=table.columns + ("Link",),
                    rows=tuple(row + (f"https://example.org/{i}" if i else "javascript:alert(1)",)
                               for i, row in enumerate(table.rows)),
                    chart={**table.chart, "encoding": {**table.chart["encoding"], "href": {"field": "Link"}}})
    messages = [p.message for p in chart_problems(links)]
    assert messages == ['the chart of table "children-starting-care" links to "javascript:alert(1)" '
                        "(`encoding.href`), which is not allowed"]
    fixed = replace(table, chart={**table.chart, "mark": {"type": "bar", "href": "file:///etc/passwd"}})
    assert [p.message for p in chart_problems(fixed)] == [
        'the chart of table "children-starting-care" links to "file:///etc/passwd" (`mark.href`), which is not allowed']
    worked_out = replace(table, chart={**table.chart, "encoding": {
        **table.chart["encoding"], "href": {"condition": {"test": "true", "value": "javascript:x"}, "field": first}}})
    assert "works out its links" in chart_problems(worked_out)[0].message
    ok = replace(links, rows=tuple(row[:-1] + ("mailto:a@b.example",) for row in links.rows))
    assert chart_problems(ok) == []


def test_an_authors_usermeta_cannot_reach_the_svg():
    table = journeys()
    hostile = replace(table, chart={**table.chart, "usermeta": {"patterns": {"p": ['"/><script>x</script>', "dots", "x"]}}})
    assert "usermeta" in chart_problems(hostile)[0].message
    with pytest.raises(ChartError):
        chart_svg(hostile)


# --- the renderer's native code cannot take the process down ---------------------------------

def run_python(code: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter: had the renderer aborted it, we see how."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_a_control_character_in_a_charts_table_is_a_problem_not_an_abort():
    done = run_python("""
        from dataclasses import replace
        from pathlib import Path
        from scrutiny.build import gather
        from scrutiny.render.chart import chart_svg
        table = gather(Path(".")).report("criteria-for-entry-into-care").table("children-starting-care")
        for bad in ("a\\x01b", "\\x0c", "x\\ufffe"):
            hostile = replace(table, rows=((bad,) + table.rows[0][1:],) + table.rows[1:])
            try:
                chart_svg(hostile)
            except ValueError as err:
                print("refused:", err)
        print("still running")
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[-1] == "still running"
    assert [line for line in lines if line.startswith("refused:")] == [
        f'refused: the chart of table "children-starting-care" cannot be drawn: row 1, column "Year", '
        f"has the character {char} (remove the character)" for char in ("U+0001", "U+000C", "U+FFFE")]


def test_check_names_the_table_of_a_control_character(tmp_path):
    root = with_chart(tmp_path, {"mark": "bar", "encoding": ENC, "title": "ok"})
    report = root / "content/reports/school-transport-review/report.yaml"
    report.write_text(report.read_text().replace('["2021", 1200]', '["20\\x0221", 1200]'))
    done = run_python(f"""
        from pathlib import Path
        from scrutiny.build import gather
        from scrutiny.problems import ContentError
        try:
            gather(Path({str(root)!r}))
        except ContentError as err:
            print(err.report())
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    ours = [line for line in done.stdout.splitlines() if 'the chart of table "journeys"' in line]
    assert len(ours) == 1, done.stdout
    assert ours[0].startswith(f"content/reports/school-transport-review/report.yaml:{table_line(root)}: ")
    assert 'row 1, column "Year", has the character U+0002 (remove the character)' in ours[0]


def test_a_crash_of_the_renderer_is_an_error_and_the_next_chart_is_drawn():
    done = run_python("""
        import json
        from scrutiny.render.chartsafety import draw_svg
        good = {"data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
        crash = {**good, "title": "a\\x01b"}  # past every check: the renderer's own parser panics
        try:
            draw_svg(json.dumps(crash))
        except ValueError as err:
            print("refused:", err)
        print("drawn:", draw_svg(json.dumps(good)).startswith("<svg"))
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    refused, drawn = done.stdout.splitlines()[-2:]
    assert refused.startswith("refused: the chart renderer stopped: ") and "NonXmlChar" in refused, refused
    assert drawn == "drawn: True"
    assert "panicked" not in done.stderr, "the renderer's backtrace is kept from the author's terminal"


def test_a_chart_that_takes_too_long_is_stopped():
    spec = json.dumps({"data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
    with pytest.raises(ChartError, match="took more than"):
        draw_svg(spec, timeout=0.0001)
    assert draw_svg(spec).startswith("<svg")


def test_a_stopped_worker_is_started_again_on_the_next_chart():
    worker = chartsafety._WORKER
    spec = json.dumps({"data": {"values": [{"a": 2}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
    draw_svg(spec)
    proc = worker._proc
    assert proc is not None and proc.poll() is None
    worker.stop()
    assert proc.poll() is not None
    assert draw_svg(spec).startswith("<svg")
