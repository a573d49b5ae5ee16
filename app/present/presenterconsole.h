#pragma once

// The presenter console: on the laptop while the projector shows the presentation, what is
// showing now, what comes next, and the facilitator's notes.

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScreen;

namespace causeway {

class Document;
class PresentationView;

// A small window beside the editor (never on the projector). It follows the presentation's
// slides; the presentation's keys (PageDown, Left, B, Esc, ...) work here too, except while
// typing notes. Notes are kept per map file for the session, in memory: they are the
// facilitator's, not the map's, so they never mark the map modified.
class PresenterConsole : public QWidget {
    Q_OBJECT
public:
    PresenterConsole(Document* document, QWidget* parent = nullptr);

    // Follows `view` (until it closes) and shows the console on `screen`, bottom right.
    void attach(PresentationView* view, QScreen* screen);
    PresentationView* presentation() const { return m_view; }

    QString nowText() const;
    QString nextText() const;
    QPlainTextEdit* notes() const { return m_notes; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* previousButton() const { return m_previous; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    QString captionAt(int index) const; // what the presentation shows at slide `index`
    QString notesKey() const;

    Document* m_document;
    QPointer<PresentationView> m_view;
    QLabel* m_position;
    QLabel* m_now;
    QLabel* m_nextCaption;
    QPlainTextEdit* m_notes;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_end;
    QHash<QString, QString> m_notesByMap; // file path (empty: unsaved map) -> notes
    QString m_notesShownFor;
};

// The screen the room should see: the first screen other than `editor`'s, or
// null when there is only one.
QScreen* roomScreen(const QWidget* editor);

} // namespace causeway
