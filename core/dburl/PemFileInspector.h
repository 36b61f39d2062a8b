// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Looks at a TLS file the user picked (CA, client certificate, client key) without decoding it:
// does it exist, is it PEM, what does its first block say, is the key passphrase-protected.
//
// Usage: `auto report = PemFileInspector::inspect(path); if (report.status != PemFileInspector::Ok) …`.
// Reading the `-----BEGIN <label>-----` line (RFC 7468) is enough to catch the usual mistakes (a DER
// file, a key picked as the CA, ClearDB's encrypted key); it deliberately does not parse ASN.1 or
// verify a chain — the TLS probe does that against the server.
class PemFileInspector
{
public:
    enum Status
    {
        Ok,
        Missing,
        Unreadable,
        NotPem,
    };

    struct Report
    {
        Status status = Missing;
        // The first block's label: "CERTIFICATE", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", …
        QString label;
        // PKCS#8 "ENCRYPTED PRIVATE KEY", or a traditional key with "Proc-Type: 4,ENCRYPTED".
        bool encrypted = false;
        bool isCertificate() const { return label == QLatin1String("CERTIFICATE"); }
        bool isPrivateKey() const { return label.endsWith(QLatin1String("PRIVATE KEY")); }
    };

    static Report inspect(const QString &path);
};
