"""查重 (D133): sentences of a draft found verbatim or nearly verbatim in an archive
(`drafter lint DRAFT --against ARCHIVE…`).

The archive is cut into sentences, normalised (punctuation and spaces dropped) and indexed by
character 4-grams: one sorted numpy array of gram keys with the sentence each comes from, plus
a sorted array of whole-sentence hashes for exact copies of formulaic sentences whose grams are
all common. A draft sentence looks up its rarer grams, counts shared grams per archive
sentence, and the best few candidates are verified with difflib: the share of the draft
sentence covered by runs of at least three characters in order. The index is cached under the
user cache folder, keyed by the archive files' paths and contents, written atomically, and
rebuilt when unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DrafterError

if TYPE_CHECKING:
    import numpy as np

    from .registry import Finding, Paragraph

INDEX_VERSION = 1
K = 4  # characters per gram
MIN_CHARS = 15  # draft sentences shorter than this are not checked
MIN_ARCHIVE_CHARS = 10
COMMON = 2000  # a gram found in more archive sentences than this does not pick candidates
CANDIDATES = 8
THRESHOLD = 0.8  # share of the draft sentence found in order in one archive sentence (coverage)
KEEP_CACHES = 8


def _norm(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def cache_dir() -> Path:
    from ..userdirs import cache_path

    return cache_path("chachong")


def archive_files(paths: Iterable[str]) -> list[Path]:
    """Every file of the archive the miner would read: the same kinds, picked from folders the
    same way (no Word lock files, no saved pages' asset folders)."""
    from ..corpus.inputs import is_speech_file
    from ..corpus.readers import SUFFIXES

    kinds = " ".join(SUFFIXES)
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_speech_file(p)
                           and not p.name.startswith("."))
            if not found:
                raise DrafterError(f"查重用的文件夹里没有讲话稿文件（{kinds}）", file=str(path))
            files += found
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise DrafterError(f"查重不支持“{path.suffix or '无后缀'}”文件，支持：{kinds}",
                                   file=str(path))
            files.append(path)
        else:
            raise DrafterError("找不到查重用的这个文件或文件夹", file=str(path))
    return sorted({p.resolve(): p for p in files}.values(), key=lambda p: str(p.resolve()))


@dataclass
class Archive:
    files: list[str]
    chars: np.ndarray  # uint32 code points of the normalised sentences, joined with "\n"
    starts: np.ndarray  # int64: where each sentence starts in text
    lengths: np.ndarray  # int64
    file_of: np.ndarray  # int32: index into files
    line_of: np.ndarray  # int32: line in the file (0 when the file has none, as .docx)
    para_of: np.ndarray  # int32: paragraph number for .docx (0 otherwise)
    keys: np.ndarray  # uint64, sorted: 4-gram keys
    sids: np.ndarray  # int32: the sentence of each key
    whole: np.ndarray  # uint64, sorted: hashes of whole sentences
    whole_sids: np.ndarray  # int32
    cached: bool = False  # loaded from the cache rather than built

    def sentence(self, sid: int) -> str:
        start = int(self.starts[sid])
        return bytes(self.chars[start:start + int(self.lengths[sid])].tobytes()).decode("utf-32-le")

    def place(self, sid: int) -> str:
        line, para = int(self.line_of[sid]), int(self.para_of[sid])
        where = f"第{line}行" if line else (f"第{para}段" if para else "")
        return f"{self.files[int(self.file_of[sid])]} {where}".strip()


# --- building ----------------------------------------------------------------------------------

