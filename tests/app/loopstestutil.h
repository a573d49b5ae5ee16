#pragma once

// Shared by the loop explorer tests: a panel on a document, waiting for background work.

#include "app/canvas/canvasemphasis.h"
#include "app/canvas/canvasscene.h"
#include "app/canvas/canvasview.h"
#include "app/document/document.h"
#include "app/loops/loopjob.h"
#include "app/loops/loopspanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>
#include <random>

namespace causeway::testing {

// Processes events until `done` or `ms` pass; returns `done()`.
inline bool waitUntil(const std::function<bool()>& done, int ms = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

struct LoopsUi {
    Document doc;
    CanvasScene scene{&doc};
    CanvasView view{&scene};
    CanvasEmphasis emphasis{&scene};
    LoopsPanel panel{&view, &emphasis};

    LoopsUi()
    {
        view.resize(800, 600);
        panel.resize(400, 600);
    }
    // Shows the panel (it only searches while shown) and waits for the search to end.
    bool listAll(int ms = 20000)
    {
        panel.show();
        panel.restartNow();
        return waitUntil([&] { return !panel.job()->isRunning(); }, ms);
    }
};

// 100 factors, each with 3 links to distinct other factors chosen by a seeded generator: a map
// as dense as the workshop maps with hundreds of millions of loops.
inline SystemMap denseMap(std::uint64_t seed = 7, int factors = 100, int outDegree = 3)
{
    SystemMap map;
    std::vector<FactorId> ids;
    ids.reserve(std::size_t(factors));
    for (int i = 0; i < factors; ++i) {
        const int row = i / 10, column = i % 10; // ten to a row
        ids.push_back(map.addFactor(Factor{.label = "F" + std::to_string(i),
                                           .position = {double(column) * 200, double(row) * 120}}));
    }
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<int> pick(0, factors - 1);
    std::bernoulli_distribution negative(0.4);
    for (int i = 0; i < factors; ++i) {
        int added = 0;
        while (added < outDegree) {
            const int j = pick(random);
            if (j == i || map.findLink(ids[std::size_t(i)], ids[std::size_t(j)]))
                continue;
            map.addLink(Link{.from = ids[std::size_t(i)], .to = ids[std::size_t(j)],
                             .polarity = negative(random) ? Polarity::Negative : Polarity::Positive});
            ++added;
        }
    }
    return map;
}

} // namespace causeway::testing
