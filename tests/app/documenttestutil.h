#pragma once

#include "app/document/document.h"


#include <gtest/gtest.h>

#include <functional>

namespace causeway {

// The narrow seam Document grants tests: its map, changed behind the history as only a bug could.
struct DocumentTestAccess {
    static SystemMap& map(Document& doc) { return doc.m_map; }
};

} // namespace causeway

namespace causeway::test {

inline Factor makeFactor(const char* label, Point position = {})
{
    Factor f;
    f.label = label;
    f.position = position;
    return f;
}

inline Link makeLink(FactorId from, FactorId to, Polarity polarity)
{
    Link l;
    l.from = from;
    l.to = to;
    l.polarity = polarity;
    return l;
}

// Every factor moved by `by`, as a layout's step would move them.
inline std::vector<MapChange> everyFactorMoved(const Document& doc, Point by)
{
    std::vector<MapChange> changes;
    for (const Factor& f : doc.map().factors()) {
        Factor after = f;
        after.position = {f.position.x + by.x, f.position.y + by.y};
        changes.push_back(change::UpdateFactor{f, after});
    }
    return changes;
}

// A -> B (+), B -> C (-), C unlinked to A; positions far apart so moves are visible.
inline void loadTriangle(Document& doc)
{
    SystemMap m;
    const FactorId a = m.addFactor(makeFactor("A", {0, 0}));
    const FactorId b = m.addFactor(makeFactor("B", {100, 0}));
    const FactorId c = m.addFactor(makeFactor("C", {200, 0}));
    m.addLink(makeLink(a, b, Polarity::Positive));
    m.addLink(makeLink(b, c, Polarity::Negative));
    doc.replaceMap(std::move(m));
}

inline FactorId idOf(const Document& doc, const char* label)
{
    return *doc.map().findFactorByLabel(label);
}

// Runs `edit`, which must push exactly one step, then checks that undo restores the map exactly
// and redo -> undo -> redo goes between the same two snapshots.
inline void expectOneUndoableStep(Document& doc, const std::function<bool()>& edit)
{
    const SystemMap before = doc.map();
    const int count = doc.undoCount();
    ASSERT_TRUE(edit());
    ASSERT_EQ(doc.undoCount(), count + 1);
    const SystemMap after = doc.map();
    EXPECT_FALSE(after == before);
    doc.undo();
    EXPECT_TRUE(doc.map() == before);
    doc.redo();
    EXPECT_TRUE(doc.map() == after);
    doc.undo();
    EXPECT_TRUE(doc.map() == before);
    doc.redo();
    EXPECT_TRUE(doc.map() == after);
}

} // namespace causeway::test
