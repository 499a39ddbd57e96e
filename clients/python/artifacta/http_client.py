"""Requests to the tracking server (``artifacta ui``) with the standard library's urllib.

Failures come in two kinds: :class:`ServerUnavailable` (no connection, a timeout, a 5xx, 408
or 429 — worth retrying) and the refusals the server means (400, 401, 404, 409, 413, 415),
raised as :class:`~artifacta.errors.ValidationError` (400, 413, 415),
:class:`~artifacta.errors.AuthenticationError` (401) or :class:`~artifacta.errors.ServerError`.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, BinaryIO, Dict, Optional, Union

from .errors import AuthenticationError, ServerError, ValidationError
from .jsontext import dumps

#: Seconds one request may take before it counts as a failure to reach the server.
REQUEST_TIMEOUT_SECONDS = 30.0

_RETRYABLE_STATUSES = (408, 425, 429)


class ServerUnavailable(Exception):
    """The server could not be reached or answered with a temporary failure; worth retrying."""


class HttpClient:
    """One tracking server: its base URL and the access token sent as ``Authorization: Bearer``."""

    def __init__(self, url: str, token: Optional[str] = None, timeout: float = REQUEST_TIMEOUT_SECONDS) -> None:
        self.url = normalized_url(url)
        self.token = token or None
        self.timeout = timeout
        # Plain HTTP to the configured address: an HTTP proxy from the environment is not wanted for a local server.
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(self.url) else []
        self._opener = urllib.request.build_opener(*handlers)

    def post(self, path: str, body: Any, timeout: Optional[float] = None) -> Any:
        """POSTs ``body`` as JSON (NaN as bare tokens); returns the parsed answer."""
        return self.request("POST", path, dumps(body).encode("utf-8"), "application/json", timeout=timeout)

    def request(
        self, method: str, path: str, data: Union[bytes, BinaryIO, None] = None, content_type: Optional[str] = None,
        query: Optional[Dict[str, str]] = None, length: Optional[int] = None, timeout: Optional[float] = None,
    ) -> Any:
        """Sends one request; returns the JSON answer (``None`` when the answer is empty)."""
        address = self.url + path + (("?" + urllib.parse.urlencode(query)) if query else "")
        request = urllib.request.Request(address, data=data, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        if length is not None:
            request.add_header("Content-Length", str(length))
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with self._opener.open(request, timeout=timeout or self.timeout) as answer:
                text = answer.read()
        except urllib.error.HTTPError as error:
            raise self._refusal(method, path, error) from None
        except (urllib.error.URLError, http.client.HTTPException, socket.timeout, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ServerUnavailable(f"cannot reach the tracking server at {self.url}: {reason}") from None
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            raise ServerUnavailable(f"the tracking server at {self.url} answered {method} {path} with non-JSON text") from None

    def _refusal(self, method: str, path: str, error: urllib.error.HTTPError) -> Exception:
        try:
            body = error.read()
        except OSError:
            body = b""
        message = _error_message(body) or error.reason or "no message"
        status = error.code
        where = f"{method} {path}"
        if status >= 500 or status in _RETRYABLE_STATUSES:
            return ServerUnavailable(f"the tracking server at {self.url} answered {where} with {status}: {message}")
        if status == 401:
            given = "the access token given" if self.token else "no access token"
            return AuthenticationError(
                f"the tracking server at {self.url} refused {given} (401: {message}); set ARTIFACTA_TOKEN or "
                f"ds.init(token=...) to the token the server was started with (artifacta ui --token)"
            )
        if status in (400, 413, 415):
            return ValidationError(message)
        return ServerError(f"the tracking server at {self.url} refused {where} ({status}): {message}", status)


def normalized_url(url: str) -> str:
    """``http://host:port`` without a trailing slash; a bare ``host:port`` gets ``http://``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"url {url!r} is not an http:// or https:// address of a tracking server")
    return url.rstrip("/")


def resolve_url(url: Optional[str]) -> Optional[str]:
    """The server to log to: ``url`` if given, else ``$ARTIFACTA_URL``, else none (the local store)."""
    chosen = url if url is not None else os.environ.get("ARTIFACTA_URL")
    return chosen or None


def _error_message(body: bytes) -> Optional[str]:
    try:
        parsed = json.loads(body)
        return str(parsed["error"]["message"])
    except (ValueError, KeyError, TypeError):
        text = body.decode("utf-8", "replace").strip()
        return text[:500] or None


def _is_loopback(url: str) -> bool:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")
