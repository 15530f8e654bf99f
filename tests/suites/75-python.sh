#!/usr/bin/env bash
# The Python module (python/oxus.py) over the shared library just built:
# python/test_oxus.py, one line per test.
. tests/lib.sh
need_cmd "the Python module" "${PYTHON:-python3}" || exit 0
LIB=$PWD/$BUILD/liboxus.so.0
need_file "the Python module" "$LIB" || exit 0
sanitizer_preload "$LIB"
OXUS_LIBRARY=$LIB python_tests python test_oxus python
