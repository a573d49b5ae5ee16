// A whole-command peer for bench/loops_peers.py: counts the elementary loops of a links table
// (From,To,Polarity as causeway-cli export --to csv writes it) with raw Boost hawick_circuits and
// a visitor that only counts, so Causeway's count is compared with the bare library walk.
//     hawick_count links.csv
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

struct Counter {
    std::uint64_t* loops;
    template <class Path, class G>
    void cycle(const Path&, const G&) const
    {
        ++*loops;
    }
};

// The first field of a CSV row, quotes removed (labels with commas are quoted).
std::string field(const std::string& line, std::size_t& at)
{
    std::string out;
    bool quoted = at < line.size() && line[at] == '"';
    for (at += quoted; at < line.size(); ++at) {
        const char c = line[at];
        if (quoted && c == '"') {
            if (at + 1 < line.size() && line[at + 1] == '"') {
                out += '"';
                ++at;
                continue;
            }
            quoted = false;
            continue;
        }
        if (!quoted && c == ',')
            break;
        out += c;
    }
    ++at;
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: hawick_count links.csv\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "hawick_count: cannot read " << argv[1] << '\n';
        return 1;
    }
    std::unordered_map<std::string, std::size_t> vertex;
    Graph g;
    auto id = [&](const std::string& name) {
        const auto [it, added] = vertex.emplace(name, vertex.size());
        if (added)
            boost::add_vertex(g);
        return it->second;
    };
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::size_t at = 0;
        const std::string from = field(line, at);
        const std::string to = field(line, at);
        boost::add_edge(id(from), id(to), g);
    }
    std::uint64_t loops = 0;
    boost::hawick_circuits(g, Counter{&loops});
    std::cout << loops << '\n';
}
