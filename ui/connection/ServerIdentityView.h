// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"

#include "connection/FactsCard.h"

// "Which server did I reach?": the answer of the probe's first query (SELECT @@server_id, @@hostname,
// @@version, @@read_only) plus the connection id from the greeting. Behind ClearDB's routed URL the
// server id tells the two masters apart, so this is how a user sees a failover. Display only.
class ServerIdentityView : public FactsCard
{
    Q_OBJECT
public:
    explicit ServerIdentityView(QWidget *parent = nullptr);

    void setIdentity(const ServerIdentity &identity);
    void clear();

private:
    QLabel *m_serverId;
    QLabel *m_hostname;
    QLabel *m_version;
    QLabel *m_readOnly;
    QLabel *m_connectionId;
};
