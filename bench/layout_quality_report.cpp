// Layout quality for every engine, next to Graphviz's own drawing of the same map measured in
// the same run (the `neato` binary with -Gsplines=true -Goverlap=false, and `dot`, on the
// exported DOT). Times: CPU (all threads) and wall, medians of --runs runs (the machine is
// shared: run several); for Causeway the layout and the routing of its links, as `causeway-cli
// layout` and the editor do (it judges random starts on every core); for Graphviz the whole
// command's process.
// Run: build/bench/layout_quality_report [--screen 1024x768] [--runs 5] [--loops] [--save DIR]
// [MAP-OR-MODEL ...] (--loops: only the loop-first layout's rows; --save: each map measured also
// written to DIR as a .causeway file, e.g. the generated maps, to lay out with causeway-cli)
// Without arguments: the sample map, the models in /work/shared/models (or $CAUSEWAY_MODELS),
// and generated 50- and 100-factor maps. Rows "neato 4:3": what `causeway-cli layout MAP` does
// by default (neato packed for a 4:3 screen).
#include "benchmaps.h"

#include "io/export.h"
#include "io/import.h"
#include "io/fileutil.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "layout/looplayout.h"
#include "layout/quality.h"
#include "layout/textmetrics.h"

#include <cctype>
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

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ctime>

extern char** environ;

using namespace causeway;
namespace fs = std::filesystem;

namespace {

struct Named {
    std::string name;
    SystemMap map;
};

// The map as the layout leaves it: its positions, and the bends it chose.
SystemMap withPositions(SystemMap map, const layout::LayoutResult& result)
{
    layout::applyLayout(map, result);
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

int timedRuns = 5;

double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double childrenCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec)) * 1e3
         + (double(u.ru_utime.tv_usec) + double(u.ru_stime.tv_usec)) / 1e3;
}

double wallMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Milliseconds of one drawing: CPU time (every thread of the process, or the Graphviz command's
// process) and wall time (what a user waits: Causeway judges starts on every core).
struct Timing {
    double cpu = 0;
    double wall = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// Runs a Graphviz binary on the map's DOT export, as a user of Graphviz would; `ms` gets the
// median CPU and wall time of its process (spawned directly: no shell's time counted).
std::string graphvizPlain(const SystemMap& map, std::vector<std::string> command, Timing& ms)
{
    const fs::path dir = fs::temp_directory_path();
    const fs::path dot = dir / ("causeway-quality-" + std::to_string(::getpid()) + ".dot");
    const fs::path out = dir / ("causeway-quality-" + std::to_string(::getpid()) + ".plain");
    std::ofstream(dot) << exportDot(map);
    command.insert(command.end(), {"-Tplain", "-o", out.string(), dot.string()});
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (std::string& word : command)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::vector<double> times, walls;
    bool ok = true;
    for (int run = 0; run < timedRuns && ok; ++run) {
        const double before = childrenCpuMs();
        const double wallBefore = wallMs();
        pid_t pid = 0;
        int status = 1;
        ok = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0
          && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        times.push_back(childrenCpuMs() - before);
        walls.push_back(wallMs() - wallBefore);
    }
    ms = {median(times), median(walls)};
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    fs::remove(dot);
    fs::remove(out);
    return ok ? text.str() : std::string();
}

void printRow(const std::string& map, const std::string& drawing, const layout::DrawingQuality& q,
              Timing ms, bool hasSigns)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-28s %-22s %4zu %5zu %8zu %9zu %8zu %10s %7s %7.1f %8.1f %8.1f\n",
                  map.substr(0, 28).c_str(), drawing.c_str(), q.factors, q.links, q.linksThroughBoxes,
                  q.crossings, q.overlappingFactors,
                  hasSigns ? (std::to_string(q.overlappingSigns) + "/" + std::to_string(q.signsOnFactors) + "/"
                              + std::to_string(q.signsOnLines)).c_str()
                           : "-",
                  hasSigns ? (std::to_string(q.delayMarksOnFactors) + "/" + std::to_string(q.signsOnDelayMarks) + "/"
                              + std::to_string(q.overlappingDelayMarks)).c_str()
                           : "-",
                  q.labelPixels, ms.cpu, ms.wall);
    std::cout << buf;
}

// The peers: Graphviz's command line on the same DOT, neato with its own spline routing and
// overlap removal, dot, and circo (Graphviz's ring layout, the loop-first rows' peer) with its
// own splines (the ms columns are each command's CPU and wall time).
void graphvizRows(const Named& m, const layout::ScreenSize& screen)
{
    const std::vector<std::pair<std::string, std::vector<std::string>>> peers{
        {"graphviz neato splines", {"neato", "-Gsplines=true", "-Goverlap=false"}},
        {"graphviz dot", {"dot"}},
        {"graphviz circo splines", {"circo", "-Gsplines=true"}},
    };
    for (const auto& [name, command] : peers) {
        Timing ms;
        const std::string plain = graphvizPlain(m.map, command, ms);
        if (plain.empty())
            std::cout << m.name << " " << name << ": the " << command.front() << " binary failed or is missing\n";
        else
            printRow(m.name, name, layout::measureDrawing(readPlain(plain), screen), ms, false);
    }
}

