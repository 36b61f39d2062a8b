// SPDX-License-Identifier: MIT
#include "credentials/NetrcFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <QElapsedTimer>
#include <QThread>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

// ~/.netrc on disk: loading with a permission warning, saving atomically with mode 0600.
class TstNetrcFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void missingFileIsEmptyNotAnError();
    void warnsWhenOthersCanRead_data();
    void warnsWhenOthersCanRead();
    void savesWithOwnerOnlyMode_data();
    void savesWithOwnerOnlyMode();
    void failedWriteLeavesOldFile();
    void unwritableLocationCreatesNothing_data();
    void unwritableLocationCreatesNothing();
    void refusesDirectoriesAndHugeFiles();
    void refusesFilesOthersCanWrite_data();
    void refusesFilesOthersCanWrite();
    void refusesFilesOfAnotherUser();
    void fifoDoesNotBlock();
    void deviceIsRefused();
    void writesThroughSymlink();
    void showsHomeAsTilde();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    NetrcFile::Loaded m_fifoLoaded;
    mode_t m_umask = 022;
};

void TstNetrcFile::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // With umask 0 a careless writer would create a world-writable file.
    m_umask = ::umask(0);
}

void TstNetrcFile::cleanup()
{
    ::umask(m_umask);
    m_home.reset();
}

void TstNetrcFile::missingFileIsEmptyNotAnError()
{
    const NetrcFile file(m_home->filePath(QStringLiteral(".netrc")), m_home->path());
    const NetrcFile::Loaded loaded = file.load();
    QVERIFY(!loaded.exists);
    QVERIFY(!loaded.error.isError());
    QVERIFY(loaded.netrc.entries().isEmpty());
}

void TstNetrcFile::warnsWhenOthersCanRead_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("warns");
    QTest::newRow("0600") << 0600 << false;
    QTest::newRow("0400") << 0400 << false;
    QTest::newRow("0644") << 0644 << true;
    QTest::newRow("0640") << 0640 << true;
    QTest::newRow("0604") << 0604 << true;
    QTest::newRow("0440") << 0440 << true;
}

void TstNetrcFile::warnsWhenOthersCanRead()
{
    QFETCH(int, mode);
    QFETCH(bool, warns);
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    QVERIFY(writeFile(path, "machine api.heroku.com password tok\n"));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    const NetrcFile::Loaded loaded = NetrcFile(path, m_home->path()).load();
    QVERIFY(loaded.exists);
    QVERIFY(!loaded.error.isError());
    QCOMPARE(!loaded.permissionWarning.isEmpty(), warns);
    if (warns)
        QVERIFY(loaded.permissionWarning.contains(QStringLiteral("chmod 600 ~/.netrc")));
}

void TstNetrcFile::savesWithOwnerOnlyMode_data()
{
    QTest::addColumn<int>("existingMode"); // -1: no file yet
    QTest::newRow("new file") << -1;
    QTest::newRow("replaces a 0644 file") << 0644;
    QTest::newRow("replaces a 0666 file") << 0666;
    QTest::newRow("keeps 0600") << 0600;
}

void TstNetrcFile::savesWithOwnerOnlyMode()
{
    QFETCH(int, existingMode);
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    if (existingMode >= 0) {
        QVERIFY(writeFile(path, "machine old password old\n"));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(existingMode)), 0);
    }
    const QByteArray bytes("machine api.heroku.com\n  login a@b.c\n  password tok\n");
    const NetrcError error = NetrcFile(path, m_home->path()).save(bytes);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(readFile(path), bytes);
    QCOMPARE(modeOf(path), mode_t(0600));
    // Nothing but the file itself is left in the directory (no temporary file).
    QCOMPARE(QDir(m_home->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral(".netrc")});
}

void TstNetrcFile::failedWriteLeavesOldFile()
{
    // Make the write itself fail half-way with a file size limit (works even
    // for root, unlike a read-only directory): the old file must stay intact.
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    const QByteArray original("machine keep.example.com password keep\n");
    QVERIFY(writeFile(path, original));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);

    struct rlimit old = {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = old;
    limited.rlim_cur = 4096;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    const NetrcError error = NetrcFile(path, m_home->path()).save(QByteArray(64 * 1024, '#'));
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previousHandler);

    QCOMPARE(error.kind, NetrcError::Kind::WriteFailed);
    QVERIFY(
        error.describe(QStringLiteral("~/.netrc")).startsWith(QStringLiteral("~/.netrc: cannot be written")));
    QCOMPARE(readFile(path), original);
    QCOMPARE(QDir(m_home->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral(".netrc")});
}

void TstNetrcFile::unwritableLocationCreatesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("home is a plain file") << QStringLiteral("file");
    QTest::newRow("read-only directory") << QStringLiteral("readonly");
}

void TstNetrcFile::unwritableLocationCreatesNothing()
{
    QFETCH(QString, kind);
    QString dir = m_home->filePath(QStringLiteral("home"));
    if (kind == QLatin1String("file")) {
        // No file can be created below a regular file, not even by root.
        QVERIFY(writeFile(dir, "x"));
    } else if (::geteuid() == 0) {
        // Root ignores directory modes; procfs refuses new files to everyone.
        dir = QStringLiteral("/proc");
    } else {
        QVERIFY(QDir().mkpath(dir));
        QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0500), 0);
    }
    const QStringList before = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const NetrcError error = NetrcFile(dir + QStringLiteral("/.netrc")).save("machine a password SECRETb\n");
    QCOMPARE(error.kind, NetrcError::Kind::WriteFailed);
    QVERIFY(!error.message.contains(QStringLiteral("SECRET")));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/.netrc")));
    if (dir != QLatin1String("/proc")) {
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
        ::chmod(QFile::encodeName(dir).constData(), 0700);
    }
}

