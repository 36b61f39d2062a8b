// SPDX-License-Identifier: MIT
#include "probe/TlsCard.h"

QString TlsCard::stateName() const
{
    switch (state) {
    case State::NotChecked:
        return QStringLiteral("not-checked");
    case State::NotOffered:
        return QStringLiteral("not-offered");
    case State::NotVerified:
        return QStringLiteral("not-verified");
    case State::Verified:
        return QStringLiteral("verified");
    case State::ChainOkHostnameMismatch:
        return QStringLiteral("chain-ok-hostname-mismatch");
    case State::VerificationFailed:
        return QStringLiteral("verification-failed");
    case State::HandshakeFailed:
        return QStringLiteral("handshake-failed");
    }
    return QStringLiteral("unknown");
}

QString TlsCard::stateDescription() const
{
    switch (state) {
    case State::NotChecked:
        return QStringLiteral("TLS not checked");
    case State::NotOffered:
        return QStringLiteral("not encrypted: the server does not offer TLS");
    case State::NotVerified:
        return QStringLiteral("encrypted, not verified (no CA file given)");
    case State::Verified:
        return QStringLiteral("verified");
    case State::ChainOkHostnameMismatch:
        return QStringLiteral("chain OK, hostname mismatch");
    case State::VerificationFailed:
        return QStringLiteral("certificate verification failed");
    case State::HandshakeFailed:
        return QStringLiteral("TLS handshake failed");
    }
    return QString();
}

TlsCard::State TlsCard::classify(const QList<QSslError> &errors, bool caGiven)
{
    if (!caGiven)
        return errors.isEmpty() ? State::Verified : State::NotVerified;
    bool hostnameMismatch = false;
    for (const QSslError &error : errors) {
        if (error.error() == QSslError::HostNameMismatch)
            hostnameMismatch = true;
        else
            return State::VerificationFailed;
    }
    return hostnameMismatch ? State::ChainOkHostnameMismatch : State::Verified;
}

void TlsCard::setCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return;
    subject = certificate.subjectDisplayName();
    issuer = certificate.issuerDisplayName();
    notAfter = certificate.expiryDate();
    subjectAltNames.clear();
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        subjectAltNames << it.value();
}
