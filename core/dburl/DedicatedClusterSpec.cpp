// SPDX-License-Identifier: MIT
#include "dburl/DedicatedClusterSpec.h"

#include "dburl/PemFileInspector.h"

namespace {

using Field = ClusterSpecValidation::Field;

bool hostIsValid(const QString &host)
{
    DatabaseUrl probe;
    probe.setHost(host);
    return probe.validated().ok();
}

// Warnings for one TLS file; `wantKey` says whether a private key (true) or a certificate is expected.
void checkTlsFile(const QString &path, Field field, bool wantKey, ClusterSpecValidation *result)
{
    if (path.isEmpty())
        return;
    const PemFileInspector::Report report = PemFileInspector::inspect(path);
    auto warn = [&](const QString &message) { result->warnings.append({field, message}); };
    switch (report.status) {
    case PemFileInspector::Missing:
        warn(QStringLiteral("File not found; pick the file ClearDB's dashboard gave you."));
        return;
    case PemFileInspector::Unreadable:
        warn(QStringLiteral("File cannot be read; check its permissions."));
        return;
    case PemFileInspector::NotPem:
        warn(
            QStringLiteral("Not a PEM file (no -----BEGIN line); convert it with openssl (e.g. 'openssl x509 "
                           "-inform der -in FILE -out FILE.pem')."));
        return;
    case PemFileInspector::Ok:
        break;
    }
    if (wantKey && !report.isPrivateKey()) {
        warn(QStringLiteral("Holds a %1, not a private key.").arg(report.label));
    } else if (!wantKey && !report.isCertificate()) {
        warn(QStringLiteral("Holds a %1, not a certificate.").arg(report.label));
    }
    if (wantKey && report.encrypted) {
        result->keyIsEncrypted = true;
        warn(QStringLiteral(
            "The key is password-protected (as ClearDB ships it): give the framework the "
            "passphrase (Node's mysql2 takes one) or decrypt the key once with 'openssl pkey -in "
            "KEY -out KEY-decrypted.pem' — most MySQL drivers cannot ask for it."));
    }
}

} // namespace

ClusterSpecValidation DedicatedClusterSpec::validate() const
{
    ClusterSpecValidation result;
    auto problem = [&](Field field, const QString &message) { result.problems.append({field, message}); };
    if (host.trimmed().isEmpty())
        problem(Field::Host,
                QStringLiteral("Enter the cluster's host name, e.g. us-cdbr-east-06.cleardb.net."));
    else if (!hostIsValid(host.trimmed()))
        problem(Field::Host, QStringLiteral("Not a valid host name or IP address."));
    if (!secondaryHost.trimmed().isEmpty()) {
        if (!hostIsValid(secondaryHost.trimmed()))
            problem(Field::SecondaryHost, QStringLiteral("Not a valid host name or IP address."));
        else if (secondaryHost.trimmed().compare(host.trimmed(), Qt::CaseInsensitive) == 0)
            result.warnings.append(
                {Field::SecondaryHost, QStringLiteral("Same as the main host; the monitor "
                                                      "cannot tell the two masters apart.")});
    }
    if (port != 0 && (port < 1 || port > 65535))
        problem(Field::Port, QStringLiteral("Use a port from 1 to 65535 (MySQL's default is 3306)."));
    if (user.isEmpty())
        problem(Field::User, QStringLiteral("Enter the MySQL user name."));
    if (password.isEmpty())
        result.warnings.append(
            {Field::Password, QStringLiteral("No password given; ClearDB accounts always have one.")});
    if (database.isEmpty())
        problem(Field::Database, QStringLiteral("Enter the database name; frameworks need one."));
    // mysql_ssl_set() and every driver take the certificate and its key as a pair.
    if (!certFile.isEmpty() && keyFile.isEmpty())
        problem(Field::KeyFile, QStringLiteral("A client certificate needs its key file."));
    if (certFile.isEmpty() && !keyFile.isEmpty())
        problem(Field::CertFile, QStringLiteral("A client key needs its certificate file."));
    checkTlsFile(caFile, Field::CaFile, false, &result);
    checkTlsFile(certFile, Field::CertFile, false, &result);
    checkTlsFile(keyFile, Field::KeyFile, true, &result);
    for (const DatabaseUrl::Option &option : extraOptions) {
        if (option.key.isEmpty())
            problem(Field::Options, QStringLiteral("An option has no name."));
        else if (UrlOptionTable::isTls(UrlOptionTable::keyFor(option.key)) &&
                 UrlOptionTable::keyFor(option.key) != UrlOptionTable::SslMode &&
                 UrlOptionTable::keyFor(option.key) != UrlOptionTable::SslVerifyServerCert)
            result.warnings.append(
                {Field::Options,
                 QStringLiteral("%1 repeats a TLS file field; the last value wins.").arg(option.key)});
    }
    return result;
}

DatabaseUrl::ParseResult DedicatedClusterSpec::toUrl(Framework::Id framework) const
{
    DatabaseUrl url;
    url.setScheme(framework == Framework::Rails ? QStringLiteral("mysql2") : QStringLiteral("mysql"));
    url.setHost(host.trimmed());
    url.setPort(port);
    url.setUser(user);
    url.setPassword(password);
    url.setDatabase(database);
    // Spelled for the framework where its URL can carry the option; otherwise the MySQL client
    // spelling, which FrameworkSnippet maps into code (mysql2's ssl object, PDO attributes…).
    auto add = [&](UrlOptionTable::Key key, const QString &value) {
        if (value.isEmpty())
            return;
        QString spelling = UrlOptionTable::spellingFor(key, framework);
        if (spelling.isEmpty())
            spelling = UrlOptionTable::spellingFor(key, Framework::Generic);
        url.addOption(spelling, value);
    };
    add(UrlOptionTable::SslCa, caFile);
    add(UrlOptionTable::SslCert, certFile);
    add(UrlOptionTable::SslKey, keyFile);
    for (const DatabaseUrl::Option &option : extraOptions)
        url.addOption(option.key, option.value);
    return url.validated();
}
