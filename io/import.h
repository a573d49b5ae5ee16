#pragma once

#include "io/ioerror.h"
#include "model/systemmap.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace causeway {

// What an importer made, and what it could not map (skipped rows, unknown polarity, ...).
struct ImportResult {
    SystemMap map;
    std::vector<std::string> warnings;
};

// Links table: header From,To,Polarity (case-insensitive; optional Delay, Label, Note), RFC 4180
// quoting. Factors are created from the labels in order of first appearance. An optional factors
// table (Label,Group,Description) adds details and factors that have no links.
// Throws IoError with the line number and reason for malformed input.
ImportResult importLinksCsv(std::string_view linksCsv,
                            std::optional<std::string_view> factorsCsv = std::nullopt);

// GraphML as written by networkx, yEd or Gephi: node label from a `label`/`name` attribute (or
// a yEd NodeLabel) or the node id; polarity from an edge attribute `polarity` or `sign`.
ImportResult importGraphml(std::string_view text);

// Chooses the importer from the extension (.csv, .graphml) and reads the file(s).
ImportResult importFile(const std::string& path,
                        const std::optional<std::string>& factorsCsvPath = std::nullopt);

} // namespace causeway
