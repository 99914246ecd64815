"""The build manifest: what each output was built from, so a rebuild does only what changed.

``<out>/.cchc-manifest.json`` records, for every output, a *build key* — a hash of
its rendering context (the exact input of the template), the template's bytes and
the package version — and the hash of the file written. A document whose key is
unchanged and whose file is still the one written is not rendered again. Decisions
are by content, never by modification time.

For each plan the manifest keeps an *input hash* (the plan file, its status files,
the templates, the package version and the month a draft is dated by): a plan whose
input hash is unchanged and whose outputs are all in place is skipped without even
being parsed, which keeps a no-op rebuild of a city's worth of plans near-instant.
The plan's data, from which its fingerprint (:mod:`cchc_docs.pipeline.fingerprint`) says which
fields changed, is kept beside it in ``.cchc/<plan>.json``.

The manifest is written last and atomically: a build killed at any moment leaves the
old manifest, and the next build redoes what it cannot vouch for.
"""

from __future__ import annotations

import hashlib
import json
import typing
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson

from cchc_docs import __version__
from cchc_docs.errors import os_reason
from cchc_docs.pipeline import confine, fingerprint
from cchc_docs.write import write_atomic

FILE_NAME = ".cchc-manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Entry:
    """One output as it was last written."""

    key: str  # build key of its inputs
    sha256: str  # of the file written
    size: int  # of the file written: a cheap check that it is still there, untouched
    plan: str  # the plan file it came from
    final: bool  # issued (it has a number): never overwritten in place


@dataclass
class Manifest:
    """Every output of an output folder, and each plan's data fingerprint."""

    outputs: dict[str, Entry] = field(default_factory=dict)  # by path relative to the folder
    plans: dict[str, str] = field(default_factory=dict)  # plan path → input hash
    damaged: str | None = None  # why the manifest on disk was set aside (a warning for the user)


def build_key(context: dict, template: bytes) -> str:
    """Hash of everything that decides an output's bytes."""
    digest = hashlib.sha256()
    digest.update(canonical(context))
    digest.update(hashlib.sha256(template).digest())
    digest.update(__version__.encode())
    return digest.hexdigest()


