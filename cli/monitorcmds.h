#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace causeway::cli {

// plan, data, monitor and report: after the workshop, what to watch and whether the data agree
// with the map. Each entry is a subcommand and what runs when it is chosen.
std::vector<std::pair<CLI::App*, std::function<int()>>> addMonitorCommands(CLI::App& app);

} // namespace causeway::cli
