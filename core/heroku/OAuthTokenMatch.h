// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Whether `listed`, an authorization's access_token.token as GET /oauth/authorizations
// shows it, is the token `current` this program holds. Heroku shows either the whole
// token or a redacted form with ten asterisks in the middle ("HRKU-ab**********yz");
// the redacted form matches when `current` starts with the part before the asterisks
// and ends with the part after, as the Heroku CLI's isCurrentOAuthToken() decides.
// Unlike the CLI, a redacted form that keeps fewer than four characters matches
// nothing: "**********" alone would match every token, and sign-out must never
// revoke an authorization it is not sure is its own.
bool oauthTokenMatches(const QString &current, const QString &listed);
