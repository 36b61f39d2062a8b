// SPDX-License-Identifier: MIT
#include "dedicated/ConnectionTestLabel.h"

#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"
#include "probe/ConnectionProbe.h"
#include "probe/UrlProbeTarget.h"

ConnectionTestLabel::ConnectionTestLabel(QWidget *parent) : QLabel(parent), m_probe(new ConnectionProbe(this))
{
    setObjectName(QStringLiteral("testResult"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
    connect(m_probe, &ConnectionProbe::finished, this, &ConnectionTestLabel::onFinished);
}

ConnectionTestLabel::~ConnectionTestLabel() = default;

void ConnectionTestLabel::start(const DatabaseUrl &url)
{
    // ConnectionProbe::start() abandons a probe still running: its result never arrives here.
    m_password = url.password();
    const ProbeTarget target = UrlProbeTarget::fromUrl(url, QStringLiteral("dedicated"));
    setText(tr("Testing the connection to %1…").arg(url.host()));
    setStyleSheet(QString());
    show();
    m_probe->start(target);
}

void ConnectionTestLabel::cancel()
{
    m_probe->abort();
    m_password.clear();
    hide();
}

bool ConnectionTestLabel::isRunning() const
{
    return m_probe->isRunning();
}

QString ConnectionTestLabel::describe(const ProbeResult &result, const QString &password)
{
    QString text;
    if (result.ok()) {
        const QString version =
            result.server.version.isEmpty() ? result.server.greetingVersion : result.server.version;
        // The TLS of the connection that logged in, as the probe negotiated it (not what the URL asks for).
        const QString tls =
            result.tls.established()
                ? QStringLiteral("%1, %2").arg(result.tls.protocol, result.tls.stateDescription())
                : result.tls.stateDescription();
        text = tr("Connected: %1, %2.").arg(version, tls);
    } else {
        text = tr("Connection failed: %1").arg(result.error.toString());
    }
    // One line, whatever the server or socket wrote; and the password never, even if a driver echoed it.
    text = text.simplified();
    if (!password.isEmpty())
        text.replace(password, SecretRedactor::mask());
    return text;
}

void ConnectionTestLabel::onFinished(const ProbeResult &result)
{
    setText(describe(result, m_password));
    m_password.clear();
    setStyleSheet(result.ok() ? QString() : QStringLiteral("QLabel { color: #d03c3c; }"));
    show();
    Q_EMIT finished(result.ok());
}
