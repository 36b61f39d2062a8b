// SPDX-License-Identifier: MIT
#include "connection/ServerIdentityView.h"

#include "probe/MySqlHandshake.h"

#include <QLabel>

ServerIdentityView::ServerIdentityView(QWidget *parent)
    : FactsCard(tr("Server reached"), QStringLiteral("serverIdentity"), parent)
{
    m_serverId = addRow(QStringLiteral("serverId"), tr("Server id"));
    m_hostname = addRow(QStringLiteral("serverHostname"), tr("Host name"));
    m_version = addRow(QStringLiteral("serverVersion"), tr("Version"));
    m_readOnly = addRow(QStringLiteral("serverReadOnly"), tr("Read only"));
    m_connectionId = addRow(QStringLiteral("serverConnectionId"), tr("Connection id"));
    clear();
}

void ServerIdentityView::clear()
{
    setIdentity(ServerIdentity());
}

void ServerIdentityView::setIdentity(const ServerIdentity &identity)
{
    const QString none = tr("—");
    if (!identity.answered) {
        m_serverId->setText(tr("Not known yet"));
        m_serverId->setToolTip(
            tr("The probe's first query (SELECT @@server_id) tells which server answered."));
        m_hostname->setText(none);
        // The greeting alone already names the server's version.
        m_version->setText(identity.greetingVersion.isEmpty()
                               ? none
                               : MySqlHandshake::displayVersion(identity.greetingVersion));
        m_readOnly->setText(none);
    } else {
        m_serverId->setText(QString::number(identity.serverId));
        m_serverId->setToolTip(QString());
        m_hostname->setText(identity.hostname);
        m_version->setText(identity.version);
        m_readOnly->setText(identity.readOnly ? tr("yes — this server refuses writes") : tr("no"));
    }
    m_connectionId->setText(identity.connectionId == 0 ? none : QString::number(identity.connectionId));
}
