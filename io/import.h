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

// GEXF (Gephi): node label, group/category and description attributes, viz:position (y up);
// edge polarity from a polarity/sign attribute, a +/- label or the sign of its weight, delay
// and note attributes; mutual edges both ways; undirected ones from source to target.
ImportResult importGexf(std::string_view text);

// Graphviz DOT, read by Graphviz's own parser: labels, polarity from a `polarity` or `sign`
// attribute (or a tool-prefixed one such as `sm_polarity`) or an edge label naming a polarity
// (importutil::readLinkText; other label text is the link's label), delay (`delay`/`sm_delay`
// or a delay mark in the label), group, description, note, and positions from `pos` (points,
// y up; "!" marks pinned). Subgraphs nested deeper than 100 levels are refused.
ImportResult importDot(std::string_view text);

// Kumu blueprint JSON: `elements` (label, element type, description, tags) and `connections`
// (from/to by id or label; `type` or `connection type` such as +, -, ++, +-, same, opposite, and
// other text becomes the link label; direction), positions from `position` or the first of
// `maps`, named `loops` as loop labels.
ImportResult importKumu(std::string_view text);

// Loopy (ncase.me/loopy): a full link, its `?data=` query or the raw payload
// [nodes, edges, labels, uid]; edge strength > 0 is +, < 0 is -; positions kept.
ImportResult importLoopy(std::string_view text);

// Vensim .mdl: variables and arrows of the sketch section (ghost copies merged by name), arrow
// polarity and delay marks, stocks and flows as signed links, positions, R/B loop markers as
// loop labels where they match a loop. Arrows that only set a stock's initial value are skipped.
ImportResult importVensim(std::string_view text);

// XMILE (.xmile, Stella .stmx/.itmx): stocks, flows and auxiliaries; links from the names each
// equation uses (stocks: inflow +, outflow -); polarity from the view's connectors (aliases
// resolved), '?' otherwise; positions from the first view.
ImportResult importXmile(std::string_view text);

// Whether the map has never been laid out: its factors all share one position (new factors
// start at 0,0) or stand on the circle or grid an importer gives a file without positions.
// The editor and `causeway-cli import` lay such a map out at once.
bool needsFirstLayout(const SystemMap& map);

// The formats importFile reads: a name for a file dialog and the extensions (lower case, no dot).
struct ImportFormat {
    std::string name;
    std::vector<std::string> extensions;
};
const std::vector<ImportFormat>& importFormats();
bool isImportable(const std::string& path); // by extension

// Chooses the importer from the extension (.csv, .graphml) and reads the file(s). A file with
// content that yields no factor is refused (IoError), never an empty map.
ImportResult importFile(const std::string& path,
                        const std::optional<std::string>& factorsCsvPath = std::nullopt);

} // namespace causeway
