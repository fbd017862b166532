#pragma once

#include "engine/runsettings.h"
#include "results/variantresult.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace ThreadLab {

class EventLog;
class Runner;
struct Scenario;

// Owns the engine thread and the Runner living on it. The GUI and the command line talk to
// the engine only through this object: start, cancel, and queued signals back.
class Engine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QObject* parent = nullptr);
    ~Engine() override;

    void setWorkerProgram(const QString& path);
    void setHangGraceMs(qint64 ms);
    void setMaxEventsPerChild(qint64 n);
    // Starts a run unless one is going; returns false if one is.
    bool start(const Scenario& scenario, const RunSettings& settings);
    void cancel();
    bool isRunning() const noexcept { return m_running; }

Q_SIGNALS:
    void variantStarted(int index, const QString& name, std::shared_ptr<const ThreadLab::EventLog> log);
    void variantFinished(int index, const ThreadLab::VariantResult& result);
    void runFinished(const ThreadLab::RunResult& result);

private:
    QThread m_thread;
    Runner* m_runner = nullptr; // lives on m_thread, deleted there
    bool m_running = false;
};

} // namespace ThreadLab
