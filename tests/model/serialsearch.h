#pragma once

// The serial searches as an oracle for the counters the loop tests check (parallel, frontier).

#include "model/loopsearch.h"

#include <gtest/gtest.h>

namespace causeway::testing {

// The loops of the whole graph (or through one vertex or link) by the Boost Hawick search, or
// by the bounded search when maxLength is set: engines the counters share no code with.
inline LoopCounts bySerialSearch(const loopdetail::LoopGraph& g, const loopdetail::LoopFilter& filter,
                                 std::size_t maxLength)
{
    loopdetail::CountingSink sink;
    const loopdetail::SearchEnd end = maxLength ? loopdetail::boundedSearch(g, filter, 1, maxLength, nullptr, sink)
                                                : loopdetail::hawickSearch(g, filter, nullptr, sink);
    EXPECT_EQ(end, loopdetail::SearchEnd::Completed);
    return sink.counts;
}

} // namespace causeway::testing
