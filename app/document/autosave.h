#pragma once

#include "model/systemmap.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;
class QTimer;

namespace causeway {

class Document;

// A recovery file left behind by a session that did not close normally.
struct RecoveryFile {
    QString mapPath;      // the recovered map (.causeway)
    QString originalPath; // the file the map came from; empty for an untitled map
    QString displayName;  // what the window title showed
    QDateTime savedAt;
};

// Every interval (a minute by default), writes a modified document to a recovery file so a
// crash loses at most that much work. The file goes when the document is saved, becomes clean,
// or the Autosaver is destroyed (the window closed normally); only a crash leaves it behind.
// Next to each map file a JSON sidecar names the original file; a lock file marks it as in use
// by a running process, so a second instance does not offer a live session's files.
class Autosaver : public QObject {
    Q_OBJECT
public:
    // `directory` empty: defaultDirectory().
    explicit Autosaver(Document* document, const QString& directory = {},
                       QObject* parent = nullptr);
    ~Autosaver() override;

    static QString defaultDirectory(); // AppDataLocation/recovery

    void setInterval(int milliseconds);
    int interval() const;
    QString recoveryPath() const; // where this document's recovery map goes

    // Writes the recovery file now if the document has unsaved changes it has not written yet.
    // Returns true when it wrote one.
    bool saveNow(QString* error = nullptr);
    // Removes this document's recovery file, if any.
    void discard();

    // Recovery files in `directory` that no running session holds, newest first.
    static std::vector<RecoveryFile> findRecoveryFiles(const QString& directory = {});
    // Reads a recovery map. A corrupt or unreadable file gives false and a message.
    static bool loadRecoveryFile(const RecoveryFile& file, SystemMap* map, QString* error);
    // Deletes a recovery file and its sidecar (after it was recovered or declined).
    static void removeRecoveryFile(const RecoveryFile& file);

signals:
    void autosaved(const QString& recoveryPath);
    void autosaveFailed(const QString& message);

private:
    QString baseName() const;

    QPointer<Document> m_document;
    QString m_directory;
    QString m_instanceKey; // "<pid>-<n>": unique to this Autosaver
    QString m_currentBase; // base name of the recovery file written last, empty if none
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_timer;
    bool m_pending = false; // changes since the last recovery write
};

} // namespace causeway
