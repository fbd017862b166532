#pragma once

#include <QDoubleSpinBox>

namespace ThreadLab {

// The time scale: 0 is "the scenario's default" (the special value text), anything else a factor
// from Limits::minTimeScale to Limits::maxTimeScale. Steps go through round factors (×0.01,
// ×0.02, ×0.05, ×0.1, ×0.25, …) so that a step never lands between 0 and the smallest scale,
// and a factor always reads as itself.
class TimeScaleBox : public QDoubleSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeScaleBox)

public:
    explicit TimeScaleBox(QWidget* parent = nullptr);
    ~TimeScaleBox() override;

    void stepBy(int steps) override;
    QString textFromValue(double value) const override;

protected:
    StepEnabled stepEnabled() const override;
};

} // namespace ThreadLab
