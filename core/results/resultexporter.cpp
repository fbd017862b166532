#include "results/resultexporter.h"

#include "results/exportkind.h"
#include "results/resultwriter.h"

#include <QJsonDocument>

namespace ThreadLab {

QByteArray ResultExporter::bytes(const ExportKind& kind, const RunResult& run)
{
    if (kind.isPicture())
        return {};
    switch (kind.format) {
    case ExportFormat::Json: return QJsonDocument(ResultWriter::toJson(run)).toJson(QJsonDocument::Indented);
    case ExportFormat::Csv: return ResultWriter::toCsv(run);
    case ExportFormat::ChromeTrace: return ResultWriter::toTrace(run);
    case ExportFormat::Png:
    case ExportFormat::Svg: break;
    }
    return {};
}

bool ResultExporter::write(const ExportKind& kind, const RunResult& run, const QString& path, QString* error)
{
    return ResultWriter::writeFile(path, bytes(kind, run), error);
}

} // namespace ThreadLab
