// SPDX-License-Identifier: MIT
#pragma once

#include "session/ConsoleConnection.h"

#include <QObject>

class AppCatalog;
class HerokuClient;
class QNetworkAccessManager;

// Everything the console holds for one signed-in account (or the sandbox): the connection it was
// opened with (endpoint, token as a Secret, where the token came from), the HerokuClient that carries
// its API calls and the AppCatalog built on that client. Views and dialogs borrow the client and the
// catalog; the session owns them, so they live exactly as long as it does.
//
//     auto *session = new ConsoleSession(network, connection, window);
//     session->catalog()->refresh();
//     ...
//     session->retire();   // signing in again: its dialogs close, it deletes itself later
//
// Replacing a session must never delete the client under a reply being delivered or a dialog still
// sending through it, so a session is never deleted directly: retire() emits retiring() (dialogs bound
// to it close), cuts the catalog and the client off from every receiver (a late answer of the old
// account reaches no view of the new one), cancels the catalog's reads and deletes the session from
// the event loop (deleteLater()). Whoever keeps a session beyond a call holds it in a QPointer.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    ConsoleSession(QNetworkAccessManager *network, const ConsoleConnection &connection,
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    HerokuClient *client() const { return m_client; }
    AppCatalog *catalog() const { return m_catalog; }
    const ConsoleConnection &connection() const { return m_connection; }
    bool isSandbox() const { return m_connection.sandbox; }
    bool isRetired() const { return m_retired; }

    // Ends the session (once; later calls do nothing). See the class comment for the order.
    void retire();

Q_SIGNALS:
    // retire() began: everything bound to this account closes or lets go of it now.
    void retiring();

private:
    ConsoleConnection m_connection;
    HerokuClient *m_client;
    AppCatalog *m_catalog;
    bool m_retired = false;
};
