#include "app/mapcommand.h"

#include <algorithm>

namespace causeway {

void applyChange(SystemMap& map, const MapChange& c, bool forward)
{
    using K = MapChange::Kind;
    switch (c.kind) {
    case K::InsertFactor:
        forward ? map.insertFactor(c.factorAfter) : void(map.removeFactor(c.factorAfter.id));
        break;
    case K::RemoveFactor:
        forward ? void(map.removeFactor(c.factorBefore.id)) : map.insertFactor(c.factorBefore);
        break;
    case K::UpdateFactor:
        map.updateFactor(forward ? c.factorAfter : c.factorBefore);
        break;
    case K::InsertLink:
        forward ? map.insertLink(c.linkAfter) : void(map.removeLink(c.linkAfter.id));
        break;
    case K::RemoveLink:
        forward ? void(map.removeLink(c.linkBefore.id)) : map.insertLink(c.linkBefore);
        break;
    case K::UpdateLink:
        map.updateLink(forward ? c.linkAfter : c.linkBefore);
        break;
    }
}

std::optional<std::string> refusal(const SystemMap& map, const std::vector<MapChange>& changes)
{
    // A removed factor must have lost its links first, or undo could not restore them.
    SystemMap copy = map;
    try {
        for (const MapChange& c : changes) {
            if (c.kind == MapChange::Kind::RemoveFactor && copy.contains(c.factorBefore.id)
                && (!copy.inLinks(c.factorBefore.id).empty()
                    || !copy.outLinks(c.factorBefore.id).empty()))
                return "Factor '" + copy.factor(c.factorBefore.id).label
                       + "' still has links: remove them first";
            applyChange(copy, c, true);
        }
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

MapCommand::MapCommand(Document* document, const QString& text, std::vector<MapChange> changes,
                       bool mergeable)
    : QUndoCommand(text), m_document(document), m_changes(std::move(changes)),
      m_mergeable(mergeable)
{
}

void MapCommand::redo()
{
    m_document->applyForward(m_changes);
}

void MapCommand::undo()
{
    m_document->applyBackward(m_changes);
}

bool MapCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const MapCommand*>(other);
    if (!next || !m_mergeable || !next->m_mergeable || next->text() != text()
        || next->m_changes.size() != m_changes.size())
        return false;
    // Only moves of the same factors, in the same order, merge: then "before" stays ours and
    // "after" becomes theirs.
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        const MapChange& a = m_changes[i];
        const MapChange& b = next->m_changes[i];
        if (a.kind != MapChange::Kind::UpdateFactor || b.kind != MapChange::Kind::UpdateFactor
            || a.factorAfter.id != b.factorBefore.id)
            return false;
    }
    bool unchanged = true;
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        m_changes[i].factorAfter = next->m_changes[i].factorAfter;
        unchanged = unchanged && m_changes[i].factorAfter == m_changes[i].factorBefore;
    }
    // Nudged back to where it started: the stack drops the step.
    setObsolete(unchanged);
    return true;
}

} // namespace causeway
