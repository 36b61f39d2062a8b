# SPDX-License-Identifier: MIT
# Sourced by build.sh and sanitize.sh: compile through ccache when it is installed, so running the test
# command again, in this checkout or a fresh clone elsewhere, recompiles only what changed. Paths are
# hashed relative to the checkout (CCACHE_BASEDIR), so where the clone lives does not matter.
# Sets the array `compiler_cache` to the cmake arguments to add; empty without ccache.
compiler_cache=()
if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
    # Every file is compiled with a precompiled header (cmake/PrecompiledHeaders.cmake); ccache caches
    # such a compile only when it may trust the .gch for the macros and times it cannot see.
    export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
    compiler_cache=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
