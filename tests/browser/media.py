"""Tiny valid media files written with the standard library, for the artifact previews.

Every file is real: the PNG decodes, the WAV plays, the PDF has a correct cross-reference
table and the MP4 holds one H.264 (Baseline, I_PCM) frame sequence a browser can decode.
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib


def png(width: int = 16, height: int = 16) -> bytes:
    """An RGB gradient."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), 128))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def wav(seconds: float = 0.25, rate: int = 8000) -> bytes:
    """A 440 Hz tone, mono, 16-bit."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(int(seconds * rate))
        ))
    return buffer.getvalue()


def pdf(text: str = "Artifacta test PDF") -> bytes:
    """One page with one line of text."""
    stream = f"BT /F1 18 Tf 36 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class _Bits:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def u(self, value: int, count: int) -> None:
        self.bits += [(value >> (count - 1 - i)) & 1 for i in range(count)]

    def ue(self, value: int) -> None:
        code = value + 1
        length = code.bit_length()
        self.u(0, length - 1)
        self.u(code, length)

    def align_zero(self) -> None:
        while len(self.bits) % 8:
            self.bits.append(0)

    def trailing(self) -> None:
        self.bits.append(1)
        self.align_zero()

    def bytes(self) -> bytes:
        assert len(self.bits) % 8 == 0
        return bytes(int("".join(map(str, self.bits[i:i + 8])), 2) for i in range(0, len(self.bits), 8))


def _nal(header: int, rbsp: bytes) -> bytes:
    """A NAL unit with emulation-prevention bytes inserted."""
    out = bytearray([header])
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def _h264(frames: int) -> tuple[bytes, bytes, list[bytes]]:
    """SPS, PPS and one IDR slice per frame: a 16×16 picture, one I_PCM macroblock."""
    sps = _Bits()
    sps.u(66, 8); sps.u(0xC0, 8); sps.u(10, 8)  # Baseline, constraint sets 0 and 1, level 1
    sps.ue(0)            # seq_parameter_set_id
    sps.ue(0)            # log2_max_frame_num_minus4
    sps.ue(2)            # pic_order_cnt_type
    sps.ue(1)            # max_num_ref_frames
    sps.u(0, 1)          # gaps_in_frame_num_value_allowed_flag
    sps.ue(0); sps.ue(0)  # one macroblock wide and high
    sps.u(1, 1); sps.u(1, 1); sps.u(0, 1); sps.u(0, 1)  # frame_mbs_only, direct_8x8, no cropping, no VUI
    sps.trailing()
    pps = _Bits()
    pps.ue(0); pps.ue(0)  # pic and seq parameter set ids
    pps.u(0, 1); pps.u(0, 1)  # CAVLC, no bottom-field POC
    pps.ue(0); pps.ue(0); pps.ue(0)  # one slice group, one reference each way
    pps.u(0, 1); pps.u(0, 2)  # no weighted prediction
    pps.ue(0); pps.ue(0); pps.ue(0)  # se(0) is coded like ue(0): QP, QS, chroma offset
    pps.u(0, 1); pps.u(0, 1); pps.u(0, 1)  # deblocking control, constrained intra, redundant pic count
    pps.trailing()
    slices = []
    for frame in range(frames):
        s = _Bits()
        s.ue(0)            # first_mb_in_slice
        s.ue(7)            # slice_type: I
        s.ue(0)            # pic_parameter_set_id
        s.u(0, 4)          # frame_num
        s.ue(frame % 2)    # idr_pic_id differs between neighbouring IDR pictures
        s.u(0, 1); s.u(0, 1)  # dec_ref_pic_marking: no_output_of_prior_pics, long_term_reference
        s.ue(0)            # slice_qp_delta (se 0)
        s.ue(25)           # mb_type I_PCM
        s.align_zero()
        shade = 60 + 40 * frame
        for y in range(16):
            for x in range(16):
                s.u(min(235, shade + 8 * x), 8)
        for _ in range(64):
            s.u(90, 8)     # Cb
        for _ in range(64):
            s.u(200, 8)    # Cr
        s.trailing()
        slices.append(_nal(0x65, s.bytes()))
    return _nal(0x67, sps.bytes()), _nal(0x68, pps.bytes()), slices


def _box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *parts)


_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def mp4(frames: int = 4, frame_ms: int = 250) -> bytes:
    """A 16×16 H.264 video of a few grey-green frames."""
    sps, pps, slices = _h264(frames)
    samples = [struct.pack(">I", len(s)) + s for s in slices]
    duration = frames * frame_ms
    avcc = _box(b"avcC", bytes([1, sps[1], sps[2], sps[3], 0xFF, 0xE1]), struct.pack(">H", len(sps)), sps,
                b"\x01", struct.pack(">H", len(pps)), pps)
    avc1 = _box(b"avc1", b"\x00" * 6, struct.pack(">H", 1), b"\x00" * 16, struct.pack(">HH", 16, 16),
                struct.pack(">II", 0x480000, 0x480000), b"\x00" * 4, struct.pack(">H", 1), b"\x00" * 32,
                struct.pack(">Hh", 0x18, -1), avcc)

    def moov(chunk_offset: int) -> bytes:
        stbl = _box(b"stbl",
                    _full(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
                    _full(b"stts", 0, 0, struct.pack(">III", 1, frames, frame_ms)),
                    _full(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, frames, 1)),
                    _full(b"stsz", 0, 0, struct.pack(">II", 0, frames), b"".join(struct.pack(">I", len(s)) for s in samples)),
                    _full(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)))
        minf = _box(b"minf", _full(b"vmhd", 0, 1, b"\x00" * 8),
                    _box(b"dinf", _full(b"dref", 0, 0, struct.pack(">I", 1), _full(b"url ", 0, 1))), stbl)
        mdia = _box(b"mdia",
                    _full(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, 1000, duration, 0x55C4, 0)),
                    _full(b"hdlr", 0, 0, b"\x00" * 4, b"vide", b"\x00" * 12, b"VideoHandler\x00"),
                    minf)
        tkhd = _full(b"tkhd", 0, 3, struct.pack(">IIIII", 0, 0, 1, 0, duration), b"\x00" * 8,
                     struct.pack(">hhhH", 0, 0, 0, 0), _MATRIX, struct.pack(">II", 16 << 16, 16 << 16))
        mvhd = _full(b"mvhd", 0, 0, struct.pack(">IIII", 0, 0, 1000, duration), struct.pack(">IH", 0x10000, 0x100),
                     b"\x00" * 10, _MATRIX, b"\x00" * 24, struct.pack(">I", 2))
        return _box(b"moov", mvhd, _box(b"trak", tkhd, mdia))

    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")
    head = len(ftyp) + len(moov(0)) + 8
    return ftyp + moov(head) + _box(b"mdat", *samples)
