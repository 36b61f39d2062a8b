// SPDX-License-Identifier: MIT
#include "move/MoveEndpointsPage.h"

#include "dedicated/DedicatedClusterDialog.h"
#include "move/AppDatabasePicker.h"
#include "widgets/DialogStyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {
enum SourceKind
{
    AddonSource = 0,
    UrlSource = 1,
    OtherAppSource = 2,
};
enum TargetKind
{
    UrlTarget = 0,
    OtherAppTarget = 1,
};

QLineEdit *maskedUrlEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(QStringLiteral("mysql://user:password@host:3306/database"));
    return edit;
}

// The endpoint a URL field holds; `side` names the field in a parse error, `empty` says what to type.
Result<DatabaseEndpoint> typedEndpoint(const QLineEdit *edit, const QString &side, const QString &empty)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return makeError(Error::Kind::InvalidInput, empty);
    const Result<DatabaseEndpoint> endpoint = DatabaseEndpoint::fromText(text);
    if (!endpoint)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("%1: %2").arg(side, endpoint.error().oneLine()));
    return endpoint;
}

// One database is the same as another when it is the same name on the same server, whoever logs in.
bool sameDatabase(const DatabaseEndpoint &a, const DatabaseEndpoint &b)
{
    return a.host.compare(b.host, Qt::CaseInsensitive) == 0 && a.port == b.port && a.database == b.database;
}
} // namespace

MoveEndpointsPage::MoveEndpointsPage(QWidget *parent)
    : QWidget(parent), m_sourceKind(new QComboBox(this)),
      m_sourceUrl(maskedUrlEdit(QStringLiteral("sourceUrlEdit"), tr("Source URL"), this)),
      m_sourceApp(new AppDatabasePicker(QStringLiteral("sourceApp"), this)),
      m_targetKind(new QComboBox(this)),
      m_targetUrl(maskedUrlEdit(QStringLiteral("targetUrlEdit"), tr("Target URL"), this)),
      m_build(new QPushButton(tr("&Build from connection details…"), this)),
      m_targetApp(new AppDatabasePicker(QStringLiteral("targetApp"), this)), m_form(new QFormLayout(this)),
      m_reason(DialogStyle::errorLabel(this))
{
    setObjectName(QStringLiteral("moveEndpointsPage"));
    m_sourceKind->setObjectName(QStringLiteral("sourceKindCombo"));
    m_sourceKind->addItem(tr("This app's ClearDB database"));
    m_sourceKind->addItem(tr("A MySQL URL (e.g. a local MySQL)"));
    m_sourceKind->addItem(tr("Another app's ClearDB database"));
    m_targetKind->setObjectName(QStringLiteral("targetKindCombo"));
    m_targetKind->addItem(tr("A MySQL URL (a dedicated cluster, another server)"));
    m_targetKind->addItem(tr("Another app's ClearDB database"));
    m_reason->setObjectName(QStringLiteral("endpointsReason"));
    QFormLayout *form = m_form;
    form->addRow(DialogStyle::wrappedLabel(
        tr("Copy a database to another server (a dedicated cluster), verify the copy, then point the "
           "app at it."),
        this));
    form->addRow(tr("&From:"), m_sourceKind);
    form->addRow(tr("Source &URL:"), m_sourceUrl);
    form->addRow(tr("Source &app:"), m_sourceApp);
    form->addRow(tr("&To:"), m_targetKind);
    // A dedicated cluster comes as connection details in ClearDB's mail: the builder turns them into
    // the URL, whatever characters the password holds.
    m_build->setObjectName(QStringLiteral("buildTargetButton"));
    connect(m_build, &QPushButton::clicked, this, &MoveEndpointsPage::buildTarget);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_targetUrl, 1);
    targetRow->addWidget(m_build);
    form->addRow(tr("Target U&RL:"), targetRow);
    form->addRow(tr("Target a&pp:"), m_targetApp);
    form->addRow(m_reason);
    connect(m_sourceKind, &QComboBox::currentIndexChanged, this, &MoveEndpointsPage::activatePickers);
    connect(m_targetKind, &QComboBox::currentIndexChanged, this, &MoveEndpointsPage::activatePickers);
    connect(m_sourceKind, &QComboBox::currentIndexChanged, this, &MoveEndpointsPage::update);
    connect(m_targetKind, &QComboBox::currentIndexChanged, this, &MoveEndpointsPage::update);
    connect(m_sourceApp, &AppDatabasePicker::changed, this, &MoveEndpointsPage::update);
    connect(m_targetApp, &AppDatabasePicker::changed, this, &MoveEndpointsPage::update);
    connect(m_sourceUrl, &QLineEdit::textChanged, this, &MoveEndpointsPage::update);
    connect(m_targetUrl, &QLineEdit::textChanged, this, &MoveEndpointsPage::update);
    update();
}

