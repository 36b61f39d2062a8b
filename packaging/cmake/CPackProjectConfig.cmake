# SPDX-License-Identifier: MIT
# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), at packaging time.

if(CPACK_GENERATOR STREQUAL "RPM")
    # CMake's RPM generator (3.25 and earlier) tests weak-dependency support by running
    # ${RPM_EXECUTABLE} but never sets that variable, so it silently drops Suggests. Point it at rpm.
    find_program(RPM_EXECUTABLE rpm)
endif()
