// SPDX-License-Identifier: MIT
// libFuzzer: the Heroku CLI's login.json is outside input (the CLI, or anything else, may have written
// it). HerokuCliLoginState::parse() never crashes, answers the same for the same bytes, counts an account
// only as the CLI does (a non-empty string), and an account it accepts survives the CLI's own encoding:
// `JSON.stringify({account}) + "\n"` parses back to the same account. Past MaxBytes nothing is accepted.
#include "credentials/HerokuCliLoginState.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "login.json property broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString account = HerokuCliLoginState::parse(input);
    require(account == HerokuCliLoginState::parse(input), "two parses of the same bytes differ");
    if (input.size() > HerokuCliLoginState::MaxBytes)
        require(account.isEmpty(), "an oversized file named an account");
    if (account.isEmpty())
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(input);
    require(document.isObject(), "an account came from something that is not a JSON object");
    require(document.object().value(QStringLiteral("account")).toString() == account,
            "the account is not the object's account member");
    QJsonObject object;
    object.insert(QStringLiteral("account"), account);
    const QByteArray written = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    require(HerokuCliLoginState::parse(written) == account,
            "the CLI's encoding of the account does not parse back");
    return 0;
}
