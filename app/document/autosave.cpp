#include "app/document/autosave.h"

#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "io/fileutil.h"
#include "io/ioerror.h"
#include "io/mapfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace causeway {

namespace {

constexpr int kDefaultIntervalMs = 60 * 1000;

QString sidecarPath(const QString& mapPath)
{
    return mapPath.chopped(int(sizeof(".causeway")) - 1) + ".json";
}

QString lockPath(const QString& mapPath)
{
    return mapPath.chopped(int(sizeof(".causeway")) - 1) + ".lock";
}

// Each Autosaver in a process gets its own files, so two windows never share one.
int nextInstance()
{
    static int counter = 0;
    return ++counter;
}

} // namespace

Autosaver::Autosaver(Document* document, const QString& directory, QObject* parent)
    : QObject(parent), m_document(document),
      m_directory(directory.isEmpty() ? defaultDirectory() : directory),
      m_instanceKey(QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(nextInstance())),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        QString error;
        if (!saveNow(&error) && !error.isEmpty())
            emit autosaveFailed(error);
    });
    m_timer->start();
    m_pending = document->isModified(); // e.g. a recovered map, not saved anywhere yet

    connect(document, &Document::historyChanged, this, [this] { m_pending = true; });
    connect(document, &Document::reset, this, [this] {
        m_pending = true;
        // A replaced map that is not saved anywhere (recovered, imported) is written at once:
        // waiting for the timer would leave a minute in which a crash loses it.
        if (m_document && m_document->isModified()) {
            QString error;
            if (!saveNow(&error) && !error.isEmpty())
                emit autosaveFailed(error);
        }
    });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified) // saved, or undone back to the saved state: nothing to recover
            discard();
    });
    // A document closed without saving was closed on purpose.
    connect(document, &QObject::destroyed, this, [this] {
        discard();
        m_document = nullptr;
    });
}

Autosaver::~Autosaver()
{
    discard();
}

QString Autosaver::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery";
}

void Autosaver::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int Autosaver::interval() const
{
    return m_timer->interval();
}

QString Autosaver::baseName() const
{
    // Named after the document, so a folder of recovery files can be read by eye.
    QString name = QStringLiteral("untitled");
    if (m_document && !m_document->filePath().isEmpty())
        name = QString::fromLatin1(
            QCryptographicHash::hash(m_document->filePath().toUtf8(), QCryptographicHash::Sha1)
                .toHex()
                .left(16));
    return name + "-" + m_instanceKey;
}

QString Autosaver::recoveryPath() const
{
    return QDir(m_directory).filePath(baseName() + ".causeway");
}

bool Autosaver::saveNow(QString* error)
{
    if (!m_document || !m_pending || !m_document->isModified())
        return false;
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = tr("Cannot create the recovery folder %1.").arg(m_directory);
        return false;
    }
    const QString path = recoveryPath();
    const QString base = baseName();
    if (base != m_currentBase) {
        discard(); // the document was renamed: its old recovery file is stale
        m_lock = std::make_unique<QLockFile>(lockPath(path));
        m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
        m_lock->tryLock(0);
    }
    // Both files can hold participants' names and ballots: readable by their owner only.
    try {
        saveMapFile(m_document->map(), nativePath(path), FileAccess::OwnerOnly);
    } catch (const std::exception& e) {
        if (error)
            *error = tr("Autosave failed: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
    m_currentBase = base;
    QJsonObject info{{"originalPath", m_document->filePath()},
                     {"displayName", m_document->displayName()},
                     {"savedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     {"pid", QCoreApplication::applicationPid()}};
    try {
        writeFileAtomically(nativePath(sidecarPath(path)),
                            QJsonDocument(info).toJson().toStdString(), FileAccess::OwnerOnly);
    } catch (const std::exception&) {
        // Without its sidecar the recovery map is still found and offered, only less well named.
    }
    m_pending = false;
    emit autosaved(path);
    return true;
}

void Autosaver::discard()
{
    if (!m_currentBase.isEmpty()) {
        const QString path = QDir(m_directory).filePath(m_currentBase + ".causeway");
        QFile::remove(path);
        QFile::remove(sidecarPath(path));
        m_currentBase.clear();
    }
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

std::vector<RecoveryFile> Autosaver::findRecoveryFiles(const QString& directory)
{
    const QDir dir(directory.isEmpty() ? defaultDirectory() : directory);
    std::vector<RecoveryFile> found;
    const QFileInfoList maps = dir.entryInfoList({"*.causeway"}, QDir::Files);
    for (const QFileInfo& info : maps) {
        const QString path = info.absoluteFilePath();
        // A lock we cannot take belongs to a running session (this one or another instance).
        QLockFile lock(lockPath(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();

        RecoveryFile file{path, {}, info.completeBaseName(), info.lastModified()};
        // The sidecar is a few hundred bytes; anything far larger is not ours and is ignored.
        std::string sidecar;
        try {
            sidecar = readFileLimited(nativePath(sidecarPath(path)), std::size_t{64} * 1024);
        } catch (const IoError&) {
        }
        if (!sidecar.empty()) {
            const QJsonObject o =
                QJsonDocument::fromJson(QByteArray::fromStdString(sidecar)).object();
            file.originalPath = o.value("originalPath").toString();
            file.displayName = o.value("displayName").toString(file.displayName);
            const QDateTime at = QDateTime::fromString(o.value("savedAt").toString(), Qt::ISODateWithMs);
            if (at.isValid())
                file.savedAt = at;
        }
        found.push_back(file);
    }
    std::sort(found.begin(), found.end(),
              [](const RecoveryFile& a, const RecoveryFile& b) { return a.savedAt > b.savedAt; });
    return found;
}

bool Autosaver::loadRecoveryFile(const RecoveryFile& file, SystemMap* map, QString* error)
{
    try {
        *map = loadMapFile(nativePath(file.mapPath));
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = tr("The recovery file %1 cannot be read: %2")
                         .arg(QDir::toNativeSeparators(file.mapPath), QString::fromStdString(e.what()));
        return false;
    }
}

void Autosaver::removeRecoveryFile(const RecoveryFile& file)
{
    QFile::remove(file.mapPath);
    QFile::remove(sidecarPath(file.mapPath));
}

} // namespace causeway
