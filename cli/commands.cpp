#include "cli/commands.h"
#include "cli/terminaltext.h"

#include "io/import.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "model/systemmap.h"

#include <iostream>

namespace causeway::cli {

int runImport(const ImportOptions& options)
{
    const double aspect = parseAspect(options.aspect);
    ImportResult result = importFile(options.input, options.factors);
    for (const std::string& w : result.warnings)
        std::cerr << "warning: " << terminalSafe(w) << '\n'; // labels from the file
    // As the editor does on opening it: a file without positions is laid out, so the map does
    // not open on the importer's grid. Positions the file gave are kept.
    const bool layOut = options.layout && needsFirstLayout(result.map);
    layout::LayoutOptions lo;
    if (layOut) {
        lo.engine = result.map.factorCount() <= 400 ? layout::Engine::Neato : layout::Engine::Sfdp;
        lo.compact = true;
        lo.aspect = aspect;
        layout::applyLayout(result.map, layout::computeLayout(result.map, lo)); // and its bends
    }
    saveMapFile(result.map, options.output);
    std::cout << "Imported " << result.map.factorCount() << " factors and " << result.map.linkCount()
              << " links into " << options.output;
    if (layOut)
        std::cout << ", laid out with " << layout::engineName(lo.engine) << " for " << options.aspect;
    std::cout << '\n';
    return 0;
}

int runValidate(const std::string& path)
{
    SystemMap map = loadMapFile(path);
    std::cout << terminalSafe(path) << ": valid, " << map.factorCount() << " factors, " << map.linkCount()
              << " links\n";
    return 0;
}

} // namespace causeway::cli