def canonical(context: dict) -> bytes:
    """The context as canonical JSON: sorted keys, no locale, UTF-8.

    Every document of every build is keyed by its context, 40 kB of JSON for a report:
    orjson writes it ten times faster than the standard library, and the same bytes
    (``json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":"))``), so the
    keys of outputs built before stay valid. What orjson refuses (a key that is not
    text, an integer past 64 bits) the standard library writes. orjson writes a NaN or
    an infinity as null; a context holds none: its only floats are rule indents,
    lengths measured from text, and a non-finite one could not be rendered at all.
    """
    try:
        return orjson.dumps(context, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        # No check for cycles (a context is a tree the contexts package builds): a fifth of the cost.
        return json.dumps(context, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          check_circular=False).encode()


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(folder: Path) -> Manifest:
    """The folder's manifest; an absent one is empty, and so is a damaged one, which says why.

    Everything rebuilds from an empty manifest, and issued documents stay protected by
    their bytes on disk; a manifest that cannot be trusted must not decide anything,
    least of all what ``--prune`` deletes.
    """
    path = folder / FILE_NAME
    try:
        return _parse(json.loads(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, NotADirectoryError):
        return Manifest()
    except OSError as e:
        why = f"không đọc được ({os_reason(e)})"
    except UnicodeDecodeError:
        why = "không phải văn bản UTF-8"
    except json.JSONDecodeError as e:
        why = f"không phải JSON hợp lệ (dòng {e.lineno}, cột {e.colno})"
    except RecursionError:
        why = "lồng quá sâu"
    except _Damaged as e:
        why = str(e)
    return Manifest(damaged=f"{path}: tệp kê khai bị hỏng, {why}; đã bỏ qua nó và tạo lại mọi văn bản")


class _Damaged(Exception):
    """What is wrong with a manifest read from disk."""


_ENTRY_TYPES = typing.get_type_hints(Entry)
_KINDS = {dict: "bảng", list: "danh sách", str: "chuỗi", int: "số", float: "số", bool: "đúng/sai", type(None): "null"}


def _parse(raw: object) -> Manifest:
    """The manifest in ``raw`` (parsed JSON), checked field by field."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        got = raw.get("format") if isinstance(raw, dict) else _kind(raw)
        raise _Damaged(f"cần định dạng {FORMAT}, nhận được {got}")
    outputs = {path: _entry(path, entry) for path, entry in _table(raw.get("outputs"), "outputs").items()}
    plans = _table(raw.get("plans", {}), "plans")
    bad = next((plan for plan, digest in plans.items() if not isinstance(digest, str)), None)
    if bad is not None:
        raise _Damaged(f"plans['{bad}'] cần chuỗi, nhận được {_kind(plans[bad])}")
    return Manifest(outputs, plans)


def _table(value: object, name: str) -> dict:
    if not isinstance(value, dict):
        raise _Damaged(f"'{name}' cần bảng (tên → giá trị), nhận được {_kind(value)}")
    return value


def _entry(path: str, raw: object) -> Entry:
    """One output's entry; a path that leads out of the folder damages the whole manifest."""
    if not confine.plainly_inside(path):
        raise _Damaged(f"mục '{path}' trỏ ra ngoài thư mục kết quả")
    if not isinstance(raw, dict) or set(raw) != set(_ENTRY_TYPES):
        raise _Damaged(f"mục '{path}' cần đúng các trường {', '.join(_ENTRY_TYPES)}")
    for name, kind in _ENTRY_TYPES.items():
        if type(raw[name]) is not kind:  # exact: True is not a size
            raise _Damaged(f"mục '{path}': '{name}' cần {_KINDS[kind]}, nhận được {_kind(raw[name])}")
    return Entry(**raw)


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def snapshot(manifest: Manifest) -> bytes:
    """The manifest as written: sorted JSON, so it diffs cleanly and compares exactly."""
    raw = {
        "format": FORMAT,
        "version": __version__,
        "outputs": {path: asdict(entry) for path, entry in sorted(manifest.outputs.items())},
        "plans": dict(sorted(manifest.plans.items())),
    }
    return (json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def save(folder: Path, manifest: Manifest) -> None:
    """Write the manifest atomically."""
    write_atomic(folder / FILE_NAME, snapshot(manifest))


FINGERPRINTS = ".cchc"


def fingerprint_path(folder: Path, plan: str) -> Path:
    name = hashlib.sha256(plan.encode()).hexdigest()[:16]
    return folder / FINGERPRINTS / f"{name}.json"


# What is kept is the plan's data itself (its raw trees), the fingerprint worked out from it
# only when a reason needs it: hashing every value of every plan cost more than the JSON.
# Files written before hold the fingerprint's leaves and are still read.
TREE_FORMAT = 2


def load_fingerprint(folder: Path, plan: str) -> dict[str, str]:
    """A plan's last data fingerprint, or {} when unknown."""
    try:
        saved = json.loads(fingerprint_path(folder, plan).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if isinstance(saved, dict) and saved.get("format") == TREE_FORMAT and "tree" in saved:
        return fingerprint.fingerprint(saved["tree"])
    # Damaged, it only costs the reasons of this build, never the build.
    if not isinstance(saved, dict) or not all(isinstance(v, str) for v in saved.values()):
        return {}
    return saved


def save_fingerprint(folder: Path, plan: str, trees: dict) -> None:
    """Keep a plan's data (its raw trees, see :attr:`cchc_docs.model.load.Loaded.trees`) for the next build.

    The trees hold only text, None, lists and mappings (source.py keeps every scalar as
    text): orjson writes them as ``json.dumps(ensure_ascii=False, separators=(",", ":"))``
    would, ten times faster, for every plan of every build.
    """
    write_atomic(fingerprint_path(folder, plan), orjson.dumps({"format": TREE_FORMAT, "tree": trees}))


def input_hash(parts: list[bytes]) -> str:
    """Hash of a plan's inputs, each part length-prefixed so parts cannot run together."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()
