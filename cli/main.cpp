// causeway-cli: the headless side of Causeway, built from model + layout + io only, for scripts,
// tests and researchers on machines without a display.
#include "cli/commands.h"
#include "cli/monitorcmds.h"
#include "cli/qualitycmd.h"
#include "cli/terminaltext.h"
#include "cli/watchdog.h"

#include <causeway/buildinfo.h>

#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <vector>

using namespace causeway::cli;

namespace {

// A subcommand and what runs when it is chosen; its options live as long as the runner.
struct Command {
    CLI::App* app;
    std::function<int()> run;
};
using Commands = std::vector<Command>;

void addImportCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<ImportOptions>();
    ImportOptions& import = *options;
    auto* importCmd = app.add_subcommand(
        "import", "Make a map from a links table (.csv), a graph (.graphml .gexf .dot) or a model "
                  "(Kumu .json, Loopy, Vensim .mdl, XMILE/Stella); what was dropped or guessed goes to stderr");
    importCmd->add_option("input", import.input, "Links CSV (From,To,Polarity[,Delay,Label,Note]), GraphML, GEXF, "
                                                 "DOT, Kumu, Loopy, Vensim or XMILE file")
        ->required();
    importCmd->add_option("--factors", import.factors, "Factors CSV (Label,Group,Description)");
    importCmd->add_option("-o,--output", import.output, "Map to write (.causeway)")->required();
    importCmd->add_flag("!--no-layout", import.layout,
                        "Keep the importer's first circle or grid when the file has no positions "
                        "(by default such a map is laid out with neato, as the editor does on "
                        "opening it; positions a file gives are always kept)");
    importCmd->add_option("--aspect", import.aspect,
                          "Shape of the screen or page the laid-out map should fill (as for layout)")
        ->capture_default_str();
    commands.push_back({importCmd, [options] { return runImport(*options); }});
}

void addValidateCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<std::string>();
    std::string& validatePath = *options;
    auto* validateCmd = app.add_subcommand("validate", "Check that a map file is well formed");
    validateCmd->add_option("map", validatePath, "Map file (.causeway)")->required();
    commands.push_back({validateCmd, [options] {
        const std::string& validatePath = *options;
        return runValidate(validatePath);
    }});
}

void addLoopsCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<LoopsOptions>();
    LoopsOptions& loops = *options;
    auto* loopsCmd = app.add_subcommand(
        "loops", "List or count feedback loops (R reinforcing, B balancing, U unknown), shortest first");
    loopsCmd->add_option("map", loops.map, "Map file (.causeway)")->required();
    loopsCmd->add_option("--through", loops.through,
                         "Only loops through this factor (label) or link (\"From -> To\")");
    loopsCmd->add_option("--max-length", loops.maxLength, "Only loops with at most N links")
        ->check(CLI::PositiveNumber);
    loopsCmd->add_option("--limit", loops.limit,
                         "List at most N loops, the shortest (default 100000: dense maps have "
                         "hundreds of millions; 0 lists every loop, sorted when there are fewer "
                         "than 100000, else streamed as found)")
        ->capture_default_str();
    loopsCmd->add_flag("--count-only", loops.countOnly, "Count loops without listing them");
    loopsCmd->add_flag("--json", loops.json, "Print JSON");
    loopsCmd->add_option("--threads", loops.threads,
                         "Count on N threads (default 0: every core; the counts are the same)")
        ->capture_default_str();
    loopsCmd->add_option("--timeout", loops.timeout,
                         "Stop after this many seconds and print what was found, marked "
                         "incomplete (exit status 3). Progress is shown on stderr when it is a "
                         "terminal")
        ->check(CLI::NonNegativeNumber);
    loopsCmd->add_flag("--sils", loops.sils,
                       "Print the shortest independent loop set: a few short loops that together "
                       "cover every link on a loop");
    commands.push_back({loopsCmd, [options] {
        const LoopsOptions& loops = *options;
        return loops.sils ? runSils(loops.map, loops.json) : runLoops(loops);
    }});
}

void addMetricsCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<MetricsOptions>();
    MetricsOptions& metrics = *options;
    auto* metricsCmd = app.add_subcommand(
        "metrics", "Per factor and link: degree, loops through it, betweenness; indicator hints");
    metricsCmd->add_option("map", metrics.map, "Map file (.causeway)")->required();
    metricsCmd->add_option("--max-loop-length", metrics.maxLoopLength,
                           "Count loops up to this length (0: all; slow on dense maps)")->capture_default_str();
    metricsCmd->add_flag("--json", metrics.json, "Print JSON");
    metricsCmd->add_option("--threads", metrics.threads,
                           "Count loops on N threads (default 0: every core; the counts are the same)")
        ->capture_default_str();
    metricsCmd->add_option("--timeout", metrics.timeout,
                           "Stop counting loops after this many seconds and print the metrics "
                           "with the loops counted so far, marked incomplete (exit status 3). "
                           "Progress is shown on stderr when it is a terminal")
        ->check(CLI::NonNegativeNumber);
    commands.push_back({metricsCmd, [options] { return runMetrics(*options); }});
}

void addLayoutCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<LayoutOptions>();
    LayoutOptions& layoutOpts = *options;
    auto* layoutCmd = app.add_subcommand("layout", "Lay the map out with Graphviz (pinned factors stay)");
    layoutCmd->add_option("map", layoutOpts.map, "Map file (.causeway)")->required();
    layoutCmd->add_option("--engine", layoutOpts.engine,
                          "dot, neato, fdp, sfdp, circo, or loops: the named loops (else the "
                          "shortest independent loop set) as rings, other factors by group")
        ->capture_default_str();
    layoutCmd->add_flag("--anticlockwise", layoutOpts.anticlockwise,
                        "With --engine loops: rings read anticlockwise (default clockwise)");
    layoutCmd->add_flag("--tidy", layoutOpts.tidy, "Move factors as little as possible");
    layoutCmd->add_flag("!--no-compact", layoutOpts.compact,
                        "Keep Graphviz's spacing (by default the drawing is pulled together for a "
                        "screen, as in the editor)");
    layoutCmd->add_option("--aspect", layoutOpts.aspect,
                          "Shape of the screen or page to fill: 4:3, 16:9, 1024x768, A4 "
                          "(landscape), A4-portrait, letter; the drawing is packed to it so "
                          "labels show as large as they can")
        ->capture_default_str();
    layoutCmd->add_option("-o,--output", layoutOpts.output, "Write here instead of over the map");
    layoutCmd
        ->add_option("--timeout", layoutOpts.timeout,
                     "Stop after this many seconds, writing nothing (exit status 3): a "
                     "loop-first layout of a large map takes seconds")
        ->check(CLI::NonNegativeNumber);
    commands.push_back({layoutCmd, [options] { return runLayout(*options); }});
}

void addQualityCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<QualityOptions>();
    auto* cmd = app.add_subcommand(
        "quality", "Measure the map's drawing as it stands: links through other factors' boxes, "
                   "crossings, overlapping factors and signs, label height when fitted to a screen");
    cmd->add_option("map", options->map, "Map file (.causeway)")->required();
    cmd->add_option("--screen", options->screen, "Screen the drawing is fitted to, WIDTHxHEIGHT in pixels")
        ->capture_default_str();
    cmd->add_flag("--json", options->json, "Print JSON");
    commands.push_back({cmd, [options] { return runQuality(*options); }});
}

void addExportCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<ExportOptions>();
    ExportOptions& exportOpts = *options;
    auto* exportCmd = app.add_subcommand(
        "export", "Write the map as SVG, PNG or PDF (as drawn), CSV (links or factors table), "
                  "GraphML or DOT");
    exportCmd->add_option("map", exportOpts.map, "Map file (.causeway)")->required();
    exportCmd->add_option("-o,--output", exportOpts.output, "File to write")->required();
    exportCmd->add_option("--to", exportOpts.format,
                          "svg, png, pdf, csv (links), factors-csv, graphml, dot; default: from "
                          "the extension");
    auto* scaleOpt = exportCmd->add_option("--scale", exportOpts.scale,
                                           "PNG: pixels per map unit (default 1)");
    exportCmd->add_option("--dpi", exportOpts.dpi, "PNG: pixels per inch (96 = scale 1)")
        ->excludes(scaleOpt);
    exportCmd->add_option("--round", exportOpts.round,
                          "SVG/PNG/PDF: vote badges of this nomination round (once revealed; "
                          "default: the last revealed round)");
    exportCmd->add_option("--page", exportOpts.page,
                          "PDF: page size, A4 or Letter (the drawing scaled to fit, landscape "
                          "when wider than tall) or fit (the drawing's own size)")
        ->check(CLI::IsMember({"fit", "A4", "a4", "Letter", "letter"}))
        ->capture_default_str();
    exportCmd->add_option("--title", exportOpts.title,
                          "PDF: the document's title (default: the map's title, else the file name)");
    exportCmd->add_option("--author", exportOpts.author, "PDF: the document's author");
    exportCmd->add_flag("--no-votes", exportOpts.noVotes, "SVG/PNG/PDF: no vote badges");
    exportCmd->add_flag("--no-loop-labels", exportOpts.noLoopLabels, "SVG/PNG/PDF: no loop labels");
    exportCmd->add_flag("--legend", exportOpts.legend,
                        "SVG/PNG/PDF: a legend beside the map (+ - ?, delay, groups, vote badges)");
    exportCmd->add_flag("--transparent", exportOpts.transparent,
                        "SVG/PNG/PDF: no white background");
    exportCmd->add_flag("--force", exportOpts.force,
                        "Write another format even over an existing .causeway file or the map "
                        "itself (refused otherwise: the map would be lost)");
    commands.push_back({exportCmd, [options] {
        const ExportOptions& exportOpts = *options;
        checkExportRound(exportOpts);
        return runExport(exportOpts);
    }});
}

void addBallotsCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<BallotsOptions>();
    BallotsOptions& ballots = *options;
    auto* ballotsCmd = app.add_subcommand(
        "ballots", "Add paper or form ballots (CSV: Participant,Kind,Item) to a nomination round");
    ballotsCmd->add_option("map", ballots.map, "Map file (.causeway)")->required();
    ballotsCmd->add_option("--round", ballots.round, "Round name (created if missing)")->required();
    ballotsCmd->add_option("--add", ballots.add, "Ballots CSV; Kind is watch or stop, Item a factor "
                                                 "label or \"From -> To\"")->required();
    ballotsCmd->add_option("-o,--output", ballots.output, "Write here instead of over the map");
    commands.push_back({ballotsCmd, [options] { return runBallots(*options); }});
}

void addTallyCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<TallyOptions>();
    TallyOptions& tally = *options;
    auto* tallyCmd = app.add_subcommand("tally", "Print a nomination round's tally");
    tallyCmd->add_option("map", tally.map, "Map file (.causeway)")->required();
    tallyCmd->add_option("--round", tally.round, "Round name (default: the last round)");
    auto* csvFlag = tallyCmd->add_flag("--csv", tally.csv,
                                       "CSV: Item,Kind,Watch,Stop,Participants,Rank");
    tallyCmd->add_flag("--json", tally.json, "Print JSON")->excludes(csvFlag);
    tallyCmd->footer("A secret round's tally is shown only once it is revealed (see reveal).");
    commands.push_back({tallyCmd, [options] { return runTally(*options); }});
}

void addRevealCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<RevealOptions>();
    RevealOptions& reveal = *options;
    auto* revealCmd = app.add_subcommand(
        "reveal", "Reveal a secret nomination round: its tally, ballots and vote badges can then "
                  "be shown and exported (the map is saved in place)");
    revealCmd->add_option("map", reveal.map, "Map file (.causeway)")->required();
    revealCmd->add_option("--round", reveal.round, "Round name")->required();
    commands.push_back({revealCmd, [options] { return runReveal(*options); }});
}

void addVoteCommand(CLI::App& app, Commands& commands)
{
    auto options = std::make_shared<VoteOptions>();
    VoteOptions& vote = *options;
    auto* voteCmd = app.add_subcommand(
        "vote", "Open a nomination round to participants' phones: prints the join address first, "
                "then serves until the round is closed or Ctrl+C; every ballot is saved in the map");
    voteCmd->add_option("map", vote.map, "Map file (.causeway), updated in place")->required();
    voteCmd->add_option("--round", vote.round, "Round name")->required();
    voteCmd->add_option("--listen", vote.listen, "HOST:PORT to listen on (port 0: any free port)")
        ->capture_default_str();
    voteCmd->add_option("--join-code", vote.joinCode, "The code participants type (default: random, 6 characters)");
    voteCmd->add_option("--participants", vote.participants, "CSV whose first column lists participants to add");
    voteCmd->add_option("--qr", vote.qrSvg, "Also write the join address as a QR code to this SVG file");
    voteCmd->footer("On a terminal the QR code is printed too. The API and its bounds are described in docs/voting-api.md.");
    commands.push_back({voteCmd, [options] { return runVote(*options); }});
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"causeway-cli: import, check and analyse causal system maps (.causeway files)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("causeway-cli ") + causeway::buildinfo::kVersion);
    // Usage errors quote the arguments given: escape them like every other message.
    app.failure_message([](const CLI::App* command, const CLI::Error& e) {
        return terminalSafeLines(CLI::FailureMessage::simple(command, e));
    });
    app.footer("Exit status: 0 done; 1 error (message on stderr); 3 stopped by --timeout (loops, "
               "metrics: the output is what was found so far, marked incomplete; layout: nothing "
               "is written); above 100: the command line was not understood.");

    Commands commands;
    addImportCommand(app, commands);
    addValidateCommand(app, commands);
    addLoopsCommand(app, commands);
    addMetricsCommand(app, commands);
    addLayoutCommand(app, commands);
    addExportCommand(app, commands);
    addQualityCommand(app, commands);
    addBallotsCommand(app, commands);
    addTallyCommand(app, commands);
    addRevealCommand(app, commands);
    addVoteCommand(app, commands);
    for (auto& [command, run] : addMonitorCommands(app))
        commands.push_back({command, std::move(run)});

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        for (const Command& command : commands) {
            if (*command.app)
                return command.run();
        }
    } catch (const std::exception& e) {
        std::cerr << "causeway-cli: " << terminalSafe(e.what()) << '\n';
        return 1;
    }
    return 2;
}
