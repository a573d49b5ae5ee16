// Loopy (ncase.me/loopy) models. A Loopy link carries the model in its `?data=` parameter as
// URL-encoded JSON `[nodes, edges, labels, uid]`; labels inside are URL-encoded a second time.
// Nodes are [id, x, y, init, label, hue], edges [from, to, arc, strength, ...], text labels
// [x, y, text].
#include "io/import.h"

#include "io/importutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace causeway {

namespace {

using nlohmann::json;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Lenient percent-decoding: a '%' not followed by two hex digits stays as it is.
std::string percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0
            && hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The JSON array that starts at the first '[' of `text`, up to its matching ']' (strings
// respected), so a payload copied with the rest of a web page or URL still reads.
std::string_view enclosingArray(std::string_view text, std::size_t& trailing)
{
    const std::size_t start = text.find('[');
    if (start == std::string_view::npos)
        throw IoError("not a Loopy model: no '[' starts the model data");
    const importutil::BracketSpan span = importutil::matchBrackets(text, start);
    if (span.tooDeepAt != std::string_view::npos)
        throw IoError("not a Loopy model: the model data is nested deeper than "
                      + std::to_string(importutil::kMaxJsonNesting) + " levels (at character "
                      + std::to_string(span.tooDeepAt + 1) + " of the decoded data)");
    if (span.end == std::string_view::npos)
        throw IoError("not a Loopy model: the model data ends before its closing ']' (at character "
                      + std::to_string(text.size()) + ")");
    trailing = text.size() - span.end;
    return text.substr(start, span.end - start);
}

double number(const json& value, const std::string& where)
{
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        throw IoError(where + ": expected a number");
    return value.get<double>();
}

const char* hueName(int hue)
{
    // Loopy's six node colours, in its palette order.
    static const char* names[] = {"red", "orange", "yellow", "green", "blue", "purple"};
    return hue >= 0 && hue < 6 ? names[hue] : "";
}

// The decoded model text: from a full link or query (the value of `data=`) or a raw payload,
// which may be followed by other text, encoded or not.
std::string decodedPayload(std::string_view text, importutil::Warnings& warnings)
{
    std::string_view payload = text;
    const std::string start = importutil::trim(text.substr(0, 8));
    const bool raw = start.starts_with("[") || importutil::lower(start).starts_with("%5b");
    if (const std::size_t data = payload.find("data="); !raw && data != std::string_view::npos)
        payload = payload.substr(data + 5);
    std::size_t trailing = 0;
    const std::string decoded = percentDecode(payload);
    const std::string_view array = enclosingArray(decoded, trailing);
    if (importutil::trim(decoded.substr(decoded.size() - trailing)).size() > 0)
        warnings.add("ignored " + std::to_string(trailing)
                     + " characters after the end of the Loopy model data");
    return std::string(array);
}

json parseModel(std::string_view array)
{
    json model;
    try {
        model = json::parse(array);
    } catch (const json::parse_error& e) {
        throw IoError("not a Loopy model: the model data is not valid JSON at character "
                      + std::to_string(e.byte) + " of the decoded data");
    } catch (const json::exception& e) { // a number out of range
        std::string reason = e.what();
        if (const std::size_t tag = reason.find("] "); tag != std::string::npos)
            reason = reason.substr(tag + 2);
        throw IoError("not a Loopy model: " + reason);
    }
    if (!model.is_array() || model.size() < 2 || !model[0].is_array() || !model[1].is_array())
        throw IoError("not a Loopy model: expected [nodes, edges, labels, uid]");
    return model;
}

std::map<double, FactorId> readNodes(const json& nodes, SystemMap& map, importutil::Warnings& warnings)
{
    std::map<double, FactorId> byLoopyId;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const json& node = nodes[i];
        const std::string where = "node " + std::to_string(i + 1);
        if (!node.is_array() || node.size() < 5)
            throw IoError(where + ": expected [id, x, y, init, label, hue]");
        const double id = number(node[0], where + " id");
        Factor factor;
        factor.position = {number(node[1], where + " x"), number(node[2], where + " y")};
        factor.label = node[4].is_string() ? importutil::trim(percentDecode(node[4].get<std::string>()))
                                           : std::string();
        if (factor.label.empty()) {
            warnings.add(where + ": no label; named 'node " + std::to_string(i + 1) + "'");
            factor.label = "node " + std::to_string(i + 1);
        }
        if (node.size() > 5 && node[5].is_number_integer())
            factor.group = hueName(node[5].get<int>());
        if (byLoopyId.contains(id)) {
            warnings.add(where + ": a second node with the same id skipped");
            continue;
        }
        byLoopyId[id] = map.addFactor(factor);
    }
    return byLoopyId;
}

void readEdges(const json& edges, const std::map<double, FactorId>& byLoopyId, SystemMap& map,
               importutil::Warnings& warnings)
{
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const json& edge = edges[i];
        const std::string where = "edge " + std::to_string(i + 1);
        if (!edge.is_array() || edge.size() < 4)
            throw IoError(where + ": expected [from, to, arc, strength, ...]");
        const auto from = byLoopyId.find(number(edge[0], where + " from"));
        const auto to = byLoopyId.find(number(edge[1], where + " to"));
        if (from == byLoopyId.end() || to == byLoopyId.end()) {
            warnings.add(where + ": refers to a node that does not exist; skipped");
            continue;
        }
        const double strength = number(edge[3], where + " strength");
        Link link;
        link.from = from->second;
        link.to = to->second;
        link.polarity = strength > 0 ? Polarity::Positive
            : strength < 0           ? Polarity::Negative
                                     : Polarity::Unknown;
        if (strength == 0)
            warnings.add(where + ": strength 0, imported as '?'");
        if (map.findLink(link.from, link.to)) {
            warnings.add(where + ": a second edge between the same nodes skipped");
            continue;
        }
        map.addLink(link);
    }
}

// Text labels have no place in a map: keep their text in the description.
void readTextLabels(const json& model, SystemMap& map, importutil::Warnings& warnings)
{
    if (model.size() <= 2 || !model[2].is_array() || model[2].empty())
        return;
    for (const json& label : model[2])
        if (label.is_array() && label.size() >= 3 && label[2].is_string()) {
            if (!map.description.empty())
                map.description += "\n\n";
            map.description += percentDecode(label[2].get<std::string>());
        }
    warnings.count("Loopy text labels are not factors; their text is in the map description",
                   model[2].size());
}

} // namespace

ImportResult importLoopy(std::string_view text)
{
    ImportResult result;
    importutil::Warnings warnings(result.warnings);
    const json model = parseModel(decodedPayload(text, warnings));
    importutil::checkMapSize(model[0].size(), model[1].size());
    const std::map<double, FactorId> byLoopyId = readNodes(model[0], result.map, warnings);
    readEdges(model[1], byLoopyId, result.map, warnings);
    readTextLabels(model, result.map, warnings);
    warnings.finish();
    return result;
}

} // namespace causeway
