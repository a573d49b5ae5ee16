#include "app/document/mapcommand.h"

#include <QtGlobal>

#include <algorithm>

namespace causeway {

namespace {

// A change applies only to the map it was made for: what it leaves must be there as recorded,
// so that its inverse restores the map exactly.
void requireFactor(const SystemMap& map, const Factor& expected)
{
    const Factor* f = map.findFactor(expected.id);
    if (!f)
        throw EditError("There is no factor " + std::to_string(expected.id.value) + ".");
    if (!(*f == expected))
        throw EditError("Factor '" + f->label + "' has changed since this edit was made.");
}

void requireLink(const SystemMap& map, const Link& expected)
{
    const Link* l = map.findLink(expected.id);
    if (!l)
        throw EditError("There is no link " + std::to_string(expected.id.value) + ".");
    if (!(*l == expected))
        throw EditError("Link " + describeLink(map, *l) + " has changed since this edit was made.");
}

void updateFactor(SystemMap& map, const Factor& from, const Factor& to)
{
    if (from.id != to.id)
        throw EditError("A factor edit cannot change the factor's id.");
    requireFactor(map, from);
    map.updateFactor(to);
}

void updateLink(SystemMap& map, const Link& from, const Link& to)
{
    if (from.id != to.id || from.from != to.from || from.to != to.to)
        throw EditError("A link edit cannot change the link's id or ends.");
    requireLink(map, from);
    map.updateLink(to);
}

void setData(SystemMap& map, const MapData& from, const MapData& to)
{
    if (!(mapDataOf(map) == from))
        throw EditError("The map's title, loop labels or rounds have changed since this edit was made.");
    setMapData(map, to);
}

} // namespace

void applyChange(SystemMap& map, const MapChange& change, bool forward)
{
    std::visit(Overloaded{
                   [&](const change::InsertFactor& c) {
                       if (forward)
                           return map.insertFactor(c.factor);
                       requireFactor(map, c.factor);
                       map.removeFactor(c.factor.id);
                   },
                   [&](const change::RemoveFactor& c) {
                       if (!forward)
                           return map.insertFactor(c.factor);
                       requireFactor(map, c.factor);
                       // Its links would go along where undo cannot see them.
                       if (!map.inLinks(c.factor.id).empty() || !map.outLinks(c.factor.id).empty())
                           throw EditError("Factor '" + c.factor.label
                                           + "' still has links: remove them first.");
                       map.removeFactor(c.factor.id);
                   },
                   [&](const change::UpdateFactor& c) {
                       forward ? updateFactor(map, c.before, c.after)
                               : updateFactor(map, c.after, c.before);
                   },
                   [&](const change::InsertLink& c) {
                       if (forward)
                           return map.insertLink(c.link);
                       requireLink(map, c.link);
                       map.removeLink(c.link.id);
                   },
                   [&](const change::RemoveLink& c) {
                       if (!forward)
                           return map.insertLink(c.link);
                       requireLink(map, c.link);
                       map.removeLink(c.link.id);
                   },
                   [&](const change::UpdateLink& c) {
                       forward ? updateLink(map, c.before, c.after) : updateLink(map, c.after, c.before);
                   },
                   [&](const change::UpdateMapData& c) {
                       forward ? setData(map, c.before, c.after) : setData(map, c.after, c.before);
                   },
               },
               change);
}

std::optional<std::string> refusal(SystemMap& map, const std::vector<MapChange>& changes)
{
    // Try the changes on the map itself and take them back: the cost is that of the changes, not
    // of a copy of the map (a copy made single moves 18 ms on 5,000 factors). Each change checks
    // what it leaves, so taking back those that applied restores the map exactly.
    std::size_t applied = 0;
    std::optional<std::string> why;
    try {
        for (const MapChange& c : changes) {
            applyChange(map, c, true);
            ++applied;
        }
    } catch (const std::exception& e) {
        why = e.what();
    }
    while (applied > 0)
        applyChange(map, changes[--applied], false);
    return why;
}

MapCommand::MapCommand(Document* document, const QString& text, std::vector<MapChange> changes,
                       bool mergeable)
    : QUndoCommand(text), m_document(document), m_changes(std::move(changes)),
      m_mergeable(mergeable)
{
}

// Changes are validated before they are pushed and the stack is the only writer, so these should
// not fail. If one does, the Document has already taken back what it applied: the step is
// dropped (obsolete) and the Document tells the user and cuts the history where it no longer
// matches the map. An exception escaping a Qt slot would end the program instead.
void MapCommand::redo()
{
    try {
        m_document->applyForward(m_changes);
    } catch (const std::exception& e) {
        fail(QObject::tr("Could not redo '%1': %2"), e);
    }
}

void MapCommand::undo()
{
    try {
        m_document->applyBackward(m_changes);
    } catch (const std::exception& e) {
        fail(QObject::tr("Could not undo '%1': %2"), e);
    }
}

void MapCommand::fail(const QString& message, const std::exception& e)
{
    qWarning("causeway: %s failed: %s", qPrintable(text()), e.what());
    setObsolete(true);
    m_document->commandFailed(message.arg(text(), QString::fromUtf8(e.what())));
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
        const auto* a = std::get_if<change::UpdateFactor>(&m_changes[i]);
        const auto* b = std::get_if<change::UpdateFactor>(&next->m_changes[i]);
        if (!a || !b || a->after.id != b->before.id)
            return false;
    }
    bool unchanged = true;
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        auto& mine = std::get<change::UpdateFactor>(m_changes[i]);
        mine.after = std::get<change::UpdateFactor>(next->m_changes[i]).after;
        unchanged = unchanged && mine.after == mine.before;
    }
    // Nudged back to where it started: the stack drops the step.
    setObsolete(unchanged);
    return true;
}

} // namespace causeway
