#pragma once

// Factor and link values for tests that build maps by hand (model and io tests).

#include "model/systemmap.h"

#include <optional>
#include <string>

namespace causeway::test {

// Built field by field: designated initializers that skip fields warn under -Wextra (GCC 12).
inline Factor makeFactor(const std::string& label, const std::string& group = {},
                         const std::string& description = {}, Point position = {})
{
    Factor f;
    f.label = label;
    f.group = group;
    f.description = description;
    f.position = position;
    return f;
}

inline Link makeLink(FactorId from, FactorId to, Polarity polarity = Polarity::Positive,
                     const std::string& label = {}, const std::string& note = {},
                     std::optional<Point> bend = {})
{
    Link l;
    l.from = from;
    l.to = to;
    l.polarity = polarity;
    l.label = label;
    l.note = note;
    l.bend = bend;
    return l;
}

// A factor with only a label (and a place).
inline Factor named(const std::string& label, Point position = {})
{
    return makeFactor(label, {}, {}, position);
}

// A balancing loop A -> B -(-)-> C -> A with a tail C -> D (story and presentation tests).
struct TriangleWithTail {
    SystemMap map;
    FactorId a, b, c, d;
    LinkId ab, bc, ca, cd;
    TriangleWithTail()
    {
        a = map.addFactor(named("A"));
        b = map.addFactor(named("B"));
        c = map.addFactor(named("C"));
        d = map.addFactor(named("D"));
        ab = map.addLink(makeLink(a, b));
        bc = map.addLink(makeLink(b, c, Polarity::Negative));
        ca = map.addLink(makeLink(c, a));
        cd = map.addLink(makeLink(c, d));
    }
};

} // namespace causeway::test
