#pragma once

#include <QString>
#include <QStringList>

namespace ThreadLab {

// The language ThreadLab speaks: its own catalogue (embedded at :/i18n) and Qt's own (standard
// dialogs and buttons, from Qt's translations folder), installed on the running application.
// Languages are two-letter codes; English is the source language and needs no catalogue.
class Translations
{
public:
    // The languages the app ships, English first.
    static QStringList available();

    // The language to use: `choice` when it is one we ship, else the first of the system's UI
    // languages (QLocale::system().uiLanguages(): LANGUAGE, LC_ALL, LANG) that we ship, else English.
    static QString resolve(const QString& choice, const QStringList& systemLanguages);

    // Resolves against the system's languages and installs the catalogues on the
    // QCoreApplication, which must exist. Replaces what an earlier call installed. Returns the
    // language in use.
    static QString install(const QString& choice = {});

    // The language install() chose; "en" before any call.
    static QString current();
};

} // namespace ThreadLab
