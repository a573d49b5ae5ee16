#pragma once

#include <QObject>
#include <QString>

class QLabel;

namespace causeway {

class MonitorData;
class PresentationView;
class VerdictOverlay;

// "How did the map hold up?" in presentation: M starts it; PageDown, Right or Space step through
// the checked links one by one (the link's cause in focus, its verdict mark on the map, the
// verdict and its numbers in plain words across the top), PageUp or Left go back, M or Esc end it.
// The first slide counts the verdicts and says that co-movement is not proof of causation.
// It rides on the presentation's own view and never edits the map.
class HoldUpSequence : public QObject {
    Q_OBJECT
public:
    HoldUpSequence(PresentationView* view, MonitorData* data);

    // Attaches a sequence to the presentation `window` is showing, once per presentation.
    static HoldUpSequence* attach(QWidget* window, MonitorData* data);

    bool isActive() const { return m_index >= 0; }
    int index() const { return m_index; } // 0: the summary; then one per checked link
    int size() const;
    QString caption() const { return m_text; }
    void start();
    void stop();
    void goTo(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void place(); // the caption across the top of the view

    PresentationView* m_view;
    MonitorData* m_data;
    VerdictOverlay* m_marks = nullptr;
    QLabel* m_caption;
    QString m_text;
    int m_index = -1;
};

} // namespace causeway
