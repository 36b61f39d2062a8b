// SPDX-License-Identifier: MIT
#pragma once

class ApiEndpoint;
class CredentialResolver;
class CredentialStore;
class QObject;

// The one way cleardbctl looks for the API token, so every command that needs it (the dispatcher
// before a command, `accounts`, `logout`) finds the same one: HEROKU_API_KEY, the chosen account,
// the Heroku CLI's login, our keychain entry for the endpoint's host, then ~/.netrc under the
// machine name the Heroku CLI uses for that endpoint.
CredentialResolver *newCredentialResolver(CredentialStore *store, const ApiEndpoint &endpoint,
                                          QObject *parent);
