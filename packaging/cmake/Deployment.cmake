# SPDX-License-Identifier: MIT
# Windows and macOS: the console's executable metadata and icon, and Qt's deployment step, which copies
# the Qt libraries and plugins next to the programs at install time (windeployqt / macdeployqt) so
# the NSIS installer and the DMG run on a machine without Qt. Linux packages use the distribution's
# Qt instead, so nothing here runs there.

if(WIN32 AND TARGET cleardb-console)
    # A GUI program (no console window) whose .exe carries the icon and version Explorer shows.
    set_target_properties(cleardb-console PROPERTIES WIN32_EXECUTABLE ON)
    string(REPLACE "." "," CLEARDB_VERSION_COMMAS "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${PROJECT_VERSION_PATCH}.0")
    file(TO_NATIVE_PATH "${CLEARDB_ICON_DIR}/cleardb-console.ico" CLEARDB_ICO_NATIVE)
    string(REPLACE "\\" "\\\\" CLEARDB_ICO_NATIVE "${CLEARDB_ICO_NATIVE}")
    configure_file(windows/cleardb-console.rc.in ${CMAKE_CURRENT_BINARY_DIR}/cleardb-console.rc @ONLY)
    target_sources(cleardb-console PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/cleardb-console.rc)
endif()

if(APPLE AND TARGET cleardb-console)
    # Bundle metadata for packaging/macos/Info.plist.in; the console's install() needs
    # BUNDLE DESTINATION . for the .app to land at the top of the DMG.
    get_target_property(_is_bundle cleardb-console MACOSX_BUNDLE)
    if(NOT _is_bundle)
        message(WARNING "cleardb-console is not a MACOSX_BUNDLE; the DMG will hold a bare executable. "
                        "Set MACOSX_BUNDLE ON and install it with BUNDLE DESTINATION . in app/console.")
    endif()
    set(_icns ${CLEARDB_ICON_DIR}/cleardb-console.icns)
    set_source_files_properties(${_icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    target_sources(cleardb-console PRIVATE ${_icns})
    set_target_properties(cleardb-console PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_BUNDLE_NAME "${CLEARDB_APP_NAME}"
        MACOSX_BUNDLE_GUI_IDENTIFIER ${CLEARDB_BUNDLE_ID}
        MACOSX_BUNDLE_ICON_FILE cleardb-console.icns
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_COPYRIGHT "Copyright 2026 The ClearDB Console developers. MIT License.")
endif()

if((WIN32 OR APPLE) AND TARGET cleardb-console)
    # Qt 6.4 (Debian 12's) takes FILENAME_VARIABLE; 6.5 renamed it OUTPUT_SCRIPT. Both generate a
    # script that runs at install time, after the programs are installed (this folder comes last).
    if(Qt6_VERSION VERSION_LESS 6.5)
        qt_generate_deploy_app_script(TARGET cleardb-console FILENAME_VARIABLE _deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET cleardb-console OUTPUT_SCRIPT _deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${_deploy_script})
    # windeployqt copies Qt's DLLs only; QtKeychain's DLL goes beside the programs by hand.
    # (macdeployqt already follows every dylib the bundle links.)
    if(WIN32 AND TARGET qt6keychain)
        install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endif()
