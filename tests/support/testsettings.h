#pragma once

// Window tests never touch the teacher's real settings: Qt's test-mode folders, and the
// window's settings start empty.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace ThreadLab {

inline void useFreshTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
    QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
    QSettings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab")).clear();
}

} // namespace ThreadLab
