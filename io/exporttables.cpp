#include "io/export.h"

#include "io/csv.h"

#include <set>

namespace causeway {

namespace {

void requireUniqueLabels(const SystemMap& map)
{
    std::set<std::string> seen;
    for (const Factor& f : map.factors())
        if (!seen.insert(f.label).second)
            throw IoError("Two factors are labelled '" + f.label
                          + "'; a links table names factors by label, so rename one first.");
}

} // namespace

std::string exportLinksCsv(const SystemMap& map)
{
    requireUniqueLabels(map);
    std::string out = csvRow({"From", "To", "Polarity", "Delay", "Label", "Note"});
    for (const Link& l : map.links())
        // Polarity (+ - ?) is written as the symbol the importer and other tools read; every
        // other cell is neutralised against spreadsheet formulas (see csvField).
        out += csvRow({map.factor(l.from).label, map.factor(l.to).label, polaritySymbol(l.polarity),
                       l.delay ? "yes" : "", l.label, l.note},
                      ',', {2});
    return out;
}

std::string exportFactorsCsv(const SystemMap& map)
{
    requireUniqueLabels(map);
    std::string out = csvRow({"Label", "Group", "Description"});
    for (const Factor& f : map.factors())
        out += csvRow({f.label, f.group, f.description});
    return out;
}

} // namespace causeway
