#pragma once

#include "model/systemmap.h"

#include <QObject>
#include <QString>

#include <map>
#include <set>
#include <variant>
#include <vector>

class QAction;
class QUndoStack;

namespace causeway {

// The map-level data that is not factors or links: one value, so an edit of a loop label, a
// nomination round, a story or the monitoring plan is one UpdateMapData change holding the data before and after.
struct MapData {
    std::string title;
    std::string description;
    std::vector<LoopLabel> loopLabels;
    std::vector<NominationRound> rounds;
    std::vector<Story> stories;
    MonitoringPlan plan; // what to monitor after the workshop (model/monitoringplan.h)
    bool operator==(const MapData&) const = default;
};
MapData mapDataOf(const SystemMap& map);
void setMapData(SystemMap& map, const MapData& data);

// The primitive, reversible changes to the map. A command is a list of them: redo applies them
// in order, undo applies their inverses in reverse order. Values, never pointers.
namespace change {
struct InsertFactor { Factor factor; };
struct RemoveFactor { Factor factor; }; // as it is in the map, so undo restores it exactly
struct UpdateFactor { Factor before; Factor after; }; // same id
struct InsertLink { Link link; };
struct RemoveLink { Link link; };
struct UpdateLink { Link before; Link after; }; // same id, ends and all
struct UpdateMapData { MapData before; MapData after; };
} // namespace change
using MapChange = std::variant<change::InsertFactor, change::RemoveFactor, change::UpdateFactor,
                               change::InsertLink, change::RemoveLink, change::UpdateLink,
                               change::UpdateMapData>;

// std::visit with one lambda per change kind.
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
// C++20 deduces this itself; spelled out for clang-tidy's clang 14, which does not yet.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Owns the map, its undo stack, its file path and modified state. The UI calls intent methods;
// only undo commands (built here) change the map; fine-grained signals tell views what changed.
// Intent methods never throw: a refused edit changes nothing, emits editRefused(message) and
// returns false / an invalid id.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const SystemMap& map() const { return m_map; }

    // ---- files
    QString filePath() const { return m_filePath; }
    QString displayName() const; // file name, or "Untitled"
    bool isModified() const;
    void newMap();
    // Loads a .causeway file. On failure returns false with a message and leaves the current map
    // untouched.
    bool open(const QString& path, QString* error);
    bool save(QString* error);                       // to filePath()
    bool saveAs(const QString& path, QString* error);
    // The map is as saved (e.g. after the window restored a file it had autosaved).
    void markSaved();
    // Replaces the map (import, recovery) as a new, unsaved document.
    void replaceMap(SystemMap map, const QString& filePath = {});

    // ---- intents (each is one undo step)
    FactorId addFactor(const QString& label, Point position);
    LinkId addLink(FactorId from, FactorId to, Polarity polarity = Polarity::Positive);
    bool remove(const std::vector<FactorId>& factors, const std::vector<LinkId>& links);
    // One drag: final positions of the moved factors.
    bool moveFactors(const std::map<FactorId, Point>& positions, const QString& actionName = {});
    // Keyboard nudge: moves by `delta`; consecutive nudges of the same factors merge into one step.
    bool nudgeFactors(const std::vector<FactorId>& factors, Point delta);
    bool updateFactor(const Factor& factor); // label, description, group, pinned, position
    bool updateLink(const Link& link);       // polarity, delay, label, note, bend
    bool setPolarity(const std::vector<LinkId>& links, Polarity polarity);
    bool cyclePolarity(const std::vector<LinkId>& links); // + -> - -> ? -> +
    bool toggleDelay(const std::vector<LinkId>& links);
    // A link dragged onto empty canvas: a new factor and the link to it, as one step. Returns
    // both ids (invalid when refused).
    std::pair<FactorId, LinkId> addFactorWithLink(FactorId from, const QString& label, Point position);
    // Adds a fragment (factors and the links among them) with fresh ids, shifted by `offset`.
    // Returns the new factor and link ids.
    std::pair<std::vector<FactorId>, std::vector<LinkId>> paste(const SystemMap& fragment,
                                                                  Point offset);
    // The factors and the links among them, as a stand-alone map (for copy).
    SystemMap fragment(const std::vector<FactorId>& factors) const;
    // While `reason` is set, every edit of factors and links (from any menu, key, drag, paste or
    // layout) and undo/redo are refused with it; map-level data (ballots, loop labels) still
    // changes. Voting sets it: a participant's click must never edit the map, and nobody's
    // Ctrl+Z may take back the previous participant's ballot.
    void setFactorEditLock(const QString& reason);
    QString factorEditLock() const { return m_editLock; }

