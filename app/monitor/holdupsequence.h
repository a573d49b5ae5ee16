#pragma once

#include "model/loops.h"
#include "model/nomination.h"

#include <QObject>
#include <QRectF>
#include <QString>

#include <vector>

class QLabel;

namespace causeway {

class MonitorData;
class PresentationView;
class VerdictOverlay;

// "How did the map hold up?" in presentation: M starts it; PageDown, Right or Space step through
// the verdicts one by one, as the monitoring report gives them: each checked link (its cause in
// focus), each factor with figures (its trend, and whether it moves the way its monitored causes
// predict; the factor in focus), then each loop with a checked link (the loop lit, as its
// walkthrough's last step). The verdict and its numbers are in plain words in a caption placed
// clear of what it talks about; the marks are on the map and explained in the legend. PageUp or
// Left go back, M or Esc end it. The first slide counts the verdicts and says that co-movement
// is not proof of causation. It rides on the presentation's own view and never edits the map.
class HoldUpSequence : public QObject {
    Q_OBJECT
public:
    HoldUpSequence(PresentationView* view, MonitorData* data);

    // Attaches a sequence to the presentation `window` is showing, once per presentation.
    static HoldUpSequence* attach(QWidget* window, MonitorData* data);

    struct Step {
        enum class Kind { Summary, Link, Factor, Loop };
        Kind kind = Kind::Summary;
        std::size_t check = 0; // index into the report's links, factors or loops
    };
    Step step(int index) const;
    bool isActive() const { return m_index >= 0; }
    int index() const { return m_index; } // 0: the summary; then links, factors, loops
    int size() const;
    QString caption() const { return m_text; }
    const QLabel* captionLabel() const { return m_caption; }
    void start();
    void stop();
    void goTo(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString stepText(const Step& step) const;
    void show(const Step& step); // what the view lights for it
    // What the caption must not cover, in the view's viewport: the link's middle and its mark,
    // the factor's box, the loop's factors.
    std::vector<QRectF> subject() const;
    void reserve(); // the caption's height kept clear of the map along the top
    void place();

    PresentationView* m_view;
    MonitorData* m_data;
    VerdictOverlay* m_marks = nullptr;
    QLabel* m_caption;
    QString m_text;
    int m_index = -1;
    int m_slideBefore = -1; // the presentation's slide, to go back to after a loop was shown
    bool m_loopShown = false;
};

} // namespace causeway
