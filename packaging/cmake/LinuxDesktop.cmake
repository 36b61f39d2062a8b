# SPDX-License-Identifier: MIT
# freedesktop integration, man pages, completion and the Debian doc files, installed by
# `cmake --install` (and so into every Linux package). Paths follow GNUInstallDirs, so a
# /usr/local install works as well as the packages' /usr.

set(_gen ${CMAKE_CURRENT_BINARY_DIR})
set(_docdir ${CMAKE_INSTALL_DATADIR}/doc/${CLEARDB_PACKAGE_NAME})

# gzip -n leaves out the name and time stamp, so the compressed pages are reproducible (and lintian's
# package-contains-timestamped-gzip stays quiet); -9 because Debian policy asks for maximum compression.
find_program(CLEARDB_GZIP gzip REQUIRED)
function(cleardb_gzip source output)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CLEARDB_GZIP} -9 -n -c ${source} > ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${output}"
        VERBATIM)
endfunction()

# Man pages: one per program this build has.
set(_compressed)
foreach(program IN LISTS CLEARDB_PROGRAMS)
    configure_file(man/${program}.1.in ${_gen}/${program}.1 @ONLY)
    cleardb_gzip(${_gen}/${program}.1 ${_gen}/${program}.1.gz)
    list(APPEND _compressed ${_gen}/${program}.1.gz)
    install(FILES ${_gen}/${program}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()

# Debian wants the package's changelog as changelog.gz (a native package: its version has no
# Debian revision) and a machine-readable copyright file carrying the license text.
include(cmake/DebianDate.cmake)
cleardb_debian_date(${CLEARDB_RELEASE_DATE} CLEARDB_RELEASE_DATE_RFC2822)
configure_file(debian/changelog.in ${_gen}/changelog @ONLY)
cleardb_gzip(${_gen}/changelog ${_gen}/changelog.gz)
list(APPEND _compressed ${_gen}/changelog.gz)

# The Expat (MIT) grant from LICENSE: from its first sentence up to the third-party notes, if any.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE _license)
string(FIND "${_license}" "Permission is hereby granted" _begin)
if(_begin LESS 0)
    message(FATAL_ERROR "LICENSE has no MIT grant (\"Permission is hereby granted\"); packaging/debian/copyright needs it")
endif()
string(SUBSTRING "${_license}" ${_begin} -1 _license)
string(FIND "${_license}" "\nThird-party" _end)
if(_end GREATER 0)
    string(SUBSTRING "${_license}" 0 ${_end} _license)
endif()
string(STRIP "${_license}" _license)
# copyright-format 1.0: continuation lines start with a space, an empty line is " .".
string(REGEX REPLACE "\n\n" "\n.\n" _license "${_license}")
string(REGEX REPLACE "\n\n" "\n.\n" _license "${_license}")
string(REPLACE "\n" "\n " CLEARDB_LICENSE_TEXT " ${_license}")
configure_file(debian/copyright.in ${_gen}/copyright @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)

add_custom_target(cleardb_packaging_docs ALL DEPENDS ${_compressed})

install(FILES ${_gen}/changelog.gz ${_gen}/copyright DESTINATION ${_docdir})
install(FILES debian/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME ${CLEARDB_PACKAGE_NAME})

if(TARGET cleardbctl)
    install(FILES completion/cleardbctl.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
            RENAME cleardbctl)
endif()

# The sandbox cluster script that `cleardbctl sandbox`, heroku-sim and the console run: installed
# programs look for it at <bindir>/../share/cleardb-console/sandbox/cluster.sh
# (SandboxCluster::locateScript()).
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/sandbox/cluster.sh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/${CLEARDB_PACKAGE_NAME}/sandbox)

if(TARGET cleardb-console)
    install(FILES linux/cleardb-console.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(linux/${CLEARDB_APPSTREAM_ID}.metainfo.xml.in ${_gen}/${CLEARDB_APPSTREAM_ID}.metainfo.xml @ONLY)
    install(FILES ${_gen}/${CLEARDB_APPSTREAM_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

    install(FILES ${CLEARDB_ICON_DIR}/cleardb-console.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 22 24 32 48 64 128 256 512)
        install(FILES ${CLEARDB_ICON_DIR}/png/cleardb-console-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME cleardb-console.png)
    endforeach()
endif()
