// SPDX-License-Identifier: MIT
#include "session/ConsoleSession.h"

#include "heroku/HerokuClient.h"
#include "session/AppCatalog.h"

ConsoleSession::ConsoleSession(QNetworkAccessManager *network, const ConsoleConnection &connection,
                               QObject *parent)
    : QObject(parent), m_connection(connection),
      m_client(new HerokuClient(network, connection.endpoint, this)),
      m_catalog(new AppCatalog(m_client, this))
{
    m_client->setToken(connection.token.reveal());
}

// The catalog goes before the client it was built on (children are deleted in creation order otherwise).
ConsoleSession::~ConsoleSession()
{
    delete m_catalog;
}

void ConsoleSession::retire()
{
    if (m_retired)
        return;
    m_retired = true;
    Q_EMIT retiring();
    // From here on nothing this account answers may reach a view: the window and its actions are
    // already bound to the next session, or about to be.
    m_catalog->disconnect();
    m_client->disconnect();
    m_catalog->cancel();
    deleteLater();
}
