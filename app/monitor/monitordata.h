#pragma once

#include "monitor/monitorcheck.h"
#include "monitor/series.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace causeway {

class Document;

// The indicator data of the document's map and the latest check against it. The figures live
// beside the map, in its data store (monitor/seriesimport.h dataStorePath), not in the map: an
// import merges into the store and writes it at once when the map has a file, or when it is
// first saved; Save As takes the figures along. The check is redone (once per burst of edits) whenever the map or the data change.
class MonitorData : public QObject {
    Q_OBJECT
public:
    explicit MonitorData(Document* document, QObject* parent = nullptr);

    Document* document() const; // nullptr once the Document is gone
    const SeriesSet& series() const { return m_series; }
    // The check of the map as it is now against the data (recomputed here if an edit is pending).
    const MonitorReport& report();
    // The series an item is measured by (its indicator's name, else its label), or nullptr.
    const Series* seriesOf(ItemRef item) const;

    // Reads a CSV (long or wide) and merges it into the data: all or nothing. On a refusal
    // returns false with the row and the reason in `message` and changes nothing; on success
    // `message` says what was added.
    bool importFile(const QString& path, QString* message);
    // Why the store beside the map could not be read or written ("" when it could).
    QString storeProblem() const { return m_storeProblem; }

signals:
    void changed(); // the data or the report changed

private:
    void load();       // the store beside the document's file
    void followFilePath();
    bool writeStore(QString* error);
    void invalidate(); // an edit: recompute the report once the burst is over

    // Guarded: a check queued by the last edit can come due after the window has let the
    // Document go (a nested event loop while closing), and then there is nothing to check.
    QPointer<Document> m_document;
    SeriesSet m_series;
    MonitorReport m_report;
    bool m_dirty = true;
    bool m_pending = false;
    bool m_unsaved = false; // imported into an untitled map: written when it gets a file
    QString m_storeProblem;
    QString m_loadedFor; // the map path whose store was last read
};

} // namespace causeway
