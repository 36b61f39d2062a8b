// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

// What the TLS stage found out about the connection that logged in: protocol, cipher, the server
// certificate and how it verified. Without a CA file the connection is encrypted but not verified. ClearDB's
// server certificates reportedly chain to its CA but name another host, so "chain OK, hostname mismatch" is
// its own state instead of a generic failure.
struct TlsCard
{
    enum class State
    {
        NotChecked,              // the probe did not get as far as TLS
        NotOffered,              // the server's greeting has no CLIENT_SSL: the login is not encrypted
        NotVerified,             // TLS works; no CA was given, so the chain was not checked
        Verified,                // chain and host name verify against the given CA
        ChainOkHostnameMismatch, // chain verifies, the certificate names another host
        VerificationFailed,      // chain does not verify (unknown CA, expired, ...)
        HandshakeFailed,         // TLS did not come up
    };

    State state = State::NotChecked;
    QString protocol;
    QString cipher;
    QString subject;
    QString issuer;
    QStringList subjectAltNames;
    QDateTime notAfter;
    QStringList verificationErrors;

    bool established() const
    {
        return state == State::NotVerified || state == State::Verified ||
               state == State::ChainOkHostnameMismatch || state == State::VerificationFailed;
    }
    QString stateName() const;
    // "chain OK, hostname mismatch", "verified", ... for people.
    QString stateDescription() const;

    // Classifies the errors a TLS handshake reported. `caGiven` says whether the user supplied a CA.
    static State classify(const QList<QSslError> &errors, bool caGiven);
    void setCertificate(const QSslCertificate &certificate);
};
