#pragma once

#include "io/svgexport.h"
#include "io/verdictmarkshape.h"
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

// The mark a check puts on the map (the canvas, the SVG, the presentation):
// a link: its verdict (insufficient data: unclear);
VerdictMark markOf(const LinkCheck& check);
// a factor: its trend moved as its monitored causes predict (consistent), against them
// (contradicted), or neither is clear (unclear: no clear trend, no monitored cause with a trend,
// or mixed);
VerdictMark markOf(const FactorCheck& check);
// a loop: any checked link contradicted, or a reinforcing loop's factors not moving together
// (contradicted); every checked link consistent (consistent); else unclear.
VerdictMark markOf(const LoopCheck& check);

// Marks every checked link and factor of `report` in an SVG export, titled with its sentence.
void addVerdictMarks(SvgOptions& options, const MonitorReport& report);

} // namespace causeway
