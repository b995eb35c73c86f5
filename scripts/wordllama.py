#!/usr/bin/env python3
"""Writes Sources/WordLlamaData/wordllama.kbwl, the static word embeddings built into faq and kb,
from PyPI's `wordllama` wheel (MIT, Lee Miller), and the test fixture of its own vectors.

    python3 scripts/wordllama.py             # download the pinned wheel, write the .kbwl file
    python3 scripts/wordllama.py --fixtures  # also install the wheel in a venv and write
                                             # Tests/EmbeddingsTests/Fixtures/wordllama-vectors.json

The wheel ships the weights (`wordllama/weights/l2_supercat_256.safetensors`: 32,000 Llama-2
tokens x 256 dimensions, fp16) and the tokenizer (`wordllama/tokenizers/
l2_supercat_tokenizer_config.json`, a SentencePiece BPE in Hugging Face's tokenizer JSON). Both are
read here directly: nothing is fetched from a model hub. The output is committed, so a fresh
machine builds without this script; run it only to change the format or the model.

The .kbwl layout (little-endian; every section starts on a 64-byte boundary) is read in place by
Sources/Embeddings/WordLlamaTable.swift and Sources/Embeddings/Browser/wordllama.js:

    header      16 x u32: "KBWL", version, token count, dimensions, merge count,
                vocabulary slots, merge slots, then the byte offsets of the sections below,
                and the file length, then 0 (reserved)
    scales      f32 x tokens: row i's value j is vectors[i][j] * scales[i]
    vectors     i8 x tokens x dimensions (each row scaled so its largest magnitude is 127)
    byte ids    u16 x 256: the token of `<0xXX>` (byte fallback), 0xFFFF where there is none
    offsets     u32 x (tokens + 1): where each token's UTF-8 text starts in `strings`
    strings     the tokens' UTF-8 text, back to back
    vocabulary  u32 x vocabulary slots: token id + 1 (0 = empty), open addressing on the
                FNV-1a hash of the token's bytes, linear probing
    merges      2 x u32 x merge slots: key (left id << 16 | right id, 0xFFFFFFFF = empty) and
                value (rank << 16 | merged id), open addressing on (key * 0x9E3779B1) >> (32 - bits)
"""
import argparse
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "WordLlamaData", "wordllama.kbwl")
FIXTURE = os.path.join(ROOT, "Tests", "EmbeddingsTests", "Fixtures", "wordllama-vectors.json")

# The wheel is platform-specific (it carries compiled helpers), but only its data files are read:
# the same cp311 manylinux wheel is downloaded on any host, and its hash is pinned.
WHEEL_VERSION = "0.4.0.post1"
WHEEL_NAME = "wordllama-0.4.0.post1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
WHEEL_SHA256 = "42c2c88907ace0b0681ac6f9092d6a300a6409a5d2d61071a3fb5e7159370c97"
WEIGHTS = "wordllama/weights/l2_supercat_256.safetensors"
TOKENIZER = "wordllama/tokenizers/l2_supercat_tokenizer_config.json"

MAGIC = 0x4C57424B  # "KBWL"
VERSION = 1
ALIGNMENT = 64
EMPTY_MERGE = 0xFFFFFFFF

# Texts whose ids and vectors the fixture records: questions as people type them, and the inputs
# a byte-level tokenizer gets wrong first (byte fallback, the special tokens' text, whitespace).
FIXTURE_TEXTS = [
    "lose my key",
    "How do I rotate my API key without downtime?",
    "someone pushed our key to github",
    "Incorrect API key provided",
    "You exceeded your current quota, please check your plan and billing details.",
    "set OPENAI_API_KEY on windows",
    "setx OPENAI_API_KEY \"...\"",
    "where should I keep my key",
    "python-dotenv load_dotenv() not working",
    "node --env-file=.env app.js",
    "How can I tell which process is listening on a port?",
    "extract a tar.gz archive",
    "git undo last commit",
    "  leading and   repeated  spaces ",
    "tabs\tand\nnew lines\r\n",
    "café naïve résumé",
    "日本語のテキスト",
    "emoji 🙂🔑 in a query",
    "a <s> strikethrough </s> tag and <unk>",
    "<s>",
    "x<s>y",
    "combining e\u0301 and zero\u200bwidth",
    "\u0000 control \u0007 bytes",
    "a" * 200,
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "sk-proj-EXAMPLE placeholder",
    "HTTP 429 insufficient_quota",
    "ñ",
    " ",
    "",
]


def fnv1a(data: bytes) -> int:
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def merge_slot(key: int, bits: int) -> int:
    return ((key * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - bits)


def aligned(offset: int) -> int:
    return (offset + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT


def download_wheel(folder: str) -> str:
    """The pinned wheel, through pip (PyPI), checked against its SHA-256."""
    path = os.path.join(folder, WHEEL_NAME)
    if not os.path.exists(path):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--platform", "manylinux2014_x86_64", "--python-version", "3.11", "--implementation", "cp",
             "-d", folder, f"wordllama=={WHEEL_VERSION}"],
            check=True)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {WHEEL_SHA256}")
    return path


def read_safetensors(data: bytes, name: str = "embedding.weight"):
    """The fp16 matrix `name` of a safetensors file: an 8-byte header length, a JSON header, data."""
    import numpy as np

    (header_length,) = struct.unpack_from("<Q", data, 0)
    header = json.loads(data[8:8 + header_length])
    tensor = header[name]
    if tensor["dtype"] != "F16":
        sys.exit(f"{name}: dtype {tensor['dtype']}, expected F16")
    start, end = tensor["data_offsets"]
    base = 8 + header_length
    rows, columns = tensor["shape"]
    return np.frombuffer(data[base + start:base + end], dtype="<f2").reshape(rows, columns)


