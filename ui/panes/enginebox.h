#pragma once

#include "engine/runsettings.h"
#include "python/pythoninterpreter.h"

#include <QComboBox>
#include <QString>

#include <vector>

namespace ThreadLab {

// Which engine runs the scenario: "Model (emulated GIL)", "Native C++ (no GIL)", "CPython (real
// Python)" or "Model + CPython" side by side. Each item's data is whether the GIL is on (what
// the Mode box held before), its engines under EngineBox::enginesRole. The CPython entries are
// greyed out, with the reason as their tooltip, while the interpreter is not usable; probing it
// runs off the GUI thread (probeInterpreter), and the last probe or setInterpreter wins.
class EngineBox : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineBox)

public:
    static constexpr int enginesRole = Qt::UserRole + 1;

    explicit EngineBox(QWidget* parent = nullptr);
    ~EngineBox() override;

    // The chosen engines: one, or model and CPython.
    std::vector<EngineKind> engines() const;
    // Chooses the item of `engines` (when empty, `engine` alone; --gil off is native).
    void setEngines(EngineKind engine, const std::vector<EngineKind>& engines, bool gil);

    // Probes `path` (empty: the platform's python3) on a pool thread; setInterpreter follows.
    void probeInterpreter(const QString& path);
    // Greys the CPython entries out when `python` is not usable (and leaves them if chosen).
    void setInterpreter(const PythonInterpreter& python);
    // Why the CPython entries are greyed out; empty when they are not.
    const QString& unavailableReason() const noexcept { return m_reason; }

Q_SIGNALS:
    // The interpreter was probed: the reason is empty when CPython can run.
    void interpreterChecked(const QString& unavailableReason);

protected:
    // The first time the list opens, the interpreter is probed if nobody asked yet.
    void showPopup() override;

private:
    bool usesCPython(int index) const;

    QString m_reason;
    int m_probes = 0; // a probe's answer counts only when no later probe or setInterpreter came
    QString m_probedPath;
};

} // namespace ThreadLab
