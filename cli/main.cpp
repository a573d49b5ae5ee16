// causeway-cli: the headless side of Causeway, built from model + layout + io only, for scripts,
// tests and researchers on machines without a display.
#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

using namespace causeway::cli;

int main(int argc, char** argv)
{
    CLI::App app{"causeway-cli: import, check and analyse causal system maps (.causeway files)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "causeway-cli 0.1.0");

    ImportOptions import;
    auto* importCmd = app.add_subcommand(
        "import", "Make a map from a links table (.csv) or a graph (.graphml)");
    importCmd->add_option("input", import.input, "Links CSV (From,To,Polarity[,Delay,Label,Note]) or GraphML")
        ->required();
    importCmd->add_option("--factors", import.factors, "Factors CSV (Label,Group,Description)");
    importCmd->add_option("-o,--output", import.output, "Map to write (.causeway)")->required();

    std::string validatePath;
    auto* validateCmd = app.add_subcommand("validate", "Check that a map file is well formed");
    validateCmd->add_option("map", validatePath, "Map file (.causeway)")->required();

    LoopsOptions loops;
    auto* loopsCmd = app.add_subcommand(
        "loops", "List or count feedback loops (R reinforcing, B balancing, U unknown), shortest first");
    loopsCmd->add_option("map", loops.map, "Map file (.causeway)")->required();
    loopsCmd->add_option("--through", loops.through,
                         "Only loops through this factor (label) or link (\"From -> To\")");
    loopsCmd->add_option("--max-length", loops.maxLength, "Only loops with at most N links")
        ->check(CLI::PositiveNumber);
    loopsCmd->add_option("--limit", loops.limit, "List at most N loops (the shortest)")
        ->check(CLI::PositiveNumber);
    loopsCmd->add_flag("--count-only", loops.countOnly, "Count loops without listing them");
    loopsCmd->add_flag("--json", loops.json, "Print JSON");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        if (*importCmd)
            return runImport(import);
        if (*validateCmd)
            return runValidate(validatePath);
        if (*loopsCmd)
            return runLoops(loops);
    } catch (const std::exception& e) {
        std::cerr << "causeway-cli: " << e.what() << '\n';
        return 1;
    }
    return 2;
}
