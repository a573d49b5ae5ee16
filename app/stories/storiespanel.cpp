// The Stories panel's widgets, lists and dock; its edits are in storiespaneledits.cpp.
#include "app/stories/storiespanel.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/stories/storydeck.h"
#include "model/stories.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace causeway {

StoriesPanel::StoriesPanel(CanvasScene* scene, CanvasEmphasis* emphasis, QAction* present,
                           QWidget* parent)
    : QWidget(parent), m_document(scene->document()), m_scene(scene), m_emphasis(emphasis),
      m_present(present)
{
    buildActions();
    buildLayout();
    // Names, summaries and problems follow every edit, in the editor or by undo: once a step's
    // changes are all made (a layout moves every factor in one).
    connect(m_document, &Document::stepNotified, this, &StoriesPanel::refresh);
    connect(m_document, &Document::reset, this, &StoriesPanel::refresh);
    connect(m_document, &Document::editRefused, this, [this](const QString& why) {
        if (m_editing) // this panel's edit, refused: say why here
            say(why);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &StoriesPanel::updateButtons);
    connect(m_stories, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_refreshing)
            return;
        const auto& stories = m_document->map().stories();
        m_currentName = index >= 0 && std::size_t(index) < stories.size() ? stories[std::size_t(index)].name
                                                                           : std::string();
        m_wantedStep = -1;
        refresh();
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, &StoriesPanel::updateButtons);
    connect(m_steps, &QListWidget::itemDoubleClicked, this, &StoriesPanel::askCaption);
    refresh();
}

StoriesPanel* StoriesPanel::install(QMainWindow* window, CanvasScene* scene, CanvasEmphasis* emphasis,
                                    QAction* present, QDockWidget* besides)
{
    auto* panel = new StoriesPanel(scene, emphasis, present);
    panel->m_mainWindow = window;
    auto* dock = new QDockWidget(tr("Stories"), window);
    dock->setObjectName(QStringLiteral("stories"));
    dock->setWidget(panel);
    dock->setMinimumWidth(240);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (besides)
        window->tabifyDockWidget(besides, dock);
    return panel;
}

