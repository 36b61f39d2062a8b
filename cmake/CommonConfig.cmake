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
