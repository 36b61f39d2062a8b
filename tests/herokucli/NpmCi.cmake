# SPDX-License-Identifier: MIT
# Installs the pinned Heroku CLI into the build tree: cmake -DNPM=… -DSOURCE_DIR=… -DINSTALL_DIR=… -P NpmCi.cmake
# `npm ci` installs exactly package-lock.json (no resolution, fails if package.json disagrees with it).
# A stamp holding the lock file's hash skips the download when nothing changed, so repeated
# ctest runs stay offline after the first.
foreach(var NPM SOURCE_DIR INSTALL_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "NpmCi.cmake needs -D${var}=…")
    endif()
endforeach()

file(SHA256 "${SOURCE_DIR}/package-lock.json" lock_hash)
set(stamp "${INSTALL_DIR}/npm-ci.stamp")
if(EXISTS "${stamp}" AND EXISTS "${INSTALL_DIR}/node_modules/.bin/heroku")
    file(READ "${stamp}" installed_hash)
    if(installed_hash STREQUAL lock_hash)
        message(STATUS "Heroku CLI already installed in ${INSTALL_DIR}")
        return()
    endif()
endif()

file(MAKE_DIRECTORY "${INSTALL_DIR}")
configure_file("${SOURCE_DIR}/package.json" "${INSTALL_DIR}/package.json" COPYONLY)
configure_file("${SOURCE_DIR}/package-lock.json" "${INSTALL_DIR}/package-lock.json" COPYONLY)
file(REMOVE "${stamp}")
execute_process(
    COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
    WORKING_DIRECTORY "${INSTALL_DIR}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${result}) in ${INSTALL_DIR}: check that the npm registry is reachable "
                        "(npm config get registry) and that node is >= 20")
endif()
file(WRITE "${stamp}" "${lock_hash}")
message(STATUS "Heroku CLI installed in ${INSTALL_DIR}")
