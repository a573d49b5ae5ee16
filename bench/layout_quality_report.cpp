// Layout quality for every engine, next to Graphviz's own drawing of the same map measured in
// the same run (the `neato` binary with -Gsplines=true -Goverlap=false on the exported DOT).
// Run: build/bench/layout_quality_report [--screen 1024x768] [--loops] [MAP-OR-MODEL ...]
// (--loops: only the loop-first layout's rows)
// Without arguments: the sample map, the models in /work/shared/models (or $CAUSEWAY_MODELS),
// and generated 50- and 100-factor maps.
#include "benchmaps.h"

#include "io/export.h"
#include "io/import.h"
#include "io/fileutil.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "layout/looplayout.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace causeway;
namespace fs = std::filesystem;

namespace {

struct Named {
    std::string name;
    SystemMap map;
};

SystemMap withPositions(SystemMap map, const layout::LayoutResult& result)
{
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    return map;
}

// Graphviz's -Tplain output read back as a drawing: inches, y up; edges as B-spline points.
layout::QualityDrawing readPlain(const std::string& text)
{
    layout::QualityDrawing d;
    d.labelSize = 14; // Graphviz's default font size, which its boxes are sized for
    std::map<std::string, std::size_t> index;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string kind;
        words >> kind;
        if (kind == "node") {
            std::string name;
            double x, y, w, h;
            words >> name >> x >> y >> w >> h;
            index[name] = d.boxes.size();
            d.boxes.push_back({{x * 72, -y * 72}, w * 72, h * 72});
        } else if (kind == "edge") {
            std::string tail, head;
            int n = 0;
            words >> tail >> head >> n;
            layout::QualityDrawing::Line l;
            for (int i = 0; i < n; ++i) {
                double x, y;
                words >> x >> y;
                l.curve.push_back({x * 72, -y * 72});
            }
            l.from = index.at(tail);
            l.to = index.at(head);
            d.links.push_back(std::move(l));
        }
    }
    return d;
}

// Runs the neato binary on the map's DOT export, as a user of Graphviz would.
std::string graphvizPlain(const SystemMap& map)
{
    const fs::path dir = fs::temp_directory_path();
    const fs::path dot = dir / ("causeway-quality-" + std::to_string(::getpid()) + ".dot");
    const fs::path out = dir / ("causeway-quality-" + std::to_string(::getpid()) + ".plain");
    std::ofstream(dot) << exportDot(map);
    const std::string command = "neato -Gsplines=true -Goverlap=false -Tplain -o '" + out.string() + "' '" +
                                dot.string() + "' 2>/dev/null";
    const int status = std::system(command.c_str());
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    fs::remove(dot);
    fs::remove(out);
    return status == 0 ? text.str() : std::string();
}

void printRow(const std::string& map, const std::string& drawing, const layout::DrawingQuality& q,
              double ms, bool hasSigns)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-28s %-22s %4zu %5zu %8zu %9zu %8zu %10s %7.1f %8.0f\n",
                  map.substr(0, 28).c_str(), drawing.c_str(), q.factors, q.links, q.linksThroughBoxes,
                  q.crossings, q.overlappingFactors,
                  hasSigns ? (std::to_string(q.overlappingSigns) + "/" + std::to_string(q.signsOnFactors)).c_str()
                           : "-",
                  q.labelPixels, ms);
    std::cout << buf;
}

void report(const Named& m, const layout::ScreenSize& screen)
{
    for (layout::Engine engine : layout::allEngines()) {
        layout::LayoutOptions options;
        options.engine = engine;
        options.compact = true; // as the editor lays out
        for (const Factor& f : m.map.factors()) {
            const FactorBoxText box = layoutFactorBox(f.label);
            options.sizes[f.id] = {box.width, box.height};
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            const layout::LayoutResult result = layout::computeLayout(m.map, options);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            const SystemMap drawn = withPositions(m.map, result);
            printRow(m.name, engineName(engine), layout::measureDrawing(layout::drawingOfMap(drawn), screen), ms, true);
            printRow(m.name, std::string(engineName(engine)) + " unrouted",
                     layout::measureDrawing(layout::drawingOfMap(drawn, {}, false), screen), ms, true);
        } catch (const std::exception& e) {
            std::cout << m.name << ' ' << engineName(engine) << ": " << e.what() << '\n';
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string plain = graphvizPlain(m.map);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (plain.empty())
        std::cout << m.name << " graphviz: the neato binary failed or is missing\n";
    else
        printRow(m.name, "graphviz neato splines", layout::measureDrawing(readPlain(plain), screen), ms, false);
}

// Loop-first rows: the rings reading each way, packed for the screen's shape as the editor does.
void reportLoopFirst(const Named& m, const layout::ScreenSize& screen)
{
    layout::LayoutOptions options;
    options.aspect = screen.width / screen.height;
    for (const Factor& f : m.map.factors()) {
        const FactorBoxText box = layoutFactorBox(f.label);
        options.sizes[f.id] = {box.width, box.height};
    }
    for (const auto direction : {layout::LoopDirection::Clockwise, layout::LoopDirection::Anticlockwise}) {
        const auto start = std::chrono::steady_clock::now();
        const layout::LayoutResult result = layout::loopFirstLayout(m.map, options, direction);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        SystemMap drawn = m.map;
        layout::applyLayout(drawn, result); // positions and the rings' arcs
        printRow(m.name, direction == layout::LoopDirection::Clockwise ? "loops clockwise" : "loops anticlockwise",
                 layout::measureDrawing(layout::drawingOfMap(drawn), screen), ms, true);
    }
}

std::vector<Named> defaultMaps()
{
    std::vector<Named> maps;
    maps.push_back({"peer-nsp (sample)", loadMapFile(CAUSEWAY_SOURCE_DIR "/resources/samples/peer-nsp.causeway")});
    const char* env = std::getenv("CAUSEWAY_MODELS");
    const fs::path models = env ? env : "/work/shared/models";
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(models, ec))
        if (entry.is_regular_file() && isImportable(entry.path().string()))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        try {
            maps.push_back({file.filename().string(), importFile(file.string()).map});
        } catch (const std::exception& e) {
            std::cout << file.string() << ": not imported (" << e.what() << ")\n";
        }
    }
    maps.push_back({"generated 50/150", bench::randomMap(50, 150, 50)});
    maps.push_back({"generated 100/300", bench::randomMap(100, 300, 100)});
    return maps;
}

} // namespace

int main(int argc, char** argv)
{
    layout::ScreenSize screen;
    std::vector<Named> maps;
    bool loopsOnly = false; // --loops: only the loop-first rows
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--loops") {
            loopsOnly = true;
        } else if (arg == "--screen" && i + 1 < argc) {
            std::sscanf(argv[++i], "%lfx%lf", &screen.width, &screen.height);
        } else {
            maps.push_back({fs::path(arg).filename().string(),
                            fileExtension(arg) == "causeway" ? loadMapFile(arg) : importFile(arg).map});
        }
    }
    if (maps.empty())
        maps = defaultMaps();
    std::cout << "Screen " << screen.width << "x" << screen.height
              << "; signs: overlapping pairs / on a factor; label px: font size fitted to the screen\n";
    std::printf("%-28s %-22s %4s %5s %8s %9s %8s %10s %7s %8s\n", "map", "drawing", "fac", "links",
                "thru-box", "crossings", "overlaps", "signs", "labelpx", "ms");
    for (const Named& m : maps)
        if (m.map.factorCount() > 0) {
            if (!loopsOnly)
                report(m, screen);
            reportLoopFirst(m, screen);
        }
    return 0;
}
