"""Sends a spill file of unsent requests to a tracking server: ``python -m artifacta.replay FILE --url URL``.

A run logged to a server (``ARTIFACTA_URL``) that could not be reached before the run ended
leaves ``<store>/unsent/<run_id>.jsonl``: one JSON request per line (the run's creation, entry
batches, artifacts with their content in ``<run_id>.blobs/``, notes, the run's end), in order.
This sends them in that order. What the server already holds (the run, an uploaded content, an
ended run) is skipped. On success the file and its blobs are removed; on failure nothing is
removed and the lines already sent are dropped from the file, so it can be run again.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from typing import List, Optional

from .errors import ArtifactaError
from .http_client import HttpClient, ServerUnavailable, resolve_url
from .http_writer import Record, deliver
from .jsontext import dumps


def replay(path: str, url: str, token: Optional[str] = None) -> int:
    """Sends every request of the spill file ``path``; returns how many were sent.

    Raises:
        ServerUnavailable: the server could not be reached (the file keeps what was not sent).
        ArtifactaError: the server refused a request (likewise).
    """
    with open(path, encoding="utf-8") as spill:
        records: List[Record] = [json.loads(line) for line in spill if line.strip()]
    client = HttpClient(url, token)
    sent = 0
    try:
        for record in records:
            if record["op"] == "run":
                record["retried"] = True  # a run that exists already was created by an earlier attempt
            deliver(client, record)
            sent += 1
    finally:
        if sent < len(records):
            _rewrite(path, records[sent:])
    blobs = path[: -len(".jsonl")] + ".blobs" if path.endswith(".jsonl") else None
    os.remove(path)
    if blobs and os.path.isdir(blobs):
        shutil.rmtree(blobs, ignore_errors=True)
    return sent


def _rewrite(path: str, records: List[Record]) -> None:
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as spill:
        for record in records:
            record.pop("retried", None)
            spill.write(dumps(record) + "\n")
    os.replace(temporary, path)


def main(arguments: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m artifacta.replay",
        description="Send a run's unsent requests (a <store>/unsent/<run_id>.jsonl spill file) to a tracking server.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="spill files to send, in order")
    parser.add_argument("--url", help="the tracking server, e.g. http://127.0.0.1:8000 (default: $ARTIFACTA_URL)")
    parser.add_argument("--token", help="its access token (default: $ARTIFACTA_TOKEN)")
    options = parser.parse_args(arguments)
    url = resolve_url(options.url)
    if url is None:
        parser.error("give the server with --url URL or ARTIFACTA_URL")
    token = options.token if options.token is not None else os.environ.get("ARTIFACTA_TOKEN")
    status = 0
    for path in options.files:
        try:
            count = replay(path, url, token)
        except (ServerUnavailable, ArtifactaError, OSError, ValueError) as error:
            print(f"artifacta.replay: {path}: {error}; what was not sent is still in the file", file=sys.stderr)
            status = 1
            continue
        print(f"artifacta.replay: {path}: sent {count} request(s) to {url}; removed the file")
    return status


if __name__ == "__main__":
    sys.exit(main())
