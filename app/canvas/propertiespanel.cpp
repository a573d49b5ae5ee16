#include "app/canvas/propertiespanel.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/document/qtstrings.h"
#include "app/canvas/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <set>

namespace causeway {

namespace {
enum Page { Empty, FactorPage, LinkPage };
} // namespace

PropertiesPanel::PropertiesPanel(CanvasScene* scene, QWidget* parent)
    : QWidget(parent), m_scene(scene), m_document(scene->document())
{
    auto* layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget;
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_stack->addWidget(m_summary);
    m_stack->addWidget(buildFactorPage());
    m_stack->addWidget(buildLinkPage());
    layout->addWidget(m_stack);
    layout->addStretch();

    connect(scene, &QGraphicsScene::selectionChanged, this, &PropertiesPanel::showSelection);
    connect(m_document, &Document::factorChanged, this, [this](FactorId id) {
        if (id == m_factor)
            refresh();
    });
    connect(m_document, &Document::linkChanged, this, [this](LinkId id) {
        if (id == m_link)
            refresh();
    });
    connect(m_document, &Document::factorChanged, this, [this] {
        if (m_link.valid())
            refresh(); // the link's ends may have been renamed
    });
    connect(m_document, &Document::reset, this, &PropertiesPanel::showSelection);
    showSelection();
}

void PropertiesPanel::addSection(QWidget* section)
{
    auto* column = static_cast<QVBoxLayout*>(layout());
    column->insertWidget(column->count() - 1, section); // above the closing stretch
}

QWidget* PropertiesPanel::buildFactorPage()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_factorLabel = new QLineEdit;
    m_factorLabel->setObjectName(QStringLiteral("factorLabel"));
    m_factorDescription = new QPlainTextEdit;
    m_factorDescription->setTabChangesFocus(true);
    m_factorDescription->setMaximumHeight(120);
    m_factorDescription->installEventFilter(this);
    m_factorGroup = new QComboBox;
    m_factorGroup->setEditable(true);
    m_factorGroup->setInsertPolicy(QComboBox::NoInsert);
    m_factorPinned = new QCheckBox(tr("&Pinned"));
    m_factorPinned->setToolTip(tr("Auto-layout keeps a pinned factor where it is"));
    form->addRow(tr("&Label"), m_factorLabel);
    form->addRow(tr("&Description"), m_factorDescription);
    form->addRow(tr("&Group"), m_factorGroup);
    form->addRow(m_factorPinned);

    connect(m_factorLabel, &QLineEdit::editingFinished, this, &PropertiesPanel::commitFactor);
    connect(m_factorGroup->lineEdit(), &QLineEdit::editingFinished, this,
            &PropertiesPanel::commitFactor);
    connect(m_factorGroup, &QComboBox::activated, this, &PropertiesPanel::commitFactor);
    connect(m_factorPinned, &QCheckBox::clicked, this, &PropertiesPanel::commitFactor);
    return page;
}

QWidget* PropertiesPanel::buildLinkPage()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_linkEnds = new QLabel;
    m_linkEnds->setWordWrap(true);
    QFont bold = m_linkEnds->font();
    bold.setBold(true);
    m_linkEnds->setFont(bold);

    auto* polarityRow = new QWidget;
    auto* row = new QHBoxLayout(polarityRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_polarity = new QButtonGroup(this);
    const struct { Polarity p; QString text; QString tip; QColor colour; } choices[] = {
        {Polarity::Positive, QStringLiteral("+"), tr("Same direction (+ key)"),
         theme::positiveColour()},
        {Polarity::Negative, QStringLiteral("\u2212"), tr("Opposite direction (- key)"),
         theme::negativeColour()},
        {Polarity::Unknown, QStringLiteral("?"), tr("Unknown or mixed (? key)"),
         theme::unknownColour()},
    };
    for (const auto& c : choices) {
        auto* button = new QPushButton(c.text);
        button->setToolTip(c.tip);
        button->setMinimumWidth(44);
        button->setCheckable(true);
        button->setStyleSheet(QStringLiteral("QPushButton:checked { background: %1; color: white;"
                                             " font-weight: bold; }")
                                  .arg(c.colour.name()));
        m_polarity->addButton(button, int(c.p));
        row->addWidget(button);
    }
    m_linkDelay = new QCheckBox(tr("Delayed (||)"));
    m_linkLabel = new QLineEdit;
    m_linkLabel->setObjectName(QStringLiteral("linkLabel"));
    m_linkNote = new QPlainTextEdit;
    m_linkNote->setTabChangesFocus(true);
    m_linkNote->setMaximumHeight(120);
    m_linkNote->installEventFilter(this);
    form->addRow(m_linkEnds);
    form->addRow(tr("Polarity"), polarityRow);
    form->addRow(m_linkDelay);
    form->addRow(tr("&Label"), m_linkLabel);
    form->addRow(tr("&Note"), m_linkNote);

    connect(m_polarity, &QButtonGroup::idClicked, this, &PropertiesPanel::commitLink);
    connect(m_linkDelay, &QCheckBox::clicked, this, &PropertiesPanel::commitLink);
    connect(m_linkLabel, &QLineEdit::editingFinished, this, &PropertiesPanel::commitLink);
    return page;
}

