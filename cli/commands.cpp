#include "cli/commands.h"
#include "cli/terminaltext.h"

#include "io/import.h"
#include "io/mapfile.h"
#include "model/systemmap.h"

#include <iostream>

namespace causeway::cli {

int runImport(const ImportOptions& options)
{
    ImportResult result = importFile(options.input, options.factors);
    for (const std::string& w : result.warnings)
        std::cerr << "warning: " << w << '\n';
    saveMapFile(result.map, options.output);
    std::cout << "Imported " << result.map.factorCount() << " factors and " << result.map.linkCount()
              << " links into " << options.output << '\n';
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
