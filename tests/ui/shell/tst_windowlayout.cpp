// SPDX-License-Identifier: MIT
// The main window's layout as a first user meets it, against the real heroku-sim: the app list keeps
// its width across the tabs, the window keeps its size while its content changes, the default width
// shows a long app name whole, no label shows a stray mnemonic '&', the title names the product once,
// the message bar follows the dark scheme, and the TLS card and Add ClearDB's warning clip no text.
#include "AddonTestWindow.h"
#include "AppInfo.h"
#include "TestProcesses.h"
#include "UiTestHelpers.h"
#include "account/LoginDialog.h"
#include "addons/ProvisionDialog.h"
#include "configvars/ConfigVarEditDialog.h"
#include "connection/ProbeWaterfall.h"
#include "connection/ServerIdentityView.h"
#include "connection/TlsCardView.h"
#include "credentials/InMemoryCredentialStore.h"
#include "heroku/HerokuClient.h"
#include "probe/TlsCard.h"
#include "shell/DesktopColorScheme.h"
#include "widgets/MessageBar.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSplitter>
#include <QTabWidget>
#include <QtMath>
#include <QtTest>

using namespace AddonTestWindow;

namespace {
// Heroku app names have at most 30 characters.
const QString LongAppName = QStringLiteral("cleardb-console-staging-euwest");

// WCAG 2.x relative luminance and contrast ratio.
double luminance(const QColor &color)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// The labels under `root` whose text does not fit the room they were given: "name: why".
QStringList clippedLabels(QWidget *root)
{
    QStringList clipped;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QString name = label->objectName().isEmpty() ? label->text().left(30) : label->objectName();
        if (label->wordWrap()) {
            if (label->heightForWidth(label->width()) > label->height())
                clipped << QStringLiteral("%1: needs %2 px height, has %3")
                               .arg(name)
                               .arg(label->heightForWidth(label->width()))
                               .arg(label->height());
            // A word longer than the line cannot wrap and runs out of the label.
            if (label->minimumSizeHint().width() > label->width())
                clipped << QStringLiteral("%1: needs %2 px width, has %3")
                               .arg(name)
                               .arg(label->minimumSizeHint().width())
                               .arg(label->width());
        } else if (label->sizeHint().width() > label->width() ||
                   label->sizeHint().height() > label->height()) {
            clipped << QStringLiteral("%1: needs %2x%3, has %4x%5")
                           .arg(name)
                           .arg(label->sizeHint().width())
                           .arg(label->sizeHint().height())
                           .arg(label->width())
                           .arg(label->height());
        }
    }
    return clipped;
}

// Labels showing a literal '&': a mnemonic marker is only processed when the label has a buddy.
QStringList strayAmpersands(QWidget *root)
{
    QStringList stray;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        const QString text = QString(label->text()).remove(QStringLiteral("&&"));
        if (label->isVisible() && !label->buddy() && label->textFormat() != Qt::RichText &&
            text.contains(QLatin1Char('&')))
            stray << label->text();
    }
    return stray;
}
// Like openOnApp(), in sandbox mode: the monitor's row then has the drill's buttons too.
bool openSandboxOnApp(MainWindow &window, const SimProcess &sim, const QString &app)
{
    ConsoleConnection sandbox = connectionTo(sim);
    sandbox.sandbox = true;
    QSignalSpy shown(&window, &MainWindow::appDetailsShown);
    window.setInitialApp(app);
    window.open(sandbox);
    window.show();
    return QTest::qWaitForWindowExposed(&window) && shown.wait(10000);
}
} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void appListKeepsItsWidthAcrossTabs();
    void windowKeepsItsSizeWhileContentChanges();
    void defaultWidthShowsALongAppName();
    void noLabelShowsAStrayAmpersand();
    void titleNamesTheProductOnce();
    void messageBarFollowsTheDarkScheme_data();
    void messageBarFollowsTheDarkScheme();
    void tlsCardClipsNoText();
    void addClearDbWarningClipsNoText();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestWindowLayout::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(m_sim.errorString()));
}

