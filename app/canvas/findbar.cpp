#include "app/canvas/findbar.h"

#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace causeway {

FindBar::FindBar(CanvasView* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(new QLabel(tr("Find factor:")));
    m_edit = new QLineEdit;
    m_edit->setPlaceholderText(tr("part of a name"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    layout->addWidget(m_edit, 1);
    m_count = new QLabel;
    m_count->setMinimumWidth(110);
    layout->addWidget(m_count);
    auto* close = new QToolButton;
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(tr("Close (Esc)"));
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_view->setFocus();
    });
    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::search);
    hide();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus();
    m_edit->selectAll();
    search();
}

void FindBar::search()
{
    m_matches.clear();
    m_current = -1;
    const QString text = m_edit->text().trimmed();
    if (!text.isEmpty()) {
        // Names that start with the text first, then those containing it.
        std::vector<FactorId> contains;
        for (const Factor& f : m_view->canvas()->document()->map().factors()) {
            const QString label = QString::fromStdString(f.label);
            if (label.startsWith(text, Qt::CaseInsensitive))
                m_matches.push_back(f.id);
            else if (label.contains(text, Qt::CaseInsensitive))
                contains.push_back(f.id);
        }
        m_matches.insert(m_matches.end(), contains.begin(), contains.end());
    }
    if (!m_matches.empty())
        m_current = 0;
    showCurrent();
}

void FindBar::step(int delta)
{
    if (m_matches.empty())
        return;
    const int n = int(m_matches.size());
    m_current = ((m_current + delta) % n + n) % n;
    showCurrent();
}

void FindBar::showCurrent()
{
    if (m_edit->text().trimmed().isEmpty()) {
        m_count->clear();
        return;
    }
    if (m_current < 0) {
        m_count->setText(tr("no match"));
        return;
    }
    m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    const FactorId id = m_matches[m_current];
    m_view->canvas()->selectOnly({id});
    m_view->centreOnFactor(id);
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            hide();
            m_view->setFocus();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const bool done = (key->modifiers() & Qt::ControlModifier) || m_matches.size() == 1;
            if (m_current >= 0 && done) {
                // One match (or Ctrl+Enter): keep it selected and go back to the canvas.
                hide();
                m_view->setFocus();
            } else {
                step(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace causeway
