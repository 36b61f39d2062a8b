// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <QTcpServer>
#include <QTest>
#include <QWidget>

// Small helpers the GUI tests share.
namespace UiTest {
// The widget named `name` (its objectName) under `parent`; a missing one ends the
// test run at once with the name, instead of a null dereference later.
template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

// A loopback port nothing listens on: bound by the OS, then released.
inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot bind a loopback port");
    const quint16 port = server.serverPort();
    server.close();
    return port;
}
// The visible dialog of type Dialog under `parent`, waiting up to 5 s for it to
// open (dialogs here use open(), not exec()); nullptr when none appeared.
template <typename Dialog> Dialog *openedDialog(QWidget *parent)
{
    Dialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = parent->findChild<Dialog *>()) && dialog->isVisible(); }, 5000);
    return shown ? dialog : nullptr;
}
} // namespace UiTest