void StoriesPanel::buildActions()
{
    auto action = [this](const QString& text, const QString& tip, auto slot) {
        auto* a = new QAction(text, this);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_new = action(tr("New"), tr("Start a new story"), &StoriesPanel::askNewStory);
    m_rename = action(tr("Rename"), tr("Rename this story"), &StoriesPanel::askRename);
    m_delete = action(tr("Delete"), tr("Delete this story (Undo brings it back)"),
                      [this] { deleteStory(); });
    m_focus1 = action(tr("Focus"), tr("Add a step: the selected factor with its causes and effects"),
                      [this] { addFocusStep(1); });
    m_focus2 = action(tr("Focus, 2 out"),
                      tr("Add a step: the selected factor with causes and effects two links out"),
                      [this] { addFocusStep(2); });
    m_loop = action(tr("Loop"),
                    tr("Add a step: walk through the highlighted loop (from the Loops panel) link by link"),
                    [this] { addLoopStep(); });
    m_reveal = action(tr("Reveal"), tr("Add a step: the selected factors and links appear"),
                      [this] { addRevealStep(); });
    m_up = action(tr("Up"), tr("Play this step earlier"), [this] { moveStep(-1); });
    m_down = action(tr("Down"), tr("Play this step later"), [this] { moveStep(1); });
    m_remove = action(tr("Remove"), tr("Remove this step"), [this] { removeStep(); });
    m_caption = action(tr("Caption..."), tr("The words shown with this step"), &StoriesPanel::askCaption);
    m_play = action(tr("Play"), tr("Present this story full screen (PageDown: next step, Esc leaves)"),
                    [this] { play(); });
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void StoriesPanel::buildLayout()
{
    auto button = [](QAction* a) {
        auto* b = new QToolButton;
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        return b;
    };
    // Two buttons a row, so the panel stays narrow beside the map.
    auto rows = [&](std::initializer_list<QAction*> actions) {
        auto* grid = new QGridLayout;
        int i = 0;
        for (QAction* a : actions) {
            grid->addWidget(button(a), i / 2, i % 2);
            ++i;
        }
        return grid;
    };
    m_stories = new QComboBox;
    m_stories->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_steps = new QListWidget;
    m_steps->setWordWrap(true);
    m_status = new QLabel;
    m_status->setWordWrap(true);

    auto* column = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_stories, 1);
    top->addWidget(button(m_play));
    column->addLayout(top);
    column->addLayout(rows({m_new, m_rename, m_delete}));
    column->addWidget(new QLabel(tr("Steps, played in order:")));
    column->addWidget(m_steps, 1);
    column->addWidget(new QLabel(tr("Add a step from the map:")));
    column->addLayout(rows({m_reveal, m_loop, m_focus1, m_focus2}));
    column->addLayout(rows({m_up, m_down, m_remove, m_caption}));
    column->addWidget(m_status);
}

int StoriesPanel::currentStory() const
{
    const auto& stories = m_document->map().stories();
    for (std::size_t i = 0; i < stories.size(); ++i)
        if (stories[i].name == m_currentName)
            return int(i);
    return -1;
}

void StoriesPanel::setCurrentStory(int index)
{
    m_stories->setCurrentIndex(index);
}

int StoriesPanel::currentStep() const
{
    return m_steps->currentRow();
}

void StoriesPanel::setCurrentStep(int index)
{
    m_steps->setCurrentRow(index);
}

QString StoriesPanel::status() const
{
    return m_status->text();
}

void StoriesPanel::say(const QString& message)
{
    m_status->setText(message);
}

// Both lists again from the map: the current story by name, the current step by place.
void StoriesPanel::refresh()
{
    m_refreshing = true;
    const SystemMap& map = m_document->map();
    const auto& stories = map.stories();
    const int step = m_wantedStep >= 0 ? m_wantedStep : m_steps->currentRow();
    m_wantedStep = -1;
    m_stories->clear();
    for (const Story& story : stories)
        m_stories->addItem(QString::fromStdString(story.name));
    int current = currentStory();
    if (current < 0 && !stories.empty()) {
        current = 0;
        m_currentName = stories.front().name;
    }
    m_stories->setCurrentIndex(current);
    m_steps->clear();
    if (current >= 0) {
        const Story& story = stories[std::size_t(current)];
        const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
        for (std::size_t i = 0; i < story.steps.size(); ++i) {
            auto* item = new QListWidgetItem(
                QStringLiteral("%1. %2").arg(i + 1).arg(present::stepSummary(map, story.steps[i])));
            if (const auto problem = storyStepProblem(map, story.steps[i])) {
                item->setIcon(warning);
                item->setToolTip(tr("%1 This step is skipped when the story plays.")
                                     .arg(QString::fromStdString(*problem)));
            }
            m_steps->addItem(item);
        }
        if (m_steps->count() > 0)
            m_steps->setCurrentRow(std::clamp(step, 0, m_steps->count() - 1));
    }
    m_refreshing = false;
    updateButtons();
}

void StoriesPanel::updateButtons()
{
    const bool story = currentStory() >= 0;
    const bool step = story && m_steps->currentRow() >= 0;
    m_rename->setEnabled(story);
    m_delete->setEnabled(story);
    m_play->setEnabled(story && m_present);
    for (QAction* a : {m_focus1, m_focus2, m_loop, m_reveal})
        a->setEnabled(story);
    m_up->setEnabled(step && m_steps->currentRow() > 0);
    m_down->setEnabled(step && m_steps->currentRow() + 1 < m_steps->count());
    m_remove->setEnabled(step);
    m_caption->setEnabled(step);
}

void StoriesPanel::askNewStory()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("New Story"), tr("Name:"), QLineEdit::Normal,
        tr("Story %1").arg(m_document->map().stories().size() + 1), &ok);
    if (ok)
        newStory(name);
}

void StoriesPanel::askRename()
{
    if (currentStory() < 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Story"), tr("Name:"), QLineEdit::Normal,
                                               QString::fromStdString(m_currentName), &ok);
    if (ok)
        renameStory(name);
}

void StoriesPanel::askCaption()
{
    const int story = currentStory();
    const int step = currentStep();
    if (story < 0 || step < 0)
        return;
    bool ok = false;
    const auto& steps = m_document->map().stories()[std::size_t(story)].steps;
    const QString caption = QInputDialog::getText(
        this, tr("Step Caption"), tr("Words shown with step %1 (empty: the map's own):").arg(step + 1),
        QLineEdit::Normal, QString::fromStdString(steps[std::size_t(step)].caption), &ok);
    if (ok)
        setStepCaption(caption);
}

} // namespace causeway
