#pragma once

#include "engine/runsettings.h"
#include "panes/enginebox.h"
#include "panes/timescalebox.h"
#include "scenario/scenario.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ThreadLab {

// Run and Stop, and what the next run uses: which variants, how many workers, which engine
// (model, native, CPython, model + CPython) and which Python interpreter,
// switch interval, time scale, seed, how many runs. Holds no state beyond its widgets and the scenario they
// were set up for (for the variants' names and the default time scale).
class RunControls : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunControls)

public:
    explicit RunControls(QWidget* parent = nullptr);
    ~RunControls() override;

    // Lists the scenario's variants, all checked, and starts on its default time scale (a scale
    // picked for another scenario would change this one's lesson without a word).
    void setScenario(const Scenario& scenario);
    // Everything but the variant choice, which belongs to the scenario.
    void setSettings(const RunSettings& settings);
    RunSettings settings() const;
    void setRunning(bool running);
    // How many times the variants run, interleaved: 1, 3 or 5 (the command line's --repeat).
    int runs() const;
    void setRuns(int runs);
    // At least one variant is checked.
    bool canRun() const { return checkedCount() > 0; }

    QPushButton* runButton() const noexcept { return m_run; }
    QPushButton* stopButton() const noexcept { return m_stop; }
    QListWidget* variantList() const noexcept { return m_variants; }
    QSpinBox* workersBox() const noexcept { return m_workers; }
    // The engine choice; its item data is still whether the GIL is on.
    EngineBox* gilBox() const noexcept { return m_gil; }
    EngineBox* engineBox() const noexcept { return m_gil; }
    QLineEdit* pythonField() const noexcept { return m_python; }
    QLabel* engineNote() const noexcept { return m_engineNote; }
    QDoubleSpinBox* timeScaleBox() const noexcept { return m_timeScale; }
    QComboBox* runsBox() const noexcept { return m_runs; }

Q_SIGNALS:
    void runRequested();
    void stopRequested();
    void settingsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUpRunsBox();
    void setUpAccessibility(); // names and descriptions for screen readers
    void setUpPython();
    void connectSignals();
    void updateButtons();
    void fitVariantList();
    // Variant names follow the worker count ("8 threads"); the note says when the time scale
    // is not the scenario's own.
    void updateVariantNames();
    void updateTimeScaleNote();
    int checkedCount() const;

    QListWidget* m_variants = nullptr;
    QSpinBox* m_workers = nullptr;
    EngineBox* m_gil = nullptr;
    QLineEdit* m_python = nullptr;
    QLabel* m_engineNote = nullptr; // why CPython cannot run
    QSpinBox* m_switchInterval = nullptr;
    TimeScaleBox* m_timeScale = nullptr;
    QLabel* m_timeScaleNote = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_runs = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_stop = nullptr;
    bool m_running = false;
    Scenario m_scenario;
};

} // namespace ThreadLab
