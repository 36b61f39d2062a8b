// SPDX-License-Identifier: MIT
#pragma once

#include "probe/TlsCard.h"

#include "connection/FactsCard.h"

// The TLS certificate card of the connection tab: the verdict first, in words and colour ("verified",
// "chain OK, hostname mismatch" — what ClearDB's certificates usually give —, "certificate verification
// failed"), then protocol, cipher, subject, issuer and expiry with the days left. Before a probe
// reaches TLS it says so instead of showing empty fields. Display only.
class TlsCardView : public FactsCard
{
    Q_OBJECT
public:
    explicit TlsCardView(QWidget *parent = nullptr);

    void setCard(const TlsCard &card);
    void clear();
    QString verdictText() const;

private:
    QLabel *m_verdict;
    QLabel *m_protocol;
    QLabel *m_cipher;
    QLabel *m_subject;
    QLabel *m_issuer;
    QLabel *m_expiry;
    QLabel *m_errors;
};
