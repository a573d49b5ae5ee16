// The presenter console on the laptop: now, next, notes, and the clicker's keys.
#include "app/present/presenterconsole.h"

#include "app/canvas/looplabelitem.h"
#include "app/document/document.h"
#include "app/present/presentationview.h"

#include <QApplication>
#include <QFontMetrics>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>

namespace causeway {

QScreen* roomScreen(const QWidget* editor)
{
    const QScreen* own = editor->screen();
    for (QScreen* screen : QGuiApplication::screens())
        if (screen != own)
            return screen;
    return nullptr;
}

PresenterConsole::PresenterConsole(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    setWindowFlag(Qt::Tool); // beside the editor, above it, never a second main window
    setWindowTitle(tr("Presenter console"));
    setFocusPolicy(Qt::StrongFocus);
    m_position = new QLabel;
    m_now = new QLabel;
    m_nextCaption = new QLabel;
    for (QLabel* label : {m_now, m_nextCaption}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
    }
    QFont bold = m_nextCaption->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_nextCaption->setFont(bold);
    // Two lines each, always: a wrapped caption is never squeezed by the notes below.
    for (QLabel* label : {m_now, m_nextCaption}) {
        label->setMinimumHeight(2 * label->fontMetrics().lineSpacing() + 4);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    m_notes = new QPlainTextEdit;
    m_notes->setPlaceholderText(tr("Notes for this map (only you see them)"));
    m_previous = new QPushButton(tr("◀ Previous"));
    m_next = new QPushButton(tr("Next ▶"));
    m_end = new QPushButton(tr("End (Esc)"));
    for (QPushButton* b : {m_previous, m_next, m_end})
        b->setFocusPolicy(Qt::NoFocus); // keys stay with the console, not a button

    auto* grid = new QGridLayout(this);
    grid->addWidget(m_position, 0, 0, 1, 3);
    grid->addWidget(new QLabel(tr("Now:")), 1, 0, Qt::AlignTop);
    grid->addWidget(m_now, 1, 1, 1, 2);
    grid->addWidget(new QLabel(tr("Next:")), 2, 0, Qt::AlignTop);
    grid->addWidget(m_nextCaption, 2, 1, 1, 2);
    grid->addWidget(m_notes, 3, 0, 1, 3);
    grid->addWidget(m_previous, 4, 0);
    grid->addWidget(m_next, 4, 1);
    grid->addWidget(m_end, 4, 2);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(3, 1);

    connect(m_previous, &QPushButton::clicked, this, [this] {
        if (m_view)
            m_view->previous();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_view)
            m_view->next();
    });
    connect(m_end, &QPushButton::clicked, this, [this] {
        if (m_view)
            m_view->close();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this,
            [this] { m_notesByMap[m_notesShownFor] = m_notes->toPlainText(); });
    connect(document, &Document::filePathChanged, this, &PresenterConsole::refresh);
    connect(document, &Document::reset, this, &PresenterConsole::refresh);
    resize(460, 380);
}

void PresenterConsole::attach(PresentationView* view, QScreen* screen)
{
    if (m_view != view) {
        if (m_view)
            disconnect(m_view, nullptr, this, nullptr);
        m_view = view;
        connect(view, &PresentationView::slideChanged, this, &PresenterConsole::refresh);
        connect(view, &PresentationView::closed, this, &QWidget::hide);
    }
    if (screen) {
        setScreen(screen);
        const QRect area = screen->availableGeometry();
        move(area.right() - width() - 16, area.bottom() - height() - 48);
    }
    refresh();
    show();
    raise();
}

QString PresenterConsole::notesKey() const { return m_document->filePath(); }

QString PresenterConsole::captionAt(int index) const
{
    using present::Slide;
    const present::Deck& deck = m_view->deck();
    if (index < 0 || index >= deck.size())
        return tr("(the end)");
    const Slide s = deck.slide(index);
    const SystemMap& map = m_document->map();
    if (s.loop < 0)
        return tr("The whole map");
    const present::PresentedLoop& p = deck.loops()[std::size_t(s.loop)];
    if (!present::Deck::isVerdict(p, s.step))
        return present::linkCaption(map, p.loop.links[std::size_t(s.step - 1)]);
    const layout::LoopMarker where = loopMarkerOnScene(m_view->canvas(), map, p.loop.links);
    return present::loopVerdict(map, p.loop, where.clockwise, p.name);
}

QString PresenterConsole::nowText() const { return m_view ? m_view->caption() : QString(); }

QString PresenterConsole::nextText() const
{
    return m_view ? captionAt(m_view->slideIndex() + 1) : QString();
}

void PresenterConsole::refresh()
{
    if (notesKey() != m_notesShownFor) { // another map: its own notes
        m_notesShownFor = notesKey();
        const QSignalBlocker quiet(m_notes);
        m_notes->setPlainText(m_notesByMap.value(m_notesShownFor));
    }
    if (!m_view)
        return;
    m_position->setText(tr("Slide %1 of %2").arg(m_view->slideIndex() + 1).arg(m_view->deck().size()));
    m_now->setText(nowText());
    m_nextCaption->setText(nextText());
}

void PresenterConsole::keyPressEvent(QKeyEvent* event)
{
    // The notes field keeps its keys (it has focus while typing); the rest drive the room.
    if (m_view) {
        QKeyEvent copy(event->type(), event->key(), event->modifiers(), event->text());
        QApplication::sendEvent(m_view, &copy);
        if (copy.isAccepted()) {
            event->accept();
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace causeway
