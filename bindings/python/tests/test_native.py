"""The ctypes side: Structures laid out as the header lays them out, and loading the library."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest
from typing import Any, Callable, Dict, List, Optional

import guidelint
from guidelint import LibraryError, _native

# The structures and fields to compare with the compiler's layout.
STRUCTS = {
    "guidelint_string": _native.String,
    "guidelint_summary": _native.SummaryStruct,
    "guidelint_lint_options": _native.LintOptions,
    "guidelint_diagnostic": _native.DiagnosticStruct,
}


def find_compiler() -> Optional[str]:
    given = os.environ.get("GUIDELINT_CXX")
    if given:
        return given
    for name in ("c++", "g++", "clang++"):
        found = shutil.which(name)
        if found:
            return found
    return None


def find_include_dir() -> Optional[str]:
    given = os.environ.get("GUIDELINT_INCLUDE_DIR")
    if given:
        return given
    # From a checkout: bindings/python/tests → include/
    here = os.path.dirname(os.path.abspath(__file__))
    checkout = os.path.normpath(os.path.join(here, "..", "..", "..", "include"))
    if os.path.exists(os.path.join(checkout, "guidelint", "guidelint.h")):
        return checkout
    return None


class Layout(unittest.TestCase):
    def test_structures_match_the_header(self) -> None:
        compiler, include = find_compiler(), find_include_dir()
        if not compiler or not include:
            self.skipTest("needs a C++ compiler and guidelint.h (GUIDELINT_CXX, GUIDELINT_INCLUDE_DIR)")
        lines = []
        for cname, struct in STRUCTS.items():
            lines.append(f'  std::printf("{cname} size %zu\\n", sizeof({cname}));')
            for field, *_ in struct._fields_:
                lines.append(
                    f'  std::printf("{cname} {field} %zu\\n", offsetof({cname}, {field}));'
                )
        lines.append(
            '  std::printf("enum size %zu\\n", sizeof(guidelint_severity));'
        )
        program = textwrap.dedent(
            """\
            #include <cstddef>
            #include <cstdio>
            #include "guidelint/guidelint.h"
            int main() {
            %s
              return 0;
            }
            """
        ) % "\n".join(lines)
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "layout.cpp")
            binary = os.path.join(folder, "layout")
            with open(source, "w", encoding="utf-8") as f:
                f.write(program)
            subprocess.run([compiler, "-I", include, source, "-o", binary], check=True)
            output = subprocess.run([binary], check=True, capture_output=True, text=True).stdout
        seen: Dict[str, int] = {}
        for line in output.splitlines():
            name, field, value = line.split()
            seen[f"{name}.{field}"] = int(value)
        self.assertEqual(seen["enum.size"], ctypes.sizeof(ctypes.c_int))
        for cname, struct in STRUCTS.items():
            self.assertEqual(seen[f"{cname}.size"], ctypes.sizeof(struct), cname)
            for field, *_ in struct._fields_:
                self.assertEqual(
                    seen[f"{cname}.{field}"], getattr(struct, field).offset, f"{cname}.{field}"
                )


def run_python(code: str, env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(guidelint.__file__)))
    full = dict(os.environ)
    full.update(env)
    full["PYTHONPATH"] = package_root + os.pathsep + full.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=120
    )


def without_library(**env: str) -> Dict[str, str]:
    """This environment less GUIDELINT_LIBRARY, plus env."""
    full = {k: v for k, v in os.environ.items() if k != "GUIDELINT_LIBRARY"}
    full.update(env)
    full["PYTHONDONTWRITEBYTECODE"] = "1"
    return full


class Loading(unittest.TestCase):
    def test_a_wrong_path_in_the_environment_is_a_clear_error(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            missing = os.path.join(folder, "libguidelint.so.0")
            done = run_python(
                textwrap.dedent(
                    """\
                    import guidelint  # loads nothing yet
                    try:
                        guidelint.Engine()
                    except guidelint.LibraryError as e:
                        print("LibraryError:", e)
                    """
                ),
                {"GUIDELINT_LIBRARY": missing},
            )
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("LibraryError:", done.stdout)
        self.assertIn("GUIDELINT_LIBRARY", done.stdout)
        self.assertIn(missing, done.stdout)

    def test_the_library_in_the_environment_is_the_one_loaded(self) -> None:
        expected = os.environ.get("GUIDELINT_LIBRARY")
        if not expected:
            self.skipTest("GUIDELINT_LIBRARY is not set")
        done = run_python("import guidelint; print(guidelint.library_path())", {})
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), expected)

    def test_next_to_the_package_then_on_the_system_path(self) -> None:
        if not sys.platform.startswith("linux"):
            self.skipTest("library names of Linux")
        library = guidelint.library_path()
        package = os.path.dirname(os.path.abspath(guidelint.__file__))
        code = "import guidelint; print(guidelint.library_path(), guidelint.library_version())"
        with tempfile.TemporaryDirectory() as folder:
            # Next to the package: a copy of the package with the library in it.
            site = os.path.join(folder, "site")
            shutil.copytree(package, os.path.join(site, "guidelint"))
            beside = os.path.join(site, "guidelint", "libguidelint.so.0")
            shutil.copyfile(library, beside)
            done = subprocess.run(
                [sys.executable, "-c", code],
                env=without_library(PYTHONPATH=site),
                capture_output=True, text=True, timeout=120,
            )
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(done.stdout.split()[0], beside)
            # On the system path (here LD_LIBRARY_PATH), found by its SONAME.
            system = os.path.join(folder, "system")
            os.mkdir(system)
            shutil.copyfile(library, os.path.join(system, "libguidelint.so.0"))
            os.remove(beside)
            done = subprocess.run(
                [sys.executable, "-c", code],
                env=without_library(PYTHONPATH=site, LD_LIBRARY_PATH=system),
                capture_output=True, text=True, timeout=120,
            )
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(done.stdout.split()[0], "libguidelint.so.0")
            self.assertEqual(done.stdout.split()[1], guidelint.library_version())

    def test_load_library_from_a_path(self) -> None:
        path = guidelint.library_path()
        guidelint.load_library(path)
        self.assertEqual(guidelint.library_path(), path)
        with self.assertRaises(LibraryError):
            guidelint.load_library(os.path.join(tempfile.gettempdir(), "no-such-libguidelint.so"))
        self.assertEqual(guidelint.library_path(), path)  # the one loaded stays


class FakeFunction:
    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.restype: Any = None
        self.argtypes: List[Any] = []

    def __call__(self) -> Any:
        return self.fn()


class FakeLibrary:
    """Stands in for a CDLL: only what Library reads before the ABI check."""

    def __init__(self, abi: Optional[int]) -> None:
        if abi is not None:
            self.guidelint_abi_version = FakeFunction(lambda: abi)


class AbiCheck(unittest.TestCase):
    def test_another_abi_is_refused_with_a_clear_error(self) -> None:
        with self.assertRaises(LibraryError) as caught:
            _native.Library(FakeLibrary(2), "libguidelint.so.2")  # type: ignore[arg-type]
        message = str(caught.exception)
        self.assertIn("ABI version 2", message)
        self.assertIn("ABI version 1", message)
        self.assertIn("libguidelint.so.2", message)

    def test_a_library_that_is_not_guidelint(self) -> None:
        with self.assertRaises(LibraryError) as caught:
            _native.Library(FakeLibrary(None), "libc.so.6")  # type: ignore[arg-type]
        self.assertIn("not libguidelint", str(caught.exception))

    def test_the_loaded_library_has_the_abi(self) -> None:
        lib = _native.load()
        self.assertEqual(lib.abi_version, guidelint.ABI_VERSION)
        for name, (restype, argtypes) in _native._FUNCTIONS.items():
            fn = getattr(lib.cdll, name)
            self.assertEqual(fn.argtypes, argtypes, name)
            self.assertEqual(fn.restype, restype, name)


if __name__ == "__main__":
    unittest.main()
