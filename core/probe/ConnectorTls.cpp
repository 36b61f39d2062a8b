// SPDX-License-Identifier: MIT
#include "probe/ConnectorTls.h"

#include <QHostAddress>
#include <ctime>

#include <mysql.h>
// ma_pvio.h declares the connection's TLS layer only with HAVE_TLS, and expects uchar from ma_global.h.
typedef unsigned char uchar;
#define HAVE_TLS 1
#include <ma_pvio.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace {
QString asn1Text(const ASN1_STRING *value)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return QString();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

// Like QSslCertificate's display name: the common name, else the organization.
QString displayName(const X509_NAME *name)
{
    for (const int nid : {NID_commonName, NID_organizationName, NID_organizationalUnitName}) {
        const int index = X509_NAME_get_index_by_NID(name, nid, -1);
        if (index >= 0)
            return asn1Text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    }
    return QString();
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    std::tm tm{};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return QDateTime();
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QStringList alternativeNames(X509 *cert)
{
    QStringList names;
    auto *general =
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS) {
            names << asn1Text(name->d.dNSName);
        } else if (name->type == GEN_IPADD) {
            const ASN1_OCTET_STRING *ip = name->d.iPAddress;
            const auto *bytes = ASN1_STRING_get0_data(ip);
            if (ASN1_STRING_length(ip) == 4)
                names << QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 |
                                      quint32(bytes[2]) << 8 | quint32(bytes[3]))
                             .toString();
            else if (ASN1_STRING_length(ip) == 16)
                names << QHostAddress(bytes).toString();
        }
    }
    GENERAL_NAMES_free(general);
    return names;
}
} // namespace

bool ConnectorTls::isEncrypted(st_mysql *mysql)
{
    return mysql && mysql_get_ssl_cipher(mysql) != nullptr;
}

TlsCard ConnectorTls::describe(st_mysql *mysql, const QString &host, bool caGiven)
{
    TlsCard card;
    if (!isEncrypted(mysql))
        return card;
    const char *version = nullptr;
    if (mariadb_get_infov(mysql, MARIADB_CONNECTION_TLS_VERSION, &version) == 0 && version)
        card.protocol = QString::fromLatin1(version);
    card.cipher = QString::fromLatin1(mysql_get_ssl_cipher(mysql));
    card.state = caGiven ? TlsCard::State::Verified : TlsCard::State::NotVerified;

    const MARIADB_PVIO *pvio = mysql->net.pvio;
    auto *ssl = pvio && pvio->ctls ? static_cast<SSL *>(pvio->ctls->ssl) : nullptr;
    X509 *cert = ssl ? SSL_get1_peer_certificate(ssl) : nullptr;
    if (!cert)
        return card;
    card.subject = displayName(X509_get_subject_name(cert));
    card.issuer = displayName(X509_get_issuer_name(cert));
    card.notAfter = toDateTime(X509_get0_notAfter(cert));
    card.subjectAltNames = alternativeNames(cert);
    if (caGiven) {
        const QByteArray name = host.toUtf8();
        const bool matches = X509_check_host(cert, name.constData(), size_t(name.size()), 0, nullptr) == 1 ||
                             X509_check_ip_asc(cert, name.constData(), 0) == 1;
        if (!matches) {
            card.state = TlsCard::State::ChainOkHostnameMismatch;
            card.verificationErrors << QStringLiteral("The host name did not match any of the valid hosts "
                                                      "for this certificate");
        }
    }
    X509_free(cert);
    return card;
}
