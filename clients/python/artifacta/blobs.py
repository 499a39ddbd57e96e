"""The content-addressed blob folder: ``blobs/ab/abcdef…`` named by the SHA-256 of the bytes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from typing import BinaryIO, Tuple

_CHUNK = 1 << 20


class BlobStore:
    """Copies files into ``blobs/`` under their SHA-256, through ``blobs/.tmp/`` and a rename."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.tmp = os.path.join(root, ".tmp")
        os.makedirs(self.tmp, exist_ok=True)

    def path_of(self, digest: str) -> str:
        """Where the blob with this hash lives."""
        return os.path.join(self.root, digest[:2], digest)

    def put_file(self, source: str) -> Tuple[str, int]:
        """Copies a file's content in; returns its hash and size. The source is opened once, not followed if a link."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(source, flags)
        with os.fdopen(descriptor, "rb") as reader:
            return self._put_stream(reader)

    def _put_stream(self, reader: BinaryIO) -> Tuple[str, int]:
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(dir=self.tmp)
        try:
            with os.fdopen(handle, "wb") as writer:
                while True:
                    chunk = reader.read(_CHUNK)
                    if not chunk:
                        break
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            os.chmod(temporary, 0o644)
            name = digest.hexdigest()
            target = self.path_of(name)
            if os.path.exists(target):
                os.unlink(temporary)
            else:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(temporary, target)
            return name, size
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
