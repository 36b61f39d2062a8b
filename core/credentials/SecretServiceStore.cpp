// SPDX-License-Identifier: MIT
#include "SecretServiceStore.h"

// Compiled only where libsecret-1 was found (CMake); the guard keeps scripts/check-windows-syntax.sh,
// which parses every core .cpp, away from GLib headers it does not have.
#ifdef CLEARDB_HAVE_LIBSECRET

#include <QMetaObject>
#include <QPointer>
#include <QTimer>

#include <libsecret/secret.h>

#include <memory>
#include <thread>

using Status = CredentialStoreResult::Status;
using Operation = CredentialStoreResult::Operation;

namespace {

// secret-tool's items carry only `service` and `account`; DONT_MATCH_NAME keeps libsecret from adding
// `xdg:schema` to searches. Stored items get xdg:schema = this name, the one GNOME Keyring itself gives
// items stored without a schema, so ours and secret-tool's look the same.
const SecretSchema *schema()
{
    static const SecretSchema instance = [] {
        SecretSchema s{};
        s.name = "org.freedesktop.Secret.Generic";
        s.flags = SECRET_SCHEMA_DONT_MATCH_NAME;
        s.attributes[0] = {"service", SECRET_SCHEMA_ATTRIBUTE_STRING};
        s.attributes[1] = {"account", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return s;
    }();
    return &instance;
}

// Owns a GHashTable of UTF-8 attributes.
struct Attributes
{
    Attributes(const QString &service, const QString &account)
        : table(g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free))
    {
        g_hash_table_insert(table, g_strdup("service"), g_strdup(service.toUtf8().constData()));
        if (!account.isEmpty())
            g_hash_table_insert(table, g_strdup("account"), g_strdup(account.toUtf8().constData()));
    }
    ~Attributes() { g_hash_table_unref(table); }
    Attributes(const Attributes &) = delete;
    Attributes &operator=(const Attributes &) = delete;
    GHashTable *table;
};

CredentialStoreResult failure(Operation operation, const QString &service, const QString &account,
                              GError *error)
{
    CredentialStoreResult result{operation, Status::Failed, service, account, {}, {}, {}};
    const QString text = QString::fromUtf8(error->message).simplified();
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        result.status = Status::TimedOut;
    } else if (error->domain == SECRET_ERROR && error->code == SECRET_ERROR_IS_LOCKED) {
        result.status = Status::AccessDenied;
        result.errorMessage =
            QStringLiteral("the keyring that holds it is locked (unlock it, e.g. by logging in "
                           "to the desktop)");
    } else if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_AUTH_FAILED)) {
        result.status = Status::AccessDenied;
        result.errorMessage = QStringLiteral("the Secret Service refused access (%1)").arg(text);
    } else if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT)) {
        result.status = Status::TimedOut;
        result.errorMessage = QStringLiteral("the Secret Service did not answer (%1)").arg(text);
    } else if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR) {
        // No bus, nobody owning org.freedesktop.secrets, nothing to activate: not there.
        result.status = Status::Unavailable;
        result.errorMessage =
            QStringLiteral(
                "no Secret Service is available (GNOME Keyring or KWallet in a desktop session): %1")
                .arg(text);
    } else {
        result.errorMessage = QStringLiteral("the Secret Service failed: %1").arg(text);
    }
    g_error_free(error);
    return result;
}

// The session bus, told not to end the program if it goes away (GLib's default for the shared session
// connection is to raise SIGTERM then). Null with `error` set when there is no bus.
bool prepareBus(GCancellable *cancellable, GError **error)
{
    GDBusConnection *bus = g_bus_get_sync(G_BUS_TYPE_SESSION, cancellable, error);
    if (!bus)
        return false;
    g_dbus_connection_set_exit_on_close(bus, FALSE);
    g_object_unref(bus);
    return true;
}

