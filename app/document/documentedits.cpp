// Document's intent methods: each builds a list of MapChange values, validates it against the
// map and pushes it as one MapCommand.
#include "app/document/document.h"

#include "app/document/mapcommand.h"
#include "app/document/qtstrings.h"
#include "model/nominations.h"

#include <QAction>
#include <QUndoStack>

#include <utility>

#include <algorithm>
#include <set>

namespace causeway {

namespace {

MapChange updateFactorChange(const Factor& before, const Factor& after)
{
    return change::UpdateFactor{before, after};
}

MapChange updateLinkChange(const Link& before, const Link& after)
{
    return change::UpdateLink{before, after};
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
    if (!m_undoStack->canUndo())
        return false;
    m_undoStack->undo();
    settleFailure(StackCall::Undo);
    return true;
}

bool Document::redo()
{
    if (!m_editLock.isEmpty()) {
        emit editRefused(m_editLock);
        return false;
    }
    if (!m_undoStack->canRedo())
        return false;
    m_undoStack->redo();
    settleFailure(StackCall::Redo);
    return true;
}

bool Document::canUndo() const { return m_editLock.isEmpty() && m_undoStack->canUndo(); }
bool Document::canRedo() const { return m_editLock.isEmpty() && m_undoStack->canRedo(); }
QString Document::undoText() const { return m_undoStack->undoText(); }
QString Document::redoText() const { return m_undoStack->redoText(); }
int Document::undoCount() const { return m_undoStack->count(); }
int Document::undoIndex() const { return m_undoStack->index(); }

void Document::setFactorEditLock(const QString& reason)
{
    m_editLock = reason;
    updateHistoryActions();
}

void Document::updateHistoryActions()
{
    const auto update = [this](QAction* action, bool can, const QString& verb, const QString& step) {
        action->setEnabled(can);
        action->setText(step.isEmpty() ? verb : tr("%1 %2").arg(verb, step));
        // A disabled action says why (a locked map); an enabled one what it will do.
        action->setToolTip(!m_editLock.isEmpty() ? m_editLock : action->text().remove(QLatin1Char('&')));
        action->setStatusTip(m_editLock);
    };
    update(m_undoAction, canUndo(), tr("&Undo"), undoText());
    update(m_redoAction, canRedo(), tr("&Redo"), redoText());
}

// After a step failed to apply (the map is back as it was before that call, the step dropped):
// the history beyond it in the direction it went no longer matches the map, so it is cut, and the
// user is told.
void Document::settleFailure(StackCall call)
{
    if (m_failure.isEmpty())
        return;
    const QString message = std::exchange(m_failure, QString());
    if (call == StackCall::Redo) {
        // The steps after the failed one were made on the map it would have left: drop them. An
        // obsolete command pushed does nothing but clear the redo side (QGIS does the same).
        auto* cut = new QUndoCommand;
        cut->setObsolete(true);
        m_undoStack->push(cut);
    } else if (call == StackCall::Undo) {
        // The steps before the failed one expect the map it would have restored: none of them
        // can be undone safely any more.
        const bool modified = isModified();
        m_undoStack->clear();
        if (modified)
            m_undoStack->resetClean();
    }
    updateHistoryActions();
    emit historyChanged();
    emit editRefused(message);
}

bool Document::updateMapData(const MapData& data, const QString& actionName)
{
    MapData before = mapDataOf(m_map);
    if (before == data)
        return false;
    return applyChanges(actionName, {change::UpdateMapData{std::move(before), data}});
}

bool Document::applyChanges(const QString& actionName, std::vector<MapChange> changes)
{
    return push(actionName, std::move(changes), false);
}

bool Document::push(const QString& actionName, std::vector<MapChange> changes, bool mergeable)
{
    if (changes.empty())
        return false;
    if (!m_editLock.isEmpty()
        && std::any_of(changes.begin(), changes.end(), [](const MapChange& c) {
               return !std::holds_alternative<change::UpdateMapData>(c);
           })) {
        emit editRefused(m_editLock);
        return false;
    }
    if (auto why = refusal(m_map, changes)) {
        emit editRefused(q(*why));
        return false;
    }
    m_undoStack->push(new MapCommand(this, actionName, std::move(changes), mergeable));
    settleFailure(StackCall::Push);
    return true;
}

FactorId Document::addFactor(const QString& label, Point position)
{
    Factor f;
    f.id = FactorId(m_map.nextFactorId());
    f.label = label.trimmed().toStdString();
    f.position = position;
    if (!applyChanges(tr("Add factor '%1'").arg(q(f.label)), {change::InsertFactor{f}}))
        return {};
    return f.id;
}

std::pair<FactorId, LinkId> Document::addFactorWithLink(FactorId from, const QString& label,
                                                        Point position)
{
    Factor f;
    f.id = FactorId(m_map.nextFactorId());
    f.label = label.trimmed().toStdString();
    f.position = position;
    Link l;
    l.id = LinkId(m_map.nextLinkId());
    l.from = from;
    l.to = f.id;
    if (!applyChanges(tr("Add factor \"%1\" with a link").arg(label),
                      {change::InsertFactor{f}, change::InsertLink{l}}))
        return {};
    return {f.id, l.id};
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
    if (!applyChanges(name, {change::InsertLink{l}}))
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
    items.reserve(factorSet.size() + linkSet.size());
    for (FactorId id : factorSet)
        items.push_back(ItemRef::of(id));
    for (LinkId id : linkSet)
        items.push_back(ItemRef::of(id));
    if (!nominationsOf(m_map, items).empty()) {
        SystemMap withoutNominations = m_map;
        removeNominations(withoutNominations, items);
        change::UpdateMapData data{mapDataOf(m_map), mapDataOf(m_map)};
        data.after.rounds = withoutNominations.rounds();
        changes.push_back(std::move(data));
    }
    for (LinkId id : linkSet)
        changes.push_back(change::RemoveLink{m_map.link(id)});
    for (FactorId id : factorSet)
        changes.push_back(change::RemoveFactor{m_map.factor(id)});

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
        name = changes.size() == 1 ? tr("Move factor '%1'")
                                         .arg(q(std::get<change::UpdateFactor>(changes[0]).after.label))
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
        ? tr("Move factor '%1'").arg(q(m_map.factor(*unique.begin()).label))
        : tr("Move %1 factors").arg(changes.size());
    return push(name, std::move(changes), true);
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
    onlyBend.bendByLayout = link.bendByLayout;
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
        changes.push_back(change::InsertFactor{f});
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
        changes.push_back(change::InsertLink{l});
        result.second.push_back(l.id);
    }
    const QString name = result.first.size() == 1
        ? tr("Paste factor '%1'").arg(q(std::get<change::InsertFactor>(changes[0]).factor.label))
        : tr("Paste %1 factors").arg(result.first.size());
    if (!applyChanges(name, std::move(changes)))
        return {};
    return result;
}

} // namespace causeway
