#include "panes/enginebox.h"

#include <QCoreApplication>
#include <QPointer>
#include <QStandardItemModel>
#include <QThreadPool>

#include <algorithm>

namespace ThreadLab {

namespace {

QVariant enginesData(const std::vector<EngineKind>& engines)
{
    QVariantList list;
    for (const EngineKind e : engines)
        list << static_cast<int>(e);
    return list;
}

} // namespace

EngineBox::EngineBox(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("gil"));
    // The first two keep the Mode box's places: GIL on, GIL off.
    addItem(tr("Model (emulated GIL)"), true);
    setItemData(0, enginesData({EngineKind::Model}), enginesRole);
    addItem(tr("Native C++ (no GIL)"), false);
    setItemData(1, enginesData({EngineKind::Native}), enginesRole);
    addItem(tr("CPython (real Python)"), true);
    setItemData(2, enginesData({EngineKind::CPython}), enginesRole);
    addItem(tr("Model + CPython"), true);
    setItemData(3, enginesData({EngineKind::Model, EngineKind::CPython}), enginesRole);
    setItemData(0, tr("C++ workers with an emulated GIL, calibrated to what CPython costs"), Qt::ToolTipRole);
    setItemData(1, tr("C++ workers with no GIL: threads run in parallel"), Qt::ToolTipRole);
    setToolTip(tr("With the GIL on, only one thread of a process runs Python code at a time"));
    setAccessibleName(tr("Engine"));
    setAccessibleDescription(tr("How the scenario runs: the model with an emulated GIL, native C++ without one, "
                                "real CPython, or the model and CPython one above the other"));
}

EngineBox::~EngineBox() = default;

std::vector<EngineKind> EngineBox::engines() const
{
    std::vector<EngineKind> out;
    for (const QVariant& e : currentData(enginesRole).toList())
        out.push_back(static_cast<EngineKind>(e.toInt()));
    if (out.empty())
        out.push_back(EngineKind::Model);
    return out;
}

void EngineBox::setEngines(EngineKind engine, const std::vector<EngineKind>& engines, bool gil)
{
    std::vector<EngineKind> wanted = engines.empty() ? std::vector<EngineKind> {engine} : engines;
    if (!gil && wanted.size() == 1 && wanted.front() == EngineKind::Model)
        wanted = {EngineKind::Native};
    const int index = findData(enginesData(wanted), enginesRole);
    setCurrentIndex(index >= 0 && !(usesCPython(index) && !m_reason.isEmpty()) ? index : 0);
}

bool EngineBox::usesCPython(int index) const
{
    const QVariantList engines = itemData(index, enginesRole).toList();
    return engines.contains(static_cast<int>(EngineKind::CPython));
}

void EngineBox::showPopup()
{
    if (m_probes == 0)
        probeInterpreter(m_probedPath);
    QComboBox::showPopup();
}

void EngineBox::probeInterpreter(const QString& path)
{
    m_probedPath = path;
    const int probe = ++m_probes;
    QPointer<EngineBox> box(this);
    // Starting python3 takes tens of milliseconds, a broken one up to the probe's timeout.
    QThreadPool::globalInstance()->start([box, path, probe] {
        const PythonInterpreter python = PythonInterpreter::probe(path);
        // Queued to the application's thread, where the box lives (or was deleted meanwhile).
        QMetaObject::invokeMethod(QCoreApplication::instance(), [box, python, probe] {
            if (box && probe == box->m_probes)
                box->setInterpreter(python);
        });
    });
}

void EngineBox::setInterpreter(const PythonInterpreter& python)
{
    ++m_probes; // an answer still on its way is older than this one
    m_reason = python.usable() ? QString() : python.error();
    auto* items = qobject_cast<QStandardItemModel*>(model());
    for (int i = 0; i < count(); ++i) {
        if (!usesCPython(i))
            continue;
        if (items)
            items->item(i)->setEnabled(m_reason.isEmpty());
        setItemData(i,
                    m_reason.isEmpty() ? tr("Real CPython %1 (%2) runs ThreadLab's own Python runtime of the tasks")
                                             .arg(python.version(), python.path())
                                       : tr("CPython cannot run: %1").arg(m_reason),
                    Qt::ToolTipRole);
    }
    if (!m_reason.isEmpty() && usesCPython(currentIndex()))
        setCurrentIndex(0);
    Q_EMIT interpreterChecked(m_reason);
}

} // namespace ThreadLab
