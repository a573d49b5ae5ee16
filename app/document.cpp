#include "app/document.h"

#include "app/mapcommand.h"
#include "io/mapfile.h"
#include "model/looplabels.h"
#include "model/nominations.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

namespace causeway {

MapData mapDataOf(const SystemMap& map)
{
    return {map.title, map.description, map.loopLabels(), map.rounds()};
}

void setMapData(SystemMap& map, const MapData& data)
{
    // Through the checked entry points; a refused label or round leaves the map as it was.
    std::vector<LoopLabel> oldLabels = map.loopLabels();
    replaceLoopLabels(map, data.loopLabels);
    try {
        replaceRounds(map, data.rounds);
    } catch (...) {
        replaceLoopLabels(map, std::move(oldLabels));
        throw;
    }
    map.title = data.title;
    map.description = data.description;
}

namespace {

std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

Document::Document(QObject* parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document()
{
    // The stack's commands point at this document: drop them while the map still exists and
    // before the stack's own signals could reach a half-destroyed document.
    m_undoStack->disconnect(this);
    delete m_undoStack;
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::newMap()
{
    resetTo(SystemMap{}, {}, true);
}

bool Document::open(const QString& path, QString* error)
{
    SystemMap loaded;
    try {
        loaded = loadMapFile(nativePath(path));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    resetTo(std::move(loaded), QFileInfo(path).absoluteFilePath(), true);
    return true;
}

bool Document::save(QString* error)
{
    if (m_filePath.isEmpty()) {
        if (error)
            *error = tr("The map has no file name yet: use Save As.");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool Document::saveAs(const QString& path, QString* error)
{
    try {
        saveMapFile(m_map, nativePath(path));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit filePathChanged(m_filePath);
    }
    m_undoStack->setClean();
    return true;
}

void Document::replaceMap(SystemMap map, const QString& filePath)
{
    resetTo(std::move(map), filePath, false);
}

void Document::resetTo(SystemMap map, const QString& filePath, bool clean)
{
    const bool wasModified = isModified();
    const QString oldPath = m_filePath;
    m_map = std::move(map);
    m_filePath = filePath;
    // Commands of the old map must not be undone onto the new one. An imported or recovered map
    // is not saved anywhere yet, so its empty stack is not clean.
    m_undoStack->blockSignals(true);
    m_undoStack->clear();
    if (clean)
        m_undoStack->setClean();
    else
        m_undoStack->resetClean();
    m_undoStack->blockSignals(false);
    // blockSignals hid the stack's own signals: replay the ones undo actions and views follow.
    emit m_undoStack->indexChanged(0);
    emit m_undoStack->canUndoChanged(false);
    emit m_undoStack->canRedoChanged(false);
    emit m_undoStack->undoTextChanged({});
    emit m_undoStack->redoTextChanged({});
    emit reset();
    if (m_filePath != oldPath)
        emit filePathChanged(m_filePath);
    if (wasModified == clean) // also tells us, through cleanChanged -> modifiedChanged
        emit m_undoStack->cleanChanged(clean);
}

void Document::applyForward(const std::vector<MapChange>& changes)
{
    for (const MapChange& c : changes) {
        applyChange(m_map, c, true);
        notify(c, true);
    }
}

void Document::applyBackward(const std::vector<MapChange>& changes)
{
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        applyChange(m_map, *it, false);
        notify(*it, false);
    }
}

void Document::notify(const MapChange& c, bool forward)
{
    using K = MapChange::Kind;
    switch (c.kind) {
    case K::InsertFactor:
        forward ? emit factorAdded(c.factorAfter.id) : emit factorRemoved(c.factorAfter.id);
        break;
    case K::RemoveFactor:
        forward ? emit factorRemoved(c.factorBefore.id) : emit factorAdded(c.factorBefore.id);
        break;
    case K::UpdateFactor:
        emit factorChanged(c.factorAfter.id);
        break;
    case K::InsertLink:
        forward ? emit linkAdded(c.linkAfter.id) : emit linkRemoved(c.linkAfter.id);
        break;
    case K::RemoveLink:
        forward ? emit linkRemoved(c.linkBefore.id) : emit linkAdded(c.linkBefore.id);
        break;
    case K::UpdateLink:
        emit linkChanged(c.linkAfter.id);
        break;
    case K::UpdateMapData:
        emit mapDataChanged();
        break;
    }
}

SystemMap Document::fragment(const std::vector<FactorId>& factors) const
{
    SystemMap out;
    for (FactorId id : factors) {
        if (const Factor* f = m_map.findFactor(id); f && !out.contains(id))
            out.insertFactor(*f);
    }
    for (const Link& l : m_map.links()) {
        if (out.contains(l.from) && out.contains(l.to))
            out.insertLink(l);
    }
    return out;
}

} // namespace causeway