void TstNetrcFile::refusesDirectoriesAndHugeFiles()
{
    const QString dir = m_home->filePath(QStringLiteral(".netrc"));
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(NetrcFile(dir).load().error.kind, NetrcError::Kind::ReadFailed);

    const QString huge = m_home->filePath(QStringLiteral("huge"));
    QVERIFY(writeFile(huge, QByteArray(Netrc::MaximumSize + 10, '\n')));
    QCOMPARE(::chmod(QFile::encodeName(huge).constData(), 0600), 0); // umask 0 made it 0666
    QCOMPARE(NetrcFile(huge).load().error.kind, NetrcError::Kind::TooLarge);
}

void TstNetrcFile::refusesFilesOthersCanWrite_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0666") << 0666;
    QTest::newRow("0620") << 0620;
    QTest::newRow("0602") << 0602;
    QTest::newRow("0660") << 0660;
}

void TstNetrcFile::refusesFilesOthersCanWrite()
{
    // Whoever can write the file can put their own token in it, and then our
    // requests (config vars with database passwords included) go to their account.
    QFETCH(int, mode);
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    QVERIFY(writeFile(path, "machine api.heroku.com password tok\n"));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    QCOMPARE(modeOf(path), mode_t(mode));
    const NetrcFile::Loaded loaded = NetrcFile(path, m_home->path()).load();
    QVERIFY(loaded.exists);
    QCOMPARE(loaded.error.kind, NetrcError::Kind::UnsafePermissions);
    QVERIFY(loaded.netrc.entries().isEmpty());
    const QString text = loaded.error.describe(QStringLiteral("~/.netrc"));
    QVERIFY2(text.contains(QStringLiteral("chmod 600 ~/.netrc")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("tok")));
}

void TstNetrcFile::refusesFilesOfAnotherUser()
{
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    if (::geteuid() == 0) {
        // As root: a file that belongs to nobody, readable and writable by all.
        QVERIFY(writeFile(path, "machine api.heroku.com password planted\n"));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    } else {
        // Without root we cannot give a file away, but a link to a file of root's does the same.
        if (!QFileInfo(QStringLiteral("/etc/hostname")).isReadable())
            QSKIP("not root and no readable root-owned file (/etc/hostname) to link to");
        QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), path));
    }
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QVERIFY(st.st_uid != ::geteuid()); // the premise: somebody else owns it
    const NetrcFile::Loaded loaded = NetrcFile(path, m_home->path()).load();
    QVERIFY(loaded.exists);
    QCOMPARE(loaded.error.kind, NetrcError::Kind::UnsafeOwner);
    QVERIFY(loaded.netrc.entries().isEmpty());
    const QString text = loaded.error.describe(QStringLiteral("~/.netrc"));
    QVERIFY2(text.contains(QStringLiteral("uid %1").arg(st.st_uid)), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("planted")));
}

void TstNetrcFile::fifoDoesNotBlock()
{
    // A FIFO with no writer: a plain open() for reading waits for one forever.
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QThread *loader =
        QThread::create([this, path] { m_fifoLoaded = NetrcFile(path, m_home->path()).load(); });
    loader->start();
    const bool returned = loader->wait(QDeadlineTimer(5000));
    if (!returned) {
        // Release the blocked reader (a writer appears and leaves) so the test can end.
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
        loader->wait();
    }
    delete loader;
    QVERIFY2(returned, "load() blocked on a FIFO for 5 s");
    QCOMPARE(m_fifoLoaded.error.kind, NetrcError::Kind::NotRegularFile);
    QVERIFY(m_fifoLoaded.error.message.contains(QStringLiteral("not a regular file")));
}

void TstNetrcFile::deviceIsRefused()
{
    // ~/.netrc pointing at a device: never read from it (/dev/zero would feed zeros, a tty would wait).
    const QString path = m_home->filePath(QStringLiteral(".netrc"));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    QElapsedTimer clock;
    clock.start();
    const NetrcFile::Loaded loaded = NetrcFile(path, m_home->path()).load();
    QVERIFY(clock.elapsed() < 2000);
    QVERIFY(loaded.exists);
    QCOMPARE(loaded.error.kind, NetrcError::Kind::NotRegularFile);
}

void TstNetrcFile::writesThroughSymlink()
{
    const QString target = m_home->filePath(QStringLiteral("dotfiles-netrc"));
    const QString link = m_home->filePath(QStringLiteral(".netrc"));
    QVERIFY(writeFile(target, "machine old password old\n"));
    QVERIFY(QFile::link(target, link));
    QVERIFY(!NetrcFile(link).save("machine new password new\n").isError());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readFile(target), QByteArray("machine new password new\n"));
    QCOMPARE(modeOf(target), mode_t(0600));
}

void TstNetrcFile::showsHomeAsTilde()
{
    QCOMPARE(NetrcFile(NetrcFile::defaultPath(m_home->path()), m_home->path()).displayPath(),
             QStringLiteral("~/.netrc"));
    QCOMPARE(NetrcFile(QStringLiteral("/etc/netrc"), m_home->path()).displayPath(),
             QStringLiteral("/etc/netrc"));
}

QTEST_GUILESS_MAIN(TstNetrcFile)
#include "tst_netrcfile.moc"
