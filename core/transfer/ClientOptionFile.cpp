// SPDX-License-Identifier: MIT
#include "transfer/ClientOptionFile.h"

#include <QDir>

Result<std::unique_ptr<ClientOptionFile>> ClientOptionFile::create(const DatabaseEndpoint &endpoint)
{
    std::unique_ptr<ClientOptionFile> file(new ClientOptionFile);
    // QTemporaryFile creates the file with mode 0600 and O_EXCL, so nobody else can read or pre-plant it.
    file->m_file.setFileTemplate(QDir::tempPath() + QStringLiteral("/cleardb-login-XXXXXX.cnf"));
    if (!file->m_file.open())
        return makeError(
            Error::Kind::Io,
            QStringLiteral("Could not create a private login file in %1: free some space or set TMPDIR.")
                .arg(QDir::tempPath()),
            file->m_file.errorString());
    const QByteArray text = render(endpoint);
    if (file->m_file.write(text) != text.size() || !file->m_file.flush())
        return makeError(
            Error::Kind::Io,
            QStringLiteral("Could not write the private login file in %1: free some space or set TMPDIR.")
                .arg(QDir::tempPath()),
            file->m_file.errorString());
    return file;
}

QByteArray ClientOptionFile::quoted(const QString &value)
{
    QByteArray out = "\"";
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    return out + '"';
}

QByteArray ClientOptionFile::render(const DatabaseEndpoint &endpoint)
{
    QByteArray text = "[client]\n";
    text += "user=" + quoted(endpoint.user) + '\n';
    if (!endpoint.password.isEmpty())
        text += "password=" + quoted(endpoint.password.reveal()) + '\n';
    text += "host=" + quoted(endpoint.host) + '\n';
    text += "port=" + QByteArray::number(endpoint.port) + '\n';
    // A URL names a host and a port: never fall back to a local socket because the host is "localhost".
    text += "protocol=tcp\n";
    switch (endpoint.tls) {
    case DatabaseEndpoint::Tls::Disabled:
        text += "skip-ssl\n";
        break;
    case DatabaseEndpoint::Tls::Verified:
        text += "ssl-ca=" + quoted(endpoint.caFile) + '\n';
        text += "ssl-verify-server-cert\n";
        break;
    case DatabaseEndpoint::Tls::ClientDefault:
        break;
    }
    if (!endpoint.certFile.isEmpty())
        text += "ssl-cert=" + quoted(endpoint.certFile) + '\n';
    if (!endpoint.keyFile.isEmpty())
        text += "ssl-key=" + quoted(endpoint.keyFile) + '\n';
    return text;
}
