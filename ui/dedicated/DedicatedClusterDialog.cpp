// SPDX-License-Identifier: MIT
#include "dedicated/DedicatedClusterDialog.h"

#include "configvars/ConfigAssignmentDialog.h"
#include "dburl/FrameworkSnippet.h"
#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"
#include "widgets/SecretClipboard.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using Field = ClusterSpecValidation::Field;

namespace {
QLineEdit *lineEdit(QWidget *parent, const QString &placeholder = QString())
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

DedicatedClusterDialog::DedicatedClusterDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("dedicatedClusterDialog"));
    setWindowTitle(tr("Dedicated cluster"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout;
    m_form = form;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("Enter the connection details ClearDB sent for your dedicated cluster. The URL is built with "
           "every part encoded, so any character in the password is safe."),
        this));
    layout->addLayout(form);

    m_host = addField(tr("&Host:"), QStringLiteral("hostEdit"), Field::Host);
    m_host->setPlaceholderText(QStringLiteral("us-cdbr-east-06.cleardb.net"));
    m_secondary =
        addField(tr("Second &master (optional):"), QStringLiteral("secondaryHostEdit"), Field::SecondaryHost);
    m_port = addField(tr("&Port:"), QStringLiteral("portEdit"), Field::Port);
    m_port->setPlaceholderText(QStringLiteral("3306"));
    m_user = addField(tr("&User:"), QStringLiteral("userEdit"), Field::User);
    m_password = lineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(QStringLiteral("revealPasswordButton"));
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_reveal->setAccessibleName(tr("Show the password"));
    m_reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    connect(m_reveal, &QToolButton::toggled, this, [this](bool shown) {
        m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto *passwordRow = new QWidget(this);
    auto *passwordLayout = new QHBoxLayout(passwordRow);
    passwordLayout->setContentsMargins(0, 0, 0, 0);
    passwordLayout->addWidget(m_password, 1);
    passwordLayout->addWidget(m_reveal);
    addField(tr("Pass&word:"), QStringLiteral("passwordEdit"), Field::Password, passwordRow);
    m_database = addField(tr("&Database:"), QStringLiteral("databaseEdit"), Field::Database);
    m_caFile = lineEdit(this);
    addField(tr("&CA certificate:"), QStringLiteral("caFileEdit"), Field::CaFile,
             filePicker(m_caFile, tr("CA certificate")));
    m_certFile = lineEdit(this);
    addField(tr("Client certi&ficate:"), QStringLiteral("certFileEdit"), Field::CertFile,
             filePicker(m_certFile, tr("Client certificate")));
    m_keyFile = lineEdit(this);
    addField(tr("Client &key:"), QStringLiteral("keyFileEdit"), Field::KeyFile,
             filePicker(m_keyFile, tr("Client key")));

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("generatedUrl"));
    m_url->setAccessibleName(tr("Generated URL, password masked"));
    m_url->setReadOnly(true);
    m_copyUrl = new QPushButton(tr("Cop&y URL"), this);
    m_copyUrl->setObjectName(QStringLiteral("copyUrlButton"));
    m_copyUrl->setToolTip(tr("Copies the URL with its password; the clipboard is cleared after %1 s")
                              .arg(SecretClipboard::instance()->clearDelayMs() / 1000));
    connect(m_copyUrl, &QPushButton::clicked, this, &DedicatedClusterDialog::copyUrl);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyUrl);
    form->addRow(tr("URL:"), urlRow);

    m_snippets = new QTabWidget(this);
    m_snippets->setObjectName(QStringLiteral("snippetTabs"));
    m_snippets->setAccessibleName(tr("Framework snippets"));
    for (const Framework::Id framework : Framework::snippetFrameworks()) {
        auto *text = new QPlainTextEdit(m_snippets);
        text->setObjectName(QStringLiteral("snippet_") + Framework::name(framework));
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setAccessibleName(tr("%1 snippet").arg(Framework::displayName(framework)));
        m_snippets->addTab(text, Framework::displayName(framework));
    }
    layout->addWidget(m_snippets, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copySnippet = buttons->addButton(tr("Copy &snippet"), QDialogButtonBox::ActionRole);
    m_copySnippet->setObjectName(QStringLiteral("copySnippetButton"));
    connect(m_copySnippet, &QPushButton::clicked, this, [this] {
        // Snippets read the password from DB_PASSWORD: they hold no secret, a plain copy is fine.
        if (auto *text = qobject_cast<QPlainTextEdit *>(m_snippets->currentWidget()))
            QGuiApplication::clipboard()->setText(text->toPlainText());
    });
    m_assign = buttons->addButton(tr("&Assign to DATABASE_URL…"), QDialogButtonBox::ActionRole);
    m_assign->setObjectName(QStringLiteral("assignButton"));
    connect(m_assign, &QPushButton::clicked, this, &DedicatedClusterDialog::assign);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (QLineEdit *edit :
         {m_host, m_secondary, m_port, m_user, m_password, m_database, m_caFile, m_certFile, m_keyFile})
        connect(edit, &QLineEdit::textChanged, this, &DedicatedClusterDialog::revalidate);
    resize(720, 760);
    revalidate();
}

