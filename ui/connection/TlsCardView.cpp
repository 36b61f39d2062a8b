// SPDX-License-Identifier: MIT
#include "connection/TlsCardView.h"

#include <QDateTime>
#include <QLabel>

namespace {
QString colorFor(TlsCard::State state)
{
    switch (state) {
    case TlsCard::State::Verified:
        return QStringLiteral("#27ae60");
    case TlsCard::State::ChainOkHostnameMismatch:
    case TlsCard::State::NotVerified:
    case TlsCard::State::NotOffered:
        return QStringLiteral("#f67400");
    case TlsCard::State::VerificationFailed:
    case TlsCard::State::HandshakeFailed:
        return QStringLiteral("#da4453");
    case TlsCard::State::NotChecked:
        break;
    }
    return QString();
}
} // namespace

TlsCardView::TlsCardView(QWidget *parent)
    : FactsCard(tr("TLS certificate"), QStringLiteral("tlsCard"), parent)
{
    m_verdict = addRow(QStringLiteral("tlsVerdict"), tr("Verdict"), Wrap::Yes);
    m_protocol = addRow(QStringLiteral("tlsProtocol"), tr("Protocol"), Wrap::Yes);
    m_cipher = addRow(QStringLiteral("tlsCipher"), tr("Cipher"), Wrap::Yes);
    m_subject = addRow(QStringLiteral("tlsSubject"), tr("Subject"), Wrap::Yes);
    m_issuer = addRow(QStringLiteral("tlsIssuer"), tr("Issuer"), Wrap::Yes);
    m_expiry = addRow(QStringLiteral("tlsExpiry"), tr("Expires"), Wrap::Yes);
    m_errors = addRow(QStringLiteral("tlsErrors"), tr("Details"), Wrap::Yes);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    clear();
}

void TlsCardView::clear()
{
    setCard(TlsCard());
}

QString TlsCardView::verdictText() const
{
    return m_verdict->text();
}

void TlsCardView::setCard(const TlsCard &card)
{
    const QString none = tr("—");
    if (card.state == TlsCard::State::NotChecked)
        m_verdict->setText(tr("Not checked yet"));
    else
        m_verdict->setText(card.stateDescription());
    const QString color = colorFor(card.state);
    m_verdict->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1").arg(color));
    m_protocol->setText(card.protocol.isEmpty() ? none : card.protocol);
    m_cipher->setText(card.cipher.isEmpty() ? none : card.cipher);
    m_subject->setText(card.subject.isEmpty() ? none : card.subject);
    m_issuer->setText(card.issuer.isEmpty() ? none : card.issuer);
    if (card.notAfter.isValid()) {
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(card.notAfter.toUTC());
        const QString when = QLocale().toString(card.notAfter.toLocalTime(), QLocale::ShortFormat);
        m_expiry->setText(days < 0 ? tr("%1 (expired %2 days ago)").arg(when).arg(-days)
                                   : tr("%1 (in %2 days)").arg(when).arg(days));
    } else {
        m_expiry->setText(none);
    }
    m_errors->setText(card.verificationErrors.isEmpty() ? none
                                                        : card.verificationErrors.join(QLatin1Char('\n')));
}
