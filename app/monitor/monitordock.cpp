// The Monitor dock, menu and verdict marks, wired to the main window.
#include "app/monitor/monitordock.h"

#include "app/canvas/canvasscene.h"
#include "app/document/document.h"
#include "app/monitor/holdupsequence.h"
#include "app/monitor/indicatordialog.h"
#include "app/monitor/monitordata.h"
#include "app/monitor/monitoredits.h"
#include "app/monitor/monitorpanel.h"
#include "app/monitor/verdictmarks.h"
#include "model/monitoringplan.h"
#include "model/nominations.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>

namespace causeway {

MonitorDock* MonitorDock::install(QMainWindow* window, CanvasScene* scene, QDockWidget* besides)
{
    return new MonitorDock(window, scene, besides);
}

MonitorDock::MonitorDock(QMainWindow* window, CanvasScene* scene, QDockWidget* besides)
    : QObject(window), m_window(window), m_scene(scene)
{
    setObjectName(QStringLiteral("monitorDock"));
    m_data = new MonitorData(scene->document(), this);
    m_marks = new VerdictOverlay(scene, m_data, this);
    new VerdictExportMarks(m_marks, m_data, window); // File > Export finds it among the window's children
    m_panel = new MonitorPanel(m_data);
    m_dock = new QDockWidget(tr("Monitor"), window);
    m_dock->setObjectName(QStringLiteral("monitor"));
    m_dock->setWidget(m_panel);
    m_dock->setMinimumWidth(240);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    if (besides)
        window->tabifyDockWidget(besides, m_dock);
    connect(m_panel->importButton(), &QPushButton::clicked, this, &MonitorDock::chooseImport);
    connect(m_panel->planButton(), &QPushButton::clicked, this, &MonitorDock::choosePlan);
    connect(m_panel->indicatorButton(), &QPushButton::clicked, this, &MonitorDock::editSelected);
    connect(m_panel, &MonitorPanel::itemActivated, this, [this](ItemRef item) {
        if (item.isLink())
            m_scene->selectOnly({}, {item.link});
        else
            m_scene->selectOnly({item.factor});
    });

    // Before Help, like the other menus of the editor.
    auto* menu = new QMenu(tr("&Monitor"), window);
    const QList<QAction*> menus = window->menuBar()->actions();
    QAction* help = nullptr;
    for (QAction* a : menus)
        if (a->text() == tr("&Help"))
            help = a;
    window->menuBar()->insertMenu(help, menu);
    fillMenu(menu);

    // Presentation (View > Present, F5): "How did the map hold up?" rides on the view it opens
    // (key M), connected after the action's own handler so the view exists by then.
    for (QAction* a : window->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::Key_F5))
            connect(a, &QAction::triggered, this, [this] { HoldUpSequence::attach(m_window, m_data); });
}

void MonitorDock::fillMenu(QMenu* menu)
{
    connect(menu->addAction(tr("&Monitor Panel")), &QAction::triggered, this, &MonitorDock::showPanel);
    menu->addSeparator();
    connect(menu->addAction(tr("&Import Indicator Data...")), &QAction::triggered, this, &MonitorDock::chooseImport);
    connect(menu->addAction(tr("&Draft Monitoring Plan...")), &QAction::triggered, this, &MonitorDock::choosePlan);
    connect(menu->addAction(tr("&Edit Indicator...")), &QAction::triggered, this, &MonitorDock::editSelected);
    connect(menu->addAction(tr("&Remove Indicator")), &QAction::triggered, this, &MonitorDock::removeSelected);
    menu->addSeparator();
    QAction* marks = menu->addAction(tr("Verdict &Marks on the Map"));
    marks->setCheckable(true);
    marks->setChecked(true);
    connect(marks, &QAction::toggled, m_marks, &VerdictOverlay::setVisible);
}

QMessageBox* MonitorDock::lastMessage() const
{
    return m_message;
}

void MonitorDock::showPanel()
{
    m_dock->show();
    m_dock->raise();
}

void MonitorDock::tell(const QString& title, const QString& text, bool problem)
{
    if (m_message)
        m_message->close();
    m_message = new QMessageBox(problem ? QMessageBox::Warning : QMessageBox::Information, title, text,
                                QMessageBox::Ok, m_window);
    m_message->setAttribute(Qt::WA_DeleteOnClose);
    m_message->open();
}

bool MonitorDock::importFile(const QString& path)
{
    QString message;
    const bool ok = m_data->importFile(path, &message);
    tell(ok ? tr("Indicator data imported") : tr("Indicator data refused"), message, !ok);
    if (ok)
        showPanel();
    return ok;
}

void MonitorDock::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Indicator Data"), {},
                                                      tr("CSV tables (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool MonitorDock::draftPlan(const QString& round, int top)
{
    QString error;
    if (!draftPlanFromRound(m_scene->document(), round, top, &error)) {
        tell(tr("Monitoring plan not drafted"), error, true);
        return false;
    }
    const MonitoringPlan& plan = m_scene->document()->map().monitoringPlan();
    tell(tr("Monitoring plan drafted"),
         tr("Watching %n item(s) from round '%1'; %2 to review before you stop watching them. "
            "Fill in each draft indicator's definition, unit, source and owner.", nullptr, int(plan.watch.size()))
             .arg(round).arg(plan.review.size()),
         false);
    showPanel();
    return true;
}

void MonitorDock::choosePlan()
{
    QStringList revealed;
    for (const NominationRound& round : m_scene->document()->map().rounds())
        if (round.ballotsVisible())
            revealed << QString::fromStdString(round.name);
    if (revealed.isEmpty())
        return tell(tr("No round to draft from"), tr("Draft the plan from a nomination round whose results are "
                                                     "revealed: run a round first (Rounds panel)."), true);
    bool ok = false;
    const QString round = QInputDialog::getItem(m_window, tr("Draft Monitoring Plan"),
                                                tr("Keep watching the top three items of round:"), revealed,
                                                int(revealed.size()) - 1, false, &ok);
    if (ok)
        draftPlan(round);
}

std::optional<ItemRef> MonitorDock::selectedItem()
{
    const auto factors = m_scene->selectedFactors();
    const auto links = m_scene->selectedLinks();
    if (factors.size() + links.size() == 1)
        return links.empty() ? ItemRef::of(factors.front()) : ItemRef::of(links.front());
    tell(tr("Select one factor or link"), tr("Select the one factor or link whose indicator you want to edit."), true);
    return std::nullopt;
}

bool MonitorDock::editIndicator(ItemRef item)
{
    const SystemMap& map = m_scene->document()->map();
    const Indicator* current = findIndicator(map, item);
    Indicator start;
    if (current)
        start = *current;
    else
        start.name = itemName(map, item); // the name the data can already use for it
    const QString name = QString::fromStdString(itemName(map, item));
    IndicatorDialog dialog(name, start, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString error;
    if (!setItemIndicator(m_scene->document(), item, dialog.indicator(), &error)) {
        tell(tr("Indicator not changed"), error, true);
        return false;
    }
    return true;
}

void MonitorDock::editSelected()
{
    if (const auto item = selectedItem())
        editIndicator(*item);
}

void MonitorDock::removeSelected()
{
    const auto item = selectedItem();
    if (!item)
        return;
    QString error;
    if (!findIndicator(m_scene->document()->map(), *item))
        return tell(tr("No indicator"), tr("That item has no indicator to remove."), true);
    if (!setItemIndicator(m_scene->document(), *item, std::nullopt, &error))
        tell(tr("Indicator not removed"), error, true);
}

} // namespace causeway
