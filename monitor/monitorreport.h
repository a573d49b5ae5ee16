#pragma once

#include "model/systemmap.h"
#include "monitor/monitorcheck.h"
#include "monitor/series.h"

#include <string>

namespace causeway {

// The monitoring plan and the latest verdicts, with the map drawing, for a board meeting or a
// funder: as one HTML page (the drawing inline as SVG), or as one SVG page that renderPdf turns
// into a PDF. Verdicts are marked by symbol and word, never by colour alone.
std::string monitoringReportHtml(const SystemMap& map, const SeriesSet& series, const MonitorReport& report);
std::string monitoringReportSvg(const SystemMap& map, const SeriesSet& series, const MonitorReport& report);

// "✓ consistent", "✗ contradicted", "… insufficient": how reports and the terminal mark a verdict.
std::string verdictMark(Verdict verdict);

} // namespace causeway