void TestWindowLayout::appListKeepsItsWidthAcrossTabs()
{
    MainWindow window(&m_network);
    QVERIFY(openSandboxOnApp(window, m_sim, SimProcess::appName(0)));
    auto *splitter = child<QSplitter>(&window, "mainSplitter");
    const int before = splitter->sizes().at(0);
    QVERIFY2(before > 150, qPrintable(QString::number(before)));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(child<QWidget>(&window, "monitorView")->isVisible());
    QTest::qWait(50);
    QVERIFY2(splitter->sizes().at(0) >= before, qPrintable(QString::number(splitter->sizes().at(0))));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTest::qWait(50);
    QVERIFY2(splitter->sizes().at(0) >= before, qPrintable(QString::number(splitter->sizes().at(0))));
}

void TestWindowLayout::windowKeepsItsSizeWhileContentChanges()
{
    MainWindow window(&m_network);
    QVERIFY(openSandboxOnApp(window, m_sim, SimProcess::appName(0)));
    const QSize size = window.size();
    auto *tabs = child<QTabWidget>(&window, "databaseTabs");
    for (int app = 0; app < 3; ++app) {
        QSignalSpy shown(&window, &MainWindow::appDetailsShown);
        window.setInitialApp(SimProcess::appName(app));
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        QVERIFY(shown.wait(10000));
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QTest::qWait(50);
            QCOMPARE(window.size(), size);
        }
    }
    // A long notice wraps inside the window instead of widening it.
    window.showNotice(QStringLiteral("The sandbox's Heroku state starts afresh each time: apps, add-ons and "
                                     "config vars made in an earlier session are gone, and so are the "
                                     "databases' contents unless the sandbox keeps its state directory."),
                      MessageBar::Warning);
    QTest::qWait(50);
    QCOMPARE(window.size(), size);
}

void TestWindowLayout::defaultWidthShowsALongAppName()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, SimProcess::appName(0)));
    auto *apps = child<QTreeView>(&window, "appTable");
    const QModelIndex first = apps->model()->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(apps);
    const int overhead = apps->itemDelegate()->sizeHint(option, first).width() -
                         apps->fontMetrics().horizontalAdvance(first.data().toString());
    const int needed = overhead + apps->fontMetrics().horizontalAdvance(LongAppName);
    QVERIFY2(
        apps->header()->sectionSize(0) >= needed,
        qPrintable(
            QStringLiteral("name column %1 px, needs %2").arg(apps->header()->sectionSize(0)).arg(needed)));
}

void TestWindowLayout::noLabelShowsAStrayAmpersand()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, SimProcess::appName(0)));
    QStringList stray = strayAmpersands(&window);
    for (int tab = 1; tab < 3; ++tab) {
        child<QTabWidget>(&window, "databaseTabs")->setCurrentIndex(tab);
        stray << strayAmpersands(&window);
    }
    InMemoryCredentialStore store;
    LoginDialog login(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()), &store);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    stray << strayAmpersands(&login);
    ConfigVarEditDialog edit(ConfigVarEditDialog::Edit);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    stray << strayAmpersands(&edit);
    QVERIFY2(stray.isEmpty(), qPrintable(stray.join(QStringLiteral(", "))));
}

void TestWindowLayout::titleNamesTheProductOnce()
{
    // As main() sets it; X11 and Windows append the display name to a title that does not end with
    // it (QPlatformWindow::formatWindowTitle), so "<title> — ClearDB Console" is what they show.
    QGuiApplication::setApplicationDisplayName(AppInfo::productName());
    const auto shownTitle = [](const QWidget &window) {
        const QString title = window.windowTitle();
        return title.endsWith(QGuiApplication::applicationDisplayName())
                   ? title
                   : title + QStringLiteral(" — ") + QGuiApplication::applicationDisplayName();
    };
    for (bool sandbox : {false, true}) {
        MainWindow window(&m_network);
        ConsoleConnection connection = connectionTo(m_sim);
        connection.sandbox = sandbox;
        window.open(connection);
        const QString shown = shownTitle(window);
        QVERIFY2(shown.count(AppInfo::productName()) == 1, qPrintable(shown));
        QCOMPARE(shown.contains(QStringLiteral("Sandbox")), sandbox);
    }
}