// A search with libsecret's shared service proxy. That proxy remembers the daemon's unique bus name; when
// the daemon was restarted since (a keyring daemon replaced at a desktop login), the first call fails with
// ServiceUnknown for the old name: drop the proxy and ask once more. Searches only read, so asking again
// repeats nothing.
GList *search(GHashTable *attributes, SecretSearchFlags flags, GCancellable *cancellable, GError **error)
{
    GList *items = secret_service_search_sync(nullptr, schema(), attributes, flags, cancellable, error);
    if (*error && g_error_matches(*error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)) {
        g_clear_error(error);
        secret_service_disconnect();
        items = secret_service_search_sync(nullptr, schema(), attributes, flags, cancellable, error);
    }
    return items;
}

CredentialStoreResult lookup(const QString &service, const QString &account, GCancellable *cancellable)
{
    GError *error = nullptr;
    if (!prepareBus(cancellable, &error))
        return failure(Operation::Read, service, account, error);
    const Attributes attributes(service, account);
    // LOAD_SECRETS fetches the secret of an unlocked item; without UNLOCK a locked one stays locked.
    GList *items = search(attributes.table, SECRET_SEARCH_LOAD_SECRETS, cancellable, &error);
    if (error)
        return failure(Operation::Read, service, account, error);
    CredentialStoreResult result{Operation::Read, Status::NotFound, service, account, {}, {}, {}};
    if (items) {
        auto *item = static_cast<SecretItem *>(items->data);
        SecretValue *value = secret_item_get_secret(item);
        if (secret_item_get_locked(item) || !value) {
            result.status = Status::AccessDenied;
            result.errorMessage = QStringLiteral("the keyring that holds it is locked (unlock it, e.g. by "
                                                 "logging in to the desktop)");
        } else {
            gsize length = 0;
            const gchar *bytes = secret_value_get(value, &length);
            result.status = Status::Ok;
            result.secret = Secret(QString::fromUtf8(bytes, qsizetype(length)).trimmed());
        }
        if (value)
            secret_value_unref(value);
    }
    g_list_free_full(items, g_object_unref);
    return result;
}

CredentialStoreResult accountsOf(const QString &service, GCancellable *cancellable)
{
    GError *error = nullptr;
    if (!prepareBus(cancellable, &error))
        return failure(Operation::List, service, {}, error);
    const Attributes attributes(service, QString());
    // Attributes are readable on locked items too: listing never needs an unlock.
    GList *items = search(attributes.table, SECRET_SEARCH_ALL, cancellable, &error);
    if (error)
        return failure(Operation::List, service, {}, error);
    CredentialStoreResult result{Operation::List, Status::Ok, service, {}, {}, {}, {}};
    int unreadable = 0;
    for (GList *node = items; node; node = node->next) {
        auto *item = static_cast<SecretItem *>(node->data);
        GHashTable *found = secret_item_get_attributes(item);
        const auto *account = static_cast<const gchar *>(g_hash_table_lookup(found, "account"));
        if (account && *account) {
            if (!result.accounts.contains(QString::fromUtf8(account)))
                result.accounts << QString::fromUtf8(account);
        } else if (secret_item_get_locked(item)) {
            ++unreadable;
        }
        g_hash_table_unref(found);
    }
    g_list_free_full(items, g_object_unref);
    result.accounts.sort();
    // GNOME Keyring keeps a locked keyring's attributes hashed: its items match but do not say whose they
    // are.
    if (result.accounts.isEmpty() && unreadable > 0) {
        result.status = Status::AccessDenied;
        result.errorMessage =
            QStringLiteral("the keyring that holds them is locked (unlock it, e.g. by logging in "
                           "to the desktop)");
    }
    return result;
}

CredentialStoreResult store(const QString &service, const QString &account, const QByteArray &secret,
                            GCancellable *cancellable)
{
    GError *error = nullptr;
    if (!prepareBus(cancellable, &error))
        return failure(Operation::Write, service, account, error);
    const Attributes attributes(service, account);
    // The label `heroku login` gives its item (credential-manager-core's linux-handler.js).
    const QByteArray label =
        service == QLatin1String("heroku-cli") ? QByteArrayLiteral("Heroku CLI") : service.toUtf8();
    secret_password_storev_sync(schema(), attributes.table, SECRET_COLLECTION_DEFAULT, label.constData(),
                                secret.constData(), cancellable, &error);
    if (error)
        return failure(Operation::Write, service, account, error);
    return {Operation::Write, Status::Ok, service, account, {}, {}, {}};
}

