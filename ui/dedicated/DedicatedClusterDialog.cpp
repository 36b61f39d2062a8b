// SPDX-License-Identifier: MIT
#include "dedicated/DedicatedClusterDialog.h"

#include "configvars/ConfigAssignmentDialog.h"
#include "dedicated/ClusterSnippetTabs.h"
#include "dedicated/ConnectionTestLabel.h"
#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"
#include "widgets/MessageBar.h"
#include "widgets/SecretClipboard.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    // Two pages, so the dialog fits a 1366×768 screen: the fields with their URL, and the snippets.
    auto *pages = new QTabWidget(this);
    pages->setObjectName(QStringLiteral("dedicatedPages"));
    auto *fieldsPage = new QWidget(pages);
    auto *form = new QFormLayout(fieldsPage);
    m_form = form;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("Enter the connection details ClearDB sent for your dedicated cluster. The URL is built with "
           "every part encoded, so any character in the password is safe."),
        this));
    layout->addWidget(pages, 1);
    pages->addTab(fieldsPage, tr("C&onnection"));

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

    m_snippets = new ClusterSnippetTabs(pages);
    pages->addTab(m_snippets, tr("Framework &snippets"));

    m_testResult = new ConnectionTestLabel(this);
    layout->addWidget(m_testResult);
    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("assignMessage"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setToolTip(tr("Connect with these details (read-only) and show the server and its TLS"));
    connect(m_test, &QPushButton::clicked, this, &DedicatedClusterDialog::testConnection);
    m_copySnippet = buttons->addButton(tr("Copy sn&ippet"), QDialogButtonBox::ActionRole);
    m_copySnippet->setObjectName(QStringLiteral("copySnippetButton"));
    connect(m_copySnippet, &QPushButton::clicked, this, [this] {
        // Snippets read the password from DB_PASSWORD: they hold no secret, a plain copy is fine.
        QGuiApplication::clipboard()->setText(m_snippets->currentSnippet());
    });
    m_assign = buttons->addButton(tr("&Assign to DATABASE_URL…"), QDialogButtonBox::ActionRole);
    m_assign->setObjectName(QStringLiteral("assignButton"));
    connect(m_assign, &QPushButton::clicked, this, &DedicatedClusterDialog::assign);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Enter runs the one harmless action, Test connection (it only reads). Every other button is
    // taken out of QDialog's auto-default choice, which otherwise made the first Browse… button the
    // default when the dialog was shown, so Enter in a field opened a file picker.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
    m_test->setAutoDefault(true);
    m_test->setDefault(true);

    for (QLineEdit *edit :
         {m_host, m_secondary, m_port, m_user, m_password, m_database, m_caFile, m_certFile, m_keyFile}) {
        connect(edit, &QLineEdit::textChanged, this, &DedicatedClusterDialog::revalidate);
        // A result for other details would mislead; a new edit also makes Assign's message old news.
        connect(edit, &QLineEdit::textChanged, m_testResult, &ConnectionTestLabel::cancel);
        connect(edit, &QLineEdit::textChanged, m_message, &MessageBar::hideMessage);
    }
    revalidate();
    resize(720, sizeHint().height());
}

void DedicatedClusterDialog::offerUrlTo(const QString &buttonText)
{
    if (m_use)
        return;
    m_use = m_buttons->addButton(buttonText, QDialogButtonBox::AcceptRole);
    m_use->setObjectName(QStringLiteral("useUrlButton"));
    m_use->setAutoDefault(false);
    connect(m_use, &QPushButton::clicked, this, [this] {
        const DatabaseUrl::ParseResult url = spec().toUrl();
        if (!m_valid || !url.ok())
            return;
        Q_EMIT urlChosen(Secret(url.url.toString()));
        accept();
    });
    revalidate();
}

void DedicatedClusterDialog::done(int result)
{
    // Closing abandons a test still running; its result has nowhere to go.
    m_testResult->cancel();
    QDialog::done(result);
}

void DedicatedClusterDialog::testConnection()
{
    const DatabaseUrl::ParseResult url = spec().toUrl();
    if (!m_valid || !url.ok())
        return;
    m_message->hideMessage();
    m_testResult->start(url.url); // supersedes a test still running
}

void DedicatedClusterDialog::onAssigned(const ConfigAssignmentOutcome &outcome)
{
    // Here, in front of the user; the main window behind the dialog hears of it too (assigned()).
    m_message->showMessage(ConfigAssignmentDialog::outcomeText(outcome),
                           outcome.ok() ? MessageBar::Positive : MessageBar::Warning);
    m_message->show();
    activateWindow();
    Q_EMIT assigned(outcome);
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
    browse->setAutoDefault(false);
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
    m_test->setEnabled(m_valid);
    m_assign->setEnabled(m_valid && m_client && !m_app.isEmpty());
    if (m_use)
        m_use->setEnabled(m_valid);
    m_assign->setToolTip(m_app.isEmpty() ? tr("Select an app in the main window first")
                                         : tr("Write this URL into DATABASE_URL of %1").arg(m_app));
    m_snippets->showSpec(current, m_valid, validation.keyIsEncrypted);
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
    connect(dialog, &ConfigAssignmentDialog::applied, this, &DedicatedClusterDialog::onAssigned);
    dialog->startAssign(m_app, Secret(url.url.toString()));
    dialog->open();
}
