#include "panes/runcontrols.h"

#include "i18n/translations.h"
#include "panes/timescalebox.h"
#include "scenario/scenario.h"
#include "scenario/variantplan.h"
#include "tasks/taskspec.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <QEvent>

#include <algorithm>
#include <limits>
#include <utility>

namespace ThreadLab {

RunControls::RunControls(QWidget* parent)
    : QWidget(parent)
    , m_variants(new QListWidget(this))
    , m_workers(new QSpinBox(this))
    , m_gil(new EngineBox(this))
    , m_python(new QLineEdit(this))
    , m_engineNote(new QLabel(this))
    , m_switchInterval(new QSpinBox(this))
    , m_timeScale(new TimeScaleBox(this))
    , m_timeScaleNote(new QLabel(this))
    , m_seed(new QSpinBox(this))
    , m_runs(new QComboBox(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
{
    m_variants->setObjectName(QStringLiteral("variantList"));
    setAccessibleName(tr("Run controls"));
    m_variants->setToolTip(tr("Which variants run, one after another"));
    m_variants->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_variants->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_workers->setObjectName(QStringLiteral("workers"));
    m_workers->setRange(0, Limits::maxWorkersPerVariant);
    m_workers->setSpecialValueText(tr("scenario default"));
    m_workers->setToolTip(tr("Workers in the variants that scale (1–%1)").arg(Limits::maxWorkersPerVariant));

    setUpPython();

    m_switchInterval->setObjectName(QStringLiteral("switchInterval"));
    m_switchInterval->setRange(Limits::minSwitchIntervalMs, Limits::maxSwitchIntervalMs);
    m_switchInterval->setSuffix(tr(" ms"));
    m_switchInterval->setValue(5);
    m_switchInterval->setToolTip(tr("How long a thread waits for the GIL before it asks for it "
                                    "(sys.setswitchinterval)"));

    m_timeScale->setObjectName(QStringLiteral("timeScale"));
    // 0 is "the scenario's default"; the smallest real scale is Limits::minTimeScale.
    m_timeScale->setSpecialValueText(tr("scenario default"));
    m_timeScale->setPrefix(QStringLiteral("×"));
    m_timeScale->setToolTip(tr("Multiplies every duration of the scenario (%1–%2)")
                                .arg(Limits::minTimeScale)
                                .arg(Limits::maxTimeScale));

    m_timeScaleNote->setObjectName(QStringLiteral("timeScaleNote"));
    m_timeScaleNote->setWordWrap(true);
    m_timeScaleNote->setHidden(true);
    QFont italic; // the style only: the size follows the pane (presenter mode)
    italic.setItalic(true);
    m_timeScaleNote->setFont(italic);

    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seed of the random waits: the same seed gives the same run"));

    setUpRunsBox();
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setToolTip(tr("Run the checked variants (Space)"));
    m_run->setDefault(true);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop the run now (Ctrl+.)"));
    setUpAccessibility();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Workers"), m_workers);
    form->addRow(tr("Engine"), m_gil);
    form->addRow(QString(), m_engineNote);
    form->addRow(tr("Python"), m_python);
    form->addRow(tr("Switch interval"), m_switchInterval);
    form->addRow(tr("Time scale"), m_timeScale);
    form->addRow(QString(), m_timeScaleNote);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Runs"), m_runs);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run, 2);
    buttons->addWidget(m_stop, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Variants"), this));
    layout->addWidget(m_variants);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connectSignals();
    updateButtons();
}

RunControls::~RunControls() = default;

void RunControls::setUpAccessibility()
{
    m_variants->setAccessibleName(tr("Variants"));
    m_variants->setAccessibleDescription(tr("Which variants run, one after another; Space on a variant checks or "
                                            "unchecks it"));
    // Named for screen readers and described by their tooltips.
    const std::pair<QWidget*, QString> named[] = {{m_workers, tr("Workers")}, {m_switchInterval, tr("Switch interval")},
                                                  {m_timeScale, tr("Time scale")}, {m_seed, tr("Seed")},
                                                  {m_runs, tr("Runs")}, {m_run, tr("Run")}, {m_stop, tr("Stop")}};
    for (const auto& [widget, name] : named) {
        widget->setAccessibleName(name);
        widget->setAccessibleDescription(widget->toolTip());
    }
    m_engineNote->setAccessibleName(tr("Engine note"));
    m_timeScaleNote->setAccessibleName(tr("Time scale note"));
}

void RunControls::setUpRunsBox()
{
    m_runs->setObjectName(QStringLiteral("runs"));
    for (const int n : {1, 3, 5})
        m_runs->addItem(QString::number(n), n);
    m_runs->setToolTip(tr("Run the variants 1, 3 or 5 times, interleaved: the charts show the median "
                          "with the spread, and the lesson is checked on the medians"));
}

void RunControls::setUpPython()
{
    m_python->setObjectName(QStringLiteral("python"));
    m_python->setPlaceholderText(tr("the platform's python3"));
    m_python->setClearButtonEnabled(true);
    m_python->setAccessibleName(tr("Python interpreter"));
    m_python->setAccessibleDescription(tr("The path of the Python interpreter the CPython engine runs; empty: the "
                                          "platform's python3"));
    m_python->setToolTip(tr("The Python interpreter the CPython engine runs and the model is calibrated "
                            "against (a path; empty: the platform's python3)"));
    m_engineNote->setObjectName(QStringLiteral("engineNote"));
    m_engineNote->setWordWrap(true);
    m_engineNote->setHidden(true);
    QFont italic;
    italic.setItalic(true);
    m_engineNote->setFont(italic);
    connect(m_gil, &EngineBox::interpreterChecked, this, [this](const QString& reason) {
        m_engineNote->setText(reason.isEmpty() ? QString() : tr("CPython cannot run: %1").arg(reason));
        m_engineNote->setHidden(reason.isEmpty());
    });
    connect(m_python, &QLineEdit::editingFinished, this, [this] {
        m_gil->probeInterpreter(m_python->text().trimmed());
        Q_EMIT settingsChanged();
    });
}

void RunControls::connectSignals()
{
    connect(m_run, &QPushButton::clicked, this, &RunControls::runRequested);
    connect(m_stop, &QPushButton::clicked, this, &RunControls::stopRequested);
    connect(m_variants, &QListWidget::itemChanged, this, [this](QListWidgetItem*) { updateButtons(); });
    connect(m_gil, &QComboBox::currentIndexChanged, this, [this](int) {
        m_switchInterval->setEnabled(m_gil->currentData().toBool());
        Q_EMIT settingsChanged();
    });
    connect(m_workers, &QSpinBox::valueChanged, this, [this](int) {
        updateVariantNames();
        Q_EMIT settingsChanged();
    });
    connect(m_switchInterval, &QSpinBox::valueChanged, this, &RunControls::settingsChanged);
    connect(m_timeScale, &QDoubleSpinBox::valueChanged, this, [this](double) {
        updateTimeScaleNote();
        Q_EMIT settingsChanged();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &RunControls::settingsChanged);
    connect(m_runs, &QComboBox::currentIndexChanged, this, [this](int) { Q_EMIT settingsChanged(); });
}

int RunControls::runs() const
{
    return m_runs->currentData().toInt();
}

void RunControls::setRuns(int runs)
{
    // The nearest choice at or above `runs`, at most the last: a value edited by hand still runs.
    int index = m_runs->count() - 1;
    for (int i = m_runs->count() - 1; i >= 0; --i)
        if (m_runs->itemData(i).toInt() >= runs)
            index = i;
    m_runs->setCurrentIndex(index);
}

void RunControls::setScenario(const Scenario& scenario)
{
    m_scenario = scenario;
    m_variants->clear();
    for (const VariantSpec& v : scenario.variants) {
        auto* item = new QListWidgetItem(v.name, m_variants);
        item->setData(Qt::UserRole, v.name); // the scenario's name selects it, whatever it shows
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(textIn(v.description, v.descriptionTranslations, Translations::current()));
    }
    updateVariantNames();
    fitVariantList();
    m_timeScale->setSpecialValueText(tr("default (×%1)").arg(scenario.defaultTimeScale));
    m_timeScale->setValue(0);
    m_workers->setSpecialValueText(scenario.defaultWorkers > 0
                                       ? tr("default (%1)").arg(scenario.defaultWorkers)
                                       : tr("scenario default"));
    updateTimeScaleNote();
    updateButtons();
}

void RunControls::updateVariantNames()
{
    for (int i = 0; i < m_variants->count() && i < static_cast<int>(m_scenario.variants.size()); ++i)
        m_variants->item(i)->setText(
            VariantPlanner::plannedName(m_scenario, m_scenario.variants[static_cast<std::size_t>(i)], m_workers->value()));
}

void RunControls::updateTimeScaleNote()
{
    const double scale = m_timeScale->value();
    const bool own = scale <= 0 || qFuzzyCompare(scale, m_scenario.defaultTimeScale);
    m_timeScaleNote->setText(own ? QString() : tr("not this scenario's default (×%1)").arg(m_scenario.defaultTimeScale));
    m_timeScaleNote->setHidden(own);
}

void RunControls::fitVariantList()
{
    // As tall as its rows (up to eight), so that the space goes to the scenario list.
    const int rows = std::clamp(m_variants->count(), 1, 8);
    const int rowHeight = std::max(m_variants->sizeHintForRow(0), fontMetrics().height() + 4);
    m_variants->setMaximumHeight(rows * rowHeight + 2 * m_variants->frameWidth() + 4);
}

void RunControls::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitVariantList();
}

void RunControls::setSettings(const RunSettings& settings)
{
    m_workers->setValue(settings.workers);
    m_python->setText(settings.python);
    m_gil->setEngines(settings.engine, settings.engines, settings.gil);
    m_switchInterval->setValue(settings.switchIntervalMs);
    m_switchInterval->setEnabled(settings.gil);
    m_timeScale->setValue(settings.timeScale);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(settings.seed, std::numeric_limits<int>::max())));
}

RunSettings RunControls::settings() const
{
    RunSettings s;
    s.workers = m_workers->value();
    const std::vector<EngineKind> engines = m_gil->engines();
    s.engine = engines.front();
    if (engines.size() > 1)
        s.engines = engines;
    s.gil = m_gil->currentData().toBool();
    s.python = m_python->text().trimmed();
    s.switchIntervalMs = m_switchInterval->value();
    const double scale = m_timeScale->value();
    s.timeScale = scale <= 0 ? 0 : std::max(scale, Limits::minTimeScale);
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    // All checked is "all", which also covers every step of a sweep.
    if (checkedCount() < m_variants->count())
        for (int i = 0; i < m_variants->count(); ++i)
            if (m_variants->item(i)->checkState() == Qt::Checked)
                s.variants << m_variants->item(i)->data(Qt::UserRole).toString();
    return s;
}

void RunControls::setRunning(bool running)
{
    m_running = running;
    updateButtons();
}

int RunControls::checkedCount() const
{
    int n = 0;
    for (int i = 0; i < m_variants->count(); ++i)
        if (m_variants->item(i)->checkState() == Qt::Checked)
            ++n;
    return n;
}

void RunControls::updateButtons()
{
    m_run->setEnabled(!m_running && checkedCount() > 0);
    m_stop->setEnabled(m_running);
}

} // namespace ThreadLab
