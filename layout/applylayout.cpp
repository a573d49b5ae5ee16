// Storing a layout in the map: what the CLI, the benchmarks and the tests do with a result.
#include "layout/layout.h"

namespace causeway::layout {

void applyLayout(SystemMap& map, const LayoutResult& result)
{
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    for (const auto& [id, bend] : result.bends) {
        Link l = map.link(id);
        l.bend = bend;
        map.updateLink(l);
    }
}

} // namespace causeway::layout
