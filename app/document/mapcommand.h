#pragma once

#include "app/document/document.h"

#include <QUndoCommand>

#include <exception>
#include <optional>
#include <vector>

namespace causeway {

// Applies one change to a map, forward (redo) or backward (undo). Throws EditError, leaving the
// map as it was, when the map does not accept it or no longer holds what the change replaces.
void applyChange(SystemMap& map, const MapChange& change, bool forward);
// Why `changes` cannot be applied to `map` (the model's message), or nullopt when they can.
// Validation before a command is pushed: applies them and takes them back, so `map` ends as it
// was (except that id counters may have moved on, which only skips ids).
std::optional<std::string> refusal(SystemMap& map, const std::vector<MapChange>& changes);

// The one undo command of the editor: a list of primitive changes, applied forward on redo and
// backward on undo (Tiled's generic ChangeValue instead of a class per edit). It holds ids and
// values, never pointers to items or vertices.
class MapCommand : public QUndoCommand {
public:
    // Commands with this id merge with the previous one when they move exactly the same factors
    // under the same name (keyboard nudges). Drags are pushed once on release and never merge.
    static constexpr int kNudgeId = 0x4e554447; // "NUDG"

    MapCommand(Document* document, const QString& text, std::vector<MapChange> changes,
               bool mergeable = false);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeable ? kNudgeId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    const std::vector<MapChange>& changes() const { return m_changes; }

private:
    void fail(const QString& message, const std::exception& e);

    Document* m_document;
    std::vector<MapChange> m_changes;
    bool m_mergeable;
};

} // namespace causeway
