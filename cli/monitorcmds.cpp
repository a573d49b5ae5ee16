// causeway-cli plan, data, monitor and report (docs/file-format.md, "Monitoring").
#include "cli/monitorcmds.h"
#include "cli/terminaltext.h"

#include "io/csv.h"
#include "io/fileutil.h"
#include "io/mapfile.h"
#include "io/rasterexport.h"
#include "model/monitoringplan.h"
#include "model/nominations.h"
#include "monitor/monitorcheck.h"
#include "monitor/monitorreport.h"
#include "monitor/seriesimport.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace causeway::cli {

namespace {

using Json = nlohmann::ordered_json;

// A data file read and checked against the map: every indicator must name something on it.
SeriesCsvResult readDataFile(const SystemMap& map, const std::string& path)
{
    const std::string text = readFileLimited(path, kMaxDataFileBytes);
    try {
        return parseSeriesCsv(text, [&map](std::string_view name) { return resolveIndicatorName(map, name).has_value(); });
    } catch (const IoError& e) {
        throw IoError(path + ": " + e.what() + "; nothing was imported");
    }
}

SeriesSet readStore(const std::string& path)
{
    if (!std::filesystem::exists(path))
        return {};
    try {
        return parseSeriesCsv(readFileLimited(path, kMaxDataFileBytes)).series;
    } catch (const IoError& e) {
        throw IoError(path + ": " + e.what());
    }
}

// The data to check: the --data files merged in order, or else the store beside the map.
SeriesSet dataFor(const SystemMap& map, const std::string& mapPath, const std::vector<std::string>& files)
{
    SeriesSet series;
    for (const std::string& file : files)
        mergeSeries(series, readDataFile(map, file).series);
    if (files.empty())
        series = readStore(dataStorePath(mapPath));
    if (series.empty())
        throw std::runtime_error("No indicator data for " + mapPath + ": give --data FILE, or import data "
                                 "first with: causeway-cli data " + mapPath + " --import FILE");
    return series;
}

struct PlanOptions {
    std::string map, round, output;
    int top = 3;
};

int runPlan(const PlanOptions& o)
{
    SystemMap map = loadMapFile(o.map);
    const PlanChange change = draftMonitoringPlan(map, o.round, o.top);
    applyPlanChange(map, change);
    const std::string output = o.output.empty() ? o.map : o.output;
    saveMapFile(map, output);
    std::cout << "Monitoring plan drafted from round '" << terminalSafe(o.round) << "' in " << terminalSafe(output)
              << ".\nWatch (" << change.after.watch.size() << "):\n";
    for (ItemRef item : change.after.watch)
        std::cout << "  " << terminalSafe(itemName(map, item)) << "  [indicator: "
                  << terminalSafe(findIndicator(map, item)->name) << "]\n";
    std::cout << "To review before you stop watching (" << change.after.review.size() << "):\n";
    for (ItemRef item : change.after.review)
        std::cout << "  " << terminalSafe(itemName(map, item)) << '\n';
    std::cout << change.indicatorsAdded.size() << " draft indicators added: fill in their definition, unit, "
                 "source and owner.\n";
    return 0;
}

struct DataOptions {
    std::string map, input, store;
};

int runData(const DataOptions& o)
{
    const SystemMap map = loadMapFile(o.map);
    const std::string store = o.store.empty() ? dataStorePath(o.map) : o.store;
    SeriesSet stored = readStore(store);
    const SeriesCsvResult incoming = readDataFile(map, o.input);
    const MergeCounts counts = mergeSeries(stored, incoming.series);
    writeFileAtomically(store, writeSeriesCsv(stored));
    std::cout << "Imported " << incoming.values << " values of " << incoming.series.size() << " indicators into "
              << terminalSafe(store) << ": " << counts.added << " new, " << counts.updated << " updated, "
              << counts.unchanged << " unchanged";
    if (incoming.missing)
        std::cout << "; " << incoming.missing << " empty cells left missing (not filled in)";
    std::cout << ".\n";
    return 0;
}

struct MonitorOptions {
    std::string map;
    std::vector<std::string> data;
    bool json = false;
    bool csv = false;
};

Json linkJson(const SystemMap& map, const LinkCheck& c)
{
    const Link& link = map.link(c.link);
    return {{"id", c.link.value}, {"from", map.factor(link.from).label}, {"to", map.factor(link.to).label},
            {"polarity", polaritySymbol(link.polarity)}, {"delay", link.delay}, {"verdict", verdictName(c.verdict)},
            {"agreement", c.agreement}, {"p", c.p}, {"lag", c.lag}, {"lagsTried", c.lagsTried}, {"pairs", c.pairs},
            {"agree", c.agree}, {"ties", c.ties}, {"gaps", c.gaps}, {"supported", c.supported},
            {"differentFrequencies", c.differentFrequencies}, {"text", c.text}};
}

Json reportJson(const SystemMap& map, const MonitorReport& r)
{
    Json links = Json::array();
    for (const LinkCheck& c : r.links)
        links.push_back(linkJson(map, c));
    Json factors = Json::array();
    for (const FactorCheck& f : r.factors)
        factors.push_back({{"id", f.factor.value}, {"label", map.factor(f.factor).label}, {"indicator", f.indicator},
                           {"values", f.trend.n},
                           {"trend", f.trend.direction > 0 ? "rising" : f.trend.direction < 0 ? "falling" : "none"},
                           {"s", f.trend.s}, {"z", f.trend.z}, {"p", f.trend.p}, {"senSlope", f.trend.senSlope},
                           {"upstreamAgree", f.upstreamAgree}, {"upstreamDisagree", f.upstreamDisagree},
                           {"text", f.text}});
    Json loops = Json::array();
    for (const LoopCheck& l : r.loops) {
        Json names = Json::array();
        for (FactorId f : l.loop.factors)
            names.push_back(map.factor(f).label);
        loops.push_back({{"type", loopPolarityLetter(l.loop.polarity)}, {"factors", names},
                         {"monitoredLinks", l.monitoredLinks}, {"consistent", l.consistent},
                         {"contradicted", l.contradicted},
                         {"growTogether", l.growTogether ? Json(*l.growTogether) : Json(nullptr)}, {"text", l.text}});
    }
    return {{"caution", r.caution}, {"links", links}, {"factors", factors}, {"loops", loops}, {"unmatched", r.unmatched}};
}

int runMonitor(const MonitorOptions& o)
{
    const SystemMap map = loadMapFile(o.map);
    const MonitorReport report = checkMap(map, dataFor(map, o.map, o.data));
    if (o.json) {
        std::cout << reportJson(map, report).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
        return 0;
    }
    if (o.csv) {
        std::cout << csvRow({"From", "To", "Polarity", "Verdict", "Agreement", "P", "Lag", "Pairs", "Agree"}, ',', {2});
        for (const LinkCheck& c : report.links) {
            const Link& link = map.link(c.link);
            std::cout << csvRow({map.factor(link.from).label, map.factor(link.to).label, polaritySymbol(link.polarity),
                                 verdictName(c.verdict), std::to_string(c.agreement), std::to_string(c.p),
                                 std::to_string(c.lag), std::to_string(c.pairs), std::to_string(c.agree)},
                                ',', {2});
        }
        return 0;
    }
    std::cout << "Links\n";
    for (const LinkCheck& c : report.links)
        std::cout << "  " << verdictMark(c.verdict) << "  " << terminalSafe(c.text) << '\n';
    std::cout << "Factors\n";
    for (const FactorCheck& f : report.factors)
        std::cout << "  " << terminalSafe(f.text) << '\n';
    if (!report.loops.empty())
        std::cout << "Loops\n";
    for (const LoopCheck& l : report.loops)
        std::cout << "  " << terminalSafe(l.text) << '\n';
    std::cout << '\n' << report.caution << '\n';
    for (const std::string& name : report.unmatched)
        std::cerr << "warning: '" << terminalSafe(name) << "' names no indicator, factor or link of the map\n";
    return 0;
}

struct ReportOptions {
    std::string map, output;
    std::vector<std::string> data;
};

int runReport(const ReportOptions& o)
{
    const SystemMap map = loadMapFile(o.map);
    const SeriesSet series = dataFor(map, o.map, o.data);
    const MonitorReport report = checkMap(map, series);
    const std::string extension = std::filesystem::path(o.output).extension().string();
    std::string bytes;
    if (extension == ".html" || extension == ".htm")
        bytes = monitoringReportHtml(map, series, report);
    else if (extension == ".pdf")
        bytes = renderPdf(monitoringReportSvg(map, series, report));
    else if (extension == ".svg")
        bytes = monitoringReportSvg(map, series, report);
    else
        throw std::runtime_error("A report is written as .html, .pdf or .svg, not '" + o.output + "'.");
    writeFileAtomically(o.output, bytes);
    std::cout << "Wrote the monitoring report to " << terminalSafe(o.output) << '\n';
    return 0;
}

} // namespace