def convert(wheel: str) -> bytes:
    import numpy as np

    with zipfile.ZipFile(wheel) as archive:
        weights = read_safetensors(archive.read(WEIGHTS)).astype(np.float32)
        tokenizer = json.loads(archive.read(TOKENIZER))

    model = tokenizer["model"]
    if model["type"] != "BPE" or not model.get("byte_fallback"):
        sys.exit("tokenizer: expected a byte-fallback BPE model")
    vocab = model["vocab"]
    tokens, dims = weights.shape
    if len(vocab) != tokens or sorted(vocab.values()) != list(range(tokens)):
        sys.exit("tokenizer: vocabulary ids do not match the weight rows")
    if tokens > 0xFFFF:
        sys.exit("more than 65,535 tokens: ids no longer fit in 16 bits")
    texts = [b""] * tokens
    for text, token in vocab.items():
        texts[token] = text.encode("utf-8")

    # Rank = position in the merge list and the merged token's id, as Hugging Face's BPE builds
    # its merge map (a pair listed twice keeps its later rank).
    merges = {}
    for rank, merge in enumerate(model["merges"]):
        left, right = merge.split(" ") if isinstance(merge, str) else merge
        merges[(vocab[left], vocab[right])] = (rank, vocab[left + right])
    if len(model["merges"]) > 0xFFFF:
        sys.exit("more than 65,535 merges: ranks no longer fit in 16 bits")

    # int8 per row: the largest magnitude of each row maps to 127.
    largest = np.abs(weights).max(axis=1)
    scales = np.where(largest > 0, largest / 127.0, 1.0).astype(np.float32)
    quantized = np.clip(np.rint(weights / scales[:, None]), -127, 127).astype(np.int8)

    byte_ids = [0xFFFF] * 256
    for byte in range(256):
        byte_ids[byte] = vocab.get("<0x%02X>" % byte, 0xFFFF)

    vocab_bits = max(1, (tokens * 2 - 1).bit_length())
    vocab_slots = [0] * (1 << vocab_bits)
    for token, text in enumerate(texts):
        slot = fnv1a(text) & ((1 << vocab_bits) - 1)
        while vocab_slots[slot]:
            slot = (slot + 1) & ((1 << vocab_bits) - 1)
        vocab_slots[slot] = token + 1

    merge_bits = max(1, (len(merges) * 2 - 1).bit_length())
    merge_keys = [EMPTY_MERGE] * (1 << merge_bits)
    merge_values = [0] * (1 << merge_bits)
    for (left, right), (rank, merged) in merges.items():
        key = left << 16 | right
        slot = merge_slot(key, merge_bits)
        while merge_keys[slot] != EMPTY_MERGE:
            slot = (slot + 1) & ((1 << merge_bits) - 1)
        merge_keys[slot] = key
        merge_values[slot] = rank << 16 | merged

    offsets = [0]
    for text in texts:
        offsets.append(offsets[-1] + len(text))

    sections = [
        scales.astype("<f4").tobytes(),
        quantized.tobytes(),
        struct.pack("<256H", *byte_ids),
        struct.pack(f"<{tokens + 1}I", *offsets),
        b"".join(texts),
        struct.pack(f"<{len(vocab_slots)}I", *vocab_slots),
        b"".join(struct.pack("<II", k, v) for k, v in zip(merge_keys, merge_values)),
    ]
    header_size = 16 * 4
    starts = []
    position = aligned(header_size)
    for section in sections:
        starts.append(position)
        position = aligned(position + len(section))
    length = position
    header = struct.pack(
        "<16I", MAGIC, VERSION, tokens, dims, len(merges), len(vocab_slots), len(merge_keys),
        *starts, length, 0)
    out = bytearray(length)
    out[:len(header)] = header
    for start, section in zip(starts, sections):
        out[start:start + len(section)] = section
    return bytes(out)


def write_fixtures(wheel: str, folder: str) -> None:
    """Installs the wheel (and its dependencies) in a venv and records, for each fixture text, the
    token ids of Hugging Face's tokenizer and the package's own normalised vector."""
    venv = os.path.join(folder, "venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", wheel], check=True)
    program = r"""
import json, os, sys
import wordllama
from wordllama import WordLlama
package = os.path.dirname(wordllama.__file__)
# The package's loader looks for the tokenizer under tokenizer/ (not tokenizers/, where the wheel
# has it) and then downloads it; the cache folder points it at the file the wheel ships.
model = WordLlama.load(cache_dir=package, disable_download=True)
texts = json.load(sys.stdin)
records = []
for text in texts:
    ids = model.tokenize(text)[0].ids
    record = {"text": text, "ids": ids}
    if ids:
        record["vector"] = [round(float(v), 6) for v in model.embed(text, norm=True)[0]]
    records.append(record)
json.dump(records, sys.stdout, ensure_ascii=True, indent=0)
"""
    result = subprocess.run(
        [python, "-c", program], input=json.dumps(FIXTURE_TEXTS), capture_output=True, text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if result.returncode != 0:
        sys.exit(result.stderr)
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w") as f:
        f.write(result.stdout + "\n")
    print(f"wrote {FIXTURE} ({len(FIXTURE_TEXTS)} texts)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", action="store_true", help="also write the test fixture")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "kb-wordllama"),
                        help="where the wheel is downloaded")
    arguments = parser.parse_args()
    os.makedirs(arguments.cache, exist_ok=True)
    wheel = download_wheel(arguments.cache)
    table = convert(wheel)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "wb") as f:
        f.write(table)
    print(f"wrote {OUTPUT} ({len(table):,} bytes)")
    if arguments.fixtures:
        write_fixtures(wheel, arguments.cache)


if __name__ == "__main__":
    main()
