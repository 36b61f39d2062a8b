# SPDX-License-Identifier: MIT
# CPack: one description of the package, read by every generator. The generator list defaults to the
# platform's native formats; -DCPACK_GENERATOR=... (or `cpack -G ...`) picks others.

if(NOT DEFINED CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR NSIS ZIP)
    elseif(APPLE)
        set(CPACK_GENERATOR DragNDrop)
    else()
        set(CPACK_GENERATOR DEB RPM TGZ)
    endif()
endif()

# Values are written to CPackConfig.cmake as they are (backslashes in NSIS paths included).
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_NAME ${CLEARDB_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "The ClearDB Console developers")
set(CPACK_PACKAGE_CONTACT "${CLEARDB_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "A desktop console and a command-line tool for people who run MySQL databases
from the ClearDB add-on on Heroku: list apps and add-ons, provision, upgrade
and remove databases, edit config vars, print framework connection settings,
and probe and monitor the databases, including failover of the routed endpoint.
Includes heroku-sim, a local Heroku Platform API simulator for offline work.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${CLEARDB_APP_NAME}")
# Start-menu (NSIS) entry: executable name without extension, then the shortcut's label.
set(CPACK_PACKAGE_EXECUTABLES cleardb-console "${CLEARDB_APP_NAME}")
# RelWithDebInfo builds carry debug info; packages ship stripped programs (lintian, size).
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# --- Debian -------------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME ${CLEARDB_PACKAGE_NAME})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CLEARDB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# dpkg-shlibdeps finds the libraries the programs link (Qt, QtKeychain, MariaDB Connector/C, libc);
# Connector/C's authentication plugins ship in the library's own package (libmariadb3).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(TARGET cleardb-console)
    # The console's icons are SVG, drawn by the SVG icon engine plugin; --as-needed drops the link to
    # libQt6Svg, so shlibdeps cannot see this one.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
endif()
# QtKeychain loads libsecret with dlopen (its package only recommends it): without it every keychain
# job fails and the token can only live in ~/.netrc, even on a desktop with a keyring.
string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libsecret-1-0")
# The sandbox cluster runs MariaDB and HAProxy (and openssl for its TLS CA); everything else works
# without them, so they are recommended, not required. qt6-wayland gives the console a native
# Wayland window (it falls back to XWayland without it).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "mariadb-server, haproxy, openssl")
if(TARGET cleardb-console)
    string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", qt6-wayland")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# --- RPM ----------------------------------------------------------------------------------------
set(CPACK_RPM_PACKAGE_NAME ${CLEARDB_PACKAGE_NAME})
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE MIT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/Databases")
set(CPACK_RPM_PACKAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# rpm's automatic requirements cover the linked libraries (Connector/C included).
if(TARGET cleardb-console)
    set(CPACK_RPM_PACKAGE_REQUIRES "(qt6-qtsvg or libQt6Svg6)")
endif()
string(APPEND CPACK_RPM_PACKAGE_REQUIRES ", libsecret")
set(CPACK_RPM_PACKAGE_SUGGESTS "mariadb-server, haproxy")
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_SOURCE_DIR}/cmake/CPackProjectConfig.cmake)
# Directories the filesystem package owns must not be claimed by ours.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications
    /usr/share/bash-completion
    /usr/share/bash-completion/completions
    /usr/share/doc
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps
    /usr/share/lintian
    /usr/share/lintian/overrides
    /usr/share/man
    /usr/share/man/man1
    /usr/share/metainfo)
foreach(size 16 22 24 32 48 64 128 256 512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
# Build ids would add /usr/lib/.build-id links that clash between packages built on other hosts.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")

# --- Windows: NSIS --------------------------------------------------------------------------------
set(CPACK_NSIS_PACKAGE_NAME "${CLEARDB_APP_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${CLEARDB_APP_NAME} ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${CLEARDB_ICON_DIR}/cleardb-console.ico)
set(CPACK_NSIS_MUI_UNIICON ${CLEARDB_ICON_DIR}/cleardb-console.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\cleardb-console.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN cleardb-console.exe)
# Uninstaller: registered in "Apps & features", linked in the start menu, and run first when a
# newer version is installed over an older one.
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall ${CLEARDB_APP_NAME}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${CLEARDB_APP_NAME}")
# cleardbctl and heroku-sim are command-line programs: offer to put bin\ on PATH.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_HELP_LINK ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_CONTACT "${CLEARDB_MAINTAINER}")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_BRANDING_TEXT "${CLEARDB_APP_NAME} ${PROJECT_VERSION}")

# --- macOS: DragNDrop ---------------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "${CLEARDB_APP_NAME}")
set(CPACK_DMG_FORMAT UDBZ)
# The DMG's volume icon; the bundle's own icon is set in Deployment.cmake.
set(CPACK_PACKAGE_ICON ${CLEARDB_ICON_DIR}/cleardb-console.icns)

include(CPack)