CredentialStoreResult clear(const QString &service, const QString &account, GCancellable *cancellable)
{
    GError *error = nullptr;
    if (!prepareBus(cancellable, &error))
        return failure(Operation::Remove, service, account, error);
    const Attributes attributes(service, account);
    const gboolean removed = secret_password_clearv_sync(schema(), attributes.table, cancellable, &error);
    if (error)
        return failure(Operation::Remove, service, account, error);
    return {Operation::Remove, removed ? Status::Ok : Status::NotFound, service, account, {}, {}, {}};
}

} // namespace

SecretServiceStore::SecretServiceStore(QObject *parent) : CredentialStore(parent) {}

QString SecretServiceStore::displayName()
{
    return QStringLiteral("GNOME Keyring / Secret Service");
}

void SecretServiceStore::read(const QString &service, const QString &account, QObject *context, Callback done)
{
    run(
        Operation::Read, service, account,
        [service, account](void *cancellable) {
            return lookup(service, account, static_cast<GCancellable *>(cancellable));
        },
        context, std::move(done));
}

void SecretServiceStore::write(const QString &service, const QString &account, const Secret &secret,
                               QObject *context, Callback done)
{
    const QByteArray bytes = secret.reveal().toUtf8();
    run(
        Operation::Write, service, account,
        [service, account, bytes](void *cancellable) {
            return store(service, account, bytes, static_cast<GCancellable *>(cancellable));
        },
        context, std::move(done));
}

void SecretServiceStore::remove(const QString &service, const QString &account, QObject *context,
                                Callback done)
{
    run(
        Operation::Remove, service, account,
        [service, account](void *cancellable) {
            return clear(service, account, static_cast<GCancellable *>(cancellable));
        },
        context, std::move(done));
}

void SecretServiceStore::list(const QString &service, QObject *context, Callback done)
{
    run(
        Operation::List, service, {},
        [service](void *cancellable) {
            return accountsOf(service, static_cast<GCancellable *>(cancellable));
        },
        context, std::move(done));
}

void SecretServiceStore::run(Operation operation, const QString &service, const QString &account, Work work,
                             QObject *context, Callback done)
{
    // Lives on this thread until the worker's last word arrives; only the worker's queued call deletes it,
    // so it is alive whenever the worker posts to it.
    auto *relay = new QObject;
    QPointer<QObject> receiver(context ? context : this);
    auto delivered = std::make_shared<bool>(false);
    auto deliver = std::make_shared<std::function<void(const CredentialStoreResult &)>>(
        [receiver, delivered, done = std::move(done)](const CredentialStoreResult &result) {
            if (*delivered)
                return;
            *delivered = true;
            if (receiver)
                done(result);
        });
    // Two references: the worker's, and this thread's (dropped once the worker's answer arrived, when the
    // timer can no longer fire).
    GCancellable *cancellable = g_cancellable_new();
    g_object_ref(cancellable);
    const QString timeoutMessage =
        QStringLiteral("the Secret Service did not answer within %1 s (it may be locked and waiting for an "
                       "unlock prompt)")
            .arg(QString::number(static_cast<double>(m_timeout.count()) / 1000.0, 'g', 3));
    auto *timer = new QTimer(relay);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, relay, [=] {
        g_cancellable_cancel(cancellable);
        (*deliver)({operation, Status::TimedOut, service, account, {}, timeoutMessage, {}});
    });
    timer->start(m_timeout);
    std::thread([relay, timer, deliver, cancellable, work = std::move(work)] {
        const CredentialStoreResult result = work(cancellable);
        g_object_unref(cancellable);
        QMetaObject::invokeMethod(
            relay,
            [relay, timer, deliver, cancellable, result] {
                timer->stop();
                (*deliver)(result);
                g_object_unref(cancellable);
                relay->deleteLater();
            },
            Qt::QueuedConnection);
    }).detach();
}

#endif // CLEARDB_HAVE_LIBSECRET
