#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace ThreadLab {

namespace {

const QString source = QStringLiteral("en");

// Owned by the application (its children); QPointer because the application may be replaced.
QPointer<QTranslator> g_own;
QPointer<QTranslator> g_qt;
QString g_current = source;

void remove(QPointer<QTranslator>& translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

} // namespace

QStringList Translations::available()
{
    return {source, QStringLiteral("de")};
}

QString Translations::resolve(const QString& choice, const QStringList& systemLanguages)
{
    const QStringList shipped = available();
    if (shipped.contains(choice))
        return choice;
    for (const QString& language : systemLanguages) {
        // "de-DE", "de_AT", "de": the language part decides.
        const QString code = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (shipped.contains(code))
            return code;
    }
    return source;
}

QString Translations::install(const QString& choice)
{
    Q_ASSERT(QCoreApplication::instance());
    remove(g_own);
    remove(g_qt);
    g_current = resolve(choice, QLocale::system().uiLanguages());
    if (g_current == source)
        return g_current;
    auto* own = new QTranslator(QCoreApplication::instance());
    if (!own->load(QStringLiteral(":/i18n/threadlab_%1.qm").arg(g_current))) {
        delete own;
        g_current = source; // no catalogue: stay in one language rather than mix two
        return g_current;
    }
    QCoreApplication::installTranslator(own);
    g_own = own;
    // Qt's own catalogue is optional (Debian: qt6-translations-l10n); without it the standard
    // buttons stay English.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(g_current), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    return g_current;
}

QString Translations::current()
{
    return g_current;
}

} // namespace ThreadLab
