// The Monitor panel: indicators, sparklines, verdicts in plain words, the paired series.
#include "app/monitor/monitorpanel.h"

#include "app/document/document.h"
#include "app/monitor/monitordata.h"
#include "app/monitor/seriescharts.h"
#include "app/monitor/verdictmarks.h"
#include "model/nominations.h"

#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace causeway {

namespace {

QIcon markIcon(VerdictMark mark)
{
    QPixmap pixmap(22, 22);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    VerdictMarkItem::paintMark(&painter, mark, {11, 11}, 9);
    return QIcon(pixmap);
}

// The marks and their words, as on the canvas.
QWidget* makeLegend()
{
    auto* legend = new QWidget;
    // A mark a line, so the panel narrows to a quarter of a projector's width.
    auto* rows = new QGridLayout(legend);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addWidget(new QLabel(QObject::tr("On the map:")), 0, 0, 1, 2);
    int line = 1;
    for (VerdictMark mark : {VerdictMark::Consistent, VerdictMark::Contradicted, VerdictMark::Unclear}) {
        auto* icon = new QLabel;
        icon->setPixmap(markIcon(mark).pixmap(18, 18));
        rows->addWidget(icon, line, 0);
        rows->addWidget(new QLabel(mark == VerdictMark::Unclear ? QObject::tr("not enough data / unclear")
                                                                : markWord(mark)),
                        line++, 1);
    }
    rows->setColumnStretch(1, 1);
    return legend;
}

} // namespace

MonitorPanel::MonitorPanel(MonitorData* data, QWidget* parent) : QWidget(parent), m_data(data)
{
    m_import = new QPushButton(tr("Import Data..."));
    m_import->setToolTip(tr("Read a CSV of indicator values (Date, Indicator, Value; or one column per indicator)"));
    m_plan = new QPushButton(tr("Draft Plan..."));
    m_plan->setToolTip(tr("Draft the monitoring plan from a revealed nomination round"));
    m_indicator = new QPushButton(tr("Indicator..."));
    m_indicator->setToolTip(tr("Edit the indicator of the selected factor or link"));
    auto* buttons = new QGridLayout; // two a row: the panel stays narrow enough for a projector
    buttons->addWidget(m_import, 0, 0);
    buttons->addWidget(m_plan, 0, 1);
    buttons->addWidget(m_indicator, 1, 0);
    buttons->setColumnStretch(2, 1);

    m_caution = new QLabel;
    m_caution->setWordWrap(true);
    m_caution->setStyleSheet(QStringLiteral("font-style: italic"));
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_rows = new QWidget;
    m_rowLayout = new QVBoxLayout(m_rows);
    m_rowLayout->setContentsMargins(2, 2, 2, 2);
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true); // rows take the panel's width; their words wrap
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_rows);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(180);
    m_chart->setMaximumHeight(280); // the rows keep the most room
    m_chart->hide();

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* column = new QVBoxLayout(this);
    column->addLayout(buttons);
    column->addWidget(m_caution);
    column->addWidget(makeLegend());
    column->addWidget(m_problem);
    column->addWidget(splitter, 1);

    connect(data, &MonitorData::changed, this, &MonitorPanel::rebuild);
    rebuild();
}