void TestWindowLayout::messageBarFollowsTheDarkScheme_data()
{
    QTest::addColumn<int>("type");
    QTest::newRow("information") << int(MessageBar::Information);
    QTest::newRow("positive") << int(MessageBar::Positive);
    QTest::newRow("warning") << int(MessageBar::Warning);
    QTest::newRow("error") << int(MessageBar::Error);
}

void TestWindowLayout::messageBarFollowsTheDarkScheme()
{
    QFETCH(int, type);
    QWidget host;
    host.setPalette(DesktopColorScheme::darkPalette());
    auto *bar = new MessageBar(&host);
    bar->showMessage(QStringLiteral("The sandbox's Heroku state starts afresh."), MessageBar::Type(type));
    host.resize(600, 80);
    bar->resize(600, bar->sizeHint().height());
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    const QImage image = bar->grab().toImage();
    // Inside the border, below the text: the bar's own background.
    const QColor background = image.pixelColor(image.width() / 2, image.height() - 3);
    const QColor text = child<QLabel>(bar, "messageText")->palette().color(QPalette::WindowText);
    QVERIFY2(DesktopColorScheme::isDark(background), qPrintable(background.name()));
    QVERIFY2(contrast(background, text) >= 4.5,
             qPrintable(QStringLiteral("%1 on %2").arg(text.name(), background.name())));
}

void TestWindowLayout::tlsCardClipsNoText()
{
    MainWindow window(&m_network);
    QVERIFY(openSandboxOnApp(window, m_sim, SimProcess::appName(0)));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto *card = child<TlsCardView>(&window, "tlsCard");
    QTRY_VERIFY(card->isVisible());
    // A whole probe on screen, as after Test connection: every stage timed, the server named.
    ProbeResult result;
    result.target =
        QStringLiteral("mysql://b5f1c2e3a4d5e6:***@us-cdbr-east-06.cleardb.net/heroku_0a1b2c3d4e5f6a7");
    for (ProbeStage stage : {ProbeStage::Dns, ProbeStage::Tcp, ProbeStage::Greeting, ProbeStage::Tls,
                             ProbeStage::Auth, ProbeStage::Query})
        result.stages.append({stage, 12.5, true});
    result.totalMs = 75;
    result.server.greetingVersion = QStringLiteral("5.6.50-log");
    result.server.answered = true;
    result.server.serverId = 2;
    result.server.hostname = QStringLiteral("us-cdbr-east-06-replica.cleardb.net");
    result.server.version = QStringLiteral("5.6.50-log MySQL Community Server (GPL)");
    child<ProbeWaterfall>(&window, "probeWaterfall")->setResult(result);
    child<ServerIdentityView>(&window, "serverIdentity")->setIdentity(result.server);
    TlsCard tls;
    tls.state = TlsCard::State::ChainOkHostnameMismatch;
    tls.protocol = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls.subject = QStringLiteral("CN=us-cdbr-east-06.cleardb.net,O=ClearDB Inc.,L=Dallas,C=US");
    tls.issuer = QStringLiteral("CN=ClearDB Inc Intermediate CA,O=ClearDB Inc.,C=US");
    tls.notAfter = QDateTime::currentDateTimeUtc().addDays(200);
    tls.verificationErrors = {QStringLiteral("The host name did not match any of the valid hosts for this "
                                             "certificate (us-cdbr-east-06.cleardb.net)")};
    card->setCard(tls);
    // The labels are laid out over the next event loop turns (slower in a sanitizer build): wait for it.
    QStringList clipped;
    QTRY_VERIFY2((clipped = clippedLabels(child<QWidget>(&window, "connectionTab"))).isEmpty(),
                 qPrintable(clipped.join(QStringLiteral("; "))));
}

void TestWindowLayout::addClearDbWarningClipsNoText()
{
    HerokuClient client(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
    client.setToken(m_sim.token());
    QWidget parent;
    auto *dialog = new ProvisionDialog(&client, SimProcess::appName(0), &parent);
    dialog->setExistingAddons({QStringLiteral("cleardb-shaped-12345"), QStringLiteral("cleardb-aqua-67890")});
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(dialog, "planCombo")->isEnabled(), 10000);
    QStringList clipped;
    QTRY_VERIFY2((clipped = clippedLabels(dialog)).isEmpty(), qPrintable(clipped.join(QStringLiteral("; "))));
    delete dialog;
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
