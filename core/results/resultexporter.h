#pragma once

#include <QByteArray>
#include <QString>

namespace ThreadLab {

struct ExportKind;
struct RunResult;

// The exports of a run that are data, not pictures (results JSON, CSV, Perfetto trace), for the
// command line and the window alike. Pictures need the GUI library: see PictureExporter.
class ResultExporter
{
public:
    ResultExporter() = delete;

    // The file's bytes; empty for a picture kind.
    static QByteArray bytes(const ExportKind& kind, const RunResult& run);
    // Writes atomically; one-line error naming the file on failure.
    static bool write(const ExportKind& kind, const RunResult& run, const QString& path, QString* error);
};

} // namespace ThreadLab
