// Sparklines and the paired-series chart of the Monitor panel (Qt Charts).
#include "app/monitor/seriescharts.h"

#include <QChart>
#include <QCategoryAxis>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace causeway {

namespace {

const QColor kCauseColour(0x1f, 0x5f, 0xa8);  // blue, solid
const QColor kEffectColour(0xc0, 0x5a, 0x00); // orange, dashed: told apart without colour too

// One QLineSeries per run of consecutive periods, so a missing month shows as a gap. `scale`
// maps a value to what is drawn (the sparkline normalises each series to 0..1).
template <class Scale>
std::vector<QLineSeries*> lineRuns(const Series& series, Scale scale, const QPen& pen)
{
    std::vector<QLineSeries*> runs;
    const std::int64_t step = std::max<std::int64_t>(1, series.step());
    QLineSeries* run = nullptr;
    std::int64_t previous = 0;
    for (const Observation& o : series.points) {
        if (!run || o.period.index - previous != step) {
            run = new QLineSeries;
            run->setPen(pen);
            runs.push_back(run);
        }
        run->append(double(o.period.index), scale(o.value));
        previous = o.period.index;
    }
    return runs;
}

std::pair<double, double> range(const Series& s)
{
    double lo = 0, hi = 1;
    if (!s.points.empty()) {
        const auto [a, b] = std::minmax_element(s.points.begin(), s.points.end(),
                                                [](const Observation& x, const Observation& y) { return x.value < y.value; });
        lo = a->value;
        hi = b->value;
    }
    if (hi - lo < 1e-12)
        hi = lo + 1;
    return {lo, hi};
}

QPen penFor(int index, double width)
{
    QPen pen(index == 0 ? kCauseColour : kEffectColour, width);
    if (index > 0)
        pen.setStyle(Qt::DashLine);
    return pen;
}

} // namespace

QChartView* makeSparkline(const std::vector<const Series*>& series, QWidget* parent)
{
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundVisible(false);
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    y->setRange(-0.05, 1.05);
    for (QValueAxis* axis : {x, y}) {
        axis->setVisible(false);
        chart->addAxis(axis, axis == x ? Qt::AlignBottom : Qt::AlignLeft);
    }
    double first = 0, last = 1;
    bool any = false;
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (!series[i] || series[i]->points.empty())
            continue;
        const auto bounds = range(*series[i]);
        const double lo = bounds.first, hi = bounds.second; // named: clang 14 cannot capture bindings
        for (QLineSeries* run : lineRuns(*series[i], [lo, hi](double v) { return (v - lo) / (hi - lo); },
                                         penFor(int(i), 1.5))) {
            chart->addSeries(run);
            run->attachAxis(x);
            run->attachAxis(y);
        }
        const double a = double(series[i]->points.front().period.index);
        const double b = double(series[i]->points.back().period.index);
        first = any ? std::min(first, a) : a;
        last = any ? std::max(last, b) : b;
        any = true;
    }
    x->setRange(first, std::max(last, first + 1));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFixedSize(120, 34);
    view->setFrameShape(QFrame::NoFrame);
    view->setStyleSheet(QStringLiteral("background: transparent"));
    return view;
}

void showPairedSeries(QChartView* view, const QString& title, const Series& cause, const QString& causeName,
                      const Series* effect, const QString& effectName)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont small = chart->titleFont();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    chart->setTitleFont(small);
    chart->legend()->setFont(small);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    std::vector<std::pair<const Series*, QString>> lines{{&cause, causeName}};
    if (effect)
        lines.emplace_back(effect, effectName);
    double first = 0, last = 1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Series& s = *lines[i].first;
        auto* y = new QValueAxis;
        const auto [lo, hi] = range(s);
        y->setRange(lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05);
        y->setLabelsFont(small);
        y->setLabelFormat(QStringLiteral("%.3g"));
        y->setTickCount(3);
        y->setLinePenColor(penFor(int(i), 1).color());
        chart->addAxis(y, i == 0 ? Qt::AlignLeft : Qt::AlignRight);
        bool named = false;
        for (QLineSeries* run : lineRuns(s, [](double v) { return v; }, penFor(int(i), 2.5))) {
            chart->addSeries(run);
            run->attachAxis(x);
            run->attachAxis(y);
            run->setName(lines[i].second);
            if (named) // one legend entry per indicator, not per run
                chart->legend()->markers(run).front()->setVisible(false);
            named = true;
        }
        if (!s.points.empty()) {
            first = i == 0 ? double(s.points.front().period.index) : std::min(first, double(s.points.front().period.index));
            last = i == 0 ? double(s.points.back().period.index) : std::max(last, double(s.points.back().period.index));
        }
    }
    x->setRange(first, std::max(last, first + 1));
    // Period names ("2025-03") at four places along the bottom: the panel is narrow.
    const Granularity granularity = cause.points.empty() ? Granularity::Month : cause.points.front().period.granularity;
    const auto stride = std::max<std::int64_t>(1, std::int64_t(last - first) / 3);
    for (auto t = std::int64_t(first); t <= std::int64_t(last); t += stride)
        x->append(QString::fromStdString(periodText(Period{granularity, t})), double(t));
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

QChartView* makePairedChart(const QString& title, const Series& cause, const QString& causeName,
                            const Series* effect, const QString& effectName, QWidget* parent)
{
    auto* view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    showPairedSeries(view, title, cause, causeName, effect, effectName);
    return view;
}

} // namespace causeway