void MoveEndpointsPage::setAddonSource(const QString &addon, const DatabaseEndpoint &endpoint)
{
    m_addonEndpoint = endpoint;
    m_sourceKind->setItemText(AddonSource,
                              tr("This app's ClearDB database (%1, %2)").arg(addon, endpoint.label()));
    update();
}

void MoveEndpointsPage::buildTarget()
{
    auto *builder = new DedicatedClusterDialog(this);
    builder->setAttribute(Qt::WA_DeleteOnClose);
    builder->offerUrlTo(tr("&Use as the target"));
    connect(builder, &DedicatedClusterDialog::urlChosen, this,
            [this](const Secret &url) { m_targetUrl->setText(url.reveal()); });
    builder->open();
}

void MoveEndpointsPage::setApps(HerokuClient *client, const QStringList &apps, const QString &currentApp)
{
    m_sourceApp->setApps(client, apps, currentApp);
    m_targetApp->setApps(client, apps, currentApp);
    activatePickers();
    update();
}

void MoveEndpointsPage::activatePickers()
{
    // Another app's URL is read once that side is chosen, not for every wizard opened.
    m_sourceApp->setActive(m_sourceKind->currentIndex() == OtherAppSource);
    m_targetApp->setActive(m_targetKind->currentIndex() == OtherAppTarget);
}

Result<MoveEndpointsPage::Choice> MoveEndpointsPage::endpoints() const
{
    Choice choice;
    if (m_sourceKind->currentIndex() == OtherAppSource) {
        const Result<ResolvedDatabase> source = m_sourceApp->database();
        if (!source)
            return makeError(source.error().kind, tr("Source: %1").arg(source.error().oneLine()));
        choice.source = source->endpoint;
    } else if (m_sourceKind->currentIndex() == AddonSource) {
        if (m_addonEndpoint.database.isEmpty())
            return makeError(Error::Kind::NotFound,
                             tr("This app's ClearDB URL is not loaded: pick a URL instead."));
        choice.source = m_addonEndpoint;
    } else {
        const Result<DatabaseEndpoint> source =
            typedEndpoint(m_sourceUrl, tr("Source"), tr("Type the source's mysql:// URL."));
        if (!source)
            return source.error();
        choice.source = *source;
    }
    if (m_targetKind->currentIndex() == OtherAppTarget) {
        const Result<ResolvedDatabase> target = m_targetApp->database();
        if (!target)
            return makeError(target.error().kind, tr("Target: %1").arg(target.error().oneLine()));
        choice.target = target->endpoint;
        choice.targetUrl = target->url;
        choice.targetQuotaBytes = m_targetApp->quotaBytes();
    } else {
        const Result<DatabaseEndpoint> target =
            typedEndpoint(m_targetUrl, tr("Target"), tr("Type or paste the target's mysql:// URL."));
        if (!target)
            return target.error();
        choice.target = *target;
        choice.targetUrl = Secret(m_targetUrl->text().trimmed());
    }
    if (sameDatabase(choice.source, choice.target))
        return makeError(
            Error::Kind::InvalidInput,
            tr("The target is the source itself (%1): pick another database.").arg(choice.target.label()));
    return choice;
}

void MoveEndpointsPage::update()
{
    m_sourceUrl->setEnabled(m_sourceKind->currentIndex() == UrlSource);
    m_form->setRowVisible(m_sourceApp, m_sourceKind->currentIndex() == OtherAppSource);
    const bool urlTarget = m_targetKind->currentIndex() == UrlTarget;
    m_form->setRowVisible(m_targetApp, !urlTarget);
    m_targetUrl->setEnabled(urlTarget);
    m_build->setEnabled(urlTarget);
    const Result<Choice> choice = endpoints();
    // Nothing typed yet is not an error worth red text; anything else says what to change.
    const bool untouched = urlTarget && m_targetUrl->text().isEmpty();
    m_reason->setText(choice || untouched ? QString() : choice.error().oneLine());
    m_reason->setVisible(!choice && !untouched);
    Q_EMIT changed();
}
