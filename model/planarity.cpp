// planarFaces: Boost.Graph's Boyer-Myrvold test finds the drawing, a face traversal reads it.
#include "model/planarity.h"

#include "model/systemmap.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boyer_myrvold_planar_test.hpp>
#include <boost/graph/planar_face_traversal.hpp>

#include <map>
#include <set>
#include <utility>

namespace causeway {

namespace {

using PlaneGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::property<boost::vertex_index_t, std::size_t>,
                                         boost::property<boost::edge_index_t, std::size_t>>;
using Edge = boost::graph_traits<PlaneGraph>::edge_descriptor;
using Vertex = boost::graph_traits<PlaneGraph>::vertex_descriptor;

// Collects each face's factors as the traversal goes round it.
struct FaceReader : public boost::planar_face_traversal_visitor {
    const std::vector<FactorId>* ids = nullptr;
    std::vector<std::vector<FactorId>>* faces = nullptr;
    void begin_face() { faces->emplace_back(); }
    void next_vertex(Vertex v) { faces->back().push_back((*ids)[v]); }
};

} // namespace

std::optional<std::vector<std::vector<FactorId>>> planarFaces(const SystemMap& map)
{
    const std::vector<FactorId> ids = map.factorIds();
    std::map<FactorId, std::size_t> vertexOf;
    for (std::size_t i = 0; i < ids.size(); ++i)
        vertexOf[ids[i]] = i;
    PlaneGraph g(ids.size());
    std::set<std::pair<std::size_t, std::size_t>> lines;
    for (const Link& l : map.links()) {
        const std::size_t a = vertexOf.at(l.from), b = vertexOf.at(l.to);
        if (a != b && lines.insert(std::minmax(a, b)).second)
            boost::add_edge(a, b, lines.size() - 1, g);
    }
    std::vector<std::vector<Edge>> storage(boost::num_vertices(g));
    auto embedding = boost::make_iterator_property_map(storage.begin(), boost::get(boost::vertex_index, g));
    if (!boost::boyer_myrvold_planarity_test(boost::boyer_myrvold_params::graph = g,
                                             boost::boyer_myrvold_params::embedding = embedding))
        return std::nullopt;
    std::vector<std::vector<FactorId>> faces;
    if (lines.empty())
        return faces;
    FaceReader reader;
    reader.ids = &ids;
    reader.faces = &faces;
    boost::planar_face_traversal(g, embedding, reader);
    return faces;
}

} // namespace causeway
