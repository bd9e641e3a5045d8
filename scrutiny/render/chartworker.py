"""The chart renderer's own process: Vega-Lite specs in, SVG out, one JSON line each way.

Run by :mod:`scrutiny.render.chartsafety` as a script (``python -I chartworker.py``), so
that vl-convert's native code (Rust and V8) runs outside the build: if it panics on a
string it cannot handle, or runs for too long, only this process dies. It imports
nothing of ``scrutiny`` and never reaches the network: every conversion is given an empty
list of allowed base URLs, so Vega's loader refuses every URL it is asked to fetch.

Request: ``{"spec": {...}}``. Reply: ``{"svg": "..."}`` or ``{"error": "..."}``.
"""

import json
import signal
import sys


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; EOF ends us
    import vl_convert as vlc

    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        spec = json.loads(line)["spec"]
        try:
            reply = {"svg": vlc.vegalite_to_svg(spec, allowed_base_urls=[])}
        except ValueError as err:  # vl-convert's way of saying the spec cannot be drawn
            reply = {"error": str(err)}
        out.write(json.dumps(reply).encode("utf-8") + b"\n")
        out.flush()


if __name__ == "__main__":
    main()
