// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/CredentialResolution.h"
#include "credentials/Secret.h"
#include "heroku/ApiEndpoint.h"

#include <QString>

// Where the console's main window talks to and with which token: the one value
// the start-up sequence (ConsoleStartup) hands to MainWindow::open(), and what a
// GUI test builds by hand to point a window at its own heroku-sim. Holding it as
// a value, not in globals, lets two windows in one test use two endpoints.
struct ConsoleConnection
{
    ApiEndpoint endpoint;
    Secret token;
    // Where the token came from, in words for the status bar: CredentialResolution's
    // description ("from HEROKU_API_KEY", "from ~/.netrc (line 12)"). Never the token.
    QString credentialSource;
    // The same as a kind, for the account view (what logging out can and cannot remove).
    CredentialResolution::Source credentialKind = CredentialResolution::Source::None;
    // True when the endpoint is a heroku-sim the console started itself: the
    // window then wears a Sandbox badge so nobody mistakes it for production.
    bool sandbox = false;

    // Signed in to `endpoint` with the token a CredentialResolver found (at start-up, or on switching).
    static ConsoleConnection resolved(const ApiEndpoint &endpoint, const CredentialResolution &resolution)
    {
        ConsoleConnection connection;
        connection.endpoint = endpoint;
        connection.token = resolution.token;
        connection.credentialSource = resolution.description;
        connection.credentialKind = resolution.source;
        return connection;
    }
};
