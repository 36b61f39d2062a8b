// SPDX-License-Identifier: MIT
#include "probe/SqlWorkerThread.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <thread>

namespace {

// A worker whose job blocks its thread until released, like a QMYSQL call
// waiting for a server; it records where it is destroyed.
class BlockingWorker : public QObject
{
public:
    explicit BlockingWorker(QSemaphore *release, std::atomic<int> *destroyedIn)
        : m_release(release), m_destroyedIn(destroyedIn)
    {
    }
    ~BlockingWorker() override
    {
        m_destroyedIn->store(QThread::currentThread() == QCoreApplication::instance()->thread() ? 1 : 2);
    }
    void job()
    {
        m_started.release();
        m_release->acquire();
    }
    QSemaphore m_started;

private:
    QSemaphore *m_release;
    std::atomic<int> *m_destroyedIn; // 0 alive, 1 main thread, 2 its own thread
};

} // namespace

// The orderly end both programs run after their event loop returns: every SQL worker
// thread, still owned or already let go, is asked to quit and waited for, within a bound.
class TstSqlWorkerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quitsAndAwaitsLiveWorkersMidJob();
    void awaitsWorkersAlreadyLetGo();
    void neverWaitsBeyondTheBound();
};

void TstSqlWorkerThread::quitsAndAwaitsLiveWorkersMidJob()
{
    QSemaphore release;
    std::atomic<int> destroyedIn{0};
    auto *worker = new BlockingWorker(&release, &destroyedIn);
    SqlWorkerThread thread(worker); // still owned, as by a window that has not been destroyed yet
    QMetaObject::invokeMethod(worker, [worker] { worker->job(); });
    QVERIFY(worker->m_started.tryAcquire(1, 5000)); // the premise: the job is running
    QElapsedTimer clock;
    clock.start();
    // The job ends on its own a little later; no event loop runs meanwhile, as after exec() returned.
    std::thread releaser([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        release.release();
    });
    const bool ended = SqlWorkerThread::quitAllAndWait(5000);
    releaser.join();
    QVERIFY(ended);
    QCOMPARE(destroyedIn.load(), 2); // the worker (and its connection) went in its own thread
    QVERIFY(clock.elapsed() < 4000);
}

void TstSqlWorkerThread::awaitsWorkersAlreadyLetGo()
{
    QSemaphore release;
    std::atomic<int> destroyedIn{0};
    auto *worker = new BlockingWorker(&release, &destroyedIn);
    auto thread = std::make_unique<SqlWorkerThread>(worker);
    QMetaObject::invokeMethod(worker, [worker] { worker->job(); });
    QVERIFY(worker->m_started.tryAcquire(1, 5000));
    thread.reset(); // the owner is gone; the thread ends once the job returns
    std::thread releaser([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        release.release();
    });
    const bool ended = SqlWorkerThread::quitAllAndWait(5000);
    releaser.join();
    QVERIFY(ended);
    QCOMPARE(destroyedIn.load(), 2);
}

void TstSqlWorkerThread::neverWaitsBeyondTheBound()
{
    QSemaphore release;
    std::atomic<int> destroyedIn{0};
    auto *worker = new BlockingWorker(&release, &destroyedIn);
    SqlWorkerThread thread(worker);
    QMetaObject::invokeMethod(worker, [worker] { worker->job(); });
    QVERIFY(worker->m_started.tryAcquire(1, 5000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!SqlWorkerThread::quitAllAndWait(300)); // stuck: reported, not waited for
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(destroyedIn.load(), 0);
    release.release();
    QVERIFY(SqlWorkerThread::quitAllAndWait(5000));
    QCOMPARE(destroyedIn.load(), 2);
}

QTEST_GUILESS_MAIN(TstSqlWorkerThread)
#include "tst_sqlworkerthread.moc"
