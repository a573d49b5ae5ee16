#pragma once

#include "model/nomination.h"
#include "monitor/series.h"

#include <QWidget>

#include <vector>

class QChartView;
class QLabel;
class QScrollArea;
class QVBoxLayout;
class QPushButton;

namespace causeway {

class MonitorData;

// The Monitor panel: every monitored link and factor with a sparkline of its data, its verdict
// (mark and word) and the numbers behind it in plain words, under the caution that co-movement
// is not proof of causation. Clicking a verdict shows the paired series (cause and effect over
// time) in the chart below the list.
class MonitorPanel : public QWidget {
    Q_OBJECT
public:
    explicit MonitorPanel(MonitorData* data, QWidget* parent = nullptr);

    // One row per monitored link or factor (links first), each with a "verdict" button.
    std::vector<QWidget*> rows() const;
    static ItemRef rowItem(const QWidget* row);
    QChartView* pairedChart() const { return m_chart; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* planButton() const { return m_plan; }
    QPushButton* indicatorButton() const { return m_indicator; }
    // Shows the paired series of a checked link, or a factor's own series.
    void showPaired(ItemRef item);
    ItemRef pairedItem() const { return m_paired; }

signals:
    void itemActivated(causeway::ItemRef item); // select it on the canvas

private:
    void rebuild();
    void addRow(ItemRef item, const QString& name, const QString& verdictText, int mark,
                const QString& words, const std::vector<const Series*>& series);

    MonitorData* m_data;
    QLabel* m_caution;
    QLabel* m_problem;
    QScrollArea* m_scroll;
    QWidget* m_rows;
    QVBoxLayout* m_rowLayout;
    QChartView* m_chart;
    QPushButton* m_import;
    QPushButton* m_plan;
    QPushButton* m_indicator;
    ItemRef m_paired;
};

} // namespace causeway
