#include "io/import.h"

#include "io/fileutil.h"
#include "io/importutil.h"
#include "io/mapfile.h"

#include <algorithm>
#include <filesystem>

namespace causeway {

namespace {

// Messages from the parsers name a line; the file name tells which of two tables it is in.
template <class Read>
auto withFileName(const std::string& path, Read read) -> decltype(read())
{
    try {
        return read();
    } catch (const IoError& e) {
        const std::string message = e.what();
        if (message.starts_with(path + ":"))
            throw;
        throw IoError(path + ": " + message);
    }
}

// Importers that read one file with nothing beside it, by extension.
using ModelImporter = ImportResult (*)(std::string_view);
ModelImporter modelImporter(const std::string& ext)
{
    if (ext == "json")
        return importKumu;
    if (ext == "loopy" || ext == "txt")
        return importLoopy;
    if (ext == "mdl")
        return importVensim;
    if (ext == "gexf")
        return importGexf;
    if (ext == "xmile" || ext == "xmi" || ext == "stmx" || ext == "itmx")
        return importXmile;
    return nullptr;
}

std::string supportedList()
{
    std::string out;
    for (const ImportFormat& f : importFormats()) {
        out += out.empty() ? "" : ", ";
        out += f.name + " (";
        for (std::size_t i = 0; i < f.extensions.size(); ++i)
            out += (i ? " ." : ".") + f.extensions[i];
        out += ")";
    }
    return out;
}

// A file with content that gave no factor is a failed import, not an empty map: say why.
void requireFactors(const std::string& path, std::string_view text, const ImportResult& result)
{
    if (result.map.factorCount() > 0 || text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return;
    std::string reason;
    for (std::size_t i = 0; i < result.warnings.size() && i < 3; ++i)
        reason += (reason.empty() ? " (" : "; ") + result.warnings[i];
    throw IoError(path + ": no factors found in the file" + (reason.empty() ? "" : reason + ")"));
}

} // namespace

const std::vector<ImportFormat>& importFormats()
{
    static const std::vector<ImportFormat> formats = {
        {"Links table", {"csv"}},
        {"GraphML", {"graphml"}},
        {"Graphviz DOT", {"dot", "gv"}},
        {"GEXF (Gephi)", {"gexf"}},
        {"Kumu blueprint", {"json"}},
        {"Loopy", {"loopy", "txt"}},
        {"Vensim", {"mdl"}},
        {"XMILE / Stella", {"xmile", "xmi", "stmx", "itmx"}},
    };
    return formats;
}

bool isImportable(const std::string& path)
{
    const std::string ext = fileExtension(path);
    for (const ImportFormat& f : importFormats())
        if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end())
            return true;
    return false;
}

bool needsFirstLayout(const SystemMap& map)
{
    const std::vector<Factor> factors = map.factors();
    if (factors.size() < 2)
        return false;
    const bool together = std::all_of(factors.begin(), factors.end(), [&](const Factor& f) {
        return f.position == factors.front().position;
    });
    return together || importutil::onInitialPlacement(map);
}

ImportResult importFile(const std::string& path, const std::optional<std::string>& factorsCsvPath)
{
    const std::string ext = fileExtension(path);
    if (const ModelImporter read = modelImporter(ext)) {
        const std::string text = readFileLimited(path, kMaxMapFileBytes);
        ImportResult result = withFileName(path, [&] { return read(text); });
        requireFactors(path, text, result);
        if (result.map.title.empty())
            result.map.title = std::filesystem::path(path).stem().string();
        return result;
    }
    if (!isImportable(path))
        throw IoError(path + ": cannot import " + (ext.empty() ? "a file without an extension"
                                                              : "'." + ext + "' files")
                      + " (supported: " + supportedList() + ")");

    const std::string text = readFileLimited(path, kMaxMapFileBytes);
    std::optional<std::string> factors;
    if (factorsCsvPath)
        factors = readFileLimited(*factorsCsvPath, kMaxMapFileBytes);

    ImportResult result;
    if (ext == "csv") {
        try {
            result = factors ? importLinksCsv(text, std::string_view(*factors)) : importLinksCsv(text);
        } catch (const IoError& e) {
            // The importer says "factors table, line 3: ..."; name the file instead.
            constexpr std::string_view factorsPrefix = "factors table, ";
            const std::string_view message = e.what();
            if (factorsCsvPath && message.starts_with(factorsPrefix))
                throw IoError(*factorsCsvPath + ": " + std::string(message.substr(factorsPrefix.size())));
            throw IoError(path + ": " + std::string(message));
        }
    } else {
        result = withFileName(path, [&] {
            return ext == "graphml" ? importGraphml(text) : importDot(text);
        });
        if (factors) {
            // Details for the nodes, and factors without links, from the table; placed below.
            const std::vector<FactorId> added = withFileName(
                *factorsCsvPath, [&] { return applyFactorsTable(result, *factors); });
            double bottom = 0;
            for (const Factor& f : result.map.factors())
                if (std::find(added.begin(), added.end(), f.id) == added.end())
                    bottom = std::max(bottom, f.position.y);
            importutil::placeInitially(result.map, added, {0, bottom + 200});
        }
    }
    requireFactors(path, text, result);
    if (result.map.title.empty())
        result.map.title = std::filesystem::path(path).stem().string();
    return result;
}

} // namespace causeway
