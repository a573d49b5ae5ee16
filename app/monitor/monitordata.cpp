// The document's indicator data and its check, kept in step with the map.
#include "app/monitor/monitordata.h"

#include "app/document/document.h"
#include "io/fileutil.h"
#include "monitor/seriesimport.h"

#include <QFileInfo>

#include <exception>

namespace causeway {

MonitorData::MonitorData(Document* document, QObject* parent) : QObject(parent), m_document(document)
{
    for (auto signal : {&Document::factorAdded, &Document::factorChanged, &Document::factorRemoved})
        connect(document, signal, this, &MonitorData::invalidate);
    for (auto signal : {&Document::linkAdded, &Document::linkChanged, &Document::linkRemoved})
        connect(document, signal, this, &MonitorData::invalidate);
    connect(document, &Document::mapDataChanged, this, &MonitorData::invalidate);
    connect(document, &Document::reset, this, &MonitorData::load);
    connect(document, &Document::filePathChanged, this, &MonitorData::followFilePath);
    load();
}

Document* MonitorData::document() const
{
    return m_document;
}

const MonitorReport& MonitorData::report()
{
    if (m_dirty && m_document) {
        m_report = checkMap(m_document->map(), m_series);
        m_dirty = false;
    }
    return m_report;
}

const Series* MonitorData::seriesOf(ItemRef item) const
{
    if (!m_document)
        return nullptr;
    const auto attached = attachSeries(m_document->map(), m_series);
    const auto it = attached.find(item);
    return it == attached.end() ? nullptr : it->second;
}

void MonitorData::invalidate()
{
    m_dirty = true;
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(this, [this] {
        m_pending = false;
        if (m_document)
            emit changed();
    }, Qt::QueuedConnection);
}

// Save As (a new path without a reset): the figures go along with the map, unless the new place
// already has a store of its own, which is then what the map shows (never overwritten).
void MonitorData::followFilePath()
{
    const QString path = m_document->filePath();
    if (path == m_loadedFor)
        return; // announced with a reset, already loaded
    const bool hasStore = !path.isEmpty() && QFileInfo::exists(QString::fromStdString(dataStorePath(path.toStdString())));
    if (hasStore || m_series.empty())
        return load();
    m_loadedFor = path;
    QString error;
    if (writeStore(&error))
        m_unsaved = false;
    m_storeProblem = error.isEmpty() ? QString() : tr("The data could not be written beside the map: %1").arg(error);
    emit changed();
}

void MonitorData::load()
{
    m_series.clear();
    m_storeProblem.clear();
    m_unsaved = false;
    const QString mapPath = m_document->filePath();
    m_loadedFor = mapPath;
    if (!mapPath.isEmpty()) {
        const std::string store = dataStorePath(mapPath.toStdString());
        try {
            if (QFileInfo::exists(QString::fromStdString(store)))
                m_series = parseSeriesCsv(readFileLimited(store, kMaxDataFileBytes)).series;
        } catch (const std::exception& e) {
            m_storeProblem = tr("The data beside the map could not be read: %1").arg(QString::fromStdString(e.what()));
        }
    }
    invalidate();
}

bool MonitorData::writeStore(QString* error)
{
    const QString mapPath = m_document->filePath();
    if (mapPath.isEmpty())
        return false;
    try {
        writeFileAtomically(dataStorePath(mapPath.toStdString()), writeSeriesCsv(m_series));
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

bool MonitorData::importFile(const QString& path, QString* message)
{
    const SystemMap& map = m_document->map();
    SeriesSet merged = m_series;
    SeriesCsvResult incoming;
    MergeCounts counts;
    try {
        incoming = parseSeriesCsv(readFileLimited(path.toStdString(), kMaxDataFileBytes),
                                  [&map](std::string_view name) { return resolveIndicatorName(map, name).has_value(); });
        counts = mergeSeries(merged, incoming.series);
    } catch (const std::exception& e) {
        *message = tr("%1: %2. Nothing was imported.").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what()));
        return false;
    }
    std::swap(m_series, merged);
    QString error;
    if (m_document->filePath().isEmpty()) {
        m_unsaved = true;
    } else if (!writeStore(&error)) {
        std::swap(m_series, merged); // the store on disk is what the editor shows
        *message = tr("The data could not be written beside the map: %1. Nothing was imported.").arg(error);
        return false;
    }
    *message = tr("Imported %1 values of %2 indicators: %3 new, %4 updated, %5 unchanged.")
                   .arg(incoming.values).arg(incoming.series.size()).arg(counts.added).arg(counts.updated)
                   .arg(counts.unchanged);
    if (incoming.missing)
        *message += QLatin1Char(' ') + tr("%n empty cell(s) left missing (not filled in).", nullptr, int(incoming.missing));
    if (m_unsaved)
        *message += QLatin1Char(' ') + tr("The data is written beside the map when you save it.");
    invalidate();
    return true;
}

} // namespace causeway
