#!/usr/bin/env python3
"""Make TorchSharp's native library load on Debian 12, then prove it loads.

libLibTorchSharp.so (TorchSharp 0.107.0) was linked with GCC 13, so its version-needs table asks
libstdc++ for GLIBCXX_3.4.32. Debian 12's libstdc++ ends at GLIBCXX_3.4.30, and the dynamic loader
refuses a library with an unmet version need. The one symbol filed under that version is
std::ios_base_library_init(), a marker GCC 13 emits so that the linker pulls in the iostream
initialiser; nothing ever calls or relocates against it. A need flagged VER_FLG_WEAK is only
reported, not enforced, so setting that flag on that one entry (one byte in .gnu.version_r) lets
the library load while every real version need stays as strict as before.

Usage: weaken_marker_version.py LIBRARY [--check]
  Patches LIBRARY in place when it needs a GLIBCXX version this machine's libstdc++ lacks, and only
  when every symbol bound to that version is the marker. Running it again changes nothing.
  --check then loads LIBRARY (and so libtorch beside it) with dlopen and exits non-zero, with the
  loader's own message, when that fails.
"""
import ctypes
import struct
import sys

VER_FLG_WEAK = 0x2
SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
MARKER_SYMBOLS = {b"_ZSt21ios_base_library_initv"}  # std::ios_base_library_init()


def fail(message):
    print(f"weaken_marker_version: {message}", file=sys.stderr)
    sys.exit(1)


def c_string(data, offset):
    return bytes(data[offset:data.index(b"\0", offset)])


def sections(data):
    """(type, offset, size, link, entsize) per section header of a little-endian ELF64 file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        fail("not a little-endian 64-bit ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    result = []
    for i in range(shnum):
        base = shoff + i * shentsize
        sh_type, = struct.unpack_from("<I", data, base + 4)
        sh_offset, sh_size, sh_link, _info, _align, sh_entsize = struct.unpack_from("<QQIIQQ", data, base + 24)
        result.append((sh_type, sh_offset, sh_size, sh_link, sh_entsize))
    return result


def version_needs(data, table):
    """Yields (file name, version name, version index, offset of vna_flags) for every entry."""
    _type, offset, _size, link, _entsize = table
    strings = sections(data)[link][1]
    need = offset
    while True:
        _version, count, file_name, aux, next_need = struct.unpack_from("<HHIII", data, need)
        entry = need + aux
        for _ in range(count):
            _hash, _flags, other, name, next_aux = struct.unpack_from("<IHHII", data, entry)
            yield c_string(data, strings + file_name), c_string(data, strings + name), other, entry + 4
            entry += next_aux
        if next_need == 0:
            return
        need += next_need


def symbols_with_version(data, all_sections, index):
    """Names of the dynamic symbols whose .gnu.version entry is the given version index."""
    dynsym = next(s for s in all_sections if s[0] == SHT_DYNSYM)
    versym = next(s for s in all_sections if s[0] == SHT_GNU_VERSYM)
    strings = all_sections[dynsym[3]][1]
    names = []
    for i in range(dynsym[2] // dynsym[4]):
        version, = struct.unpack_from("<H", data, versym[1] + 2 * i)
        if version & 0x7FFF == index:
            name, = struct.unpack_from("<I", data, dynsym[1] + i * dynsym[4])
            names.append(c_string(data, strings + name))
    return names


def provided_versions():
    """GLIBCXX_* version names defined by the libstdc++ this process would load."""
    ctypes.CDLL("libstdc++.so.6")
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "/libstdc++" in line}
    provided = set()
    for path in paths:
        with open(path, "rb") as f:
            blob = f.read()
        start = 0
        while (start := blob.find(b"GLIBCXX_3.", start)) >= 0:
            end = blob.index(b"\0", start)
            provided.add(blob[start:end])
            start = end
    return provided


def patch(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    all_sections = sections(data)
    table = next((s for s in all_sections if s[0] == SHT_GNU_VERNEED), None)
    if table is None:
        return "no version needs"
    provided = provided_versions()
    changed = []
    for file_name, name, index, flags_at in version_needs(data, table):
        if file_name != b"libstdc++.so.6" or not name.startswith(b"GLIBCXX_") or name in provided:
            continue
        flags, = struct.unpack_from("<H", data, flags_at)
        if flags & VER_FLG_WEAK:
            continue
        users = set(symbols_with_version(data, all_sections, index))
        if not users <= MARKER_SYMBOLS:
            fail(f"{path} needs {name.decode()} for {sorted(u.decode() for u in users)}, not only the marker; "
                 "this machine's libstdc++ is too old for it (use a newer OS base)")
        struct.pack_into("<H", data, flags_at, flags | VER_FLG_WEAK)
        changed.append(name.decode())
    if not changed:
        return "nothing to weaken"
    with open(path, "r+b") as f:
        f.write(data)
    return "weakened " + ", ".join(changed)


def check(path):
    try:
        ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
    except OSError as e:
        fail(f"{path} does not load: {e}")


def main(argv):
    if not argv or argv[0].startswith("-"):
        fail("usage: weaken_marker_version.py LIBRARY [--check]")
    path = argv[0]
    print(f"weaken_marker_version: {path}: {patch(path)}")
    if "--check" in argv[1:]:
        check(path)
        print(f"weaken_marker_version: {path} loads")


if __name__ == "__main__":
    main(sys.argv[1:])