    // ---- history
    // Undo and redo, refused (editRefused) while locked. A step that fails to apply is taken
    // back whole and dropped from the history, which is cut where it no longer matches the map.
    bool undo();
    bool redo();
    bool canUndo() const; // false while locked
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    int undoCount() const; // steps in the history
    int undoIndex() const; // steps done (undoCount() minus those that can be redone)
    // The editor's Undo and Redo: owned here, named after the step, disabled while locked or
    // when there is nothing to undo (their tooltip then says why).
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }

    // Title, description, loop labels, nomination rounds or stories: one undo step named `actionName`.
    bool updateMapData(const MapData& data, const QString& actionName);
    // Any list of changes as one undo step (used by layout and by the intents above). Refused
    // (editRefused, false) unless every change fits the map as it is.
    bool applyChanges(const QString& actionName, std::vector<MapChange> changes);

    // A map opened without positions is being laid out before it is drawn (LayoutRunner::runNow):
    // its views hold off routing its links round the importer's grid until firstLayoutEnded.
    void setFirstLayoutRunning(bool running);
    bool firstLayoutRunning() const { return m_firstLayoutRunning; }

signals:
    void factorAdded(causeway::FactorId id);
    void factorChanged(causeway::FactorId id);
    void factorRemoved(causeway::FactorId id);
    void linkAdded(causeway::LinkId id);
    void linkChanged(causeway::LinkId id);
    void linkRemoved(causeway::LinkId id);
    void mapDataChanged(); // title, description, loop labels, rounds or stories
    void reset(); // the whole map was replaced
    // Around the signals of a step of several changes (a layout, a multi-factor move, its undo):
    // views may defer costly work (routing links) to the end instead of doing it per change.
    void changesStarting();
    void changesFinished();
    void firstLayoutEnded(); // setFirstLayoutRunning(false)
    // After every step (an edit, an undo or a redo), once all its changes are signalled: views
    // that refresh whole (a table of every factor's figures) do so once, not once per factor a
    // layout moved (a 400-factor map's layout took ~9 s to apply so).
    void stepNotified();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void editRefused(const QString& message);
    void historyChanged(); // a step was done, undone or redone, or the history was cleared

private:
    friend class MapCommand;
    friend struct DocumentTestAccess; // tests/app: breaks the map behind the history on purpose

    void resetTo(SystemMap map, const QString& filePath, bool clean);
    void notify(const MapChange& change, bool forward);
    // Emits each change's signal, in order, between changesStarting and changesFinished; then
    // stepNotified.
    template <class It> void notifyAll(It begin, It end, bool forward);
    bool refuseMissing(const std::set<LinkId>& links); // emits editRefused for the first missing
    bool push(const QString& actionName, std::vector<MapChange> changes, bool mergeable);
    // Applies changes without the undo stack (commands call these) and emits signals. All or
    // nothing: when one change fails, those applied are taken back and the error is rethrown.
    void applyForward(const std::vector<MapChange>& changes);
    void applyBackward(const std::vector<MapChange>& changes);
    // Commands report a step that failed to apply here; settleFailure then cuts the history.
    void commandFailed(const QString& message) { m_failure = message; }
    enum class StackCall { Push, Undo, Redo };
    void settleFailure(StackCall call);
    void updateHistoryActions();

    SystemMap m_map;
    QUndoStack* m_undoStack;
    QAction* m_undoAction;
    QAction* m_redoAction;
    QString m_filePath;
    QString m_editLock;
    QString m_failure;
    bool m_firstLayoutRunning = false;
};

} // namespace causeway
