#include "engine/engine.h"

#include "engine/eventlog.h"
#include "engine/runner.h"
#include "scenario/scenario.h"

#include <QEventLoop>
#include <QTimer>

namespace ThreadLab {

Engine::Engine(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ThreadLab::VariantResult>();
    qRegisterMetaType<ThreadLab::RunResult>();
    qRegisterMetaType<std::shared_ptr<const ThreadLab::EventLog>>();
    m_thread.setObjectName(QStringLiteral("threadlab-engine"));
    m_runner = new Runner;
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &Runner::variantStarted, this, &Engine::variantStarted);
    connect(m_runner, &Runner::variantFinished, this, &Engine::variantFinished);
    connect(m_runner, &Runner::runFinished, this, [this](const RunResult& result) {
        m_running = false;
        Q_EMIT runFinished(result);
    });
    m_thread.start();
}

Engine::~Engine()
{
    if (m_running) {
        // Let the run end cleanly (children killed and reaped) before the thread goes.
        QEventLoop loop;
        connect(this, &Engine::runFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        m_runner->requestCancel();
        loop.exec();
    }
    m_thread.quit();
    m_thread.wait();
}

void Engine::setWorkerProgram(const QString& path)
{
    Runner* runner = m_runner;
    QMetaObject::invokeMethod(m_runner, [runner, path] { runner->setWorkerProgram(path); }, Qt::BlockingQueuedConnection);
}

void Engine::setHangGraceMs(qint64 ms)
{
    Runner* runner = m_runner;
    QMetaObject::invokeMethod(m_runner, [runner, ms] { runner->setHangGraceMs(ms); }, Qt::BlockingQueuedConnection);
}

void Engine::setMaxEventsPerChild(qint64 n)
{
    Runner* runner = m_runner;
    QMetaObject::invokeMethod(
        m_runner, [runner, n] { runner->setMaxEventsPerChild(static_cast<std::size_t>(n)); },
        Qt::BlockingQueuedConnection);
}

bool Engine::start(const Scenario& scenario, const RunSettings& settings)
{
    if (m_running)
        return false;
    m_running = true;
    m_runner->queueRun(scenario, settings);
    return true;
}

void Engine::cancel()
{
    if (m_running)
        m_runner->requestCancel();
}

} // namespace ThreadLab