bool PropertiesPanel::eventFilter(QObject* watched, QEvent* event)
{
    // A multi-line field commits when the user leaves it.
    if (event->type() == QEvent::FocusOut) {
        if (watched == m_factorDescription)
            commitFactor();
        else if (watched == m_linkNote)
            commitLink();
    }
    return QWidget::eventFilter(watched, event);
}

void PropertiesPanel::showSelection()
{
    const auto factors = m_scene->selectedFactors();
    const auto links = m_scene->selectedLinks();
    m_factor = factors.size() == 1 && links.empty() ? factors.front() : FactorId{};
    m_link = links.size() == 1 && factors.empty() ? links.front() : LinkId{};
    // Another item: its own values, whatever was typed for the last one (committed on leaving).
    m_factorLabel->setModified(false);
    m_factorDescription->document()->setModified(false);
    m_linkLabel->setModified(false);
    m_linkNote->document()->setModified(false);
    if (!m_factor.valid() && !m_link.valid()) {
        if (factors.empty() && links.empty())
            m_summary->setText(tr("Nothing selected.\n\nDouble-click the canvas to add a factor; "
                                  "drag from a factor's green handle to link it."));
        else
            m_summary->setText(tr("%n factor(s)", nullptr, int(factors.size())) + tr(" and ")
                               + tr("%n link(s) selected.", nullptr, int(links.size())));
        m_stack->setCurrentIndex(Empty);
        return;
    }
    refresh();
}

void PropertiesPanel::refresh()
{
    const SystemMap& map = m_document->map();
    m_loading = true;
    if (const Factor* f = m_factor.valid() ? map.findFactor(m_factor) : nullptr) {
        m_stack->setCurrentIndex(FactorPage);
        // A field the user is typing in (modified, not yet committed) keeps what they typed.
        if (!m_factorLabel->isModified())
            m_factorLabel->setText(q(f->label));
        if (!m_factorDescription->document()->isModified())
            m_factorDescription->setPlainText(q(f->description));
        std::set<std::string> groups;
        for (const Factor& other : map.factors())
            if (!other.group.empty())
                groups.insert(other.group);
        m_factorGroup->clear();
        for (const std::string& g : groups)
            m_factorGroup->addItem(q(g));
        m_factorGroup->setCurrentText(q(f->group));
        m_factorPinned->setChecked(f->pinned);
    } else if (const Link* l = m_link.valid() ? map.findLink(m_link) : nullptr) {
        m_stack->setCurrentIndex(LinkPage);
        m_linkEnds->setText(q(describeLink(map, *l)));
        m_polarity->button(int(l->polarity))->setChecked(true);
        m_linkDelay->setChecked(l->delay);
        if (!m_linkLabel->isModified())
            m_linkLabel->setText(q(l->label));
        if (!m_linkNote->document()->isModified())
            m_linkNote->setPlainText(q(l->note));
    } else {
        m_stack->setCurrentIndex(Empty);
    }
    m_loading = false;
}

void PropertiesPanel::commitFactor()
{
    const Factor* f = m_factor.valid() ? m_document->map().findFactor(m_factor) : nullptr;
    if (m_loading || !f)
        return;
    m_factorLabel->setModified(false);
    m_factorDescription->document()->setModified(false);
    Factor after = *f;
    const QString label = m_factorLabel->text().simplified();
    if (!label.isEmpty())
        after.label = label.toStdString();
    after.description = m_factorDescription->toPlainText().trimmed().toStdString();
    after.group = m_factorGroup->currentText().trimmed().toStdString();
    after.pinned = m_factorPinned->isChecked();
    if (after != *f)
        m_document->updateFactor(after);
    else if (label.isEmpty())
        refresh(); // an emptied label is refused: show the real one again
}

void PropertiesPanel::commitLink()
{
    const Link* l = m_link.valid() ? m_document->map().findLink(m_link) : nullptr;
    if (m_loading || !l)
        return;
    m_linkLabel->setModified(false);
    m_linkNote->document()->setModified(false);
    Link after = *l;
    after.polarity = Polarity(m_polarity->checkedId());
    after.delay = m_linkDelay->isChecked();
    after.label = m_linkLabel->text().trimmed().toStdString();
    after.note = m_linkNote->toPlainText().trimmed().toStdString();
    if (after != *l)
        m_document->updateLink(after);
}

} // namespace causeway
