// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>
#include <QString>

// Plain-words explanations for transport failures, each saying what to do next.
// Kept apart from HerokuRequest so the wording is reviewed in one place.
namespace ReplyErrorText {
QString transport(QNetworkReply::NetworkError error, const QString &host, const QString &detail);
// When a write request's answer was lost we cannot know whether it took effect.
QString unknownOutcomeHint(const QByteArray &method);
} // namespace ReplyErrorText
