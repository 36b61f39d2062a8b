// SPDX-License-Identifier: MIT
#include "shell/StatusBarInfo.h"

#include "session/ConsoleConnection.h"
#include "widgets/BusyIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

StatusBarInfo::StatusBarInfo(QWidget *parent)
    : QWidget(parent), m_busy(new BusyIndicator(this)), m_connection(new QLabel(this)),
      m_account(new QLabel(this)), m_rateLimit(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBarInfo"));
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_connection->setAccessibleName(tr("Connection"));
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setAccessibleName(tr("Heroku account"));
    m_rateLimit->setObjectName(QStringLiteral("rateLimitLabel"));
    m_rateLimit->setAccessibleName(tr("API rate limit"));
    m_rateLimit->setToolTip(tr("API calls left in the current hour (RateLimit-Remaining)"));
    for (QLabel *label : {m_connection, m_account, m_rateLimit})
        label->setTextFormat(Qt::PlainText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(12);
    layout->addWidget(m_busy);
    layout->addWidget(m_connection);
    layout->addWidget(m_account);
    layout->addWidget(m_rateLimit);
    m_account->hide();
    m_rateLimit->hide();
}

void StatusBarInfo::setConnecting(const QString &what)
{
    m_connection->setText(what);
}

void StatusBarInfo::setConnection(const ConsoleConnection &connection)
{
    const QUrl url = connection.endpoint.baseUrl();
    const QString where =
        url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    m_connection->setText(connection.sandbox ? tr("Sandbox at %1").arg(where) : where);
    m_connection->setToolTip(tr("API %1, token %2").arg(url.toDisplayString(), connection.credentialSource));
    m_account->clear();
    m_account->hide();
    m_rateLimit->hide();
}

void StatusBarInfo::setAccountEmail(const QString &email)
{
    m_account->setText(email);
    m_account->setVisible(!email.isEmpty());
}

void StatusBarInfo::setRateLimitRemaining(int remaining)
{
    m_rateLimit->setText(tr("API calls left: %1").arg(QLocale().toString(remaining)));
    m_rateLimit->setStyleSheet(remaining < LowRateLimit ? QStringLiteral("color: #da4453; font-weight: bold;")
                                                        : QString());
    m_rateLimit->show();
}

void StatusBarInfo::setBusy(bool busy)
{
    m_busy->setRunning(busy);
}
