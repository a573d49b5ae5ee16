#include "app/document/document.h"

#include "app/document/mapcommand.h"
#include "app/document/qtstrings.h"
#include "io/mapfile.h"
#include "model/looplabels.h"
#include "model/monitoringplan.h"
#include "model/nominations.h"
#include "model/stories.h"

#include <QAction>
#include <QFileInfo>
#include <QUndoStack>

#include <iterator>

namespace causeway {

MapData mapDataOf(const SystemMap& map)
{
    return {map.title, map.description, map.loopLabels(), map.rounds(), map.stories(), map.monitoringPlan()};
}

void setMapData(SystemMap& map, const MapData& data)
{
    // Through the checked entry points; a refused label or round leaves the map as it was.
    std::vector<LoopLabel> oldLabels = map.loopLabels();
    std::vector<NominationRound> oldRounds = map.rounds();
    std::vector<Story> oldStories = map.stories();
    replaceLoopLabels(map, data.loopLabels);
    try {
        replaceRounds(map, data.rounds);
        replaceStories(map, data.stories);
        // Only when it changed: a plan may list an item deleted since, which setMonitoringPlan
        // would refuse, and that must not block an edit of a loop label.
        if (map.monitoringPlan() != data.plan)
            setMonitoringPlan(map, data.plan);
    } catch (...) {
        replaceStories(map, std::move(oldStories));
        replaceRounds(map, std::move(oldRounds));
        replaceLoopLabels(map, std::move(oldLabels));
        throw;
    }
    map.title = data.title;
    map.description = data.description;
}

Document::Document(QObject* parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_undoAction(new QAction(tr("&Undo"), this)),
      m_redoAction(new QAction(tr("&Redo"), this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        updateHistoryActions();
        emit historyChanged();
    });
    connect(m_undoAction, &QAction::triggered, this, [this] { undo(); });
    connect(m_redoAction, &QAction::triggered, this, [this] { redo(); });
    updateHistoryActions();
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

void Document::markSaved()
{
    m_undoStack->setClean();
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
    // blockSignals hid the stack's own signals: tell the actions and views.
    updateHistoryActions();
    emit historyChanged();
    emit reset();
    if (m_filePath != oldPath)
        emit filePathChanged(m_filePath);
    if (wasModified == clean) // also tells us, through cleanChanged -> modifiedChanged
        emit m_undoStack->cleanChanged(clean);
}

void Document::applyForward(const std::vector<MapChange>& changes)
{
    std::size_t applied = 0;
    try {
        for (; applied < changes.size(); ++applied)
            applyChange(m_map, changes[applied], true);
    } catch (...) {
        // Each change checks what it leaves, so taking back the applied ones cannot fail.
        while (applied > 0)
            applyChange(m_map, changes[--applied], false);
        throw;
    }
    notifyAll(changes.begin(), changes.end(), true);
}

void Document::applyBackward(const std::vector<MapChange>& changes)
{
    std::size_t undone = 0;
    try {
        for (; undone < changes.size(); ++undone)
            applyChange(m_map, changes[changes.size() - 1 - undone], false);
    } catch (...) {
        while (undone > 0)
            applyChange(m_map, changes[changes.size() - undone--], true);
        throw;
    }
    notifyAll(changes.rbegin(), changes.rend(), false);
}

void Document::setFirstLayoutRunning(bool running)
{
    if (std::exchange(m_firstLayoutRunning, running) && !running)
        emit firstLayoutEnded();
}

template <class It> void Document::notifyAll(It begin, It end, bool forward)
{
    const bool batch = std::distance(begin, end) > 1;
    if (batch)
        emit changesStarting();
    for (; begin != end; ++begin)
        notify(*begin, forward);
    if (batch)
        emit changesFinished();
    emit stepNotified();
}

void Document::notify(const MapChange& change, bool forward)
{
    std::visit(Overloaded{
                   [&](const change::InsertFactor& c) {
                       forward ? emit factorAdded(c.factor.id) : emit factorRemoved(c.factor.id);
                   },
                   [&](const change::RemoveFactor& c) {
                       forward ? emit factorRemoved(c.factor.id) : emit factorAdded(c.factor.id);
                   },
                   [&](const change::UpdateFactor& c) { emit factorChanged(c.after.id); },
                   [&](const change::InsertLink& c) {
                       forward ? emit linkAdded(c.link.id) : emit linkRemoved(c.link.id);
                   },
                   [&](const change::RemoveLink& c) {
                       forward ? emit linkRemoved(c.link.id) : emit linkAdded(c.link.id);
                   },
                   [&](const change::UpdateLink& c) { emit linkChanged(c.after.id); },
                   [&](const change::UpdateMapData&) { emit mapDataChanged(); },
               },
               change);
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
