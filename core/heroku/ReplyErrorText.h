// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>
#include <QString>

// Plain-words explanations for transport failures, each saying what to do next.
// Kept apart from HerokuRequest so the wording is reviewed in one place.
namespace ReplyErrorText {
// "what happened; what to do". A write whose request may have reached the API
// (timeout, connection closed) gets "check before trying again" instead of
// "try again", because repeating it could apply the change twice.
QString transport(QNetworkReply::NetworkError error, const QString &host, const QString &detail,
                  const QByteArray &method);
// False when the failure happened before the request left this machine
// (refused, unresolvable, TLS or proxy failure): then even a write did nothing.
bool mayHaveReachedApi(QNetworkReply::NetworkError error);
// For a write whose answer was lost or cut short: empty for reads.
QString unknownOutcomeHint(const QByteArray &method);
} // namespace ReplyErrorText
