# SPDX-License-Identifier: MIT
# Precompiled Qt and standard headers, built once per build tree and reused by every target of ours.
# Most of a translation unit's compile time here is parsing the Qt headers it includes; a clean build
# (CI has no warm compiler cache) parsed them again for each of its several hundred files.
#
# Two donors, because core must stay GUI-free: cleardb_pch_core (QtCore, QtNetwork, std) for core/, sim/,
# cleardbctl, heroku-sim and the tests of those; cleardb_pch_gui (the same plus QtGui/QtWidgets) for ui/,
# the console and the GUI tests. Each target reuses a donor's .gch (REUSE_FROM) instead of making its own,
# so each set of headers is parsed once. GCC uses a .gch only when the macros it tests are defined as
# when it was made; QtTest's headers test per-directory macros (QT_TESTCASE_BUILDDIR), so QtTest is
# not in it, and everything else our targets define is the same in one build tree (cleardb_common) or
# never tested by these headers. CMake passes -Winvalid-pch: a .gch GCC refuses is a warning, not a
# silent slowdown. Precompiled headers can hide an include a file forgets; turn them off to find one:
#   cmake -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON ...
set(CLEARDB_PCH_CORE_HEADERS
    <algorithm> <functional> <memory> <optional> <utility>
    <QByteArray> <QCommandLineParser> <QCoreApplication> <QDateTime> <QDeadlineTimer> <QDir>
    <QElapsedTimer> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
    <QList> <QMap> <QMetaType> <QObject> <QPointer> <QProcess> <QProcessEnvironment> <QRegularExpression>
    <QSet> <QStandardPaths> <QString> <QStringList> <QTemporaryDir> <QTimer> <QUrl> <QUuid>
    <QHostAddress> <QNetworkAccessManager> <QNetworkReply> <QTcpServer> <QTcpSocket>)
set(CLEARDB_PCH_GUI_HEADERS
    <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox> <QFormLayout>
    <QGuiApplication> <QHBoxLayout> <QHeaderView> <QIcon> <QLabel> <QLineEdit> <QMenu> <QPushButton>
    <QSplitter> <QStackedWidget> <QTabWidget> <QToolButton> <QTreeView> <QVBoxLayout> <QWidget>)

# An OBJECT library needs a source of its own; the .gch is what the other targets use.
file(WRITE ${CMAKE_BINARY_DIR}/cleardb_pch_donor.cpp "// Generated: the precompiled headers' donor.\n")

add_library(cleardb_pch_core OBJECT ${CMAKE_BINARY_DIR}/cleardb_pch_donor.cpp)
target_link_libraries(cleardb_pch_core PRIVATE ClearDB::common Qt6::Core Qt6::Network)
target_precompile_headers(cleardb_pch_core PRIVATE ${CLEARDB_PCH_CORE_HEADERS})

if(TARGET Qt6::Widgets)
    add_library(cleardb_pch_gui OBJECT ${CMAKE_BINARY_DIR}/cleardb_pch_donor.cpp)
    target_link_libraries(cleardb_pch_gui PRIVATE ClearDB::common Qt6::Core Qt6::Network Qt6::Widgets)
    target_precompile_headers(cleardb_pch_gui PRIVATE ${CLEARDB_PCH_CORE_HEADERS} ${CLEARDB_PCH_GUI_HEADERS})
endif()

# cleardb_precompiled_headers(<target> CORE|GUI|OWN): <target> compiles with that donor's headers, or
# (OWN) makes its own .gch of the core set: for a target whose flags differ from the donor's in a way
# GCC checks, such as cleardb_core's -pthread from libsecret's pkg-config (it defines _REENTRANT).
function(cleardb_precompiled_headers target kind)
    if(kind STREQUAL "OWN")
        target_precompile_headers(${target} PRIVATE ${CLEARDB_PCH_CORE_HEADERS})
    elseif(kind STREQUAL "GUI" AND TARGET cleardb_pch_gui)
        target_precompile_headers(${target} REUSE_FROM cleardb_pch_gui)
    else()
        target_precompile_headers(${target} REUSE_FROM cleardb_pch_core)
    endif()
endfunction()