void MonitorPanel::addRow(ItemRef item, const QString& name, const QString& verdictText, int mark,
                          const QString& words, const std::vector<const Series*>& series)
{
    auto* row = new QWidget;
    auto* grid = new QGridLayout(row);
    grid->setContentsMargins(4, 4, 4, 4);
    auto* verdict = new QToolButton;
    verdict->setObjectName(QStringLiteral("verdict"));
    verdict->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    verdict->setAutoRaise(true);
    if (mark >= 0)
        verdict->setIcon(markIcon(VerdictMark(mark)));
    verdict->setText(verdictText);
    verdict->setToolTip(tr("Show the data over time"));
    verdict->setEnabled(!series.empty());
    connect(verdict, &QToolButton::clicked, this, [this, item] {
        showPaired(item);
        emit itemActivated(item);
    });
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
    title->setWordWrap(true);
    auto* text = new QLabel(words);
    text->setWordWrap(true);
    grid->addWidget(verdict, 0, 0);
    grid->addWidget(title, 0, 1);
    if (!series.empty())
        grid->addWidget(makeSparkline(series), 0, 2);
    grid->addWidget(text, 1, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    row->setProperty("itemId", QVariant::fromValue(qulonglong(item.isLink() ? item.link.value : item.factor.value)));
    row->setProperty("itemIsLink", item.isLink());
    row->setObjectName(QStringLiteral("monitorRow"));
    m_rowLayout->addWidget(row);
}

std::vector<QWidget*> MonitorPanel::rows() const
{
    std::vector<QWidget*> rows;
    for (int i = 0; i < m_rowLayout->count(); ++i)
        if (QWidget* w = m_rowLayout->itemAt(i)->widget(); w && w->objectName() == QStringLiteral("monitorRow"))
            rows.push_back(w);
    return rows;
}

ItemRef MonitorPanel::rowItem(const QWidget* row)
{
    const auto id = std::uint64_t(row->property("itemId").toULongLong());
    return row->property("itemIsLink").toBool() ? ItemRef::of(LinkId{id}) : ItemRef::of(FactorId{id});
}

void MonitorPanel::rebuild()
{
    while (QLayoutItem* old = m_rowLayout->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    const SystemMap& map = m_data->document()->map();
    const MonitorReport& report = m_data->report();
    m_caution->setText(QString::fromStdString(report.caution.empty()
        ? std::string("Agreement means the figures moved the way the map says; co-movement is not proof of causation.")
        : report.caution));
    QStringList problems;
    if (!m_data->storeProblem().isEmpty())
        problems << m_data->storeProblem();
    if (!report.unmatched.empty()) {
        QStringList names;
        for (const std::string& n : report.unmatched)
            names << QString::fromStdString(n);
        problems << tr("Data not on this map: %1").arg(names.join(QStringLiteral(", ")));
    }
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());

    std::set<ItemRef> shown;
    for (const LinkCheck& c : report.links) {
        const Link& link = map.link(c.link);
        const ItemRef item = ItemRef::of(c.link);
        shown.insert(item);
        addRow(item, QString::fromStdString(itemName(map, item)),
               markWord(markOf(c)), int(markOf(c)), QString::fromStdString(c.text),
               {m_data->seriesOf(ItemRef::of(link.from)), m_data->seriesOf(ItemRef::of(link.to))});
    }
    for (const FactorCheck& c : report.factors) {
        const ItemRef item = ItemRef::of(c.factor);
        shown.insert(item);
        const QString trend = c.trend.direction > 0 ? tr("rising") : c.trend.direction < 0 ? tr("falling") : tr("no clear trend");
        addRow(item, QString::fromStdString(itemName(map, item)), trend, int(markOf(c)),
               QString::fromStdString(c.text), {m_data->seriesOf(item)});
    }
    // Indicators still waiting for data, so the plan's gaps show.
    auto waiting = [&](ItemRef item, const std::optional<Indicator>& indicator) {
        if (indicator && !shown.count(item) && !m_data->seriesOf(item))
            addRow(item, QString::fromStdString(itemName(map, item)), tr("no data yet"), -1,
                   tr("Indicator '%1': import its figures to check it.").arg(QString::fromStdString(indicator->name)), {});
    };
    for (FactorId id : map.factorIds())
        waiting(ItemRef::of(id), map.factor(id).indicator);
    for (LinkId id : map.linkIds())
        waiting(ItemRef::of(id), map.link(id).indicator);
    if (m_rowLayout->count() == 0) {
        auto* empty = new QLabel(tr("No indicators yet. Draft a plan from a revealed round, give a factor or "
                                    "link an indicator, or import data whose names match factor labels "
                                    "(or links written From -> To)."));
        empty->setWordWrap(true);
        m_rowLayout->addWidget(empty);
    }
    m_rowLayout->addStretch(1);
    if (m_paired.factor.valid() || m_paired.link.valid())
        showPaired(m_paired); // the same item, with the new figures
}

void MonitorPanel::showPaired(ItemRef item)
{
    const SystemMap& map = m_data->document()->map();
    m_paired = item;
    const bool exists = item.isLink() ? map.contains(item.link) : map.contains(item.factor);
    if (!exists) {
        m_chart->hide();
        return;
    }
    if (item.isLink()) {
        const Link& link = map.link(item.link);
        const Series* cause = m_data->seriesOf(ItemRef::of(link.from));
        const Series* effect = m_data->seriesOf(ItemRef::of(link.to));
        if (!cause || !effect)
            return m_chart->hide();
        QString verdict;
        for (const LinkCheck& c : m_data->report().links)
            if (c.link == item.link)
                verdict = markWord(markOf(c));
        showPairedSeries(m_chart, tr("%1 (%2)").arg(QString::fromStdString(itemName(map, item)), verdict), *cause,
                         QString::fromStdString(map.factor(link.from).label), effect,
                         QString::fromStdString(map.factor(link.to).label));
    } else {
        const Series* own = m_data->seriesOf(item);
        if (!own)
            return m_chart->hide();
        const QString name = QString::fromStdString(itemName(map, item));
        showPairedSeries(m_chart, name, *own, name, nullptr, {});
    }
    m_chart->show();
}

} // namespace causeway
