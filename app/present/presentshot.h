#pragma once

// The screenshot mode's presentation pictures: `causeway --screenshot OUT --size WxH --present
// [--focus LABEL] [--walkthrough N --step K] [--story N --step K] [--turn ROUND [--voter NAME]]
// MAP`, and the room's results, `--results ROUND`.

#include <QSize>
#include <QString>

namespace causeway {

class Document;

struct PresentShot {
    QString focus;       // a factor's label: focus it
    int walkthrough = -1; // the Nth loop of the presentation (from 0)
    int step = 1;         // that walkthrough's step: 1 lights its first link, length + 1 its verdict
    QString turnRound;    // the turn screen of this round's voting
    QString voter;        // whose turn it is (empty: between voters)
    int story = -1;       // the map's Nth story (from 0), after `step` clicks (0: its title)
};

// Renders the presentation of `document` at `size` into `out`. Returns 0, or 1 with a message on
// stderr naming what is wrong (no such factor, loop or step; the file cannot be written).
int writePresentationShot(Document* document, const QString& out, QSize size,
                          const PresentShot& shot);
// Renders the full-screen results of `round` (ResultsView in room mode, as "Show to the room"
// shows them) at `size`. 1 with a message when there is no such round or it is still secret.
int writeResultsShot(Document* document, const QString& out, QSize size, const QString& round);

} // namespace causeway
