// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResult.h"

#include <QObject>
#include <QString>

class HerokuClient;

// Decides which add-on `upgrade` and `remove` act on when the user named none.
//
// Most apps have one ClearDB add-on, so naming it is optional; with two or more
// the choice is the user's, and guessing could change or delete the wrong
// database. pick() lists the app's add-ons (one GET) and emits picked() with the
// only ClearDB add-on, or chooseOne() with the candidates, or failed(). When an
// add-on was named it is used as given, without a request.
class ClearDbAddonPicker : public QObject
{
    Q_OBJECT
public:
    ClearDbAddonPicker(HerokuClient *client, QObject *parent);

    void pick(const QString &app, const QString &named);

Q_SIGNALS:
    void picked(const QString &addon);
    // No add-on was named and the app has several ClearDB add-ons.
    void chooseOne(const QStringList &names);
    void failed(const HerokuError &error);

private:
    HerokuClient *m_client;
};
