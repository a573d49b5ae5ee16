#pragma once

#include "io/ioerror.h"
#include "model/systemmap.h"

#include <string>

namespace causeway {

// Tables in the columns the CSV importer reads back: links From,To,Polarity,Delay,Label,Note and
// factors Label,Group,Description. Labels must be unique for a table to name factors unambiguously;
// exportLinksCsv throws IoError naming the first repeated label otherwise.
std::string exportLinksCsv(const SystemMap& map);
std::string exportFactorsCsv(const SystemMap& map);

// GraphML with keys label, description, group, x, y, pinned (nodes) and polarity, delay, label,
// note (edges): readable by networkx, yEd and Gephi, and by importGraphml.
std::string exportGraphml(const SystemMap& map);

// Graphviz DOT: node labels, groups (as clusters' attribute `group`), positions as
// pos="x,y!" in points with y up, so `neato -n` reproduces the drawing; links carry the polarity
// as label and attribute, delay as attribute and a double-bar label mark.
std::string exportDot(const SystemMap& map);

} // namespace causeway