QLineEdit *DedicatedClusterDialog::addField(const QString &label, const QString &objectName, Field field,
                                            QWidget *editor)
{
    QLineEdit *edit = editor ? editor->findChild<QLineEdit *>() : lineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    auto *message = new QLabel(this);
    message->setObjectName(objectName.chopped(4) + QStringLiteral("Message"));
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->hide();
    m_messages.insert(int(field), message);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(editor ? editor : edit);
    column->addWidget(message);
    m_form->addRow(label, column);
    if (auto *buddy = qobject_cast<QLabel *>(m_form->labelForField(column)))
        buddy->setBuddy(edit);
    return edit;
}

QWidget *DedicatedClusterDialog::filePicker(QLineEdit *edit, const QString &title)
{
    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    edit->setPlaceholderText(tr("optional, a PEM file"));
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Choose the %1 file").arg(title));
    rowLayout->addWidget(edit, 1);
    rowLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title] {
        // open(), not the static getOpenFileName(): no nested event loop.
        auto *picker = new QFileDialog(this, title);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        picker->setFileMode(QFileDialog::ExistingFile);
        picker->setNameFilters({tr("PEM files (*.pem *.crt *.key)"), tr("All files (*)")});
        connect(picker, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        picker->open();
    });
    return row;
}

DedicatedClusterSpec DedicatedClusterDialog::spec() const
{
    DedicatedClusterSpec spec;
    spec.host = m_host->text();
    spec.secondaryHost = m_secondary->text();
    const QString port = m_port->text().trimmed();
    bool numeric = true;
    // Anything that is not a number is out of range, so validate() names the port field.
    spec.port = port.isEmpty() ? 0 : port.toInt(&numeric);
    if (!numeric)
        spec.port = -1;
    spec.user = m_user->text();
    spec.password = m_password->text();
    spec.database = m_database->text();
    spec.caFile = m_caFile->text().trimmed();
    spec.certFile = m_certFile->text().trimmed();
    spec.keyFile = m_keyFile->text().trimmed();
    return spec;
}

void DedicatedClusterDialog::revalidate()
{
    const DedicatedClusterSpec current = spec();
    const ClusterSpecValidation validation = current.validate();
    for (auto it = m_messages.constBegin(); it != m_messages.constEnd(); ++it) {
        const Field field = Field(it.key());
        const QStringList messages = validation.messagesFor(field);
        bool problem = false;
        for (const ClusterSpecValidation::Issue &issue : validation.problems)
            problem = problem || issue.field == field;
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setStyleSheet(problem ? QStringLiteral("QLabel { color: #d03c3c; }")
                                          : QStringLiteral("QLabel { color: #a87800; }"));
        // Before the user typed anything, "enter the host" is noise, not news.
        const bool untouched =
            m_host->text().isEmpty() && m_user->text().isEmpty() && m_database->text().isEmpty();
        it.value()->setVisible(!messages.isEmpty() && !untouched);
    }
    const DatabaseUrl::ParseResult url = validation.ok() ? current.toUrl() : DatabaseUrl::ParseResult();
    m_valid = validation.ok() && url.ok();
    m_url->setText(m_valid ? url.url.redacted() : QString());
    m_url->setCursorPosition(0); // the scheme and user first; the host follows the mask
    m_url->setPlaceholderText(tr("Fill in the fields above; the URL appears here."));
    m_copyUrl->setEnabled(m_valid);
    m_copySnippet->setEnabled(m_valid);
    m_assign->setEnabled(m_valid && m_client && !m_app.isEmpty());
    m_assign->setToolTip(m_app.isEmpty() ? tr("Select an app in the main window first")
                                         : tr("Write this URL into DATABASE_URL of %1").arg(m_app));
    updateSnippets(current, validation.keyIsEncrypted);
}

void DedicatedClusterDialog::updateSnippets(const DedicatedClusterSpec &spec, bool keyIsEncrypted)
{
    const QList<Framework::Id> frameworks = Framework::snippetFrameworks();
    for (int i = 0; i < frameworks.size(); ++i) {
        auto *text = qobject_cast<QPlainTextEdit *>(m_snippets->widget(i));
        if (!m_valid) {
            text->setPlainText(tr("The snippet appears once the fields above are valid."));
            continue;
        }
        const DatabaseUrl::ParseResult url = spec.toUrl(frameworks.at(i));
        FrameworkSnippet::Options options;
        options.keyIsEncrypted = keyIsEncrypted;
        text->setPlainText(url.ok() ? FrameworkSnippet::generate(url.url, frameworks.at(i), options).text()
                                    : url.error.message);
    }
}

void DedicatedClusterDialog::setTarget(HerokuClient *client, const QString &app)
{
    m_client = client;
    m_app = app;
    revalidate();
}

void DedicatedClusterDialog::copyUrl()
{
    const DatabaseUrl::ParseResult url = spec().toUrl();
    if (url.ok())
        SecretClipboard::instance()->copy(url.url.toString());
}

void DedicatedClusterDialog::assign()
{
    const DatabaseUrl::ParseResult url = spec().toUrl();
    if (!url.ok() || !m_client)
        return;
    auto *dialog = new ConfigAssignmentDialog(m_client, this);
    connect(dialog, &ConfigAssignmentDialog::applied, this, &DedicatedClusterDialog::assigned);
    dialog->startAssign(m_app, Secret(url.url.toString()));
    dialog->open();
}
