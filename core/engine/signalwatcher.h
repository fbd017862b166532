#pragma once

#include <QObject>

class QSocketNotifier;

namespace ThreadLab {

// Turns SIGINT and SIGTERM into a Qt signal on the thread that owns the watcher (the
// self-pipe trick: the handler only writes a byte). One instance at a time. Where there are
// no POSIX signals it watches nothing and the default handling stays.
class SignalWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace ThreadLab