// One engine's rows: the drawing as Causeway draws it (links routed) and unrouted.
void engineRows(const Named& m, const layout::ScreenSize& screen, layout::LayoutOptions options,
                const std::string& name)
{
    for (const Factor& f : m.map.factors()) {
        const FactorBoxText box = layoutFactorBox(f.label);
        options.sizes[f.id] = {box.width, box.height};
    }
    try {
        // Timed as drawn: laid out, then every link routed (computeLinkShapes).
        layout::LayoutResult result;
        SystemMap drawn;
        layout::QualityDrawing drawing;
        std::vector<double> times, walls;
        for (int run = 0; run < timedRuns; ++run) {
            const double start = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
            const double wallStart = wallMs();
            result = layout::computeLayout(m.map, options);
            drawn = withPositions(m.map, result);
            drawing = layout::drawingOfMap(drawn);
            times.push_back(cpuMs(CLOCK_PROCESS_CPUTIME_ID) - start);
            walls.push_back(wallMs() - wallStart);
        }
        const Timing ms{median(times), median(walls)};
        printRow(m.name, name, layout::measureDrawing(drawing, screen), ms, true);
        printRow(m.name, name + " unrouted", layout::measureDrawing(layout::drawingOfMap(drawn, {}, false), screen),
                 ms, true);
    } catch (const std::exception& e) {
        std::cout << m.name << ' ' << name << ": " << e.what() << '\n';
    }
}

void report(const Named& m, const layout::ScreenSize& screen)
{
    for (layout::Engine engine : layout::allEngines()) {
        layout::LayoutOptions options;
        options.engine = engine;
        options.compact = true; // as the editor lays out
        engineRows(m, screen, options, engineName(engine));
    }
    // What `causeway-cli layout MAP` does by default: neato packed for a 4:3 screen.
    layout::LayoutOptions cli;
    cli.compact = true;
    cli.aspect = 4.0 / 3.0;
    engineRows(m, screen, cli, "neato 4:3");
    graphvizRows(m, screen);
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
        const double start = cpuMs(CLOCK_PROCESS_CPUTIME_ID); // one run: CPU and wall, as the other rows
        const double wallStart = wallMs();
        const layout::LayoutResult result = layout::loopFirstLayout(m.map, options, direction);
        const Timing ms{cpuMs(CLOCK_PROCESS_CPUTIME_ID) - start, wallMs() - wallStart};
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
    std::string saveTo;     // --save DIR
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "Usage: layout_quality_report [--screen WxH] [--runs N] [--loops] [--save DIR] [MAP-OR-MODEL ...]\n";
            return 0;
        }
        if (arg == "--loops") {
            loopsOnly = true;
        } else if (arg == "--save" && i + 1 < argc) {
            saveTo = argv[++i];
        } else if (arg == "--runs" && i + 1 < argc) {
            timedRuns = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--screen" && i + 1 < argc) {
            std::sscanf(argv[++i], "%lfx%lf", &screen.width, &screen.height);
        } else {
            try {
                maps.push_back({fs::path(arg).filename().string(),
                                fileExtension(arg) == "causeway" ? loadMapFile(arg) : importFile(arg).map});
            } catch (const std::exception& e) {
                std::cerr << "layout_quality_report: " << e.what() << '\n';
                return 1;
            }
        }
    }
    if (maps.empty())
        maps = defaultMaps();
    if (!saveTo.empty()) {
        std::error_code unmade; // then saving says why
        fs::create_directories(saveTo, unmade); // a folder not there yet is made, not a crash
        try {
            for (const Named& m : maps) {
                std::string file = m.name; // "generated 50/150" -> generated-50-150.causeway
                std::replace_if(
                    file.begin(), file.end(),
                    [](char c) {
                        return !std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_';
                    },
                    '-');
                saveMapFile(m.map, (fs::path(saveTo) / (file + ".causeway")).string());
            }
        } catch (const std::exception& e) {
            std::cerr << "layout_quality_report: --save " << saveTo << ": " << e.what() << '\n';
            return 1;
        }
    }
    std::cout << "Screen " << screen.width << "x" << screen.height
              << "; signs: overlapping pairs / on a factor / on another link's line; delays: delay marks on a factor / "
                 "under a sign / on another mark; label px: font size fitted to the screen; "
              << "cpu, wall: ms of CPU time (all threads) and of wall time, medians of " << timedRuns
              << " runs\n";
    std::printf("%-28s %-22s %4s %5s %8s %9s %8s %10s %7s %7s %8s %8s\n", "map", "drawing", "fac", "links",
                "thru-box", "crossings", "overlaps", "signs", "delays", "labelpx", "cpu", "wall");
    for (const Named& m : maps)
        if (m.map.factorCount() > 0) {
            if (!loopsOnly)
                report(m, screen);
            reportLoopFirst(m, screen);
        }
    return 0;
}
