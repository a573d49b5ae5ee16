#pragma once

#include "monitor/series.h"

#include <QString>

#include <vector>

class QChartView;
class QWidget;

namespace causeway {

// Qt Charts views of indicator series. Missing periods are gaps in the line (each run of
// consecutive periods is its own segment), never interpolated.

// A small line without axes or legend, for a row of the Monitor panel: one series or a cause and
// its effect, each scaled to its own range so their ups and downs can be compared.
QChartView* makeSparkline(const std::vector<const Series*>& series, QWidget* parent = nullptr);

// The paired series of a link, cause and effect over time, each on its own value axis (left and
// right), periods along the bottom; titled with the verdict.
QChartView* makePairedChart(const QString& title, const Series& cause, const QString& causeName,
                            const Series* effect, const QString& effectName, QWidget* parent = nullptr);
// Replaces what `view` shows with the paired series (the panel's lower chart).
void showPairedSeries(QChartView* view, const QString& title, const Series& cause, const QString& causeName,
                      const Series* effect, const QString& effectName);

} // namespace causeway
