// SPDX-License-Identifier: MIT
#include "HttpAnswer.h"

HttpAnswer HttpAnswer::fromReply(QNetworkReply *reply)
{
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    answer.body = reply->readAll();
    if (answer.status == 0) {
        answer.transportError = reply->error();
        answer.transportErrorText = reply->errorString();
    }
    return answer;
}
