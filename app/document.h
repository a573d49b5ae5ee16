#pragma once

#include "model/systemmap.h"

#include <QObject>
#include <QString>

#include <map>
#include <set>
#include <vector>

class QUndoStack;

namespace causeway {

// The map-level data that is not factors or links: one value, so an edit of a loop label or of a
// nomination round is one UpdateMapData change holding the data before and after.
struct MapData {
    std::string title;
    std::string description;
    std::vector<LoopLabel> loopLabels;
    std::vector<NominationRound> rounds;
    bool operator==(const MapData&) const = default;
};
MapData mapDataOf(const SystemMap& map);
void setMapData(SystemMap& map, const MapData& data);

// One primitive, reversible change to the map. A command is a list of these: redo applies them
// in order, undo applies their inverses in reverse order. Values, never pointers.
struct MapChange {
    enum class Kind {
        InsertFactor,
        RemoveFactor,
        UpdateFactor,
        InsertLink,
        RemoveLink,
        UpdateLink,
        UpdateMapData
    };
    Kind kind;
    Factor factorBefore; // UpdateFactor, RemoveFactor (the removed factor)
    Factor factorAfter;  // UpdateFactor, InsertFactor
    Link linkBefore;     // UpdateLink, RemoveLink
    Link linkAfter;      // UpdateLink, InsertLink
    MapData dataBefore;  // UpdateMapData
    MapData dataAfter;   // UpdateMapData
};

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
    QUndoStack* undoStack() const { return m_undoStack; }

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
    void setFactorEditLock(const QString& reason) { m_editLock = reason; }
    QString factorEditLock() const { return m_editLock; }
    // Undo and redo as the editor's actions do them: refused while locked.
    bool undo();
    bool redo();

    // Title, description, loop labels or nomination rounds: one undo step named `actionName`.
    bool updateMapData(const MapData& data, const QString& actionName);
    // Any list of changes as one undo step (used by layout and by the intents above).
    bool applyChanges(const QString& actionName, std::vector<MapChange> changes);

    // Applies changes without the undo stack (commands call these). Emits signals.
    void applyForward(const std::vector<MapChange>& changes);
    void applyBackward(const std::vector<MapChange>& changes);

signals:
    void factorAdded(causeway::FactorId id);
    void factorChanged(causeway::FactorId id);
    void factorRemoved(causeway::FactorId id);
    void linkAdded(causeway::LinkId id);
    void linkChanged(causeway::LinkId id);
    void linkRemoved(causeway::LinkId id);
    void mapDataChanged(); // title, description, loop labels or rounds
    void reset(); // the whole map was replaced
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void editRefused(const QString& message);

private:
    void resetTo(SystemMap map, const QString& filePath, bool clean);
    void notify(const MapChange& change, bool forward);
    bool refuseMissing(const std::set<LinkId>& links); // emits editRefused for the first missing

    SystemMap m_map;
    QUndoStack* m_undoStack;
    QString m_filePath;
    QString m_editLock;
};

} // namespace causeway