std::vector<std::pair<CLI::App*, std::function<int()>>> addMonitorCommands(CLI::App& app)
{
    std::vector<std::pair<CLI::App*, std::function<int()>>> out;
    {
        auto o = std::make_shared<PlanOptions>();
        auto* cmd = app.add_subcommand("plan", "Draft a monitoring plan from a revealed round: its top watch items "
                                               "get draft indicators, its stop items a list to review (map saved)");
        cmd->add_option("map", o->map, "Map file (.causeway)")->required();
        cmd->add_option("--round", o->round, "Round name")->required();
        cmd->add_option("--top", o->top, "Keep the items ranked this high or higher (ties kept)")->capture_default_str();
        cmd->add_option("-o,--output", o->output, "Write here instead of over the map");
        out.emplace_back(cmd, [o] { return runPlan(*o); });
    }
    {
        auto o = std::make_shared<DataOptions>();
        auto* cmd = app.add_subcommand("data", "Import indicator data (CSV) into the map's data store beside it: "
                                               "new periods added, changed ones updated, the rest kept");
        cmd->add_option("map", o->map, "Map file (.causeway); it is not changed")->required();
        cmd->add_option("--import", o->input, "CSV: Date,Indicator,Value, or Date and one column per indicator")
            ->required();
        cmd->add_option("--store", o->store, "Data store (default: MAP with .data.csv for .causeway)");
        cmd->footer("A bad row refuses the whole file, naming the row; the store is then unchanged.");
        out.emplace_back(cmd, [o] { return runData(*o); });
    }
    {
        auto o = std::make_shared<MonitorOptions>();
        auto* cmd = app.add_subcommand("monitor", "Check the map against indicator data: per link consistent, "
                                                  "contradicted or insufficient, factor trends, loops");
        cmd->add_option("map", o->map, "Map file (.causeway)")->required();
        cmd->add_option("--data", o->data, "Data CSV (repeatable; default: the data store beside the map)");
        auto* csv = cmd->add_flag("--csv", o->csv, "CSV of link verdicts");
        cmd->add_flag("--json", o->json, "Print JSON")->excludes(csv);
        cmd->footer("A data indicator named like a factor's label, or a link's \"From -> To\", stands for that "
                    "item when it has no indicator of its own. Moving together is not proof of causation.");
        out.emplace_back(cmd, [o] { return runMonitor(*o); });
    }
    {
        auto o = std::make_shared<ReportOptions>();
        auto* cmd = app.add_subcommand("report", "Write the monitoring plan and the latest verdicts with the map "
                                                 "drawing, as HTML or PDF");
        cmd->add_option("map", o->map, "Map file (.causeway)")->required();
        cmd->add_option("--data", o->data, "Data CSV (repeatable; default: the data store beside the map)");
        cmd->add_option("-o,--output", o->output, "plan.html, plan.pdf or plan.svg")->required();
        out.emplace_back(cmd, [o] { return runReport(*o); });
    }
    return out;
}

} // namespace causeway::cli
