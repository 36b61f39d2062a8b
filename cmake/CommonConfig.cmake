# SPDX-License-Identifier: MIT
# Compile settings every target of ours shares, as one INTERFACE target so that
# nothing leaks into third-party code through global flags.
add_library(cleardb_common INTERFACE)
add_library(ClearDB::common ALIAS cleardb_common)

target_compile_options(cleardb_common INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wold-style-cast -Wnon-virtual-dtor>)
target_compile_definitions(cleardb_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    CLEARDB_VERSION="${PROJECT_VERSION}"
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG_OUTPUT>)

# core must stay GUI-free: cleardbctl and heroku-sim run on headless servers.
function(cleardb_assert_no_gui target)
    get_target_property(_libs ${target} LINK_LIBRARIES)
    foreach(_lib IN LISTS _libs)
        if(_lib MATCHES "Qt6?::(Gui|Widgets|Svg|OpenGL)")
            message(FATAL_ERROR "${target} links ${_lib}; core must link only Qt Core, Network, Sql and QtKeychain")
        endif()
    endforeach()
endfunction()

# Programs and tests link with LLVM's lld where the compiler can use it: each test executable links core
# and sim with their debug info, and lld does that in a third of GNU ld's CPU time (heroku-sim: 1.0 s
# against 3.1 s), over a hundred times per build. Same build ID, PIE and RELRO; -DCLEARDB_USE_LLD=OFF
# links with the default linker.
option(CLEARDB_USE_LLD "Link with lld when the compiler supports -fuse-ld=lld" ON)
if(CLEARDB_USE_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX -fuse-ld=lld CLEARDB_HAVE_LLD)
    if(CLEARDB_HAVE_LLD)
        target_link_options(cleardb_common INTERFACE -fuse-ld=lld)
    endif()
endif()
