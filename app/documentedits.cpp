// Document's intent methods: each builds a list of MapChange values, validates it against the
// map and pushes it as one MapCommand.
#include "app/document.h"

#include "app/mapcommand.h"
#include "model/nominations.h"

#include <QUndoStack>

#include <algorithm>
#include <set>

namespace causeway {

namespace {

using K = MapChange::Kind;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

MapChange updateFactorChange(const Factor& before, const Factor& after)
{
    return {K::UpdateFactor, before, after, {}, {}};
}

MapChange updateLinkChange(const Link& before, const Link& after)
{
    return {K::UpdateLink, {}, {}, before, after};
}

// One UpdateLink per link that `edit` actually changes.
template <class Edit>
std::vector<MapChange> linkEdits(const SystemMap& map, const std::set<LinkId>& links, Edit edit)
{
    std::vector<MapChange> changes;
    for (LinkId id : links) {
        const Link& before = map.link(id);
        Link after = before;
        edit(after);
        if (!(after == before))
            changes.push_back(updateLinkChange(before, after));
    }
    return changes;
}

} // namespace

bool Document::undo()
{
    if (!m_editLock.isEmpty()) {
        emit editRefused(m_editLock);
        return false;
    }
    m_undoStack->undo();
    return true;
}

bool Document::redo()
{
    if (!m_editLock.isEmpty()) {
        emit editRefused(m_editLock);
        return false;
    }
    m_undoStack->redo();
    return true;
}

bool Document::updateMapData(const MapData& data, const QString& actionName)
{
    MapData before = mapDataOf(m_map);
    if (before == data)
        return false;
    return applyChanges(actionName, {{K::UpdateMapData, {}, {}, {}, {}, std::move(before), data}});
}

bool Document::applyChanges(const QString& actionName, std::vector<MapChange> changes)
{
    if (changes.empty())
        return false;
    if (!m_editLock.isEmpty()
        && std::any_of(changes.begin(), changes.end(),
                       [](const MapChange& c) { return c.kind != K::UpdateMapData; })) {
        emit editRefused(m_editLock);
        return false;
    }
    if (auto why = refusal(m_map, changes)) {
        emit editRefused(q(*why));
        return false;
    }
    m_undoStack->push(new MapCommand(this, actionName, std::move(changes)));
    return true;
}

FactorId Document::addFactor(const QString& label, Point position)
{
    Factor f;
    f.id = FactorId(m_map.nextFactorId());
    f.label = label.trimmed().toStdString();
    f.position = position;
    if (!applyChanges(tr("Add factor '%1'").arg(q(f.label)), {{K::InsertFactor, {}, f, {}, {}}}))
        return {};
    return f.id;
}

LinkId Document::addLink(FactorId from, FactorId to, Polarity polarity)
{
    Link l;
    l.id = LinkId(m_map.nextLinkId());
    l.from = from;
    l.to = to;
    l.polarity = polarity;
    const Factor* a = m_map.findFactor(from);
    const Factor* b = m_map.findFactor(to);
    const QString name = a && b ? tr("Link %1 -> %2").arg(q(a->label), q(b->label)) : tr("Link");
    if (!applyChanges(name, {{K::InsertLink, {}, {}, {}, l}}))
        return {};
    return l.id;
}

bool Document::remove(const std::vector<FactorId>& factors, const std::vector<LinkId>& links)
{
    std::set<LinkId> linkSet;
    for (LinkId id : links) {
        if (!m_map.contains(id)) {
            emit editRefused(tr("There is no link %1 to delete.").arg(id.value));
            return false;
        }
        linkSet.insert(id);
    }
    std::set<FactorId> factorSet;
    for (FactorId id : factors) {
        if (!m_map.contains(id)) {
            emit editRefused(tr("There is no factor %1 to delete.").arg(id.value));
            return false;
        }
        factorSet.insert(id);
        // Links go first, as changes of their own, so undo brings them back with their ids.
        for (LinkId l : m_map.outLinks(id))
            linkSet.insert(l);
        for (LinkId l : m_map.inLinks(id))
            linkSet.insert(l);
    }
    if (factorSet.empty() && linkSet.empty())
        return false;

    std::vector<MapChange> changes;
    // Nominations of the deleted items leave the rounds in the same step, so undo brings both back.
    std::vector<ItemRef> items;
    for (FactorId id : factorSet)
        items.push_back(ItemRef::of(id));
    for (LinkId id : linkSet)
        items.push_back(ItemRef::of(id));
    if (!nominationsOf(m_map, items).empty()) {
        SystemMap withoutNominations = m_map;
        removeNominations(withoutNominations, items);
        MapChange data{K::UpdateMapData, {}, {}, {}, {}, mapDataOf(m_map), mapDataOf(m_map)};
        data.dataAfter.rounds = withoutNominations.rounds();
        changes.push_back(std::move(data));
    }
    for (LinkId id : linkSet)
        changes.push_back({K::RemoveLink, {}, {}, m_map.link(id), {}});
    for (FactorId id : factorSet)
        changes.push_back({K::RemoveFactor, m_map.factor(id), {}, {}, {}});

    // Links that go only because their factor goes are not counted as items.
    const std::size_t explicitLinks = std::set<LinkId>(links.begin(), links.end()).size();
    QString name;
    if (factorSet.size() == 1 && explicitLinks == 0)
        name = tr("Delete factor '%1'").arg(q(m_map.factor(*factorSet.begin()).label));
    else if (factorSet.empty() && linkSet.size() == 1)
        name = tr("Delete link %1").arg(q(describeLink(m_map, m_map.link(*linkSet.begin()))));
    else
        name = tr("Delete %1 items").arg(factorSet.size() + explicitLinks);
    return applyChanges(name, std::move(changes));
}

bool Document::moveFactors(const std::map<FactorId, Point>& positions, const QString& actionName)
{
    std::vector<MapChange> changes;
    for (const auto& [id, position] : positions) {
        const Factor* f = m_map.findFactor(id);
        if (!f) {
            emit editRefused(tr("There is no factor %1 to move.").arg(id.value));
            return false;
        }
        if (f->position == position)
            continue;
        Factor after = *f;
        after.position = position;
        changes.push_back(updateFactorChange(*f, after));
    }
    if (changes.empty())
        return false;
    QString name = actionName;
    if (name.isEmpty())
        name = changes.size() == 1 ? tr("Move factor '%1'").arg(q(changes[0].factorAfter.label))
                                   : tr("Move %1 factors").arg(changes.size());
    return applyChanges(name, std::move(changes));
}

bool Document::nudgeFactors(const std::vector<FactorId>& factors, Point delta)
{
    std::set<FactorId> unique(factors.begin(), factors.end());
    std::vector<MapChange> changes;
    for (FactorId id : unique) {
        const Factor* f = m_map.findFactor(id);
        if (!f) {
            emit editRefused(tr("There is no factor %1 to move.").arg(id.value));
            return false;
        }
        Factor after = *f;
        after.position = {f->position.x + delta.x, f->position.y + delta.y};
        changes.push_back(updateFactorChange(*f, after));
    }
    if (changes.empty() || delta == Point{})
        return false;
    const QString name = changes.size() == 1
        ? tr("Move factor '%1'").arg(q(changes[0].factorAfter.label))
        : tr("Move %1 factors").arg(changes.size());
    // Moving existing factors cannot be refused, so no validation pass is needed.
    m_undoStack->push(new MapCommand(this, name, std::move(changes), true));
    return true;
}

bool Document::updateFactor(const Factor& factor)
{
    const Factor* before = m_map.findFactor(factor.id);
    if (!before) {
        emit editRefused(tr("There is no factor %1 to change.").arg(factor.id.value));
        return false;
    }
    if (*before == factor)
        return false;
    Factor onlyLabel = *before;
    onlyLabel.label = factor.label;
    Factor onlyPosition = *before;
    onlyPosition.position = factor.position;
    QString name = tr("Edit factor '%1'").arg(q(before->label));
    if (factor == onlyLabel)
        name = tr("Edit label");
    else if (factor == onlyPosition)
        name = tr("Move factor '%1'").arg(q(before->label));
    return applyChanges(name, {updateFactorChange(*before, factor)});
}

bool Document::updateLink(const Link& link)
{
    const Link* before = m_map.findLink(link.id);
    if (!before) {
        emit editRefused(tr("There is no link %1 to change.").arg(link.id.value));
        return false;
    }
    if (*before == link)
        return false;
    Link onlyPolarity = *before;
    onlyPolarity.polarity = link.polarity;
    Link onlyDelay = *before;
    onlyDelay.delay = link.delay;
    Link onlyBend = *before;
    onlyBend.bend = link.bend;
    Link onlyLabel = *before;
    onlyLabel.label = link.label;
    QString name = tr("Edit link %1").arg(q(describeLink(m_map, *before)));
    if (link == onlyPolarity)
        name = tr("Change polarity");
    else if (link == onlyDelay)
        name = tr("Toggle delay");
    else if (link == onlyBend)
        name = tr("Bend link");
    else if (link == onlyLabel)
        name = tr("Edit label");
    return applyChanges(name, {updateLinkChange(*before, link)});
}

bool Document::setPolarity(const std::vector<LinkId>& links, Polarity polarity)
{
    const std::set<LinkId> ids(links.begin(), links.end());
    if (refuseMissing(ids))
        return false;
    return applyChanges(tr("Change polarity"),
                        linkEdits(m_map, ids, [&](Link& l) { l.polarity = polarity; }));
}

bool Document::cyclePolarity(const std::vector<LinkId>& links)
{
    const std::set<LinkId> ids(links.begin(), links.end());
    if (refuseMissing(ids))
        return false;
    return applyChanges(tr("Change polarity"), linkEdits(m_map, ids, [](Link& l) {
                            l.polarity = l.polarity == Polarity::Positive   ? Polarity::Negative
                                         : l.polarity == Polarity::Negative ? Polarity::Unknown
                                                                            : Polarity::Positive;
                        }));
}

bool Document::toggleDelay(const std::vector<LinkId>& links)
{
    const std::set<LinkId> ids(links.begin(), links.end());
    if (refuseMissing(ids))
        return false;
    // A mixed selection becomes all delayed, like a bold button on mixed text.
    const bool delay = !std::all_of(ids.begin(), ids.end(),
                                    [&](LinkId id) { return m_map.link(id).delay; });
    return applyChanges(tr("Toggle delay"),
                        linkEdits(m_map, ids, [&](Link& l) { l.delay = delay; }));
}

bool Document::refuseMissing(const std::set<LinkId>& links)
{
    for (LinkId id : links) {
        if (!m_map.contains(id)) {
            emit editRefused(tr("There is no link %1 to change.").arg(id.value));
            return true;
        }
    }
    return false;
}

std::pair<std::vector<FactorId>, std::vector<LinkId>> Document::paste(const SystemMap& fragment,
                                                                       Point offset)
{
    std::vector<MapChange> changes;
    std::map<FactorId, FactorId> newIds;
    std::pair<std::vector<FactorId>, std::vector<LinkId>> result;
    std::uint64_t nextFactor = m_map.nextFactorId();
    std::uint64_t nextLink = m_map.nextLinkId();
    for (Factor f : fragment.factors()) {
        const FactorId fresh(nextFactor++);
        newIds[f.id] = fresh;
        f.id = fresh;
        f.position = {f.position.x + offset.x, f.position.y + offset.y};
        changes.push_back({K::InsertFactor, {}, f, {}, {}});
        result.first.push_back(fresh);
    }
    for (Link l : fragment.links()) {
        auto from = newIds.find(l.from);
        auto to = newIds.find(l.to);
        if (from == newIds.end() || to == newIds.end())
            continue; // only links among the pasted factors come along
        l.id = LinkId(nextLink++);
        l.from = from->second;
        l.to = to->second;
        changes.push_back({K::InsertLink, {}, {}, {}, l});
        result.second.push_back(l.id);
    }
    const QString name = result.first.size() == 1
        ? tr("Paste factor '%1'").arg(q(changes[0].factorAfter.label))
        : tr("Paste %1 factors").arg(result.first.size());
    if (!applyChanges(name, std::move(changes)))
        return {};
    return result;
}

} // namespace causeway
