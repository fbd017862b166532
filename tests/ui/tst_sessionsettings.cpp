#include "model/sessionsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace ThreadLab;

class TestSessionSettings : public QObject
{
    Q_OBJECT

private:
    static QString lesson(int n)
    {
        return QDir::temp().absoluteFilePath(QStringLiteral("lesson-%1.threadlab.json").arg(n));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Never touch the teacher's real settings.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
        QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
    }

    void init()
    {
        QSettings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab")).clear();
    }

    void cleanupTestCase()
    {
        init();
    }

    void recentLessonsMostRecentFirstEachOnce()
    {
        SessionSettings s;
        QVERIFY(s.recentLessons().isEmpty());
        s.addRecentLesson(lesson(1));
        s.addRecentLesson(lesson(2));
        s.addRecentLesson(lesson(3));
        QCOMPARE(s.recentLessons(), (QStringList {lesson(3), lesson(2), lesson(1)}));
        s.addRecentLesson(lesson(1)); // opened again: to the top, not twice
        QCOMPARE(s.recentLessons(), (QStringList {lesson(1), lesson(3), lesson(2)}));
    }

    void recentLessonsAreAbsolute()
    {
        SessionSettings s;
        s.addRecentLesson(QStringLiteral("relative.threadlab.json"));
        QCOMPARE(s.recentLessons(), QStringList {QDir::current().absoluteFilePath(QStringLiteral("relative.threadlab.json"))});
    }

    void recentLessonsKeepTheLatestEight()
    {
        SessionSettings s;
        for (int n = 1; n <= 11; ++n)
            s.addRecentLesson(lesson(n));
        QStringList want;
        for (int n = 11; n > 11 - SessionSettings::maxRecentLessons; --n)
            want << lesson(n);
        QCOMPARE(s.recentLessons(), want);
        QCOMPARE(s.recentLessons().size(), 8);
    }

    void recentLessonsPersistRemoveAndClear()
    {
        {
            SessionSettings s;
            s.addRecentLesson(lesson(1));
            s.addRecentLesson(lesson(2));
            s.sync();
        }
        SessionSettings later;
        QCOMPARE(later.recentLessons(), (QStringList {lesson(2), lesson(1)}));
        later.removeRecentLesson(lesson(2));
        QCOMPARE(SessionSettings().recentLessons(), QStringList {lesson(1)});
        later.clearRecentLessons();
        QVERIFY(SessionSettings().recentLessons().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionSettings)
#include "tst_sessionsettings.moc"
