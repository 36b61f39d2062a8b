// SPDX-License-Identifier: MIT
#include "CredentialLookup.h"

#include "credentials/CredentialResolver.h"
#include "credentials/HerokuCliStore.h"
#include "heroku/ApiEndpoint.h"

CredentialResolver *newCredentialResolver(CredentialStore *store, const ApiEndpoint &endpoint,
                                          QObject *parent)
{
    auto *resolver = new CredentialResolver(store, parent);
    resolver->setHerokuCliStore(HerokuCliStore::create(resolver));
    resolver->setApiHost(endpoint.host());
    resolver->setNetrcMachine(endpoint.netrcMachine());
    return resolver;
}