def _hash64(text: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def gram_keys(text: str) -> np.ndarray:
    """Keys of every K-gram of a normalised text: four 16-bit code units in one uint64."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes = np.where(codes > 0xFFFF, (codes & np.uint64(0xFFFF)) ^ np.uint64(0x8000), codes)
    if len(codes) < K:
        return np.zeros(0, dtype=np.uint64)
    keys: np.ndarray = ((codes[:-3] << np.uint64(48)) | (codes[1:-2] << np.uint64(32))
            | (codes[2:-1] << np.uint64(16)) | codes[3:])
    return keys


def _sentences(path: Path) -> list[tuple[str, int, int]]:
    """(normalised sentence, line, paragraph number) of every sentence long enough to matter."""
    from .read import read_paragraphs
    from .text import _SENTENCE

    out = []
    for number, para in enumerate(read_paragraphs(path), 1):
        for m in _SENTENCE.finditer(para.text):
            norm = _norm(m.group(0))
            if len(norm) >= MIN_ARCHIVE_CHARS:
                out.append((norm, para.line or 0, 0 if para.line else number))
    return out


def build(files: list[Path]) -> Archive:
    import numpy as np

    names, texts, file_of, line_of, para_of = [], [], [], [], []
    for index, path in enumerate(files):
        names.append(str(path))
        for norm, line, para in _sentences(path):
            texts.append(norm)
            file_of.append(index)
            line_of.append(line)
            para_of.append(para)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64) if texts else lengths
    joined = "\n".join(texts)
    chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    all_keys = gram_keys(joined)
    counts = np.maximum(lengths - K + 1, 0)
    total = int(counts.sum())
    sid = np.repeat(np.arange(len(texts), dtype=np.int32), counts)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    keys = all_keys[starts[sid] + offsets] if total else np.zeros(0, dtype=np.uint64)
    order = np.lexsort((sid, keys))
    keys, sid = keys[order], sid[order]
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = (keys[1:] != keys[:-1]) | (sid[1:] != sid[:-1])
    whole = np.array([_hash64(t) for t in texts], dtype=np.uint64)
    whole_order = np.argsort(whole, kind="stable")
    return Archive(names, chars, starts, lengths, np.array(file_of, dtype=np.int32),
                   np.array(line_of, dtype=np.int32), np.array(para_of, dtype=np.int32),
                   keys[keep], sid[keep], whole[whole_order], whole_order.astype(np.int32))


# --- the cache ---------------------------------------------------------------------------------

# One file: a magic line, a JSON header (files, and each array's dtype, length and offset), then
# the arrays, 8-byte aligned. Loading maps the file: nothing is read until a lookup touches it.
_MAGIC = b"drafter-chachong\n"
_ARRAYS = ("chars", "starts", "lengths", "file_of", "line_of", "para_of", "keys", "sids", "whole", "whole_sids")


def cache_key(files: list[Path]) -> str:
    import hashlib

    digest = hashlib.sha256(f"drafter-chachong {INDEX_VERSION} {K} {MIN_ARCHIVE_CHARS}\n".encode())
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DrafterError(f"无法读取查重用的文件：{exc.strerror or exc}", file=str(path)) from None
        digest.update(f"{path.resolve()}\0{hashlib.sha256(data).hexdigest()}\n".encode())
    return digest.hexdigest()[:32]


def _save(archive: Archive, target: Path) -> None:
    import io
    import json

    from ..output import write_atomic

    layout, offset = [], 0
    for name in _ARRAYS:
        array = getattr(archive, name)
        layout.append([name, array.dtype.str, len(array), offset])
        offset += -(-array.nbytes // 8) * 8
    header = json.dumps({"version": INDEX_VERSION, "files": archive.files, "arrays": layout,
                         "size": offset}, ensure_ascii=False).encode("utf-8")
    header += b" " * (-(len(_MAGIC) + 8 + len(header)) % 8)
    buffer = io.BytesIO()
    buffer.write(_MAGIC + len(header).to_bytes(8, "little") + header)
    for name in _ARRAYS:
        data = getattr(archive, name).tobytes()
        buffer.write(data + b"\0" * (-len(data) % 8))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, buffer.getvalue(), force=True)
    except (OSError, DrafterError):
        pass  # a cache that cannot be written only costs time next run


def _load(target: Path) -> Archive | None:
    import json
    import mmap

    import numpy as np

    try:
        with target.open("rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if mapped[:len(_MAGIC)] != _MAGIC:
            return None
        length = int.from_bytes(mapped[len(_MAGIC):len(_MAGIC) + 8], "little")
        base = len(_MAGIC) + 8 + length
        meta = json.loads(mapped[len(_MAGIC) + 8:base].decode("utf-8"))
        if meta.get("version") != INDEX_VERSION or len(mapped) != base + int(meta["size"]):
            return None
        arrays = {}
        for name, dtype, count, offset in meta["arrays"]:
            arrays[str(name)] = np.frombuffer(mapped, dtype=np.dtype(dtype), count=int(count), offset=base + int(offset))
        archive = Archive(files=[str(f) for f in meta["files"]], cached=True, **arrays)
        if not (len(archive.starts) == len(archive.lengths) == len(archive.file_of) == len(archive.whole)
                and len(archive.keys) == len(archive.sids)):
            return None
        return archive
    except Exception:  # a truncated or foreign file: rebuild it
        return None


def open_archive(paths: list[str]) -> Archive:
    """The archive's index, from the cache when the same files with the same contents were
    indexed before."""
    files = archive_files(paths)
    target = cache_dir() / f"{cache_key(files)}.idx"
    if target.is_file():
        archive = _load(target)
        if archive is not None:
            return archive
    archive = build(files)
    _save(archive, target)
    _prune(target.parent)
    return archive


def _prune(folder: Path) -> None:
    try:
        caches = sorted(folder.glob("*.idx"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in caches[KEEP_CACHES:]:
            old.unlink()
    except OSError:
        pass


# --- searching ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    sid: int
    score: float  # 1.0 for a verbatim copy


def coverage(query: str, text: str) -> float:
    """Share of the draft sentence found, in order, in the archive sentence: runs of two or
    more characters, provided one run is long (a third of the sentence, at least six)."""
    import difflib

    if query in text:
        return 1.0
    blocks = difflib.SequenceMatcher(None, query, text, autojunk=False).get_matching_blocks()
    if max(b.size for b in blocks) < max(6, len(query) // 3):
        return 0.0
    return sum(b.size for b in blocks if b.size >= 2) / len(query)


def search(archive: Archive, query: str, exclude: frozenset[int] = frozenset()) -> Match | None:
    """The archive sentence that best contains this normalised draft sentence, if any does
    (sentences of the files numbered in `exclude` left out: the draft itself)."""
    import numpy as np

    candidates: list[int] = []
    h = np.uint64(_hash64(query))
    i = int(np.searchsorted(archive.whole, h))
    while i < len(archive.whole) and archive.whole[i] == h:
        candidates.append(int(archive.whole_sids[i]))
        i += 1
    qkeys = np.unique(gram_keys(query))
    if len(archive.keys) and len(qkeys):
        lo = np.searchsorted(archive.keys, qkeys, "left")
        hi = np.searchsorted(archive.keys, qkeys, "right")
        sizes = hi - lo
        use = (sizes > 0) & (sizes <= COMMON)
        if not use.any() and (sizes > 0).any():
            rare = np.argsort(np.where(sizes > 0, sizes, np.iinfo(np.int64).max))[:3]
            use[rare[sizes[rare] > 0]] = True
            hi = np.minimum(hi, lo + COMMON)
        if use.any():
            ids = np.concatenate([archive.sids[a:b] for a, b in zip(lo[use], hi[use], strict=True)])
            uniq, counts = np.unique(ids, return_counts=True)
            need = max(2, int(0.3 * int(use.sum())))
            order = np.argsort(-counts, kind="stable")[:CANDIDATES]
            candidates += [int(uniq[k]) for k in order if counts[k] >= need]
    best: Match | None = None
    for sid in dict.fromkeys(candidates):
        if exclude and int(archive.file_of[sid]) in exclude:
            continue
        score = coverage(query, archive.sentence(sid))
        if score >= THRESHOLD and (best is None or score > best.score):
            best = Match(sid, score)
            if score == 1.0:
                break
    return best


# --- lint --------------------------------------------------------------------------------------

def _check(paras: list[tuple[Paragraph, str | None]], archive: Archive, ctx: Any, own: Path) -> None:
    """Each sentence of 15 characters or more; where a whole sentence is not found, each of its
    clauses between semicolons (a copied clause inside a new sentence)."""
    from .text import _SENTENCE

    own_name = str(own.resolve())
    exclude = frozenset(i for i, f in enumerate(archive.files) if str(Path(f).resolve()) == own_name)
    for para, where in paras:
        for m in _SENTENCE.finditer(para.text):
            pieces = [(m.start(), m.group(0))]
            if re.search("[；;]", m.group(0)):
                pieces += [(m.start() + c.start(), c.group(0)) for c in re.finditer(r"[^；;]+[；;]?", m.group(0))]
            for start, piece in pieces:
                query = _norm(piece)
                if len(query) < MIN_CHARS:
                    continue
                match = search(archive, query, exclude)
                if match is None:
                    continue
                kind = "相同" if match.score == 1.0 else f"几乎相同（{round(match.score * 100)}%）"
                shown = piece.strip()
                shown = shown if len(shown) <= 24 else shown[:24] + "…"
                ctx.add("D133", para, f"“{shown}”与 {archive.place(match.sid)} 的一句{kind}",
                        column=start + 1 if where is None else None, where=where,
                        fix="改写这句话；确需沿用的，核对内容是否仍然合适")
                break  # the whole sentence, or its first copied clause


def lint_file(path: Path, ignore: set[str], archive: Archive) -> list[Finding]:
    from .read import read_paragraphs
    from .registry import Context, Paragraph

    ctx = Context(str(path), ignore)
    if "D133" in ignore:
        return []
    if path.suffix.lower() in (".yaml", ".yml"):
        from ..loader import format_path, load_outline
        from .tifa import outline_strings

        loaded = load_outline(path)
        if "D133" in set((loaded.data.get("lint") or {}).get("ignore") or []):
            return []
        paras: list[tuple[Paragraph, str | None]] = []
        for key, text in outline_strings(loaded.data):
            pos = loaded.positions.of_value(key)
            paras.append((Paragraph(text, pos[0] if pos else None), format_path(key)))
        _check(paras, archive, ctx, path)
    else:
        _check([(p, None) for p in read_paragraphs(path)], archive, ctx, path)
    return ctx.findings
